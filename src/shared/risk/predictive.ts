import type { DimensionId, IndicatorId, Level, Vocabulary, Warning } from '../contract';
import { DIMENSION_IDS } from '../contract';
import { normalisedDimensionWeights, normalisedIndicatorWeights, type TownAssessment } from './assess';
import { severity, type RiskModelConfig } from './model';

export interface PredictiveInput {
  town: { code: string; name: string };
  /** The latest assessed week. */
  current: { weekStart: string; assessment: TownAssessment };
  /** The forecast of the week after, with its values and baselines (see forecastTown). */
  forecast: {
    weekStart: string;
    /** What is scored: the assessment window's mean, forecast week included. */
    values: Record<IndicatorId, number>;
    /** The forecast week's own values, when known (quoted in the cause analysis). */
    weekValues?: Record<IndicatorId, number>;
    baselines: Record<IndicatorId, number>;
    assessment: TownAssessment;
    method: string;
  };
}

/** A 预测预警 draft: a valid `Warning` (kind 'predictive', status 'open') plus what crossed. */
export interface PredictiveWarningDraft extends Warning {
  kind: 'predictive';
  currentLevel: Level;
  forecastWeekStart: string;
  /** Dimensions whose level rises from the current week to the forecast week. */
  crossed: Array<{ dimension: DimensionId; from: Level; to: Level }>;
}

/** Where a town's forecast should lead first, per dimension (整改方向 of a predictive warning). */
const PREVENTION: Record<DimensionId, string> = {
  political: '提前排查重大不稳定因素和信访苗头，落实包案化解责任，防止矛盾升级。',
  publicOrder: '加强重点区域巡防和反诈宣传，提前排查矛盾纠纷，明确防范责任主体。',
  production: '组织重点企业和场所安全检查，排查火灾和交通隐患，压实企业主体责任。',
  foodDrug: '加大食品抽检和药品经营检查频次，及时处置投诉，公开抽检结果。',
  ecology: '加强污染源巡查和环境投诉处置，落实扬尘和排放管控措施。',
};

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/**
 * 预测预警 rule: a town gets a draft when its forecast level is more severe than its current
 * level and at least `model.predictive.minLevel`. It names the dimension whose weighted score
 * rises most and, inside it, the indicator whose score rises most.
 */
export function predictiveWarnings(
  items: PredictiveInput[],
  vocabulary: Vocabulary,
  model: RiskModelConfig,
  issuedAt: string,
): PredictiveWarningDraft[] {
  const wd = normalisedDimensionWeights(model);
  const wi = normalisedIndicatorWeights(vocabulary, model);
  const levelZh = (l: Level) => vocabulary.levels.find((x) => x.id === l)?.zh ?? l;
  const drafts: PredictiveWarningDraft[] = [];

  for (const { town, current, forecast } of items) {
    const from = current.assessment.level;
    const to = forecast.assessment.level;
    if (severity(to) <= severity(from) || severity(to) < severity(model.predictive.minLevel)) continue;

    const rise = (d: DimensionId) => wd[d] * (forecast.assessment.dimensionScores[d] - current.assessment.dimensionScores[d]);
    const dimension = [...DIMENSION_IDS].sort((a, b) => rise(b) - rise(a))[0];
    const members = vocabulary.indicators.filter((i) => i.dimension === dimension);
    const indRise = (id: IndicatorId) => wi[id] * (forecast.assessment.indicatorScores[id] - current.assessment.indicatorScores[id]);
    const ind = [...members].sort((a, b) => indRise(b.id) - indRise(a.id))[0];
    const dim = vocabulary.dimensions.find((d) => d.id === dimension)!;

    const crossed = DIMENSION_IDS.filter(
      (d) => severity(forecast.assessment.dimensionLevels[d]) > severity(current.assessment.dimensionLevels[d]),
    ).map((d) => ({ dimension: d, from: current.assessment.dimensionLevels[d], to: forecast.assessment.dimensionLevels[d] }));
    const crossedZh = crossed
      .map((c) => `${vocabulary.dimensions.find((d) => d.id === c.dimension)!.zh}（${levelZh(c.from)}→${levelZh(c.to)}）`)
      .join('、');

    const u = ind.unitZh;
    const windowZh = model.assessmentWeeks > 1 ? `近${model.assessmentWeeks}周均值` : '当周值';
    const week = forecast.weekValues ? `预计当周${fmt(forecast.weekValues[ind.id])}${u}，` : '';
    const causeAnalysis =
      `经Holt阻尼趋势法预测，${forecast.weekStart}起的一周综合风险分将由${fmt(current.assessment.compositeScore)}` +
      `升至${fmt(forecast.assessment.compositeScore)}，等级由${levelZh(from)}升至${levelZh(to)}。` +
      `上升最多的维度为${dim.zh}，其中${ind.zh}${week}${windowZh}${fmt(forecast.values[ind.id])}${u}` +
      `（基线${fmt(forecast.baselines[ind.id])}${u}）。` +
      (crossedZh ? `等级上升的维度：${crossedZh}。` : '');
    const history = [{ status: 'open' as const, at: issuedAt, note: '风险引擎根据预测生成' }];

    drafts.push({
      id: `pw-${town.code}-${forecast.weekStart}`,
      townCode: town.code,
      level: to,
      kind: 'predictive',
      dimension,
      indicator: ind.id,
      title: `${town.name}预测预警：${dim.zh}·${ind.zh}（预计${levelZh(to)}）`,
      issuedAt,
      causeAnalysis,
      rectification: PREVENTION[dimension],
      communities: [],
      status: 'open',
      history,
      updatedAt: issuedAt,
      currentLevel: from,
      forecastWeekStart: forecast.weekStart,
      crossed,
    });
  }
  return drafts;
}
