/**
 * Messages between the cockpit page (host) and the isolated 3D map frame. The frame is
 * sandboxed with an opaque origin, so both sides check every message's shape (and the host
 * its source window) instead of its origin, and ignore anything else.
 */
import { LEVELS, type Level } from '../../shared/contract';
import type { MapModel } from '../../shared/readModel';

export interface Map3DTown {
  code: string;
  name: string;
  level: Level | null;
  /** Risk score 0–100 (extrusion height); null when unknown. */
  score: number | null;
}

export interface Map3DLabels {
  /** Provenance label that must stay visible, e.g. "示意图 · 非标准地图". */
  provenance: string;
  /** Legend names per level, e.g. { red: '高风险', ... }. */
  levels?: Partial<Record<Level, string>>;
}

/** Host → frame. */
export interface Map3DRenderMessage {
  type: 'render';
  geojson: MapModel['geojson'];
  towns: Map3DTown[];
  labels: Map3DLabels;
  /**
   * Device pixels per CSS pixel to draw at. The wall scales the frame with the page (CSS
   * transform), so on a 4K wall the frame must draw at window DPR × wall scale to stay sharp.
   */
  pixelRatio?: number;
}

/** Frame → host. */
export type Map3DFrameMessage =
  | { type: 'ready' }
  | { type: 'rendered'; features: number }
  | { type: 'no-webgl'; reason: string }
  | { type: 'error'; message: string }
  /** The viewer clicked a town; `code` is one of the towns the last render message gave. */
  | { type: 'select'; code: string };

const MAX_FEATURES = 2000;
const MAX_TOWNS = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

function isFeature(f: unknown): boolean {
  if (!isObject(f) || f.type !== 'Feature' || !isObject(f.properties) || !isObject(f.geometry)) return false;
  const g = f.geometry;
  return isText(f.properties.code) && isText(f.properties.name) && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);
}

function isTown(t: unknown): boolean {
  if (!isObject(t) || !isText(t.code) || !isText(t.name)) return false;
  const levelOk = t.level === null || (LEVELS as readonly unknown[]).includes(t.level);
  const scoreOk = t.score === null || (typeof t.score === 'number' && Number.isFinite(t.score) && t.score >= 0 && t.score <= 100);
  return levelOk && scoreOk;
}

function isLabels(l: unknown): boolean {
  if (!isObject(l) || !isText(l.provenance)) return false;
  if (l.levels !== undefined) {
    if (!isObject(l.levels)) return false;
    for (const [k, v] of Object.entries(l.levels)) if (!(LEVELS as readonly string[]).includes(k) || !isText(v, 40)) return false;
  }
  return true;
}

/** Is this a well-formed render message? Anything else is ignored by the frame. */
export function isRenderMessage(data: unknown): data is Map3DRenderMessage {
  if (!isObject(data) || data.type !== 'render') return false;
  const g = data.geojson;
  if (!isObject(g) || g.type !== 'FeatureCollection' || !Array.isArray(g.features) || g.features.length > MAX_FEATURES) return false;
  if (!Array.isArray(data.towns) || data.towns.length > MAX_TOWNS) return false;
  if (data.pixelRatio !== undefined && !(typeof data.pixelRatio === 'number' && data.pixelRatio >= 0.5 && data.pixelRatio <= 8)) return false;
  return g.features.every(isFeature) && data.towns.every(isTown) && isLabels(data.labels);
}

/** Is this one of the frame's messages? */
export function isFrameMessage(data: unknown): data is Map3DFrameMessage {
  if (!isObject(data)) return false;
  switch (data.type) {
    case 'ready':
      return true;
    case 'rendered':
      return typeof data.features === 'number';
    case 'no-webgl':
      return typeof data.reason === 'string';
    case 'error':
      return typeof data.message === 'string';
    case 'select':
      return isText(data.code, 64) && data.code.length > 0;
    default:
      return false;
  }
}

/**
 * The host's gate for messages from its frame: only a message whose source is the frame's own
 * window and whose shape is known counts (the opaque-origin frame has no origin to check), and
 * a 'select' only for a town the host gave the frame. Anything else → null, ignored.
 */
export function acceptFrameMessage(
  event: { source: unknown; data: unknown },
  frameWindow: unknown,
  townCodes: ReadonlySet<string>,
): Map3DFrameMessage | null {
  if (frameWindow == null || event.source !== frameWindow || !isFrameMessage(event.data)) return null;
  if (event.data.type === 'select' && !townCodes.has(event.data.code)) return null;
  return event.data;
}
