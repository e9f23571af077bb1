/** Plain GeoJSON-shaped coordinate types used by the geo modules (lon, lat in degrees). */
export type Position = [number, number];
export type Ring = Position[];
/** One polygon: the outer ring first, then holes. */
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: MultiPolygonCoords };

/** A division's shape after parsing: WGS84, with the code and name picked from its properties. */
export interface DivisionShape {
  /** Position of the feature in the source file, for messages. */
  index: number;
  code: string | null;
  name: string | null;
  geometry: AreaGeometry;
}

/** A town as the map needs it: seat in WGS84 [lon, lat]. */
export interface TownSeat {
  code: string;
  name: string;
  seat: [number, number];
}

export type Crs = 'gcj02' | 'wgs84';

/** Polygons of any area geometry as a MultiPolygon coordinate list. */
export function polygonsOf(geometry: AreaGeometry): MultiPolygonCoords {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
