/**
 * Time helpers for the read model. The cache stores instants as ms UTC and dates as
 * 'YYYY-MM-DD' in Asia/Shanghai, which has been a fixed UTC+8 (no DST) since 1991.
 */
import type { IsoDate, IsoTime } from '../../shared/readModel';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export function isoTime(ms: number): IsoTime {
  return new Date(ms).toISOString();
}

export function isoTimeOrNull(ms: number | null | undefined): IsoTime | null {
  return ms == null ? null : isoTime(ms);
}

/** The Asia/Shanghai calendar date of an instant. */
export function localDate(ms: number): IsoDate {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local date `days` days after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last `count` local dates ending with the one containing `nowMs`, oldest first. */
export function lastLocalDates(nowMs: number, count: number): IsoDate[] {
  const today = localDate(nowMs);
  return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
}
