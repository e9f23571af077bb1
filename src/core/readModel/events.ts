/**
 * Events (基层治理四平台): flow, KPIs, live feed, types, per-town load, time to accept/close,
 * overdue, daily series and the personnel ranking. Counts come from the tallies; only the
 * latest feed and the ranking touch base rows, through an index, LIMITed. Looking back, the same
 * from the tallies by day and the versions (migrations 041, 042), as of the end of the day.
 */
import type { EventsModel, Percentiles } from '../../shared/readModel';
import type { PersonnelRole } from '../../shared/contract';
import type { ReadContext } from './context';
import type { EventTotalsReader } from './eventTotals';
import { EVENT_VIEW_AT_COLUMNS, EVENT_VIEW_COLUMNS, toEventView, toEventViewAt, type EventRow, type EventRowAt } from './eventRows';
import type { AsOfPoint, LookbackReader } from './asOf';
import { PERSONNEL_AT } from './personnelAt';
import { percentilesFromHistogram } from './percentiles';
import { SOURCE_FILTER } from './sources';
import { datedBy, type QueryParams } from '../../shared/queries';

export const LATEST_EVENTS = 20;
export const DAILY_DAYS = 30;
export const RANKING_SIZE = 10;

export function createEventsQuery(ctx: ReadContext, totalsReader: EventTotalsReader, lookback: LookbackReader) {
  const latest = ctx.db.prepare(
    `SELECT ${EVENT_VIEW_COLUMNS} FROM events WHERE ${SOURCE_FILTER} ORDER BY reported_at DESC LIMIT ${LATEST_EVENTS}`,
  );
  const latestAt = ctx.db.prepare(
    `SELECT ${EVENT_VIEW_AT_COLUMNS} FROM events WHERE reported_at <= :at AND ${SOURCE_FILTER}
     ORDER BY reported_at DESC LIMIT ${LATEST_EVENTS}`,
  );
  const daily = ctx.db.prepare(
    `SELECT date, town_code, sum(reported) AS reported, sum(closed) AS closed FROM rm_event_daily
     WHERE date >= :from AND ${SOURCE_FILTER} GROUP BY date, town_code`,
  );
  const histogram = (table: string) =>
    ctx.db.prepare(`SELECT minutes, n FROM ${table} WHERE n > 0 AND ${SOURCE_FILTER}`).raw();
  const acceptMinutes = histogram('rm_event_accept_minutes');
  const closeMinutes = histogram('rm_event_close_minutes');
  // As of the end of a day: the histograms by day of acceptance / closing (migration 042), summed.
  const histogramAt = (table: string, value: string) =>
    ctx.db.prepare(`SELECT ${value}, n FROM ${table} WHERE date <= :date AND n <> 0 AND ${SOURCE_FILTER}`).raw();
  const acceptMinutesAt = histogramAt('rm_event_accept_minutes_daily', 'minutes');
  // In tenths of an hour already, rounded as shown (migration 042).
  const closeTenthsAt = histogramAt('rm_event_close_tenths_daily', 'tenths');
  const RANKING_ORDER = `ORDER BY score DESC, events_handled DESC, id LIMIT ${RANKING_SIZE}`;
  const ranking = ctx.db.prepare(
    `SELECT id, name, role, town_code, department, score, events_handled FROM personnel
     WHERE active = 1 AND ${SOURCE_FILTER} ${RANKING_ORDER}`,
  );
  const rankingAt = ctx.db.prepare(
    `SELECT id, name, role, town_code, department, score, events_handled FROM (${PERSONNEL_AT}) WHERE active = 1 ${RANKING_ORDER}`,
  );

  // The histogram's own total, not the status tally: an event closed without a closedAt (bad
  // source data) must not shift every rank.
  const percentiles = (rows: Array<[number, number]>, scale?: (m: number) => number): Percentiles => {
    // Several sources' (and days') buckets are merged here rather than by a GROUP BY (cheaper in JS).
    const merged = new Map<number, number>();
    for (const [minutes, n] of rows) {
      merged.set(minutes, (merged.get(minutes) ?? 0) + n);
    }
    const buckets = [...merged].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
    const total = buckets.reduce((sum, [, n]) => sum + n, 0);
    return percentilesFromHistogram(buckets, total, scale);
  };
  const histogramRows = (live: typeof acceptMinutes, at: typeof acceptMinutesAt, point: AsOfPoint) =>
    (point.live ? live.all({ sources: ctx.sources }) : at.all({ sources: ctx.sources, date: point.today })) as Array<[number, number]>;

  return (_params: QueryParams<'events'>, point: AsOfPoint): EventsModel => {
    const p = { sources: ctx.sources };
    const totals = totalsReader.totals(point);
    const dates = ctx.time.lastLocalDates(point.at, DAILY_DAYS);
    const perDay = new Map(dates.map((d) => [d, { date: d, reported: 0, closed: 0 }]));
    const last7 = new Set(dates.slice(-7));
    const townLast7 = new Map<string, number>();
    for (const r of daily.all({ ...p, from: dates[0] }) as Array<{ date: string; town_code: string; reported: number; closed: number }>) {
      const day = perDay.get(r.date);
      if (!day) continue; // a date after today (clock skew at the source): not part of the last 30 days
      day.reported += r.reported;
      day.closed += r.closed;
      if (last7.has(r.date)) townLast7.set(r.town_code, (townLast7.get(r.town_code) ?? 0) + r.reported);
    }
    const townCodes = new Set([...ctx.towns().map((t) => t.code), ...totals.byTown.keys()]);
    return {
      asOf: ctx.asOf(datedBy('events'), point),
      lookback: lookback(point),
      flow: totals.flow,
      kpis: totalsReader.kpis(totals, point),
      latest: point.live
        ? (latest.all(p) as EventRow[]).map((r) => toEventView(ctx, r))
        : (latestAt.all({ ...p, at: point.at }) as EventRowAt[]).map((r) => toEventViewAt(ctx, r, point.at)),
      byType: [...totals.byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count),
      byTown: [...townCodes].sort().map((code) => ({
        town: ctx.townRef(code),
        total: totals.byTown.get(code)?.total ?? 0,
        open: totals.byTown.get(code)?.open ?? 0,
        last7Days: townLast7.get(code) ?? 0,
      })),
      timeToAcceptMin: percentiles(histogramRows(acceptMinutes, acceptMinutesAt, point)),
      timeToCloseHours: point.live
        ? percentiles(closeMinutes.all(p) as Array<[number, number]>, (m) => Math.round((m / 60) * 10) / 10)
        : percentiles(closeTenthsAt.all({ ...p, date: point.today }) as Array<[number, number]>, (tenths) => tenths / 10),
      overdue: { accept: totals.acceptOverdue, handle: totals.handleOverdue, openPastLimit: totals.openPastLimit },
      daily: [...perDay.values()],
      ranking: (
        (point.live ? ranking.all(p) : rankingAt.all({ ...p, at: point.at })) as Array<{
          id: string;
          name: string;
          role: PersonnelRole;
          town_code: string;
          department: string;
          score: number;
          events_handled: number;
        }>
      ).map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role,
        town: ctx.townRef(r.town_code),
        department: r.department,
        score: r.score,
        eventsHandled: r.events_handled,
      })),
    };
  };
}
