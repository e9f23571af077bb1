/**
 * The built-in schematic map (示意图): drawn from the towns' public seat points alone, when no
 * official boundary is configured. Cells are Voronoi regions clipped to a rounded hull around
 * the seats: recognisably arranged like the district, and obviously not a real map.
 */
import { asGeometry } from './approximate';
import { clippedVoronoi } from './voronoi';
import type { AreaGeometry, MultiPolygonCoords, Position, Ring, TownSeat } from './types';

export interface SchematicCell {
  type: 'Feature';
  properties: { code: string; name: string; schematic: true; seat: Position };
  geometry: AreaGeometry;
}

const RAD = Math.PI / 180;

/** Andrew's monotone chain; returns the hull counter-clockwise, not closed. */
export function convexHull(points: Position[]): Position[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Position[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Position[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Median distance (degrees, lon scaled by cos lat) from each seat to its nearest neighbour. */
function medianSpacing(points: Position[], kx: number): number {
  if (points.length < 2) return 0.02;
  const nearest = points.map((p, i) => {
    let best = Infinity;
    points.forEach((q, j) => {
      if (i !== j) best = Math.min(best, Math.hypot((p[0] - q[0]) * kx, p[1] - q[1]));
    });
    return best;
  });
  nearest.sort((a, b) => a - b);
  return nearest[Math.floor(nearest.length / 2)] || 0.02;
}

/** The seats' convex hull grown by `radius` with rounded corners (a convex Minkowski sum). */
function roundedHull(points: Position[], kx: number): Ring {
  const radius = Math.max(0.6 * medianSpacing(points, kx), 0.005);
  const around: Position[] = [];
  for (const [x, y] of points) {
    for (let k = 0; k < 32; k++) {
      const a = (k / 32) * 2 * Math.PI;
      around.push([x + (radius * Math.cos(a)) / kx, y + radius * Math.sin(a)]);
    }
  }
  const hull = convexHull(around);
  return [...hull, hull[0]];
}

export interface SchematicResult {
  features: SchematicCell[];
  /** The rounded hull the cells fill (not a real boundary). */
  hull: MultiPolygonCoords;
}

export function schematicTowns(towns: TownSeat[]): SchematicResult {
  if (towns.length === 0) return { features: [], hull: [] };
  const seats = towns.map((t) => [t.seat[0], t.seat[1]] as Position);
  const meanLat = seats.reduce((s, p) => s + p[1], 0) / seats.length;
  const hull: MultiPolygonCoords = [[roundedHull(seats, Math.cos(meanLat * RAD))]];
  const cells = clippedVoronoi(seats, hull);
  const features: SchematicCell[] = [];
  towns.forEach((t, i) => {
    if (cells[i]?.length) {
      features.push({ type: 'Feature', properties: { code: t.code, name: t.name, schematic: true, seat: seats[i] }, geometry: asGeometry(cells[i]) });
    }
  });
  return { features, hull };
}
