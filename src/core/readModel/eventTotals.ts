/**
 * District-wide event figures from the tallies (schema/eventTallies.ts; kept by triggers, and
 * per page for backfill pages: schema/bulkTallies.ts): a few hundred rows
 * instead of millions of events. Looking back, the same figures come from the tallies by day of
 * migration 042 (every day up to the one looked back to).
 */
import { EVENT_TYPES, eventStatusSchema, ratePct, type EventStatus, type EventType } from '../../shared/contract';
import type { EventKpis } from '../../shared/readModel';
import type { ReadContext } from './context';
import { SOURCE_FILTER } from './sources';
import type { AsOfPoint } from './asOf';
import { PERSONNEL_AT } from './personnelAt';

export const EVENT_STEPS = eventStatusSchema.options;
const OPEN_STATUSES: ReadonlySet<EventStatus> = new Set(['reported', 'accepted', 'dispatched', 'handled']);

interface TallyRow {
  town_code: string;
  type: EventType;
  status: EventStatus;
  accepted: number;
  accept_overdue: number;
  handle_overdue: number;
  satisfaction: string;
  n: number;
}

export interface EventTotals {
  total: number;
  /** Events that reached each step (status at or beyond it). */
  flow: Record<EventStatus, number>;
  accepted: number;
  acceptedOverdue: number;
  rated: number;
  satisfiedOrBasically: number;
  open: number;
  acceptOverdue: number;
  handleOverdue: number;
  openPastLimit: number;
  byType: Map<EventType, number>;
  byTown: Map<string, { total: number; open: number }>;
}

export function createEventTotalsReader(ctx: ReadContext) {
  // No GROUP BY: rows of several sources are summed in the loop below anyway, and skipping
  // SQLite's temp b-tree halves the cost of this, the Events screen's biggest read.
  const tally = ctx.db.prepare(
    `SELECT town_code, type, status, accepted, accept_overdue, handle_overdue, satisfaction, n
     FROM rm_event_tally WHERE n > 0 AND ${SOURCE_FILTER}`,
  );
  const reportedOn = ctx.db.prepare(
    `SELECT coalesce(sum(reported), 0) FROM rm_event_daily WHERE date = :date AND ${SOURCE_FILTER}`,
  ).pluck();
  const dispatchedPersonnel = ctx.db.prepare(
    `SELECT count(*) FROM personnel WHERE role = 'dispatched' AND active = 1 AND ${SOURCE_FILTER}`,
  ).pluck();
  // As of an instant: each person's latest version by then (migration 041); someone the cache
  // first saw later but registered by then counts as first seen.
  const dispatchedPersonnelAt = ctx.db.prepare(
    `SELECT count(*) FROM (${PERSONNEL_AT}) WHERE role = 'dispatched' AND active = 1`,
  ).pluck();
  // Migration 042: each fact on the day it became true; as of the end of day D, the days <= D.
  const milestones = ctx.db.prepare(
    `SELECT milestone, town_code, type, sum(n) AS n FROM rm_event_milestones
     WHERE date <= :date AND ${SOURCE_FILTER} GROUP BY milestone, town_code, type`,
  );

  function empty(): EventTotals {
    return {
      total: 0,
      flow: Object.fromEntries(EVENT_STEPS.map((s) => [s, 0])) as Record<EventStatus, number>,
      accepted: 0,
      acceptedOverdue: 0,
      rated: 0,
      satisfiedOrBasically: 0,
      open: 0,
      acceptOverdue: 0,
      handleOverdue: 0,
      openPastLimit: 0,
      byType: new Map(EVENT_TYPES.map((type) => [type, 0])),
      byTown: new Map(),
    };
  }

  /** The same figures as `totals()` gives live, counted as of the end of local day `date`. */
  function totalsAt(date: string): EventTotals {
    const t = empty();
    let handleOverdueClosed = 0;
    const town = (code: string) => {
      let e = t.byTown.get(code);
      if (!e) t.byTown.set(code, (e = { total: 0, open: 0 }));
      return e;
    };
    for (const r of milestones.all({ sources: ctx.sources, date }) as Array<{ milestone: string; town_code: string; type: EventType; n: number }>) {
      if (r.n === 0) continue;
      switch (r.milestone) {
        case 'reported':
          t.total += r.n;
          t.byType.set(r.type, (t.byType.get(r.type) ?? 0) + r.n);
          town(r.town_code).total += r.n;
          town(r.town_code).open += r.n;
          break;
        case 'closed':
          t.flow.closed += r.n;
          town(r.town_code).open -= r.n;
          break;
        case 'accepted':
        case 'dispatched':
        case 'handled':
        case 'rated':
          t.flow[r.milestone] += r.n;
          break;
        case 'accepted_at':
          t.accepted += r.n;
          break;
        case 'accepted_overdue':
          t.acceptedOverdue += r.n;
          break;
        case 'rating':
          t.rated += r.n;
          break;
        case 'rating_good':
          t.satisfiedOrBasically += r.n;
          break;
        case 'accept_overdue':
          t.acceptOverdue += r.n;
          break;
        case 'handle_overdue':
          t.handleOverdue += r.n;
          break;
        case 'handle_overdue_closed':
          handleOverdueClosed += r.n;
          break;
      }
    }
    t.flow.reported = t.total;
    t.open = t.total - t.flow.closed;
    t.openPastLimit = t.handleOverdue - handleOverdueClosed;
    return t;
  }

  function totals(): EventTotals {
    const t = empty();
    for (const r of tally.all({ sources: ctx.sources }) as TallyRow[]) {
      t.total += r.n;
      const reached = EVENT_STEPS.indexOf(r.status);
      for (let i = 0; i <= reached; i++) t.flow[EVENT_STEPS[i]] += r.n;
      const open = OPEN_STATUSES.has(r.status);
      if (r.accepted) t.accepted += r.n;
      if (r.accepted && r.accept_overdue) t.acceptedOverdue += r.n;
      if (r.satisfaction) t.rated += r.n;
      if (r.satisfaction === 'satisfied' || r.satisfaction === 'basicallySatisfied') t.satisfiedOrBasically += r.n;
      if (open) t.open += r.n;
      if (r.accept_overdue) t.acceptOverdue += r.n;
      if (r.handle_overdue) t.handleOverdue += r.n;
      if (open && r.handle_overdue) t.openPastLimit += r.n;
      t.byType.set(r.type, (t.byType.get(r.type) ?? 0) + r.n);
      const town = t.byTown.get(r.town_code) ?? { total: 0, open: 0 };
      town.total += r.n;
      if (open) town.open += r.n;
      t.byTown.set(r.town_code, town);
    }
    return t;
  }

  function kpis(t: EventTotals, point: AsOfPoint): EventKpis {
    return {
      accepted: t.accepted,
      acceptOverdueRatePct: ratePct(t.acceptedOverdue, t.accepted),
      satisfactionRatePct: ratePct(t.satisfiedOrBasically, t.rated),
      dispatchedPersonnel: (point.live
        ? dispatchedPersonnel.get({ sources: ctx.sources })
        : dispatchedPersonnelAt.get({ sources: ctx.sources, at: point.at })) as number,
      reportedToday: reportedOn.get({ sources: ctx.sources, date: point.today }) as number,
      open: t.open,
    };
  }

  return {
    /** Live from the current-state tallies, else as of the point's day. */
    totals: (point: AsOfPoint): EventTotals => (point.live ? totals() : totalsAt(point.today)),
    kpis,
  };
}

export type EventTotalsReader = ReturnType<typeof createEventTotalsReader>;

