/** The 12 indicators district-wide: counts are summed over towns, rates (%) averaged. */
import type { IndicatorId, Vocabulary } from '../../shared/contract';
import type { OverviewModel } from '../../shared/readModel';
import { isRateIndicator } from '../../shared/risk';
import type { AssessedWeek } from './assessedWeeks';

export function districtIndicators(
  vocabulary: Vocabulary,
  week: Map<string, AssessedWeek>,
  previous: Map<string, AssessedWeek> | null,
): OverviewModel['indicators'] {
  const total = (w: Map<string, AssessedWeek>, id: IndicatorId) => {
    const values = [...w.values()].map((t) => t.risk.indicators[id]);
    const sum = values.reduce((s, v) => s + v, 0);
    const value = isRateIndicator(vocabulary, id) ? sum / values.length : sum;
    return Math.round(value * 10) / 10;
  };
  return vocabulary.indicators.map(({ id }) => {
    // The worst town is the one the engine scores highest on this indicator (furthest above its
    // own baseline), not the biggest raw count, which would always be the most populous town.
    let worst: AssessedWeek | null = null;
    for (const t of week.values()) {
      if (!worst || t.engine.assessment.indicatorScores[id] > worst.engine.assessment.indicatorScores[id]) worst = t;
    }
    return {
      id,
      value: week.size ? total(week, id) : 0,
      previous: previous && previous.size ? total(previous, id) : null,
      worstTown: worst ? { code: worst.risk.code, name: worst.risk.name } : null,
    };
  });
}
