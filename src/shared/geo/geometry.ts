/** Small planar helpers on lon/lat polygons: areas, containment, bounding boxes, nearest points. */
import type { MultiPolygonCoords, PolygonCoords, Position, Ring } from './types';

const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function bboxOf(polygons: MultiPolygonCoords): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of polygons) for (const ring of polygon) for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Signed shoelace area in squared degrees (positive = counter-clockwise). */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * Area in square metres, projecting lon/lat equirectangularly at the shapes' mean latitude.
 * For a district (tens of km) the error is far below 0.1%, and it needs no projection library.
 */
export function areaSquareMetres(polygons: MultiPolygonCoords): number {
  const [, minLat, , maxLat] = bboxOf(polygons);
  const k = Math.cos(((minLat + maxLat) / 2) * RAD) * (RAD * EARTH_RADIUS_M) * (RAD * EARTH_RADIUS_M);
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      total += i === 0 ? a : -a;
    });
  }
  return total * k;
}

/** Even-odd ray casting; points exactly on an edge may fall either way. */
export function pointInRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(p: Position, polygon: PolygonCoords): boolean {
  if (!polygon.length || !pointInRing(p, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) if (pointInRing(p, polygon[h])) return false;
  return true;
}

export function pointInMultiPolygon(p: Position, polygons: MultiPolygonCoords): boolean {
  return polygons.some((polygon) => pointInPolygon(p, polygon));
}

/** The closest point to `p` on any ring edge (planar, in degrees scaled by cos(lat)). */
export function nearestBoundaryPoint(p: Position, polygons: MultiPolygonCoords): Position {
  const kx = Math.cos(p[1] * RAD);
  let best: Position = p;
  let bestD = Infinity;
  for (const polygon of polygons) for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      const dx = (bx - ax) * kx, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 ? (((p[0] - ax) * kx) * dx + (p[1] - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const q: Position = [ax + (bx - ax) * t, ay + (by - ay) * t];
      const d = ((q[0] - p[0]) * kx) ** 2 + (q[1] - p[1]) ** 2;
      if (d < bestD) { bestD = d; best = q; }
    }
  }
  return best;
}

/** An interior point near the polygon's area centroid (the centroid itself if inside). */
export function interiorPoint(polygons: MultiPolygonCoords): Position {
  let largest = polygons[0];
  let largestArea = -1;
  for (const polygon of polygons) {
    const a = Math.abs(ringSignedArea(polygon[0]));
    if (a > largestArea) { largestArea = a; largest = polygon; }
  }
  const ring = largest[0];
  let cx = 0, cy = 0, a2 = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % n];
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
    a2 += f;
  }
  const c: Position = a2 ? [cx / (3 * a2), cy / (3 * a2)] : ring[0];
  if (pointInPolygon(c, largest)) return c;
  // Concave shape: scan a horizontal line through the centroid and take the widest inside span.
  const xs: number[] = [];
  for (const r of largest) for (let i = 0; i + 1 < r.length; i++) {
    const [x1, y1] = r[i];
    const [x2, y2] = r[i + 1];
    if (y1 > c[1] !== y2 > c[1]) xs.push(x1 + ((c[1] - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((a, b) => a - b);
  let bestMid = ring[0][0], bestW = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > bestW) { bestW = xs[i + 1] - xs[i]; bestMid = (xs[i] + xs[i + 1]) / 2; }
  }
  return [bestMid, c[1]];
}
