/**
 * Reads a boundary file's text — GeoJSON (FeatureCollection, Feature, bare Polygon or
 * MultiPolygon) or TopoJSON — into validated WGS84 division shapes with a code and name.
 * Every rejection names what is wrong and where (see validate.ts).
 */
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { toWgs84 } from './crs';
import { MAX_ERRORS, featureLabel, validateAreaGeometry } from './validate';
import { polygonsOf, type AreaGeometry, type Crs, type DivisionShape } from './types';

export interface ParseOptions {
  format?: 'auto' | 'geojson' | 'topojson';
  /** The file's coordinate system as configured; anything but gcj02/wgs84 is rejected. */
  crs: string;
  /** Property holding the division code; auto-detected from common names when omitted. */
  codeProperty?: string;
  nameProperty?: string;
  /** TopoJSON object to read (default: the first). */
  object?: string;
  /** Town and city files must give every feature a code; a bare outline need not. */
  requireCode?: boolean;
}

export type ParseResult =
  | { ok: true; shapes: DivisionShape[]; crs: Crs }
  | { ok: false; errors: string[] };

export const CODE_PROPERTY_CANDIDATES = ['code', 'adcode', 'ADCODE', 'Code', 'CODE', 'gb', 'GB', 'xzqdm', 'XZQDM', 'PAC', '区划代码', 'id'];
export const NAME_PROPERTY_CANDIDATES = ['name', 'NAME', 'Name', 'xzqmc', 'XZQMC', '名称'];

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  return `line ${before.split('\n').length}, column ${pos - before.lastIndexOf('\n')}`;
}

/**
 * JSON.parse with the place of the error as line and column. V8 gives either a position or,
 * for an unexpected token, a short excerpt ("...xx,,]]" is not valid JSON) that we look up.
 */
