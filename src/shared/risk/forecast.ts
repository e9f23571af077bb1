import type { IndicatorValues, Vocabulary } from '../contract';
import { STANDARD_VOCABULARY } from '../contract';
import { isRateIndicator } from './baselines';
import type { RiskModelConfig } from './model';

/**
 * Holt's linear exponential smoothing with a damped trend (Gardner & McKenzie), one step ahead:
 *   level_t = α·y_t + (1−α)·(level_{t−1} + φ·trend_{t−1})
 *   trend_t = β·(level_t − level_{t−1}) + (1−β)·φ·trend_{t−1}
 *   ŷ_{t+1} = level_t + φ·trend_t
 * started from level_0 = y_0, trend_0 = y_1 − y_0. Why this method: weekly counts are noisy
 * and short (a quarter or two), with no stable seasonality to fit; Holt follows a rising
 * level within a few weeks, and damping keeps one bad week from being extrapolated far.
 */
export function holtDamped(series: number[], alpha: number, beta: number, phi: number): number {
  if (series.length === 0) throw new Error('holtDamped: the series is empty');
  if (series.length === 1) return series[0];
  let level = series[0];
  let trend = series[1] - series[0];
  for (let t = 1; t < series.length; t++) {
    const prevLevel = level;
    level = alpha * series[t] + (1 - alpha) * (prevLevel + phi * trend);
    trend = beta * (level - prevLevel) + (1 - beta) * phi * trend;
  }
  return level + phi * trend;
}

export function forecastMethodName(model: RiskModelConfig): string {
  const { alpha, beta, phi } = model.forecast;
  return `Holt linear, damped trend (α=${alpha}, β=${beta}, φ=${phi})`;
}

/**
 * Next week's expected value of every indicator from a town's weekly series (oldest first).
 * Never negative; rates never above 100 %.
 */
export function forecastNext(
  series: IndicatorValues[],
  model: RiskModelConfig,
  vocabulary: Vocabulary = STANDARD_VOCABULARY,
): { values: IndicatorValues; method: string } {
  if (series.length === 0) throw new Error('forecastNext: needs at least one week of values');
  const { alpha, beta, phi } = model.forecast;
  const values = {} as IndicatorValues;
  for (const ind of vocabulary.indicators) {
    const y = holtDamped(
      series.map((v) => v[ind.id]),
      alpha,
      beta,
      phi,
    );
    const cap = isRateIndicator(vocabulary, ind.id) ? 100 : Number.POSITIVE_INFINITY;
    values[ind.id] = Math.min(cap, Math.max(0, y));
  }
  return { values, method: forecastMethodName(model) };
}
