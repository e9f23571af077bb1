/**
 * Simulated-district time. Internally everything is epoch milliseconds; on the wire every
 * timestamp is ISO 8601 in the district's local time (China Standard Time, +08:00), to the
 * second, as district systems send it. The arithmetic is the shared district time's.
 */
import { DAY_MS, DEFAULT_TIME_ZONE, HOUR_MS, MINUTE_MS, districtTime } from '../../shared/districtTime';

export const MINUTE = MINUTE_MS;
export const HOUR = HOUR_MS;
export const DAY = DAY_MS;

/** Every simulated district is a Chinese one: China Standard Time. */
export const SIM_TIME = districtTime(DEFAULT_TIME_ZONE);
export const { isoLocal, localDate, localHour, localWeekday, localMidnight } = SIM_TIME;

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
