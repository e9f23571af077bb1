/**
 * Count nouns after a number. The English units are written in the plural ("sessions",
 * "items"); a count of exactly one takes the singular ("1 session"). Chinese measure words
 * (场, 件, 个…) and symbols are not in the table and pass through unchanged, so callers need
 * not know the locale.
 */
const EN_SINGULAR: Readonly<Record<string, string>> = {
  items: 'item',
  cases: 'case',
  sessions: 'session',
  consultations: 'consultation',
  events: 'event',
  people: 'person',
  views: 'view',
  warnings: 'warning',
  towns: 'town',
  times: 'time',
  days: 'day',
  hours: 'hour',
  minutes: 'minute',
  pts: 'pt',
};

/** The unit for `n` as shown with `digits` decimals: "1 session", but "0 sessions", "1.0 cases". */
export function countUnit(n: number | null | undefined, unit: string, digits = 0): string {
  const singular = EN_SINGULAR[unit];
  if (!singular || n == null || !Number.isFinite(n)) return unit;
  // "1" is singular in English; "1.0", "0.5" and "−1"… are read as plurals except ±1 exactly.
  const shown = Number(Math.abs(n).toFixed(digits));
  return shown === 1 && digits === 0 ? singular : unit;
}
