/**
 * Approximate town cells inside a real district outline: each town gets the part of the
 * outline closer to its seat than to any other seat (Voronoi, clipped). The result covers the
 * outline exactly and every seat lies in its own cell; it is labelled approximate (近似)
 * because real town borders follow roads and rivers, not equidistance.
 */
import polygonClipping from 'polygon-clipping';
import { distanceMetres } from './crs';
import { interiorPoint, nearestBoundaryPoint, pointInMultiPolygon } from './geometry';
import { clippedVoronoi } from './voronoi';
import type { AreaGeometry, MultiPolygonCoords, Position, TownSeat } from './types';

export interface TownCell {
  type: 'Feature';
  properties: { code: string; name: string; approximate: true; seat: Position };
  geometry: AreaGeometry;
}

export interface ApproximateResult {
  features: TownCell[];
  /** The outline the cells fill, as one MultiPolygon. */
  outline: MultiPolygonCoords;
  notices: string[];
}

export function asGeometry(polygons: MultiPolygonCoords): AreaGeometry {
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

const fmt = (p: Position) => `[${p[0].toFixed(5)}, ${p[1].toFixed(5)}]`;

/**
 * Moves a seat outside the outline to just inside its nearest boundary point, stepping
 * further in until it is inside (a boundary point itself may test either way).
 */
function snapInside(seat: Position, outline: MultiPolygonCoords): Position {
  const edge = nearestBoundaryPoint(seat, outline);
  const centre = interiorPoint(outline);
  for (let step = 0.0002; step < 0.05; step *= 2) {
    // Continue from the seat through the boundary point, then (fallback) toward the interior.
    const dx = edge[0] - seat[0], dy = edge[1] - seat[1];
    const len = Math.hypot(dx, dy) || 1;
    const through: Position = [edge[0] + (dx / len) * step, edge[1] + (dy / len) * step];
    if (pointInMultiPolygon(through, outline)) return through;
    const cx = centre[0] - edge[0], cy = centre[1] - edge[1];
    const clen = Math.hypot(cx, cy) || 1;
    const inward: Position = [edge[0] + (cx / clen) * step, edge[1] + (cy / clen) * step];
    if (pointInMultiPolygon(inward, outline)) return inward;
  }
  return centre;
}

/** Seats prepared for Voronoi: inside the outline and distinct, with notices for each change. */
function prepareSeats(towns: TownSeat[], outline: MultiPolygonCoords, notices: string[]): Position[] {
  const used = new Set<string>();
  return towns.map((t) => {
    let p: Position = [t.seat[0], t.seat[1]];
    if (!pointInMultiPolygon(p, outline)) {
      const moved = snapInside(p, outline);
      const km = (distanceMetres(p, moved) / 1000).toFixed(1);
      notices.push(`${t.name} (${t.code}): seat ${fmt(p)} is outside the district outline; moved ${km} km to ${fmt(moved)} inside it`);
      p = moved;
    }
    // Identical seats would leave one town without a cell: nudge ~20 m east, deterministically.
    while (used.has(p.join(','))) {
      notices.push(`${t.name} (${t.code}): seat ${fmt(p)} coincides with another town's; nudged slightly`);
      p = [p[0] + 0.0002, p[1]];
    }
    used.add(p.join(','));
    return p;
  });
}

/** Town cells inside `outline` (WGS84), one per town with a seat. */
export function approximateTowns(outline: MultiPolygonCoords, towns: TownSeat[]): ApproximateResult {
  const notices: string[] = [];
  // Merge whatever polygons the outline file had into one clean area.
  const area = polygonClipping.union(outline[0], ...outline.slice(1)) as MultiPolygonCoords;
  const seats = prepareSeats(towns, area, notices);
  const cells = clippedVoronoi(seats, area);
  const features: TownCell[] = [];
  towns.forEach((t, i) => {
    if (!cells[i] || cells[i].length === 0) {
      notices.push(`${t.name} (${t.code}): no area left for this town inside the outline`);
      return;
    }
    features.push({
      type: 'Feature',
      properties: { code: t.code, name: t.name, approximate: true, seat: seats[i] },
      geometry: asGeometry(cells[i]),
    });
  });
  return { features, outline: area, notices };
}
