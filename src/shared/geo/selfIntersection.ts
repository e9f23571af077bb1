/**
 * Finds edges of one ring that cross or touch each other (other than neighbours sharing a
 * vertex). Edges are bucketed into a uniform grid so only edges in the same cell are compared:
 * near O(n) for real boundaries instead of O(n²).
 */
import type { Ring } from './types';

export interface EdgeCrossing {
  /** Edge i runs from vertex i to vertex i+1 of the ring as written in the file. */
  edgeA: number;
  edgeB: number;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** Do edges i and j (stored as ax, ay, bx, by in `e`) touch or cross? */
function segmentsIntersect(e: Float64Array, i: number, j: number): boolean {
  const ax = e[4 * i], ay = e[4 * i + 1], bx = e[4 * i + 2], by = e[4 * i + 3];
  const cx = e[4 * j], cy = e[4 * j + 1], dx = e[4 * j + 2], dy = e[4 * j + 3];
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return true;
  return false;
}

/**
 * Crossings in a closed ring (first vertex repeated last). Zero-length edges (repeated
 * vertices) are ignored. Stops after `limit` findings: one is enough to reject a file.
 */
export function findSelfIntersections(ring: Ring, limit = 5): EdgeCrossing[] {
  // Edges as ax, ay, bx, by with their original index, skipping repeated vertices.
  const coords: number[] = [];
  const edgeIndex: number[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    if (ax === bx && ay === by) continue;
    coords.push(ax, ay, bx, by);
    edgeIndex.push(i);
  }
  const n = edgeIndex.length;
  if (n < 3) return [];
  const e = Float64Array.from(coords);

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let totalLength = 0;
  for (let k = 0; k < n; k++) {
    const ax = e[4 * k], ay = e[4 * k + 1], bx = e[4 * k + 2], by = e[4 * k + 3];
    minX = Math.min(minX, ax, bx); maxX = Math.max(maxX, ax, bx);
    minY = Math.min(minY, ay, by); maxY = Math.max(maxY, ay, by);
    totalLength += Math.abs(bx - ax) + Math.abs(by - ay);
  }
  // Cells about twice the mean edge length: boundaries are long thin curves, so a grid sized
  // by edge count alone (√n × √n) would put hundreds of edges in each cell along the curve.
  const extent = Math.max(maxX - minX, maxY - minY) || 1;
  const size = Math.max((2 * totalLength) / n, extent / 16_384);
  const side = Math.ceil(extent / size) + 1;
  const cellOf = (v: number, min: number) => Math.min(side - 1, Math.max(0, Math.floor((v - min) / size)));

  // Each edge's range of cells, and the edges listed in every cell they reach.
  const range = new Int32Array(4 * n);
  const grid = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const x0 = cellOf(Math.min(e[4 * k], e[4 * k + 2]), minX), x1 = cellOf(Math.max(e[4 * k], e[4 * k + 2]), minX);
    const y0 = cellOf(Math.min(e[4 * k + 1], e[4 * k + 3]), minY), y1 = cellOf(Math.max(e[4 * k + 1], e[4 * k + 3]), minY);
    range[4 * k] = x0; range[4 * k + 1] = x1; range[4 * k + 2] = y0; range[4 * k + 3] = y1;
    for (let gx = x0; gx <= x1; gx++) for (let gy = y0; gy <= y1; gy++) {
      const key = gy * side + gx;
      const list = grid.get(key);
      if (list) list.push(k); else grid.set(key, [k]);
    }
  }

  const found: EdgeCrossing[] = [];
  for (const [key, list] of grid) {
    const gx = key % side;
    const gy = (key - gx) / side;
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const i = Math.min(list[a], list[b]);
      const j = Math.max(list[a], list[b]);
      // Neighbouring edges share a vertex by construction (including last ↔ first).
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      // A pair sharing several cells is tested once: in the first cell both reach.
      if (Math.max(range[4 * i], range[4 * j]) !== gx || Math.max(range[4 * i + 2], range[4 * j + 2]) !== gy) continue;
      if (segmentsIntersect(e, i, j)) {
        found.push({ edgeA: edgeIndex[i], edgeB: edgeIndex[j] });
        if (found.length >= limit) return found.sort((x, y) => x.edgeA - y.edgeA || x.edgeB - y.edgeB);
      }
    }
  }
  return found.sort((x, y) => x.edgeA - y.edgeA || x.edgeB - y.edgeB);
}
