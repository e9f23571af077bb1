export { createMapProvider, type MapProvider, type MapProviderOptions, type MapConfig } from './mapProvider';
export { DEFAULT_MAX_BOUNDARY_BYTES } from './loadBoundaryFile';
