import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, STANDARD_VOCABULARY, warningSchema, type IndicatorValues } from '../contract';
import {
  DEFAULT_RISK_MODEL,
  applyRiskModelOverrides,
  assessHistory,
  assessTownWeek,
  computeBaselines,
  forecastNext,
  forecastTown,
  holtDamped,
  indicatorRatio,
  levelForScore,
  predictiveWarnings,
  riskModelOverridesSchema,
  scoreForRatio,
  type PeriodValues,
} from './index';

const V = STANDARD_VOCABULARY;
const M = DEFAULT_RISK_MODEL;

function values(fill: number, overrides: Partial<IndicatorValues> = {}): IndicatorValues {
  return { ...(Object.fromEntries(INDICATOR_IDS.map((id) => [id, fill])) as IndicatorValues), ...overrides };
}

describe('levelForScore', () => {
  it('puts each threshold itself in the higher level', () => {
    const t = M.thresholds; // red 65, orange 58, yellow 53, blue 48
    expect(levelForScore(100, t)).toBe('red');
    expect(levelForScore(65, t)).toBe('red');
    expect(levelForScore(64.9, t)).toBe('orange');
    expect(levelForScore(58, t)).toBe('orange');
    expect(levelForScore(57.9, t)).toBe('yellow');
    expect(levelForScore(53, t)).toBe('yellow');
    expect(levelForScore(52.9, t)).toBe('blue');
    expect(levelForScore(48, t)).toBe('blue');
    expect(levelForScore(47.9, t)).toBe('green');
    expect(levelForScore(0, t)).toBe('green');
  });
});

describe('indicator score', () => {
  it('is 50 at the baseline, +25 per doubling, clamped to 0–100', () => {
    expect(scoreForRatio(1, M.scoring)).toBe(50);
    expect(scoreForRatio(2, M.scoring)).toBe(75);
    expect(scoreForRatio(0.5, M.scoring)).toBe(25);
    expect(scoreForRatio(4, M.scoring)).toBe(100);
    expect(scoreForRatio(16, M.scoring)).toBe(100);
    expect(scoreForRatio(1 / 16, M.scoring)).toBe(0);
    // 1.5× baseline: 50 + 25 × log2(1.5) = 50 + 25 × 0.58496 = 64.62 → 64.6
    expect(scoreForRatio(1.5, M.scoring)).toBe(64.6);
  });

  it('smooths small counts so 0 vs 1 case is not extreme', () => {
    // k = 2 for fires: 1 fire against a baseline of 0.5 → (1+2)/(0.5+2) = 1.2, not 2×.
    expect(indicatorRatio(1, 0.5, 'higher', 2)).toBeCloseTo(1.2, 10);
    expect(indicatorRatio(0, 0, 'higher', 1)).toBe(1);
  });

  it('inverts the ratio when lower is worse (air quality)', () => {
    // Good-air rate 31 % against a baseline of 63 %, k = 1: (63+1)/(31+1) = 2 → score 75.
    expect(indicatorRatio(31, 63, 'lower', 1)).toBe(2);
    const a = assessTownWeek(values(10, { airQualityGoodRate: 31 }), values(10, { airQualityGoodRate: 63 }), V, M);
    expect(a.indicatorScores.airQualityGoodRate).toBe(75);
    // Better air than usual lowers the score.
    const b = assessTownWeek(values(10, { airQualityGoodRate: 95 }), values(10, { airQualityGoodRate: 63 }), V, M);
    expect(b.indicatorScores.airQualityGoodRate).toBeLessThan(50);
  });
});

