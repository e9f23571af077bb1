import { z } from 'zod';
import { nonEmpty, sourceText } from './common';

/** The five dimensions of 平安建设 (五位一体). Ids are stable API values. */
export const DIMENSION_IDS = ['political', 'publicOrder', 'production', 'foodDrug', 'ecology'] as const;
export const dimensionIdSchema = z.enum(DIMENSION_IDS);
export type DimensionId = z.infer<typeof dimensionIdSchema>;

/** Five-colour levels, from highest risk to lowest. */
export const LEVELS = ['red', 'orange', 'yellow', 'blue', 'green'] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

export const INDICATOR_IDS = [
  'instabilityFactors',
  'escalatedPetitions',
  'criminalCases',
  'telecomFraud',
  'disputes',
  'productionAccidents',
  'fires',
  'trafficAccidents',
  'foodSamplingFailRate',
  'drugComplaints',
  'environmentComplaints',
  'airQualityGoodRate',
] as const;
export const indicatorIdSchema = z.enum(INDICATOR_IDS);
export type IndicatorId = z.infer<typeof indicatorIdSchema>;

export const dimensionSchema = z.object({
  id: dimensionIdSchema,
  zh: nonEmpty,
  en: nonEmpty,
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const indicatorSchema = z.object({
  id: indicatorIdSchema,
  zh: nonEmpty,
  en: nonEmpty,
  dimension: dimensionIdSchema,
  /** Unit of the weekly value, in Chinese and English (e.g. 起 / cases). */
  unitZh: sourceText(20, 0),
  unitEn: sourceText(20, 0),
  /** Which direction is worse: 'higher' for counts, 'lower' for good rates. */
  worse: z.enum(['higher', 'lower']),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** GET /v1/risk/vocabulary — snapshot (ETag). */
export const vocabularySchema = z.object({
  dimensions: z.array(dimensionSchema).length(5),
  indicators: z.array(indicatorSchema).length(12),
  levels: z.array(z.object({ id: levelSchema, zh: nonEmpty, en: nonEmpty })).length(5),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** The standard vocabulary, served by the simulator and used when a source omits one. */
export const STANDARD_VOCABULARY: Vocabulary = {
  dimensions: [
    { id: 'political', zh: '政治安全', en: 'Political security' },
    { id: 'publicOrder', zh: '社会治安安全', en: 'Public order' },
    { id: 'production', zh: '生产安全', en: 'Production safety' },
    { id: 'foodDrug', zh: '食品药品安全', en: 'Food & drug safety' },
    { id: 'ecology', zh: '生态环境安全', en: 'Ecological safety' },
  ],
  indicators: [
    { id: 'instabilityFactors', zh: '重大不稳定因素', en: 'Major instability factors', dimension: 'political', unitZh: '个', unitEn: 'items', worse: 'higher' },
    { id: 'escalatedPetitions', zh: '越级信访', en: 'Escalated petitions', dimension: 'political', unitZh: '件', unitEn: 'cases', worse: 'higher' },
    { id: 'criminalCases', zh: '刑事警情', en: 'Criminal incidents', dimension: 'publicOrder', unitZh: '起', unitEn: 'cases', worse: 'higher' },
    { id: 'telecomFraud', zh: '电信网络诈骗', en: 'Telecom & online fraud', dimension: 'publicOrder', unitZh: '起', unitEn: 'cases', worse: 'higher' },
    { id: 'disputes', zh: '矛盾纠纷', en: 'Disputes', dimension: 'publicOrder', unitZh: '件', unitEn: 'cases', worse: 'higher' },
    { id: 'productionAccidents', zh: '生产安全事故', en: 'Production accidents', dimension: 'production', unitZh: '起', unitEn: 'cases', worse: 'higher' },
    { id: 'fires', zh: '火灾', en: 'Fires', dimension: 'production', unitZh: '起', unitEn: 'cases', worse: 'higher' },
    { id: 'trafficAccidents', zh: '道路交通事故', en: 'Road traffic accidents', dimension: 'production', unitZh: '起', unitEn: 'cases', worse: 'higher' },
    { id: 'foodSamplingFailRate', zh: '食品抽检不合格率', en: 'Food sampling failure rate', dimension: 'foodDrug', unitZh: '%', unitEn: '%', worse: 'higher' },
    { id: 'drugComplaints', zh: '药品安全投诉', en: 'Drug safety complaints', dimension: 'foodDrug', unitZh: '件', unitEn: 'cases', worse: 'higher' },
    { id: 'environmentComplaints', zh: '环境信访投诉', en: 'Environmental complaints', dimension: 'ecology', unitZh: '件', unitEn: 'cases', worse: 'higher' },
    { id: 'airQualityGoodRate', zh: '空气质量优良率', en: 'Good air-quality days', dimension: 'ecology', unitZh: '%', unitEn: '%', worse: 'lower' },
  ],
  levels: [
    { id: 'red', zh: '高风险', en: 'High' },
    { id: 'orange', zh: '较高风险', en: 'Relatively high' },
    { id: 'yellow', zh: '中风险', en: 'Medium' },
    { id: 'blue', zh: '较低风险', en: 'Relatively low' },
    { id: 'green', zh: '低风险', en: 'Low' },
  ],
};
