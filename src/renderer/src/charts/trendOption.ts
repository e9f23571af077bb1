import type { RiskModel } from '../../../shared/readModel';
import type { ChartClick } from './useEChart';
import type { T } from '../i18n';
import { escapeHtml } from './escapeHtml';
import { LEVEL_COLORS } from './levels';
import { axisLabel, axisLine, CHART_FONT, FS, INK, SERIES_COLORS, splitLine, textStyle, tooltipBase, MOTION } from './chartStyle';
import { isolate } from '../text/sourceText';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { echarts, type ChartOption } from './echarts';

// The chart types these builders draw, registered where they are used (see echarts.ts).
echarts.use([LineChart, GridComponent, LegendComponent]);

export type Trend = RiskModel['trends'][number];

const TREND_ID = 'trend:';
const FORECAST_ID = 'forecast:';

/** The town whose line (actual or forecast) was clicked, if it is one of `trends`; else null. */
export function trendClickTown(p: ChartClick, trends: readonly Trend[]): string | null {
  if (p.componentType !== 'series' || typeof p.seriesId !== 'string') return null;
  const id = p.seriesId;
  const code = id.startsWith(TREND_ID) ? id.slice(TREND_ID.length) : id.startsWith(FORECAST_ID) ? id.slice(FORECAST_ID.length) : null;
  return code !== null && trends.some((trend) => trend.town.code === code) ? code : null;
}

/**
 * Risk score per week per town, with the forecast drawn as a dashed continuation from the
 * last assessed week to the forecast week (its point in the forecast level's colour).
 * `highlight` (the selected or worst town) is drawn bold, the others faint.
 */
export function buildTrendOption(input: { trends: Trend[]; highlight?: string | null; t: T; legend?: boolean }): ChartOption {
  const { trends, highlight, t } = input;
  const weeks = new Set<string>();
  for (const trend of trends) {
    for (const p of trend.series) weeks.add(p.weekStart);
    if (trend.forecast) weeks.add(trend.forecast.weekStart);
  }
  const categories = [...weeks].sort();
  const index = new Map(categories.map((w, i) => [w, i]));
  const series: unknown[] = [];
  trends.forEach((trend, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length];
    const strong = !highlight || highlight === trend.town.code;
    const actual: Array<number | null> = categories.map(() => null);
    for (const p of trend.series) actual[index.get(p.weekStart)!] = Math.round(p.score * 10) / 10;
    const width = strong ? (highlight ? 5 : 3) : 2;
    const opacity = strong ? 1 : 0.35;
    series.push({
      type: 'line',
      // The id carries the town code, so a click on the line can select the town.
      id: `${TREND_ID}${trend.town.code}`,
      name: isolate(trend.town.name),
      data: actual,
      // A click anywhere on the line counts, not only on its week points.
      triggerLineEvent: true,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: strong ? 8 : 4,
      lineStyle: { width, color, opacity },
      itemStyle: { color, opacity },
      z: strong ? 3 : 2,
    });
    const last = trend.series[trend.series.length - 1];
    if (trend.forecast && last) {
      const dashed: Array<number | { value: number; itemStyle: object; symbolSize: number } | null> = categories.map(() => null);
      dashed[index.get(last.weekStart)!] = Math.round(last.score * 10) / 10;
      dashed[index.get(trend.forecast.weekStart)!] = {
        value: Math.round(trend.forecast.score * 10) / 10,
        itemStyle: { color: LEVEL_COLORS[trend.forecast.level], borderColor: '#fff', borderWidth: 2, opacity: strong ? 1 : 0.5 },
        symbolSize: strong ? 16 : 8,
      };
      series.push({
        type: 'line',
        id: `${FORECAST_ID}${trend.town.code}`,
        name: isolate(trend.town.name),
        data: dashed,
        triggerLineEvent: true,
        connectNulls: true,
        symbol: 'circle',
        lineStyle: { width, color, opacity, type: 'dashed' },
        itemStyle: { color, opacity },
        z: strong ? 3 : 2,
        tooltip: { show: true },
      });
    }
  });
  return {
    ...MOTION,
    textStyle,
    color: SERIES_COLORS,
    legend: input.legend === false ? undefined : {
      top: 0,
      textStyle: { color: INK.text, fontSize: FS.small, fontFamily: CHART_FONT },
      itemWidth: 24,
      itemHeight: 12,
      data: trends.map((trend) => isolate(trend.town.name)),
    },
    // Two legend rows for eight towns, then room for the axis unit above the plot.
    grid: { left: 56, right: 24, top: input.legend === false ? 36 : trends.length > 4 ? 96 : 72, bottom: 36 },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const ps = params as Array<{ seriesName: string; value: number | null; axisValue: string; color: string; seriesIndex: number }>;
        if (!ps.length) return '';
        const seen = new Set<string>();
        const rows = ps
          .filter((p) => p.value != null && !seen.has(p.seriesName) && seen.add(p.seriesName))
          .map((p) => `<div>${escapeHtml(p.seriesName)}：<b>${escapeHtml(p.value)}</b> ${escapeHtml(t('unit.points'))}</div>`)
          .join('');
        const isForecast = trends.some((trend) => trend.forecast?.weekStart === ps[0].axisValue);
        return `<div><b>${escapeHtml(ps[0].axisValue)}</b>${isForecast ? escapeHtml(t('trend.forecast')) : ''}</div>${rows}`;
      },
    },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: false,
      axisLabel: { ...axisLabel, formatter: (v: string) => v.slice(5) },
      axisLine,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: t('unit.points'),
      nameTextStyle: axisLabel,
      axisLabel,
      splitLine,
    },
    series,
  };
}
