/** Consultation rows → ConsultationView, shared by the Consultation screen and the town detail. */
import type { ConsultationCategory } from '../../shared/contract';
import type { ConsultationView } from '../../shared/readModel';
import { jsonArray, type ReadContext } from './context';
import { isoTime } from '../../shared/districtTime';

export const CONSULTATION_VIEW_COLUMNS = `id, topic, category, town_code, community, scheduled_at, status, viewers,
  experts, outcome, replay_url`;

export interface ConsultationRow {
  id: string;
  topic: string;
  category: ConsultationCategory;
  town_code: string;
  community: string;
  scheduled_at: number;
  status: ConsultationView['status'];
  viewers: number;
  experts: string;
  outcome: ConsultationView['outcome'];
  replay_url: string | null;
}

export function toConsultationView(ctx: ReadContext, r: ConsultationRow): ConsultationView {
  return {
    id: r.id,
    topic: r.topic,
    category: r.category,
    town: ctx.townRef(r.town_code),
    community: r.community,
    scheduledAt: isoTime(r.scheduled_at),
    status: r.status,
    viewers: r.viewers,
    experts: jsonArray(r.experts),
    outcome: r.outcome,
    replayUrl: r.replay_url,
  };
}
