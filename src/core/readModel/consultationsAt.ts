/**
 * 云上板凳 sessions and disputes as they stood at an instant, from the versions the cache kept
 * (migration 041): each record's latest version by then. A record the cache first saw later (a
 * backfill) is taken back to what its own times say had happened by then; a session not yet
 * started by then is left out, since nothing says it had been announced.
 */
import type { ReadContext } from './context';
import { CONSULTATION_VIEW_COLUMNS, type ConsultationRow } from './consultationRows';
import { SOURCE_FILTER } from './sources';

/** The version made by `at`, else the earliest one (for taking back); binds :sources and :at. */
const latestBy = (table: string) =>
  `(source_id, id, updated_at) IN (SELECT source_id, id, coalesce(max(CASE WHEN updated_at <= :at THEN updated_at END), min(updated_at))
     FROM ${table} WHERE ${SOURCE_FILTER} GROUP BY source_id, id)`;

export interface ConsultationRowAt extends ConsultationRow {
  source_id: string;
}

export interface DisputeRowAt {
  town_code: string;
  level: string;
  category: string;
  status: string;
  resolved_at_source: number;
}

export function createConsultationsAtReader(ctx: ReadContext) {
  const sessions = ctx.db.prepare(
    `SELECT source_id, ${CONSULTATION_VIEW_COLUMNS}, started_at, ended_at, updated_at FROM consultation_versions
     WHERE ${SOURCE_FILTER} AND ${latestBy('consultation_versions')}`,
  );
  const disputes = ctx.db.prepare(
    `SELECT town_code, level, category, status, resolved_at, resolved_at_source, updated_at FROM dispute_versions
     WHERE ${SOURCE_FILTER} AND received_at <= :at AND ${latestBy('dispute_versions')}`,
  );

  return {
    consultations(at: number): ConsultationRowAt[] {
      const rows = sessions.all({ sources: ctx.sources, at }) as Array<
        ConsultationRowAt & { started_at: number | null; ended_at: number | null; updated_at: number }
      >;
      return rows.flatMap(({ started_at, ended_at, updated_at, ...r }) => {
        if (updated_at <= at) return [r];
        if (ended_at !== null && ended_at <= at) return [r];
        // On air then: how many watched by then nobody recorded; the version's count stands in.
        if (started_at !== null && started_at <= at) return [{ ...r, status: 'live' as const, outcome: null, replay_url: null }];
        return [];
      });
    },

    disputes(at: number): DisputeRowAt[] {
      const rows = disputes.all({ sources: ctx.sources, at }) as Array<
        DisputeRowAt & { resolved_at: number | null; updated_at: number }
      >;
      return rows.map(({ resolved_at, updated_at, ...r }) => {
        if (updated_at <= at) return r;
        // Later outcomes (failed, referred) carry no time of their own: still mediating then.
        const resolved = resolved_at !== null && resolved_at <= at;
        return { ...r, status: resolved ? 'resolved' : 'mediating', resolved_at_source: resolved ? r.resolved_at_source : 0 };
      });
    },
  };
}

export type ConsultationsAtReader = ReturnType<typeof createConsultationsAtReader>;

/** The live statements' orders, for rows looked back to: by time, then id. */
export function bySchedule(direction: 1 | -1) {
  return (a: { scheduled_at: number; id: string }, b: { scheduled_at: number; id: string }): number =>
    direction * (a.scheduled_at - b.scheduled_at) || direction * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