function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    if (/line \d+/.test(msg)) return { error: `malformed JSON: ${msg}` };
    const at = /position (\d+)/.exec(msg);
    if (at) return { error: `malformed JSON: ${msg} (${lineColumn(text, Number(at[1]))})` };
    const excerpt = /(\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(msg);
    if (excerpt && excerpt[2]) {
      const start = text.indexOf(excerpt[2]);
      // When V8 cuts the excerpt ("...), it starts it 10 characters before the bad token.
      const offset = excerpt[1] ? Math.min(10, excerpt[2].length - 1) : 0;
      const what = msg.slice(0, excerpt.index).replace(/,\s*$/, '');
      if (start >= 0) return { error: `malformed JSON: ${what} (near ${lineColumn(text, start + offset)})` };
    }
    if (/Unexpected end/.test(msg)) return { error: `malformed JSON: ${msg} (the file ends early: truncated?)` };
    return { error: `malformed JSON: ${msg}` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** CRS names a GeoJSON 2008 "crs" member may carry that mean lon/lat on WGS84 (or CGCS2000, within 1 m). */
const LONLAT_CRS = /CRS84$|EPSG:{1,2}4326$|EPSG:{1,2}4490$/i;

/** TopoJSON → GeoJSON, or the reason it cannot be read. */
function decodeTopology(topo: Record<string, unknown>, objectName: string | undefined): { value: unknown } | { error: string } {
  if (!isObject(topo.objects) || Object.keys(topo.objects).length === 0) return { error: 'TopoJSON has no objects' };
  if (!Array.isArray(topo.arcs)) return { error: "TopoJSON has no 'arcs' array" };
  const names = Object.keys(topo.objects);
  const name = objectName ?? names[0];
  const object = topo.objects[name];
  if (!object) return { error: `TopoJSON object '${name}' not found (objects in the file: ${names.join(', ')})` };
  try {
    return { value: topoFeature(topo as unknown as Topology, object as never) };
  } catch (e) {
    return { error: `TopoJSON object '${name}' could not be decoded: ${(e as Error).message}` };
  }
}

interface RawFeature {
  index: number | null;
  properties: Record<string, unknown>;
  geometry: unknown;
}

/** The features of any accepted GeoJSON root, or the reason the root is not accepted. */
function rawFeatures(root: Record<string, unknown>): RawFeature[] | string {
  switch (root.type) {
    case 'FeatureCollection':
      if (!Array.isArray(root.features)) return "FeatureCollection has no 'features' array";
      return root.features.map((f, index) => ({
        index,
        properties: isObject(f) && isObject(f.properties) ? f.properties : {},
        geometry: isObject(f) ? f.geometry : f,
      }));
    case 'Feature':
      return [{ index: 0, properties: isObject(root.properties) ? root.properties : {}, geometry: root.geometry }];
    case 'Polygon':
    case 'MultiPolygon':
      return [{ index: null, properties: {}, geometry: root }];
    default:
      return `unsupported GeoJSON type ${JSON.stringify(root.type)} (expected FeatureCollection, Feature, Polygon, MultiPolygon or a TopoJSON Topology)`;
  }
}

function propertyValue(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function pick(properties: Record<string, unknown>, configured: string | undefined, candidates: string[]): { key: string | null; value: string | null } {
  if (configured) return { key: configured, value: propertyValue(properties[configured]) };
  for (const key of candidates) {
    const value = propertyValue(properties[key]);
    if (value) return { key, value };
  }
  return { key: null, value: null };
}

function convert(geometry: AreaGeometry, crs: Crs): AreaGeometry {
  const f = toWgs84(crs);
  const polygons = polygonsOf(geometry).map((poly) => poly.map((ring) => ring.map(f)));
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Parses and validates an already-decoded JSON value. */
export function parseBoundaryValue(value: unknown, opts: ParseOptions): ParseResult {
  if (opts.crs !== 'gcj02' && opts.crs !== 'wgs84') {
    return { ok: false, errors: [`unknown CRS '${opts.crs}' (expected gcj02 or wgs84)`] };
  }
  const crs: Crs = opts.crs;
  if (!isObject(value)) return { ok: false, errors: [`the file holds ${Array.isArray(value) ? 'an array' : typeof value}, not a GeoJSON or TopoJSON object`] };

  let root = value;
  const format = opts.format ?? 'auto';
  if (root.type === 'Topology') {
    if (format === 'geojson') return { ok: false, errors: ["format is set to 'geojson' but the file is TopoJSON (type 'Topology')"] };
    const decoded = decodeTopology(root, opts.object);
    if ('error' in decoded) return { ok: false, errors: [decoded.error] };
    if (!isObject(decoded.value)) return { ok: false, errors: ['TopoJSON decoded to nothing'] };
    root = decoded.value;
  } else if (format === 'topojson') {
    return { ok: false, errors: [`format is set to 'topojson' but the file's type is ${JSON.stringify(root.type)}, not 'Topology'`] };
  }

  // A GeoJSON 2008 file may name its CRS; anything but lon/lat degrees cannot be used as is.
  const declared = isObject(root.crs) && isObject(root.crs.properties) ? root.crs.properties.name : undefined;
  if (typeof declared === 'string' && !LONLAT_CRS.test(declared)) {
    return { ok: false, errors: [`unknown CRS '${declared}' declared in the file (expected gcj02 or wgs84 lon/lat degrees; reproject to EPSG:4326 first)`] };
  }

  const features = rawFeatures(root);
  if (typeof features === 'string') return { ok: false, errors: [features] };
  if (features.length === 0) return { ok: false, errors: ['the file has no features'] };

  const errors: string[] = [];
  const shapes: DivisionShape[] = [];
  const byCode = new Map<string, number>();
  for (const raw of features) {
    if (errors.length >= MAX_ERRORS) {
      errors.push(`… stopped after ${MAX_ERRORS} problems`);
      break;
    }
    const name = pick(raw.properties, opts.nameProperty, NAME_PROPERTY_CANDIDATES).value;
    const label = featureLabel(raw.index, name);
    const code = pick(raw.properties, opts.codeProperty, CODE_PROPERTY_CANDIDATES);
    if (opts.requireCode && !code.value) {
      const present = Object.keys(raw.properties);
      const has = present.length ? `properties present: ${present.join(', ')}` : 'it has no properties';
      errors.push(
        code.key
          ? `${label}: property '${code.key}' missing or empty (${has})`
          : `${label}: no code property (looked for ${CODE_PROPERTY_CANDIDATES.join(', ')}; set codeProperty) — ${has}`,
      );
    }
    if (code.value) {
      const other = byCode.get(code.value);
      if (other !== undefined) errors.push(`${label}: code ${code.value} is also used by feature ${other}`);
      else byCode.set(code.value, raw.index ?? 0);
    }
    const geometry = validateAreaGeometry(raw.geometry, label, errors);
    if (geometry) shapes.push({ index: raw.index ?? 0, code: code.value, name, geometry: convert(geometry, crs) });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, shapes, crs };
}

/** Parses and validates a boundary file's text. */
export function parseBoundary(text: string, opts: ParseOptions): ParseResult {
  if (opts.crs !== 'gcj02' && opts.crs !== 'wgs84') {
    return { ok: false, errors: [`unknown CRS '${opts.crs}' (expected gcj02 or wgs84)`] };
  }
  const json = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if ('error' in json) return { ok: false, errors: [json.error] };
  return parseBoundaryValue(json.value, opts);
}
