/**
 * Which instant a query answers for: now (live), or the end of a past local day (回看, see
 * src/shared/lookback.ts). Every screen module takes one of these instead of reading the clock,
 * so all of a screen's figures are for the same instant.
 */
import { isoTime, type DistrictTime } from '../../shared/districtTime';
import { endOfLocalDay, isPast, type LookbackInfo } from '../../shared/lookback';
import type { IsoDate } from '../../shared/readModel';
import type { ReadContext } from './context';
import { SOURCE_FILTER } from './sources';

export interface AsOfPoint {
  /** True when answering for now from the live tables. */
  live: boolean;
  /** The instant, ms: now, or the last millisecond of the day looked back to. */
  at: number;
  /** The local date of `at`: what "today" means for pages that count by day. */
  today: IsoDate;
}

export function resolveAsOf(time: DistrictTime, asOf: IsoDate | undefined, now: number): AsOfPoint {
  if (asOf === undefined || !isPast(time, asOf, now)) return { live: true, at: now, today: time.localDate(now) };
  return { live: false, at: endOfLocalDay(time, asOf), today: asOf };
}

/** What a look back answered for (null when live), with how far back the cache holds data. */
export function createLookbackReader(ctx: ReadContext) {
  // Both through an index: the oldest risk week, the oldest event (events_reported).
  const held = ctx.db.prepare(
    `SELECT (SELECT week_start FROM risk_periods WHERE ${SOURCE_FILTER} ORDER BY week_start LIMIT 1) AS week,
            (SELECT reported_at FROM events WHERE ${SOURCE_FILTER} ORDER BY reported_at LIMIT 1) AS reported`,
  );
  return (point: AsOfPoint): LookbackInfo | null => {
    if (point.live) return null;
    const r = held.get({ sources: ctx.sources }) as { week: string | null; reported: number | null };
    const dates = [r.week, r.reported === null ? null : ctx.time.localDate(r.reported)].filter((d): d is string => d !== null);
    return { date: point.today, at: isoTime(point.at), heldSince: dates.length ? dates.sort()[0] : null };
  };
}

export type LookbackReader = ReturnType<typeof createLookbackReader>;
