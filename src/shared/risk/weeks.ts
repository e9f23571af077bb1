/**
 * Week arithmetic on ISO dates (YYYY-MM-DD). Risk weeks are ISO weeks starting Monday, in the
 * district's local time (Asia/Shanghai, UTC+8 all year, no daylight saving).
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The ISO date `days` days after (or before) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** The Monday (Shanghai local date) of the ISO week containing the instant `at`. */
export function weekStartOf(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return addDays(local.toISOString().slice(0, 10), -sinceMonday);
}

export function nextWeekStart(weekStart: string): string {
  return addDays(weekStart, 7);
}
