import { z } from 'zod';
import { DIMENSION_IDS, INDICATOR_IDS, describeIssues, dimensionIdSchema, indicatorIdSchema, levelSchema } from '../contract';
import { DEFAULT_RISK_MODEL, type RiskModelConfig, type Thresholds } from './model';

const weight = z.number().finite().min(0).max(1000);
const score = z.number().min(0).max(100);
const thresholdsOverride = z.strictObject({ red: score, orange: score, yellow: score, blue: score }).partial();

/**
 * The `riskModel` section of the config file: partial overrides of DEFAULT_RISK_MODEL.
 * Strict objects, so a misspelt field is an error naming it instead of being ignored.
 */
export const riskModelOverridesSchema = z.strictObject({
  indicatorWeights: z.partialRecord(indicatorIdSchema, weight).optional(),
  dimensionWeights: z.partialRecord(dimensionIdSchema, weight).optional(),
  thresholds: thresholdsOverride.optional(),
  indicatorThresholds: thresholdsOverride.optional(),
  assessmentWeeks: z.number().int().min(1).max(52).optional(),
  scoring: z
    .strictObject({ atBaseline: score, pointsPerDoubling: z.number().positive().max(100) })
    .partial()
    .optional(),
  smoothing: z.partialRecord(indicatorIdSchema, z.number().positive().max(1000)).optional(),
  baselines: z
    .strictObject({
      method: z.literal('districtNorm'),
      windowWeeks: z.number().int().min(1).max(520),
      minWeeks: z.number().int().min(1).max(520),
      ownHistoryWeight: z.number().min(0).max(1),
      overrides: z.record(
        z.string().regex(/^\d{9}$/, 'a 9-digit town code'),
        z.partialRecord(indicatorIdSchema, z.number().finite().nonnegative()),
      ),
    })
    .partial()
    .optional(),
  forecast: z
    .strictObject({
      method: z.literal('holt'),
      alpha: z.number().gt(0).max(1),
      beta: z.number().min(0).max(1),
      phi: z.number().gt(0).max(1),
    })
    .partial()
    .optional(),
  predictive: z.strictObject({ minLevel: levelSchema }).partial().optional(),
});
export type RiskModelOverrides = z.infer<typeof riskModelOverridesSchema>;

function checkThresholds(t: Thresholds, where: string): string[] {
  return t.red > t.orange && t.orange > t.yellow && t.yellow > t.blue
    ? []
    : [`${where}: need red > orange > yellow > blue (got ${t.red}, ${t.orange}, ${t.yellow}, ${t.blue})`];
}

/**
 * DEFAULT_RISK_MODEL (or `base`) with validated overrides applied. Throws an Error whose
 * message names the offending field; the caller keeps its last good model.
 */
export function applyRiskModelOverrides(overrides: unknown, base: RiskModelConfig = DEFAULT_RISK_MODEL): RiskModelConfig {
  const parsed = riskModelOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) throw new Error(`riskModel: ${describeIssues(parsed.error)}`);
  const o = parsed.data;
  const model: RiskModelConfig = {
    indicatorWeights: { ...base.indicatorWeights, ...o.indicatorWeights },
    dimensionWeights: { ...base.dimensionWeights, ...o.dimensionWeights },
    thresholds: { ...base.thresholds, ...o.thresholds },
    indicatorThresholds: { ...base.indicatorThresholds, ...o.indicatorThresholds },
    assessmentWeeks: o.assessmentWeeks ?? base.assessmentWeeks,
    scoring: { ...base.scoring, ...o.scoring },
    smoothing: { ...base.smoothing, ...o.smoothing },
    baselines: {
      ...base.baselines,
      ...o.baselines,
      overrides: { ...base.baselines.overrides, ...o.baselines?.overrides },
    },
    forecast: { ...base.forecast, ...o.forecast },
    predictive: { ...base.predictive, ...o.predictive },
  };
  const problems = [
    ...checkThresholds(model.thresholds, 'riskModel.thresholds'),
    ...checkThresholds(model.indicatorThresholds, 'riskModel.indicatorThresholds'),
  ];
  if (DIMENSION_IDS.every((d) => model.dimensionWeights[d] === 0)) problems.push('riskModel.dimensionWeights: all are 0');
  if (INDICATOR_IDS.every((i) => model.indicatorWeights[i] === 0)) problems.push('riskModel.indicatorWeights: all are 0');
  if (model.baselines.minWeeks > model.baselines.windowWeeks)
    problems.push('riskModel.baselines: minWeeks must not exceed windowWeeks');
  if (problems.length) throw new Error(problems.join('; '));
  return model;
}
