/** Voronoi cells of seat points, clipped to an area: the basis of approximate and schematic towns. */
import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import { bboxOf } from './geometry';
import type { MultiPolygonCoords, Position, Ring } from './types';

/**
 * One clipped cell per point (empty when a point's cell misses the area). Cells are computed
 * with longitude scaled by cos(latitude) so they are fair in metres, not in degrees.
 */
export function clippedVoronoi(points: Position[], area: MultiPolygonCoords): MultiPolygonCoords[] {
  if (points.length === 0) return [];
  const [minX, minY, maxX, maxY] = bboxOf([[points], ...area]);
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const padX = (maxX - minX) * 0.2 + 0.01;
  const padY = (maxY - minY) * 0.2 + 0.01;
  const bounds: [number, number, number, number] = [(minX - padX) * kx, minY - padY, (maxX + padX) * kx, maxY + padY];
  const delaunay = Delaunay.from(points.map(([x, y]) => [x * kx, y] as [number, number]));
  const voronoi = delaunay.voronoi(bounds);
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return [];
    const ring: Ring = cell.map(([x, y]) => [x / kx, y] as Position);
    return polygonClipping.intersection([ring], area) as MultiPolygonCoords;
  });
}
