/** Town detail: one town's five dimensions, indicators against baseline, warnings, events, sessions. */
import type { TownDetailModel } from '../../shared/readModel';
import type { ReadContext } from './context';
import { datedBy } from '../../shared/queries';
import { CONSULTATION_VIEW_COLUMNS, toConsultationView, type ConsultationRow } from './consultationRows';
import { EVENT_VIEW_AT_COLUMNS, EVENT_VIEW_COLUMNS, toEventView, toEventViewAt, type EventRow, type EventRowAt } from './eventRows';
import type { AsOfPoint, LookbackReader } from './asOf';
import { bySchedule, type ConsultationsAtReader } from './consultationsAt';
import { mergeWarnings } from './overview';
import { trendOf } from './risk';
import type { AssessedWeeksReader } from './assessedWeeks';
import { SOURCE_FILTER } from './sources';
import type { WarningsReader } from './warnings';

export const TOWN_RECENT = 10;
/** A town's recent events reach back this far at most. */
export const TOWN_RECENT_DAYS = 90;

export class UnknownTownError extends Error {
  constructor(code: string) {
    super(`town: no town with code "${code}" in the cache`);
    this.name = 'UnknownTownError';
  }
}

export function createTownQuery(
  ctx: ReadContext,
  deps: { risk: AssessedWeeksReader; warnings: WarningsReader; consultationsAt: ConsultationsAtReader; lookback: LookbackReader },
) {
  // Newest first along the one time index, the town filtered inside it (migration 021): a
  // busy town stops after a few dozen entries, and the window bounds a town with few events.
  const events = ctx.db.prepare(
    `SELECT ${EVENT_VIEW_COLUMNS} FROM events INDEXED BY events_reported
     WHERE reported_at >= :since AND town_code = :town AND ${SOURCE_FILTER}
     ORDER BY reported_at DESC LIMIT ${TOWN_RECENT}`,
  );
  const eventsAt = ctx.db.prepare(
    `SELECT ${EVENT_VIEW_AT_COLUMNS} FROM events INDEXED BY events_reported
     WHERE reported_at >= :since AND reported_at <= :at AND town_code = :town AND ${SOURCE_FILTER}
     ORDER BY reported_at DESC LIMIT ${TOWN_RECENT}`,
  );
  const consultations = ctx.db.prepare(
    `SELECT ${CONSULTATION_VIEW_COLUMNS} FROM consultations
     WHERE town_code = :town AND ${SOURCE_FILTER} ORDER BY scheduled_at DESC, id DESC LIMIT ${TOWN_RECENT}`,
  );

  return (params: { code: string; week?: string }, point: AsOfPoint): TownDetailModel => {
    const town = ctx.towns().find((t) => t.code === params.code);
    if (!town) throw new UnknownTownError(params.code);
    const at = point.live ? undefined : point.at;
    const h = deps.risk.history(at);
    const weekStart = deps.risk.resolveWeek(h, params.week);
    const assessed = weekStart ? h.byWeek.get(weekStart)!.get(town.code) ?? null : null;
    const p = { sources: ctx.sources, town: town.code };
    const since = point.at - TOWN_RECENT_DAYS * 86_400_000;
    const predictive = weekStart ? deps.risk.predictiveFor(h, weekStart).filter((w) => w.town.code === town.code) : [];
    const source = deps.warnings.ofTown(town.code, 100, at);
    return {
      asOf: ctx.asOf(datedBy('town'), point),
      lookback: deps.lookback(point),
      town: { code: town.code, name: town.name, kind: town.kind, population: town.population },
      risk: assessed?.risk ?? null,
      explanation: assessed?.explanation ?? null,
      trend: weekStart ? trendOf(h, town.code, weekStart) : [],
      forecast: weekStart ? deps.risk.forecast(h, town.code, weekStart) : null,
      warnings: mergeWarnings(source, predictive, Number.POSITIVE_INFINITY),
      recentEvents:
        at === undefined
          ? (events.all({ ...p, since }) as EventRow[]).map((r) => toEventView(ctx, r))
          : (eventsAt.all({ ...p, since, at }) as EventRowAt[]).map((r) => toEventViewAt(ctx, r, at)),
      recentConsultations: (at === undefined
        ? (consultations.all(p) as ConsultationRow[])
        : deps.consultationsAt.consultations(at).filter((r) => r.town_code === town.code).sort(bySchedule(-1)).slice(0, TOWN_RECENT)
      ).map((r) => toConsultationView(ctx, r)),
    };
  };
}
