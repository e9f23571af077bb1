import { z } from 'zod';
import { BOUNDS, isoDate, isoTime, notTiny, percentage, recordId, sourceText, townCode } from './common';
import { DIMENSION_IDS, INDICATOR_IDS, dimensionIdSchema, indicatorIdSchema, levelSchema } from './vocabulary';

/** The indicators measured in percent; every other one is a town's weekly count. */
const PERCENT_INDICATORS: ReadonlySet<string> = new Set(['foodSamplingFailRate', 'airQualityGoodRate']);
const indicatorValue = (id: string) =>
  (PERCENT_INDICATORS.has(id) ? percentage : z.number().min(0).max(BOUNDS.weeklyCount)).refine(notTiny, {
    error: `a sliver above 0 (below ${BOUNDS.tiniest}), no measurement`,
  });
const indicatorValues = z.object(
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, indicatorValue(id)])) as Record<(typeof INDICATOR_IDS)[number], z.ZodNumber>,
);
const dimensionScores = z.object(
  Object.fromEntries(DIMENSION_IDS.map((id) => [id, percentage])) as Record<
    (typeof DIMENSION_IDS)[number],
    z.ZodNumber
  >,
);

/**
 * Feed GET /v1/risk/periods — one town's week: the 12 indicator values and, where the source
 * computes them, its dimension scores (0–100, higher = riskier), composite score and level.
 * A period is identified by `id` and may be re-sent (revised) with a later `updatedAt`.
 */
export const riskPeriodSchema = z.object({
  id: recordId,
  townCode,
  /** Monday of the ISO week, local date (Asia/Shanghai). */
  weekStart: isoDate,
  indicators: indicatorValues,
  dimensionScores: dimensionScores.optional(),
  compositeScore: percentage.optional(),
  level: levelSchema.optional(),
  updatedAt: isoTime,
});
export type RiskPeriod = z.infer<typeof riskPeriodSchema>;
export type IndicatorValues = z.infer<typeof indicatorValues>;
export type DimensionScores = z.infer<typeof dimensionScores>;

export const warningStatusSchema = z.enum(['open', 'rectifying', 'closed']);
export type WarningStatus = z.infer<typeof warningStatusSchema>;

/**
 * Feed GET /v1/warnings — 预警. `kind` is 'predictive' for 预测预警 raised from a forecast,
 * 'assessed' for a level already reached. Red warnings carry a joint supervision (多部门联合督导).
 * Re-sent whole with a later `updatedAt` whenever its status changes.
 */
export const warningSchema = z.object({
  id: recordId,
  townCode,
  level: levelSchema,
  kind: z.enum(['assessed', 'predictive']),
  dimension: dimensionIdSchema,
  indicator: indicatorIdSchema.optional(),
  title: sourceText(200),
  issuedAt: isoTime,
  /** 原因分析 — cause analysis. */
  causeAnalysis: sourceText(4000),
  /** 整改方向 — rectification direction. */
  rectification: sourceText(4000),
  /** Communities most concerned, by name. */
  communities: z.array(sourceText(100)).max(50).default([]),
  status: warningStatusSchema,
  history: z
    .array(z.object({ status: warningStatusSchema, at: isoTime, note: sourceText(1000, 0) }))
    .min(1),
  jointSupervision: z
    .object({
      departments: z.array(sourceText(100)).min(2),
      startedAt: isoTime,
      note: sourceText(1000, 0).optional(),
    })
    .optional(),
  updatedAt: isoTime,
});
export type Warning = z.infer<typeof warningSchema>;
