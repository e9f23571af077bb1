/** Risk (五色图): every town's assessment in a week, trends and forecasts, explanations, 预测预警. */
import type { RiskModel } from '../../shared/readModel';
import type { ReadContext } from './context';
import { datedBy } from '../../shared/queries';
import type { AssessedWeeks, AssessedWeeksReader } from './assessedWeeks';
import type { AsOfPoint, LookbackReader } from './asOf';

/** A town's score and level in every week up to `upTo`, oldest first. */
export function trendOf(h: AssessedWeeks, townCode: string, upTo: string) {
  return h.weeks
    .filter((w) => w <= upTo)
    .flatMap((w) => {
      const t = h.byWeek.get(w)!.get(townCode);
      return t ? [{ weekStart: w, score: t.risk.score, level: t.risk.level }] : [];
    });
}

export function createRiskQuery(ctx: ReadContext, risk: AssessedWeeksReader, lookbackOf: LookbackReader) {
  return (params: { week?: string }, point: AsOfPoint): RiskModel => {
    const h = risk.history(point.live ? undefined : point.at);
    const weekStart = risk.resolveWeek(h, params.week);
    const asOf = ctx.asOf(datedBy('risk'), point);
    const lookback = lookbackOf(point);
    if (!weekStart) return { asOf, lookback, weekStart: null, towns: [], trends: [], explanations: [], predictiveWarnings: [] };
    // Looking back at a past week shows the picture as it was: trends and forecasts stop there.
    const week = [...h.byWeek.get(weekStart)!.values()].sort((a, b) => a.risk.code.localeCompare(b.risk.code));
    return {
      asOf,
      lookback,
      weekStart,
      towns: week.map((w) => w.risk),
      trends: week.map((w) => ({
        town: { code: w.risk.code, name: w.risk.name },
        series: trendOf(h, w.risk.code, weekStart),
        forecast: risk.forecast(h, w.risk.code, weekStart),
      })),
      explanations: week.map((w) => w.explanation),
      predictiveWarnings: risk.predictiveFor(h, weekStart),
    };
  };
}
