import type { DimensionId, IndicatorId, Level } from '../contract';

/**
 * The risk model's parameters. Every number an analyst needs to re-compute a colour by hand
 * lives here; docs/risk-model.md explains each one with a worked example.
 */
export interface RiskModelConfig {
  /** Weight of each indicator inside its dimension (normalised per dimension). */
  indicatorWeights: Record<IndicatorId, number>;
  /** Weight of each dimension in the composite (normalised). */
  dimensionWeights: Record<DimensionId, number>;
  /** Composite and dimension score ≥ red → red, ≥ orange → orange, … , below blue → green. */
  thresholds: Thresholds;
  /**
   * Indicator scores are single weekly counts, far noisier than a dimension's mean, so their
   * colours (the 分图 per indicator) use wider bands.
   */
  indicatorThresholds: Thresholds;
  /**
   * A week is assessed on the mean of its town's last `assessmentWeeks` weeks (itself included):
   * one noisy week of small counts should not recolour a town, a sustained rise should.
   */
  assessmentWeeks: number;
  /** How a weekly value becomes a 0–100 score: 50 at the baseline, ±25 per doubling/halving. */
  scoring: {
    /** Score of a value exactly at its baseline. */
    atBaseline: number;
    /** Points added per doubling of the (smoothed) ratio to the baseline. */
    pointsPerDoubling: number;
  };
  /**
   * Pseudo-count added to both value and baseline before taking their ratio, so that 0 vs 1
   * case is not "infinitely" better or worse. Units are the indicator's own (cases, %-points).
   */
  smoothing: Record<IndicatorId, number>;
  baselines: BaselineConfig;
  forecast: { method: 'holt'; alpha: number; beta: number; /** trend damping, 0 < φ ≤ 1 */ phi: number };
  /** 预测预警: raised when the forecast level is more severe than the current one and at least this. */
  predictive: { minLevel: Level };
}

export interface Thresholds {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
}

export interface BaselineConfig {
  /**
   * 'districtNorm': the median town's per-capita weekly rate over the reference window,
   * × the town's population (rates in % are taken as they are, not scaled).
   */
  method: 'districtNorm';
  /** Reference window: this many weeks before the assessed week. */
  windowWeeks: number;
  /** Fewer prior weeks than this: use the first `minWeeks` weeks of the history instead. */
  minWeeks: number;
  /** 0–1: share of the town's own trailing mean blended into the norm (0 = pure district norm). */
  ownHistoryWeight: number;
  /** Fixed baselines per town code and indicator (weekly value); they replace the computed one. */
  overrides: Record<string, Partial<Record<IndicatorId, number>>>;
}

export const DEFAULT_RISK_MODEL: RiskModelConfig = {
  indicatorWeights: {
    instabilityFactors: 0.6,
    escalatedPetitions: 0.4,
    criminalCases: 0.35,
    telecomFraud: 0.4,
    disputes: 0.25,
    productionAccidents: 0.4,
    fires: 0.3,
    trafficAccidents: 0.3,
    foodSamplingFailRate: 0.6,
    drugComplaints: 0.4,
    environmentComplaints: 0.6,
    airQualityGoodRate: 0.4,
  },
  dimensionWeights: {
    political: 0.15,
    publicOrder: 0.35,
    production: 0.2,
    foodDrug: 0.15,
    ecology: 0.15,
  },
  thresholds: { red: 65, orange: 58, yellow: 53, blue: 48 },
  indicatorThresholds: { red: 85, orange: 77, yellow: 68, blue: 48 },
  assessmentWeeks: 4,
  scoring: { atBaseline: 50, pointsPerDoubling: 25 },
  smoothing: {
    instabilityFactors: 2,
    escalatedPetitions: 2,
    criminalCases: 1,
    telecomFraud: 1,
    disputes: 1,
    productionAccidents: 2,
    fires: 2,
    trafficAccidents: 1,
    foodSamplingFailRate: 2,
    drugComplaints: 2,
    environmentComplaints: 1,
    airQualityGoodRate: 1,
  },
  baselines: { method: 'districtNorm', windowWeeks: 13, minWeeks: 4, ownHistoryWeight: 0, overrides: {} },
  forecast: { method: 'holt', alpha: 0.5, beta: 0.3, phi: 0.8 },
  predictive: { minLevel: 'yellow' },
};

/** Severity rank: green 0 … red 4, for "is this level higher than that one". */
const SEVERITY: Record<Level, number> = { green: 0, blue: 1, yellow: 2, orange: 3, red: 4 };
export function severity(level: Level): number {
  return SEVERITY[level];
}

export function levelForScore(score: number, thresholds: Thresholds): Level {
  if (score >= thresholds.red) return 'red';
  if (score >= thresholds.orange) return 'orange';
  if (score >= thresholds.yellow) return 'yellow';
  if (score >= thresholds.blue) return 'blue';
  return 'green';
}

/** Scores are shown and compared with one decimal; rounding at each stage keeps hand checks exact. */
export function round1(x: number): number {
  // The tiny nudge makes 2.45 round up as on paper, despite 2.45 × 10 = 24.4999… in binary.
  return Math.round(x * 10 + 1e-9) / 10;
}
