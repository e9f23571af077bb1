/** Town detail: one town's five dimensions, indicators against baseline, warnings, events, sessions. */
import type { TownDetailModel } from '../../shared/readModel';
import type { ReadContext } from './context';
import { CONSULTATION_VIEW_COLUMNS, toConsultationView, type ConsultationRow } from './consultationRows';
import { EVENT_VIEW_COLUMNS, toEventView, type EventRow } from './eventRows';
import { mergeWarnings } from './overview';
import { trendOf } from './risk';
import type { AssessedWeeksReader } from './assessedWeeks';
import { SOURCE_FILTER } from './sources';
import type { WarningsReader } from './warnings';
import { datedBy } from '../../shared/queries';

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
  deps: { risk: AssessedWeeksReader; warnings: WarningsReader },
) {
  // Newest first along the one time index, the town filtered inside it (migration 021): a
  // busy town stops after a few dozen entries, and the window bounds a town with few events.
  const events = ctx.db.prepare(
    `SELECT ${EVENT_VIEW_COLUMNS} FROM events INDEXED BY events_reported
     WHERE reported_at >= :since AND town_code = :town AND ${SOURCE_FILTER}
     ORDER BY reported_at DESC LIMIT ${TOWN_RECENT}`,
  );
  const consultations = ctx.db.prepare(
    `SELECT ${CONSULTATION_VIEW_COLUMNS} FROM consultations
     WHERE town_code = :town AND ${SOURCE_FILTER} ORDER BY scheduled_at DESC LIMIT ${TOWN_RECENT}`,
  );

  return (params: { code: string; week?: string }): TownDetailModel => {
    const town = ctx.towns().find((t) => t.code === params.code);
    if (!town) throw new UnknownTownError(params.code);
    const h = deps.risk.history();
    const weekStart = deps.risk.resolveWeek(h, params.week);
    const assessed = weekStart ? h.byWeek.get(weekStart)!.get(town.code) ?? null : null;
    const p = { sources: ctx.sources, town: town.code };
    const since = ctx.now() - TOWN_RECENT_DAYS * 86_400_000;
    const predictive = weekStart ? deps.risk.predictiveFor(h, weekStart).filter((w) => w.town.code === town.code) : [];
    const source = deps.warnings.ofTown(town.code);
    return {
      asOf: ctx.asOf(datedBy('town')),
      town: { code: town.code, name: town.name, kind: town.kind, population: town.population },
      risk: assessed?.risk ?? null,
      explanation: assessed?.explanation ?? null,
      trend: weekStart ? trendOf(h, town.code, weekStart) : [],
      forecast: weekStart ? deps.risk.forecast(h, town.code, weekStart) : null,
      warnings: mergeWarnings(source, predictive, Number.POSITIVE_INFINITY),
      recentEvents: (events.all({ ...p, since }) as EventRow[]).map((r) => toEventView(ctx, r)),
      recentConsultations: (consultations.all(p) as ConsultationRow[]).map((r) => toConsultationView(ctx, r)),
    };
  };
}
