/**
 * Event rows → EventView, shared by the Events screen and the town detail; looking back, the
 * view of a row as it stood at an instant (the same rule as migration 042's tallies by day).
 */
import type { EventStatus, EventType } from '../../shared/contract';
import type { EventView } from '../../shared/readModel';
import { jsonArray, type ReadContext } from './context';
import { isoTime, isoTimeOrNull } from '../../shared/districtTime';

export const EVENT_VIEW_COLUMNS = `id, type, title, town_code, community, status, reported_at, accepted_at,
  closed_at, departments, accept_overdue, handle_overdue`;

export interface EventRow {
  id: string;
  type: EventType;
  title: string;
  town_code: string;
  community: string;
  status: EventStatus;
  reported_at: number;
  accepted_at: number | null;
  closed_at: number | null;
  departments: string;
  accept_overdue: number;
  handle_overdue: number;
}

export function toEventView(ctx: ReadContext, r: EventRow): EventView {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    town: ctx.townRef(r.town_code),
    community: r.community,
    status: r.status,
    reportedAt: isoTime(r.reported_at),
    acceptedAt: isoTimeOrNull(r.accepted_at),
    closedAt: isoTimeOrNull(r.closed_at),
    departments: jsonArray(r.departments),
    acceptOverdue: r.accept_overdue === 1,
    handleOverdue: r.handle_overdue === 1,
  };
}

export const EVENT_VIEW_AT_COLUMNS = `${EVENT_VIEW_COLUMNS}, dispatched_at, handled_at, rated_at, accept_overdue_at,
  handle_overdue_at, updated_at`;

export interface EventRowAt extends EventRow {
  dispatched_at: number | null;
  handled_at: number | null;
  rated_at: number | null;
  accept_overdue_at: number | null;
  handle_overdue_at: number | null;
  updated_at: number;
}

const STEPS: readonly EventStatus[] = ['reported', 'accepted', 'dispatched', 'handled', 'closed', 'rated'];

/**
 * The event as it stood at `at`: the furthest step reached by then (a step's own time; one it
 * skipped is reached with the next; a status without any time at updated_at), times and flags
 * from then on only. Departments come with dispatch (流转).
 */
export function toEventViewAt(ctx: ReadContext, r: EventRowAt, at: number): EventView {
  const rank = STEPS.indexOf(r.status);
  const times = [r.reported_at, r.accepted_at, r.dispatched_at, r.handled_at, r.closed_at, r.rated_at];
  const reached = (s: number): boolean => {
    if (rank < s) return false;
    for (let k = s; k < times.length; k++) if (times[k] !== null) return times[k]! <= at;
    return r.updated_at <= at;
  };
  let status = 0;
  for (let s = 1; s < STEPS.length; s++) if (reached(s)) status = s;
  const by = (t: number | null) => (t !== null && t <= at ? t : null);
  const since = (flag: number, t: number | null) => flag === 1 && (t ?? r.updated_at) <= at;
  return {
    ...toEventView(ctx, r),
    status: STEPS[status],
    acceptedAt: isoTimeOrNull(by(r.accepted_at)),
    closedAt: isoTimeOrNull(by(r.closed_at)),
    departments: reached(2) ? jsonArray(r.departments) : [],
    acceptOverdue: since(r.accept_overdue, r.accept_overdue_at),
    handleOverdue: since(r.handle_overdue, r.handle_overdue_at),
  };
}
