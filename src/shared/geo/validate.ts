/**
 * Checks one area geometry as read from a file and says exactly what is wrong and where, in
 * words a GIS clerk can act on: "feature 3 (星桥街道), polygon 0, ring 0: self-intersection
 * between edges 12 and 57". Coordinates are checked in the file's own CRS, before conversion.
 */
import { findSelfIntersections } from './selfIntersection';
import { pointInRing } from './geometry';
import type { AreaGeometry, MultiPolygonCoords, Position, Ring } from './types';

/** Stop collecting after this many problems: the first few are what the clerk fixes first. */
export const MAX_ERRORS = 50;

/** Where a problem is: a feature (or the bare geometry), optionally a polygon and ring. */
export interface Place {
  /** e.g. "feature 3 (星桥街道)" or "geometry". */
  label: string;
  /** Set for MultiPolygons, where the polygon number matters. */
  polygon?: number;
  ring?: number;
}

export function describePlace(p: Place): string {
  let s = p.label;
  if (p.polygon !== undefined) s += `, polygon ${p.polygon}`;
  if (p.ring !== undefined) s += `, ring ${p.ring}`;
  return s;
}

export function featureLabel(index: number | null, name: string | null): string {
  if (index === null) return 'geometry';
  return name ? `feature ${index} (${name})` : `feature ${index}`;
}

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Is this a plausible [lon, lat] in degrees? Returns why not, with a hint, or null. */
function implausible([x, y]: Position): string | null {
  if (x >= -180 && x <= 180 && y >= -90 && y <= 90) return null;
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000) {
    return 'is outside plausible lon/lat; it looks like projected metres (e.g. EPSG:3857) — export lon/lat degrees';
  }
  if (Math.abs(x) <= 90 && Math.abs(y) <= 180) return 'is outside plausible lon/lat; are longitude and latitude swapped? GeoJSON order is [lon, lat]';
  return 'is outside plausible lon/lat (lon −180…180, lat −90…90)';
}

/** Validates one ring's positions; returns them typed when usable. */
function checkRing(raw: unknown, where: string, errors: string[]): Ring | null {
  if (!Array.isArray(raw)) {
    errors.push(`${where}: ring is ${show(raw)}, not an array of [lon, lat] positions`);
    return null;
  }
  const ring: Ring = [];
  let bad = 0;
  raw.forEach((pos, v) => {
    const ok = Array.isArray(pos) && pos.length >= 2 && typeof pos[0] === 'number' && typeof pos[1] === 'number' &&
      Number.isFinite(pos[0]) && Number.isFinite(pos[1]);
    if (!ok) {
      if (bad++ === 0) errors.push(`${where}, vertex ${v}: coordinate ${show(pos)} is not a number pair [lon, lat]`);
      return;
    }
    const p: Position = [pos[0], pos[1]];
    const why = implausible(p);
    if (why) {
      if (bad++ === 0) errors.push(`${where}, vertex ${v}: coordinate ${show(pos)} ${why}`);
      return;
    }
    ring.push(p);
  });
  if (bad > 1) errors.push(`${where}: ${bad - 1} more bad coordinates in this ring`);
  if (bad) return null;
  if (ring.length < 4) {
    errors.push(`${where}: has ${ring.length} positions; a closed ring needs at least 4 (3 corners + the first repeated)`);
    return null;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push(`${where}: ring is not closed (first vertex ${show(first)} ≠ last vertex ${show(last)}; repeat the first vertex at the end)`);
    return null;
  }
  const crossings = findSelfIntersections(ring);
  if (crossings.length) {
    const [c] = crossings;
    const more = crossings.length > 1 ? ` (and ${crossings.length - 1} more)` : '';
    errors.push(`${where}: self-intersection between edges ${c.edgeA} and ${c.edgeB}${more}, near ${show(ring[c.edgeB])}`);
    return null;
  }
  return ring;
}

/** Hole vertices tested against the shell: enough to catch misplaced holes, bounded for huge rings. */
const HOLE_SAMPLES = 64;

/** A hole must lie inside its polygon's outer ring (vertices shared with the shell are fine). */
function checkHole(outer: Ring, hole: Ring, where: string, errors: string[]): boolean {
  const shell = new Set(outer.map((p) => `${p[0]},${p[1]}`));
  const step = Math.max(1, Math.floor((hole.length - 1) / HOLE_SAMPLES));
  let outside = 0;
  let firstOutside = -1;
  let considered = 0;
  for (let v = 0; v < hole.length - 1; v += step) {
    const p = hole[v];
    if (shell.has(`${p[0]},${p[1]}`)) continue;
    considered++;
    if (!pointInRing(p, outer)) {
      outside++;
      if (firstOutside < 0) firstOutside = v;
    }
  }
  if (!outside) return true;
  if (outside === considered) errors.push(`${where}: hole is not inside the outer ring`);
  else errors.push(`${where}: hole crosses the outer ring (vertex ${firstOutside} is outside it)`);
  return false;
}

function checkPolygon(raw: unknown, place: Place, errors: string[]): Ring[] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(`${describePlace(place)}: polygon has no rings (got ${show(raw)})`);
    return null;
  }
  const rings: Ring[] = [];
  let ok = true;
  raw.forEach((r, i) => {
    const ring = checkRing(r, describePlace({ ...place, ring: i }), errors);
    if (ring) rings.push(ring);
    else ok = false;
  });
  if (!ok) return null;
  for (let h = 1; h < rings.length; h++) {
    if (!checkHole(rings[0], rings[h], describePlace({ ...place, ring: h }), errors)) ok = false;
  }
  return ok ? rings : null;
}

/**
 * Validates a raw GeoJSON geometry object. Returns the typed geometry, or null with the
 * reasons appended to `errors`.
 */
export function validateAreaGeometry(raw: unknown, label: string, errors: string[]): AreaGeometry | null {
  if (raw === null || raw === undefined) {
    errors.push(`${label}: has no geometry`);
    return null;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push(`${label}: geometry is ${show(raw)}, not an object`);
    return null;
  }
  const g = raw as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    errors.push(`${label}: geometry type ${show(g.type)} is not an area (expected Polygon or MultiPolygon)`);
    return null;
  }
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    errors.push(`${label}: ${g.type} has no coordinates`);
    return null;
  }
  if (g.type === 'Polygon') {
    const rings = checkPolygon(g.coordinates, { label }, errors);
    return rings ? { type: 'Polygon', coordinates: rings } : null;
  }
  const polygons: MultiPolygonCoords = [];
  let ok = true;
  g.coordinates.forEach((p, i) => {
    const rings = checkPolygon(p, { label, polygon: i }, errors);
    if (rings) polygons.push(rings);
    else ok = false;
  });
  return ok ? { type: 'MultiPolygon', coordinates: polygons } : null;
}
