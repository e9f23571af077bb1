/**
 * Day schedules: which playlist a wall shows at a given instant, in district time. An entry
 * covers [from, to) on the weekdays it names; `to` before `from` runs across midnight and
 * belongs to the day it starts on (Friday 18:00–08:00 covers Saturday 00:00–08:00). The first
 * matching entry wins, so a Monday-morning briefing listed before the daytime rotation takes
 * precedence over it. Pure: the renderer and the core both call it with their own clock.
 */
import type { PageId } from './pages';

/** District time: schedules are written in it. (Linping: China Standard Time, no daylight saving.) */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ScheduleEntry {
  /** Shown in diagnostics and the wall history ("夜间"). */
  name?: string;
  /** Days the entry starts on; default every day. */
  days?: Weekday[];
  /** 'HH:MM', district time. */
  from: string;
  /** 'HH:MM' (24:00 allowed); equal to `from` means the whole day. */
  to: string;
  pages: PageId[];
  intervalSec?: number;
  /** Dim the wall (nights, an empty room). */
  dim?: boolean;
}

/** The playlist in force: from a schedule entry, or the profile's own when none matches. */
export interface ActiveSlot {
  /** Index of the entry in the schedule, or -1 for the profile's default playlist. */
  index: number;
  name: string | null;
  pages: PageId[];
  intervalSec: number;
  dim: boolean;
}

export interface LocalClock {
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday and minute of the day of an instant in `timeZone` (an IANA name). */
export function localClock(ms: number, timeZone: string): LocalClock {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  let weekday = 'mon';
  let hour = 0;
  let minute = 0;
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type === 'weekday') weekday = p.value.slice(0, 3).toLowerCase();
    else if (p.type === 'hour') hour = Number(p.value);
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return { weekday: weekday as Weekday, minutes: (hour % 24) * 60 + minute };
}

/** 'HH:MM' → minutes since midnight; null when malformed. 24:00 is the end of the day. */
export function parseClockTime(text: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

function previousDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7];
}

/** Whether `entry` covers the local clock `at`. */
export function entryCovers(entry: ScheduleEntry, at: LocalClock): boolean {
  const from = parseClockTime(entry.from);
  const to = parseClockTime(entry.to);
  if (from === null || to === null) return false;
  const days = entry.days?.length ? entry.days : WEEKDAYS;
  if (from === to) return days.includes(at.weekday);
  if (from < to) return days.includes(at.weekday) && at.minutes >= from && at.minutes < to;
  // Across midnight: the evening part on its own day, the small hours on the next.
  if (at.minutes >= from) return days.includes(at.weekday);
  return at.minutes < to && days.includes(previousDay(at.weekday));
}

/** The playlist in force at `ms`: the first entry covering it, else the fallback. */
export function activeSlot(
  schedule: readonly ScheduleEntry[],
  ms: number,
  timeZone: string,
  fallback: { pages: PageId[]; intervalSec: number },
): ActiveSlot {
  const at = localClock(ms, timeZone);
  const index = schedule.findIndex((e) => entryCovers(e, at));
  if (index < 0) return { index: -1, name: null, pages: fallback.pages, intervalSec: fallback.intervalSec, dim: false };
  const e = schedule[index];
  return { index, name: e.name ?? null, pages: e.pages, intervalSec: e.intervalSec ?? fallback.intervalSec, dim: e.dim ?? false };
}

/**
 * Milliseconds from `ms` to the start of the next minute: schedules change on whole minutes,
 * so checking then switches a playlist at its boundary without polling any faster.
 */
export function msToNextMinute(ms: number): number {
  return 60_000 - (((ms % 60_000) + 60_000) % 60_000);
}