describe('assessTownWeek — the worked example of docs/risk-model.md', () => {
  // Every indicator at its baseline except telecom fraud (15 vs 3) and air quality (31 % vs 63 %).
  const base = values(10, { telecomFraud: 3, airQualityGoodRate: 63 });
  const week = values(10, { telecomFraud: 15, airQualityGoodRate: 31 });
  const a = assessTownWeek(week, base, V, M);

  it('scores indicators, dimensions and the composite as computed by hand', () => {
    // telecomFraud: (15+1)/(3+1) = 4 → 50 + 25 × 2 = 100
    expect(a.indicatorScores.telecomFraud).toBe(100);
    expect(a.indicatorScores.criminalCases).toBe(50);
    // publicOrder = 0.35×50 + 0.40×100 + 0.25×50 = 17.5 + 40 + 12.5 = 70
    expect(a.dimensionScores.publicOrder).toBe(70);
    // ecology = 0.6×50 (complaints) + 0.4×75 (air) = 60
    expect(a.dimensionScores.ecology).toBe(60);
    expect(a.dimensionScores.political).toBe(50);
    // composite = 0.15×50 + 0.35×70 + 0.20×50 + 0.15×50 + 0.15×60 = 58.5
    expect(a.compositeScore).toBe(58.5);
    expect(a.level).toBe('orange');
    expect(a.dimensionLevels.publicOrder).toBe('red');
    expect(a.dimensionLevels.ecology).toBe('orange');
    expect(a.dimensionLevels.production).toBe('blue');
    expect(a.indicatorLevels.telecomFraud).toBe('red');
    expect(a.indicatorLevels.airQualityGoodRate).toBe('yellow');
    expect(a.indicatorLevels.fires).toBe('blue');
  });

  it('explains the colour: contributions add up to the composite, biggest first', () => {
    const sum = a.contributors.reduce((s, c) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(a.compositeScore, 9);
    expect(a.contributors).toHaveLength(12);
    // telecom fraud: 0.35 × 0.40 × 100 = 14 points; air quality: 0.15 × 0.4 × 75 = 4.5.
    expect(a.contributors[0]).toMatchObject({ indicator: 'telecomFraud', dimension: 'publicOrder', value: 15, baseline: 3, ratio: 4 });
    expect(a.contributors[0].contribution).toBeCloseTo(14, 9);
    expect(a.contributors.find((c) => c.indicator === 'airQualityGoodRate')!.contribution).toBeCloseTo(4.5, 9);
    for (let i = 1; i < a.contributors.length; i++)
      expect(a.contributors[i - 1].contribution).toBeGreaterThanOrEqual(a.contributors[i].contribution);
  });

  it('follows overridden weights', () => {
    const m = applyRiskModelOverrides({ dimensionWeights: { publicOrder: 0 } });
    // Without public order: (0.15×50 + 0.2×50 + 0.15×50 + 0.15×60) / 0.65 = 34 / 0.65 = 52.3
    expect(assessTownWeek(week, base, V, m).compositeScore).toBe(52.3);
  });
});

describe('computeBaselines', () => {
  const towns = [
    { code: '330113001', population: 100_000 },
    { code: '330113002', population: 200_000 },
    { code: '330113003', population: 50_000 },
  ];
  const weeks = ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'];
  const perWeek: Record<string, Partial<IndicatorValues>> = {
    '330113001': { criminalCases: 10, foodSamplingFailRate: 2 },
    '330113002': { criminalCases: 30, foodSamplingFailRate: 3 },
    '330113003': { criminalCases: 4, foodSamplingFailRate: 10 },
  };
  const periods: PeriodValues[] = weeks.flatMap((weekStart) =>
    towns.map((t) => ({ townCode: t.code, weekStart, indicators: values(1, perWeek[t.code]) })),
  );
  const base = (code: string, model = M, weekStart = '2026-02-02') =>
    computeBaselines({ townCode: code, weekStart, towns, periods, vocabulary: V, model });

  it('is the median town’s per-capita rate × population for counts', () => {
    // Per 100k: 10, 15, 8 → median 10 per 100k → 5 for a town of 50k, 20 for 200k.
    expect(base('330113003').criminalCases).toBeCloseTo(5, 9);
    expect(base('330113002').criminalCases).toBeCloseTo(20, 9);
  });

  it('is the median town’s rate, unscaled, for % indicators', () => {
    expect(base('330113003').foodSamplingFailRate).toBe(3);
    expect(base('330113002').foodSamplingFailRate).toBe(3);
  });

  it('blends in the town’s own mean and honours per-town overrides', () => {
    const blended = applyRiskModelOverrides({ baselines: { ownHistoryWeight: 0.5 } });
    // 0.5 × 5 (norm) + 0.5 × 4 (own mean) = 4.5
    expect(base('330113003', blended).criminalCases).toBeCloseTo(4.5, 9);
    const fixed = applyRiskModelOverrides({ baselines: { overrides: { '330113003': { criminalCases: 7 } } } });
    expect(base('330113003', fixed).criminalCases).toBe(7);
    expect(base('330113003', fixed).fires).toBe(base('330113003').fires);
  });

  it('never uses the assessed week itself once enough weeks precede it', () => {
    const spiked = periods.map((p) =>
      p.weekStart === '2026-02-02' ? { ...p, indicators: { ...p.indicators, criminalCases: 500 } } : p,
    );
    const b = computeBaselines({ townCode: '330113003', weekStart: '2026-02-02', towns, periods: spiked, vocabulary: V, model: M });
    expect(b.criminalCases).toBeCloseTo(5, 9);
  });
});

describe('forecast', () => {
  it('Holt with φ = 1 continues a straight line exactly', () => {
    expect(holtDamped([2, 4, 6, 8], 0.5, 0.3, 1)).toBeCloseTo(10, 9);
  });

  it('damps the trend as computed by hand (α 0.5, β 0.3, φ 0.8)', () => {
    // l: 2 → 3.8 → 5.564 → 7.36552; b: 2 → 1.66 → 1.4588 → 1.357384; ŷ = 7.36552 + 0.8 × 1.357384
    expect(holtDamped([2, 4, 6, 8], 0.5, 0.3, 0.8)).toBeCloseTo(8.4514272, 9);
  });

  it('never forecasts below zero or a rate above 100 %, and keeps a flat series flat', () => {
    const series = [values(10, { fires: 10, airQualityGoodRate: 90 }), values(5, { fires: 5, airQualityGoodRate: 98 }), values(0, { fires: 0, airQualityGoodRate: 100 })];
    const f = forecastNext(series, M, V);
    expect(f.values.fires).toBe(0);
    expect(f.values.airQualityGoodRate).toBe(100);
    expect(f.method).toBe('Holt linear, damped trend (α=0.5, β=0.3, φ=0.8)');
    expect(forecastNext([values(3), values(3), values(3)], M, V).values.disputes).toBeCloseTo(3, 9);
    expect(() => forecastNext([], M, V)).toThrow(/at least one week/);
  });
});

describe('predictive warnings (预测预警)', () => {
  const towns = [
    { code: '330113001', population: 100_000 },
    { code: '330113002', population: 100_000 },
    { code: '330113003', population: 100_000 },
  ];
  const weeks = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'];
  // Every count indicator of town 1 goes 2, 2, 2, then 3; the other towns stay at 2.
  const periods: PeriodValues[] = weeks.flatMap((weekStart, i) =>
    towns.map((t) => {
      const v = t.code === '330113001' && i === 3 ? 3 : 2;
      return { townCode: t.code, weekStart, indicators: values(v, { airQualityGoodRate: 80 }) };
    }),
  );

  it('drafts a valid warning naming the dimension and indicator that push the level up', () => {
    const upTo = weeks[3];
    const history = assessHistory({ towns, periods, vocabulary: V, model: M });
    const current = history.find((h) => h.townCode === '330113001' && h.weekStart === upTo)!;
    const forecast = forecastTown({ townCode: '330113001', towns, periods, vocabulary: V, model: M })!;
    expect(forecast.weekStart).toBe('2026-03-30');
    // Now: the 4-week mean is 2.25 per indicator → blue; Holt expects 2.62 next week (window mean 2.41) → yellow.
    expect(current.assessment.level).toBe('blue');
    expect(forecast.assessment.level).toBe('yellow');
    const drafts = predictiveWarnings(
      [{ town: { code: '330113001', name: '临平街道' }, current: { weekStart: upTo, assessment: current.assessment }, forecast }],
      V,
      M,
      '2026-03-30T09:00:00+08:00',
    );
    expect(drafts).toHaveLength(1);
    const d = drafts[0];
    expect(warningSchema.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({ kind: 'predictive', dimension: 'publicOrder', indicator: 'telecomFraud', status: 'open', level: forecast.assessment.level, currentLevel: current.assessment.level });
    expect(d.crossed.map((c) => c.dimension)).toContain('publicOrder');
    expect(d.causeAnalysis).toContain('电信网络诈骗');
    expect(d.causeAnalysis).toContain('预计当周2.6起');
  });

  it('stays silent when the forecast is not more severe, or below minLevel', () => {
    const a = assessTownWeek(values(2), values(2), V, M);
    const same = { weekStart: '2026-03-30', values: values(2), baselines: values(2), assessment: a, method: 'x' };
    expect(predictiveWarnings([{ town: { code: '330113002', name: '南苑街道' }, current: { weekStart: weeks[3], assessment: a }, forecast: same }], V, M, '2026-03-30T09:00:00+08:00')).toEqual([]);
    const greenNow = { ...a, level: 'green' as const };
    // green → blue is more severe but below the default minLevel (yellow).
    expect(predictiveWarnings([{ town: { code: '330113002', name: '南苑街道' }, current: { weekStart: weeks[3], assessment: greenNow }, forecast: same }], V, M, '2026-03-30T09:00:00+08:00')).toEqual([]);
  });
});

describe('riskModelOverridesSchema / applyRiskModelOverrides', () => {
  it('accepts partial overrides and keeps every other default', () => {
    const m = applyRiskModelOverrides({ thresholds: { red: 70 }, forecast: { alpha: 0.4 } });
    expect(m.thresholds).toEqual({ ...M.thresholds, red: 70 });
    expect(m.forecast).toEqual({ ...M.forecast, alpha: 0.4 });
    expect(m.indicatorWeights).toEqual(M.indicatorWeights);
    expect(applyRiskModelOverrides(undefined)).toEqual(M);
  });

  it('rejects an unknown or misspelt field, naming it', () => {
    const r = riskModelOverridesSchema.safeParse({ thresholds: { red: 70, orang: 60 } });
    expect(r.success).toBe(false);
    expect(() => applyRiskModelOverrides({ thresholds: { orang: 60 } })).toThrow(/orang/);
    expect(() => applyRiskModelOverrides({ indicatorWeights: { telecomFruad: 1 } })).toThrow(/telecomFruad|indicatorWeights/);
    expect(() => applyRiskModelOverrides({ smoothing: { fires: 0 } })).toThrow(/smoothing\.fires/);
  });

  it('rejects thresholds out of order with a message saying which', () => {
    expect(() => applyRiskModelOverrides({ thresholds: { orange: 80 } })).toThrow(/riskModel\.thresholds: need red > orange/);
  });
});
