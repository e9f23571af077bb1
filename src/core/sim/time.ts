/**
 * Simulated-district time. Internally everything is epoch milliseconds; on the wire every
 * timestamp is ISO 8601 in China Standard Time (+08:00), to the second, as district
 * systems send it.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const OFFSET = 8 * HOUR;

/** '2026-11-27T09:05:00+08:00' */
export function isoLocal(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + OFFSET);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** Local calendar date, 'YYYY-MM-DD'. */
export function localDate(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** Local hour of day, 0–23. */
export function localHour(ms: number): number {
  return new Date(ms + OFFSET).getUTCHours();
}

/** Local day of week, 0 = Sunday. */
export function localWeekday(ms: number): number {
  return new Date(ms + OFFSET).getUTCDay();
}

/** Start of the local day containing ms. */
export function localMidnight(ms: number): number {
  return ms - ((((ms + OFFSET) % DAY) + DAY) % DAY);
}

/** Whole seconds: wire times carry no milliseconds, so plans never hold them either. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * ms if its local time of day is within [fromH, toH), else the next such window's opening
 * plus `lateMs` (e.g. work left overnight is picked up in the morning).
 */
export function withinHours(ms: number, fromH: number, toH: number, lateMs: number): number {
  const midnight = localMidnight(ms);
  const hour = (ms - midnight) / HOUR;
  if (hour >= fromH && hour < toH) return ms;
  return (hour < fromH ? midnight : midnight + DAY) + fromH * HOUR + lateMs;
}
