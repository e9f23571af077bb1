/** Consultation (云上板凳) and disputes resolved at source (矛盾纠纷"一件事"源头化解), live or as of a day. */
import { ratePct } from '../../shared/contract';
import type { ConsultationModel, TownRef } from '../../shared/readModel';
import type { ReadContext } from './context';
import { CONSULTATION_VIEW_COLUMNS, toConsultationView, type ConsultationRow } from './consultationRows';
import type { ConsultationTotalsReader } from './consultationTotals';
import { SOURCE_FILTER } from './sources';
import { addDays } from '../../shared/districtTime';
import { datedBy, type QueryParams } from '../../shared/queries';
import type { AsOfPoint, LookbackReader } from './asOf';
import { bySchedule, type ConsultationsAtReader, type DisputeRowAt } from './consultationsAt';

export const FOLLOWER_SERIES_DAYS = 365;
export const LIST_SIZE = 10;
const DISPUTE_LEVELS = ['community', 'townCentre', 'districtCentre'] as const;

export function createConsultationQuery(
  ctx: ReadContext,
  deps: { totals: ConsultationTotalsReader; at: ConsultationsAtReader; lookback: LookbackReader },
) {
  const series = ctx.db.prepare(
    `SELECT date, sum(followers) AS followers FROM followers WHERE date >= :from AND date <= :to AND ${SOURCE_FILTER}
     GROUP BY date ORDER BY date`,
  );
  const byStatus = (status: string, order: string) =>
    ctx.db.prepare(
      `SELECT ${CONSULTATION_VIEW_COLUMNS} FROM consultations WHERE status = '${status}' AND ${SOURCE_FILTER}
       ORDER BY ${order} LIMIT ${LIST_SIZE}`,
    );
  // Ties broken by id, as the look back sorts (consultationsAt.bySchedule).
  const live = byStatus('live', 'scheduled_at, id');
  const upcoming = byStatus('scheduled', 'scheduled_at, id');
  const recent = byStatus('ended', 'scheduled_at DESC, id DESC');
  // One pass over the covering index rm_disputes_tally; the breakdowns are summed in JS.
  const disputes = ctx.db.prepare(
    `SELECT town_code, level, category, status, resolved_at_source, count(*) AS n FROM disputes
     WHERE ${SOURCE_FILTER} GROUP BY town_code, level, category, status, resolved_at_source`,
  );

  return (_params: QueryParams<'consultation'>, point: AsOfPoint): ConsultationModel => {
    const p = { sources: ctx.sources };
    const sessionsAt = point.live ? null : deps.at.consultations(point.at);
    const t = deps.totals(point, sessionsAt ?? undefined);
    const d = {
      received: 0,
      resolved: 0,
      resolvedAtSource: 0,
      byLevel: new Map<string, number>(DISPUTE_LEVELS.map((l) => [l, 0])),
      byCategory: new Map<string, number>(),
      byTown: new Map<string, { received: number; resolvedAtSource: number }>(),
    };
    const disputeRows = point.live
      ? (disputes.all(p) as Array<DisputeRowAt & { n: number }>)
      : deps.at.disputes(point.at).map((r) => ({ ...r, n: 1 }));
    for (const r of disputeRows) {
      d.received += r.n;
      if (r.status === 'resolved') d.resolved += r.n;
      if (r.resolved_at_source) d.resolvedAtSource += r.n;
      d.byLevel.set(r.level, (d.byLevel.get(r.level) ?? 0) + r.n);
      d.byCategory.set(r.category, (d.byCategory.get(r.category) ?? 0) + r.n);
      const town = d.byTown.get(r.town_code) ?? { received: 0, resolvedAtSource: 0 };
      town.received += r.n;
      if (r.resolved_at_source) town.resolvedAtSource += r.n;
      d.byTown.set(r.town_code, town);
    }
    const townCodes = [...new Set([...ctx.towns().map((x) => x.code), ...d.byTown.keys()])].sort();
    const view = (rows: unknown[]) => (rows as ConsultationRow[]).map((r) => toConsultationView(ctx, r));
    const listed = (status: ConsultationRow['status'], direction: 1 | -1) =>
      view(sessionsAt!.filter((r) => r.status === status).sort(bySchedule(direction)).slice(0, LIST_SIZE));
    return {
      asOf: ctx.asOf(datedBy('consultation'), point),
      lookback: deps.lookback(point),
      kpis: t.kpis,
      followersSeries: series.all({ ...p, from: addDays(point.today, -(FOLLOWER_SERIES_DAYS - 1)), to: point.today }) as Array<{
        date: string;
        followers: number;
      }>,
      byCategory: t.byCategory,
      live: sessionsAt ? listed('live', 1) : view(live.all(p)),
      upcoming: sessionsAt ? listed('scheduled', 1) : view(upcoming.all(p)),
      recent: sessionsAt ? listed('ended', -1) : view(recent.all(p)),
      disputes: {
        received: d.received,
        resolved: d.resolved,
        resolvedAtSource: d.resolvedAtSource,
        resolvedAtSourceRatePct: ratePct(d.resolvedAtSource, d.received),
        byLevel: DISPUTE_LEVELS.map((level) => ({ level, count: d.byLevel.get(level) ?? 0 })),
        byCategory: [...d.byCategory].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
        byTown: townCodes.map((code) => ({
          town: ctx.townRef(code) as TownRef,
          received: d.byTown.get(code)?.received ?? 0,
          resolvedAtSource: d.byTown.get(code)?.resolvedAtSource ?? 0,
        })),
      },
    };
  };
}
