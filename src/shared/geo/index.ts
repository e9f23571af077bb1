/** Boundary parsing, validation and generated maps; pure code, usable in the core and the renderer. */
export { parseBoundary, parseBoundaryValue, type ParseOptions, type ParseResult } from './parse';
export { validateAreaGeometry } from './validate';
export { approximateTowns, type ApproximateResult, type TownCell } from './approximate';
export { schematicTowns, type SchematicResult, type SchematicCell } from './schematic';
export { gcj02ToWgs84, wgs84ToGcj02, distanceMetres } from './crs';
export { canonicalCode } from './codes';
export { MAP_LABELS } from './labels';
export type { AreaGeometry, DivisionShape, TownSeat, Crs, Position } from './types';
