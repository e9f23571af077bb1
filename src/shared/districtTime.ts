/**
 * District-local time: calendar days, hours and weeks as the district counts them, for one
 * IANA time zone (config `district.timeZone`, default Asia/Shanghai). The cache stores
 * instants as ms UTC and local dates as 'YYYY-MM-DD'; this module is the one place that turns
 * one into the other, in TypeScript and (sqlLocalDate) in SQL.
 *
 * Only zones with one fixed UTC offset are accepted: SQLite has no time-zone database, so the
 * tallies' SQL can only add an offset, and a zone with daylight saving would count some hours
 * into the wrong day. Every zone in China (Asia/Shanghai is UTC+8, no DST since 1991) is fixed.
 */
import type { IsoDate, IsoTime } from './readModel';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The instant as ISO 8601 UTC ('2026-11-20T04:00:00.000Z'). */
export function isoTime(ms: number): IsoTime {
  return new Date(ms).toISOString();
}

export function isoTimeOrNull(ms: number | null | undefined): IsoTime | null {
  return ms == null ? null : isoTime(ms);
}

/** The date `days` days after `date` (negative: before); calendar arithmetic, no zone involved. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface DistrictTime {
  readonly timeZone: string;
  /** The zone's offset from UTC, ms (+8 h for Asia/Shanghai). */
  readonly offsetMs: number;
  /** '+08:00' */
  readonly offsetText: string;
  /** The local calendar date of an instant. */
  localDate(ms: number): IsoDate;
  /** The instant the local day containing `ms` began. */
  localMidnight(ms: number): number;
  /** Local hour of day, 0–23. */
  localHour(ms: number): number;
  /** Local day of week, 0 = Sunday. */
  localWeekday(ms: number): number;
  /** The Monday (local date) of the ISO week containing the instant: risk weeks start there. */
  weekStartOf(ms: number): IsoDate;
  /** The last `count` local dates ending with the one containing `nowMs`, oldest first. */
  lastLocalDates(nowMs: number, count: number): IsoDate[];
  /** The instant to the second in local time with its offset, as district systems send it: '2026-11-27T09:05:00+08:00'. */
  isoLocal(ms: number): string;
  /** SQL for the local date ('YYYY-MM-DD', TEXT) of an integer ms expression; SQLite integer division truncates, date() floors to the day. */
  sqlLocalDate(msExpr: string): string;
}

/** Why `timeZone` cannot be a district's zone, or null when it can. */
export function timeZoneProblem(timeZone: string): string | null {
  let offsets: Set<number>;
  try {
    // January and July of the years the cache holds and beyond: with daylight saving they differ.
    offsets = new Set([2020, 2024, 2026, 2030, 2040].flatMap((y) => [Date.UTC(y, 0, 15), Date.UTC(y, 6, 15)]).map((t) => offsetAt(timeZone, t)));
  } catch {
    return `"${timeZone}" is not a time zone this system knows (expected an IANA name such as Asia/Shanghai)`;
  }
  if (offsets.size > 1) return `"${timeZone}" changes its UTC offset (daylight saving); a district's zone must keep one offset all year`;
  return null;
}

const zones = new Map<string, DistrictTime>();

/** The district time of a fixed-offset zone; throws with the reason when the zone is unusable. */
export function districtTime(timeZone: string = DEFAULT_TIME_ZONE): DistrictTime {
  const known = zones.get(timeZone);
  if (known) return known;
  const problem = timeZoneProblem(timeZone);
  if (problem) throw new Error(`district time zone: ${problem}`);
  const offsetMs = offsetAt(timeZone, Date.UTC(2026, 0, 15));
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / MINUTE_MS;
  const offsetText = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const localDate = (ms: number): IsoDate => new Date(ms + offsetMs).toISOString().slice(0, 10);
  const localWeekday = (ms: number): number => new Date(ms + offsetMs).getUTCDay();
  const time: DistrictTime = {
    timeZone,
    offsetMs,
    offsetText,
    localDate,
    localMidnight: (ms) => ms - ((((ms + offsetMs) % DAY_MS) + DAY_MS) % DAY_MS),
    localHour: (ms) => new Date(ms + offsetMs).getUTCHours(),
    localWeekday,
    weekStartOf: (ms) => addDays(localDate(ms), -((localWeekday(ms) + 6) % 7)),
    lastLocalDates: (nowMs, count) => {
      const today = localDate(nowMs);
      return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
    },
    isoLocal: (ms) => `${new Date(Math.floor(ms / 1000) * 1000 + offsetMs).toISOString().slice(0, 19)}${offsetText}`,
    sqlLocalDate: (msExpr) => `date((${msExpr} + ${offsetMs}) / 1000, 'unixepoch')`,
  };
  zones.set(timeZone, time);
  return time;
}

/** The zone's UTC offset at an instant, ms, from Intl ('GMT+08:00', 'GMT-03:30', 'GMT'). */
function offsetAt(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!m) throw new Error(`cannot read the offset of ${timeZone} (${name})`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * HOUR_MS + Number(m[3]) * MINUTE_MS);
}
