/**
 * Turning a system's values into the contract's: local times into ISO 8601 with an offset,
 * "96%" into 0.96, 是/否 into booleans, "司法所、综治中心" into a list. Each failure says what
 * the value was, so a quarantined record explains itself.
 */
import type { CONVERSIONS } from '../../../shared/sources';

export type Conversion = (typeof CONVERSIONS)[number];

export class ConversionError extends Error {}

const show = (v: unknown) => {
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const offsets = new Map<string, number>();
/** "+08:00" → minutes east of UTC. */
export function offsetMinutes(offset: string): number {
  let m = offsets.get(offset);
  if (m === undefined) {
    m = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
    offsets.set(offset, m);
  }
  return m;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digitsAt = (s: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/**
 * "2026-11-01 08:00:00" — how most systems write a local time — straight to ISO at `offset`,
 * without a Date (a backfill converts millions); null when the text is any other shape.
 */
function localSecondsToIso(s: string, offset: string): string | null {
  if (s.length !== 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (s.charCodeAt(10) !== 32 && s.charCodeAt(10) !== 84) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  if (!digitsAt(s, 0, 4) || !digitsAt(s, 5, 7) || !digitsAt(s, 8, 10) || !digitsAt(s, 11, 13) || !digitsAt(s, 14, 16) || !digitsAt(s, 17, 19)) return null;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > days || Number(s.slice(11, 13)) > 23 || Number(s.slice(14, 16)) > 59 || Number(s.slice(17, 19)) > 59) return null;
  return `${s.slice(0, 10)}T${s.slice(11, 19)}${offset}`;
}

/** Epoch ms as ISO 8601 at a fixed offset: 2026-11-01T08:00:00+08:00 (milliseconds only when present). */
export function isoAtOffset(ms: number, offset: string): string {
  const d = new Date(ms + offsetMinutes(offset) * 60_000);
  const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}${offset}`
  );
}

// 2026-11-01, 2026/11/01, 2026.11.01, 2026年11月1日, then optionally a time and an offset (or Z).
const LOCAL_TIME =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.(\d{1,9}))?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of a time value; local times (no offset) are read at `offset`. */
export function timeMs(value: unknown, offset: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.abs(value) >= 1e11 ? value : value * 1000;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  if (typeof value === 'string') {
    const s = value.trim();
    if (/^\d{10}(\d{3})?$/.test(s)) return timeMs(Number(s), offset);
    const m = LOCAL_TIME.exec(s);
    if (m) {
      const [y, mo, d, h = '0', mi = '0', sec = '0', frac = '0'] = m.slice(1, 8).map((x) => x ?? undefined) as string[];
      const zone = m[8];
      const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec)];
      const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], Number(frac.slice(0, 3).padEnd(3, '0')));
      const back = new Date(utc);
      // Date.UTC rolls 2026-02-30 over into March: a date that does not exist is an error.
      if (back.getUTCMonth() !== parts[1] - 1 || back.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
        throw new ConversionError(`${show(value)} is not a real date and time`);
      }
      const zoneText = zone === undefined ? offset : zone === 'Z' ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      return utc - offsetMinutes(zoneText) * 60_000;
    }
  }
  throw new ConversionError(`cannot read ${show(value)} as a time`);
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '有', '在岗', '有效']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '无', '离岗', '无效']);

function toNumber(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const s = value.trim().replace(/[,，\s]/g, '');
    const pct = s.endsWith('%');
    const n = Number(pct ? s.slice(0, -1) : s);
    if (s !== '' && s !== '%' && Number.isFinite(n)) return pct ? n / 100 : n;
  }
  throw new ConversionError(`cannot read ${show(value)} as a number`);
}

/** Applies one conversion; null stays null (except for 'list', which makes it []). */
export function convert(value: unknown, as: Conversion, offset: string): unknown {
  if (as === 'list') {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value;
    if (typeof value === 'string') return value.split(/[,，、;；|]/).map((x) => x.trim()).filter(Boolean);
    return [value];
  }
  if (value === null || value === undefined) return null;
  switch (as) {
    case 'string':
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw new ConversionError(`cannot read ${show(value)} as text`);
    case 'number':
      return toNumber(value);
    case 'integer': {
      const n = toNumber(value);
      if (!Number.isInteger(n)) throw new ConversionError(`${show(value)} is not a whole number`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const key = String(value).trim().toLowerCase();
      if (TRUE.has(key)) return true;
      if (FALSE.has(key)) return false;
      throw new ConversionError(`cannot read ${show(value)} as yes or no`);
    }
    case 'time':
      return (typeof value === 'string' && localSecondsToIso(value, offset)) || isoAtOffset(timeMs(value, offset), offset);
    case 'date':
      return isoAtOffset(timeMs(value, offset), offset).slice(0, 10);
  }
}
