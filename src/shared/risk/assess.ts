import type { DimensionId, IndicatorId, IndicatorValues, Level, Vocabulary } from '../contract';
import { DIMENSION_IDS } from '../contract';
import type { Explanation } from '../readModel';
import { levelForScore, round1, type RiskModelConfig } from './model';

/** The full assessment of one town in one week. All scores 0–100, higher = riskier. */
export interface TownAssessment {
  indicatorScores: Record<IndicatorId, number>;
  indicatorLevels: Record<IndicatorId, Level>;
  /** value vs baseline after smoothing, oriented so that > 1 is always worse. */
  ratios: Record<IndicatorId, number>;
  dimensionScores: Record<DimensionId, number>;
  dimensionLevels: Record<DimensionId, Level>;
  compositeScore: number;
  level: Level;
  /** Every indicator's points in the composite, biggest first; they add up to compositeScore. */
  contributors: Explanation['contributors'];
}

/**
 * Smoothed ratio of a value to its baseline, oriented so that > 1 means worse:
 * (value + k) / (baseline + k) when higher is worse, (baseline + k) / (value + k) when lower is.
 */
export function indicatorRatio(value: number, baseline: number, worse: 'higher' | 'lower', k: number): number {
  const [num, den] = worse === 'higher' ? [value + k, baseline + k] : [baseline + k, value + k];
  if (!Number.isFinite(num) || !Number.isFinite(den)) return 1; // no figure to compare: neutral
  // Never divide by zero or a sliver (5e-324): the ratio would be astronomic, or Infinity.
  if (den < RATIO_MIN_DENOMINATOR) return num < RATIO_MIN_DENOMINATOR ? 1 : RATIO_MAX;
  return Math.min(RATIO_MAX, num / den);
}

/** Below this a denominator is treated as zero. */
const RATIO_MIN_DENOMINATOR = 1e-9;
/** The largest ratio the engine reports: 2^20, far past the score's 100 (score = f(log2 ratio)). */
export const RATIO_MAX = 2 ** 20;

/** score = atBaseline + pointsPerDoubling × log2(ratio), clamped to 0–100, one decimal. */
export function scoreForRatio(ratio: number, scoring: RiskModelConfig['scoring']): number {
  if (ratio <= 0) return 0;
  const raw = scoring.atBaseline + scoring.pointsPerDoubling * Math.log2(ratio);
  return round1(Math.min(100, Math.max(0, raw)));
}

/** Weights of the indicators of each dimension, normalised to sum to 1 within the dimension. */
export function normalisedIndicatorWeights(vocabulary: Vocabulary, model: RiskModelConfig): Record<IndicatorId, number> {
  const out = {} as Record<IndicatorId, number>;
  for (const dim of DIMENSION_IDS) {
    const members = vocabulary.indicators.filter((i) => i.dimension === dim);
    const total = members.reduce((s, i) => s + model.indicatorWeights[i.id], 0);
    for (const i of members) out[i.id] = total > 0 ? model.indicatorWeights[i.id] / total : 1 / members.length;
  }
  return out;
}

export function normalisedDimensionWeights(model: RiskModelConfig): Record<DimensionId, number> {
  const total = DIMENSION_IDS.reduce((s, d) => s + model.dimensionWeights[d], 0);
  const out = {} as Record<DimensionId, number>;
  for (const d of DIMENSION_IDS) out[d] = total > 0 ? model.dimensionWeights[d] / total : 1 / DIMENSION_IDS.length;
  return out;
}

/** Normalised weights per (vocabulary, model) pair, computed once: a history has thousands of weeks. */
const weightCache = new WeakMap<Vocabulary, WeakMap<RiskModelConfig, ReturnType<typeof computeWeights>>>();
function computeWeights(vocabulary: Vocabulary, model: RiskModelConfig) {
  const members = Object.fromEntries(
    DIMENSION_IDS.map((d) => [d, vocabulary.indicators.filter((i) => i.dimension === d)]),
  ) as Record<DimensionId, Vocabulary['indicators']>;
  return { wi: normalisedIndicatorWeights(vocabulary, model), wd: normalisedDimensionWeights(model), members };
}
function weightsFor(vocabulary: Vocabulary, model: RiskModelConfig) {
  let byModel = weightCache.get(vocabulary);
  if (!byModel) weightCache.set(vocabulary, (byModel = new WeakMap()));
  let w = byModel.get(model);
  if (!w) byModel.set(model, (w = computeWeights(vocabulary, model)));
  return w;
}

/**
 * Scores one town-week. Each stage rounds to one decimal and the next stage uses the rounded
 * numbers, so an analyst re-computing from the shown figures gets exactly the same result.
 */
export function assessTownWeek(
  values: IndicatorValues,
  baselines: IndicatorValues,
  vocabulary: Vocabulary,
  model: RiskModelConfig,
): TownAssessment {
  const { wi, wd, members } = weightsFor(vocabulary, model);

  const indicatorScores = {} as Record<IndicatorId, number>;
  const indicatorLevels = {} as Record<IndicatorId, Level>;
  const ratios = {} as Record<IndicatorId, number>;
  for (const ind of vocabulary.indicators) {
    const ratio = indicatorRatio(values[ind.id], baselines[ind.id], ind.worse, model.smoothing[ind.id]);
    ratios[ind.id] = ratio;
    indicatorScores[ind.id] = scoreForRatio(ratio, model.scoring);
    indicatorLevels[ind.id] = levelForScore(indicatorScores[ind.id], model.indicatorThresholds);
  }

  const dimensionScores = {} as Record<DimensionId, number>;
  const dimensionLevels = {} as Record<DimensionId, Level>;
  for (const dim of DIMENSION_IDS) {
    dimensionScores[dim] = round1(members[dim].reduce((s, i) => s + wi[i.id] * indicatorScores[i.id], 0));
    dimensionLevels[dim] = levelForScore(dimensionScores[dim], model.thresholds);
  }

  const compositeScore = round1(DIMENSION_IDS.reduce((s, d) => s + wd[d] * dimensionScores[d], 0));
  const level = levelForScore(compositeScore, model.thresholds);

  // Contribution = the composite × the indicator's share of Σ(weight × score). The shares only
  // differ from "weight × score" by the rounding of the dimension scores (< 0.1 point in total).
  const raw = vocabulary.indicators.map((i) => wd[i.dimension] * wi[i.id] * indicatorScores[i.id]);
  const rawTotal = raw.reduce((s, x) => s + x, 0);
  const contributors: Explanation['contributors'] = vocabulary.indicators
    .map((i, n) => ({
      indicator: i.id,
      dimension: i.dimension,
      value: values[i.id],
      baseline: baselines[i.id],
      ratio: ratios[i.id],
      contribution: rawTotal > 0 ? (compositeScore * raw[n]) / rawTotal : 0,
    }))
    .sort((a, b) => b.contribution - a.contribution);

  return {
    indicatorScores,
    indicatorLevels,
    ratios,
    dimensionScores,
    dimensionLevels,
    compositeScore,
    level,
    contributors,
  };
}
