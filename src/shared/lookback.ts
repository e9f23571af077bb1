/**
 * Looking back (回看): the whole cockpit as of the end of a past local day. One as-of for every
 * page, so the wall can never mix today's events with last month's map. Shared by the core
 * (which answers for the date) and the renderer (which steps it and says so on screen).
 *
 * An as-of is a district-local date D: the picture at the end of D, 23:59:59.999 local time.
 * Pages that count by week show the latest week with data by then; pages that count by day take
 * D as "today". A date on or after today is simply live.
 */
import { addDays, DAY_MS, type DistrictTime } from './districtTime';
import type { IsoDate } from './readModel';

/** What a query answered for when it was asked to look back; null in a live answer. */
export interface LookbackInfo {
  /** The day looked back to. */
  date: IsoDate;
  /** The instant the figures are for: the end of that day. */
  at: string;
  /**
   * The earliest day the cache holds data for (risk weeks, events), or null when it holds none.
   * A date before it is older than the cache holds: the screen says so.
   */
  heldSince: IsoDate | null;
}

/** The last millisecond of a local date: what "as of D" means. */
export function endOfLocalDay(time: DistrictTime, date: IsoDate): number {
  return Date.parse(`${date}T00:00:00${time.offsetText}`) + DAY_MS - 1;
}

/** True when looking back to `date` at `nowMs` is a look back at all (before today), not live. */
export function isPast(time: DistrictTime, date: IsoDate, nowMs: number): boolean {
  return endOfLocalDay(time, date) < nowMs;
}

/**
 * The as-of that shows a risk week whole: its Sunday, or null (live) while that is still to come.
 * What `--week 2026-11-23` and a presenter's "look back to this week" mean.
 */
export function asOfForWeek(time: DistrictTime, weekStart: IsoDate, nowMs: number): IsoDate | null {
  const sunday = addDays(time.weekStartOf(Date.parse(`${weekStart}T12:00:00${time.offsetText}`)), 6);
  return isPast(time, sunday, nowMs) ? sunday : null;
}

/**
 * One step of the look-back control: `days` from the date shown (live = today). Stepping to today
 * or later returns null (live).
 */
export function stepAsOf(time: DistrictTime, current: IsoDate | null, days: number, nowMs: number): IsoDate | null {
  const today = time.localDate(nowMs);
  const next = addDays(current ?? today, days);
  return next >= today ? null : next;
}
