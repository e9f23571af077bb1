/** Event rows → EventView, shared by the Events screen and the town detail. */
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
