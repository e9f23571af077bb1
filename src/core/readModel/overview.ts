/** Overview (平安总览): the five-colour map of a week, level counts, indicators, warnings, KPIs; live or as of a day. */
import { LEVELS, type Level, type Vocabulary } from '../../shared/contract';
import type { OverviewModel, WarningView } from '../../shared/readModel';
import type { ReadContext } from './context';
import { datedBy } from '../../shared/queries';
import type { ConsultationTotalsReader } from './consultationTotals';
import type { EventTotalsReader } from './eventTotals';
import { districtIndicators } from './indicators';
import type { AssessedWeek, AssessedWeeksReader } from './assessedWeeks';
import { OVERVIEW_WARNINGS, type WarningsReader } from './warnings';
import type { AsOfPoint, LookbackReader } from './asOf';
import type { ConsultationsAtReader } from './consultationsAt';

export function createOverviewQuery(
  ctx: ReadContext,
  deps: {
    risk: AssessedWeeksReader;
    vocabulary: (sources: string | null) => Vocabulary;
    warnings: WarningsReader;
    events: EventTotalsReader;
    consultations: ConsultationTotalsReader;
    consultationsAt: ConsultationsAtReader;
    lookback: LookbackReader;
  },
) {
  return (params: { week?: string }, point: AsOfPoint): OverviewModel => {
    const h = deps.risk.history(point.live ? undefined : point.at);
    const weekStart = deps.risk.resolveWeek(h, params.week);
    const week: Map<string, AssessedWeek> = weekStart ? h.byWeek.get(weekStart)! : new Map();
    const i = weekStart ? h.weeks.indexOf(weekStart) : -1;
    const previous = i > 0 ? h.byWeek.get(h.weeks[i - 1])! : null;
    const towns = [...week.values()].map((w) => w.risk).sort((a, b) => a.code.localeCompare(b.code));
    const levelCounts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
    for (const t of towns) levelCounts[t.level]++;
    const at = point.live ? undefined : point.at;
    return {
      asOf: ctx.asOf(datedBy('overview'), point),
      lookback: deps.lookback(point),
      weekStart,
      towns,
      levelCounts,
      indicators: districtIndicators(deps.vocabulary(ctx.sources), week, previous),
      warnings: mergeWarnings(deps.warnings.list(OVERVIEW_WARNINGS, at), weekStart ? deps.risk.predictiveFor(h, weekStart) : []),
      events: deps.events.kpis(deps.events.totals(point), point),
      consultations: deps.consultations(point, at === undefined ? undefined : deps.consultationsAt.consultations(at)).kpis,
    };
  };
}

/** Source warnings still open, then the engine's predictive ones, then recently closed ones. */
export function mergeWarnings(source: WarningView[], engine: WarningView[], limit = OVERVIEW_WARNINGS): WarningView[] {
  const open = source.filter((w) => w.status !== 'closed');
  const closed = source.filter((w) => w.status === 'closed');
  return [...open, ...engine, ...closed].slice(0, limit);
}
