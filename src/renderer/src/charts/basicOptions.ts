import { countUnit } from '../i18n/units';
import { escapeHtml } from './escapeHtml';
import { axisLabel, axisLine, CHART_FONT, FS, INK, SERIES_COLORS, splitLine, textStyle, tooltipBase, MOTION } from './chartStyle';
import { BarChart, FunnelChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent } from 'echarts/components';
import { echarts, type ChartOption } from './echarts';

// The chart types these builders draw, registered where they are used (see echarts.ts).
echarts.use([BarChart, FunnelChart, LineChart, RadarChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent]);

/** A bar item: its label (data text: escaped in tooltips), value and optional own colour. */
export interface BarItem {
  name: string;
  value: number;
  color?: string;
}

/**
 * Horizontal bars, largest on top, each labelled with its value and unit — the cockpit's
 * "by type / by town / by category" panels.
 */
export function buildBarsOption(input: { items: BarItem[]; unit: string; color?: string; maxLabelChars?: number }): ChartOption {
  const items = [...input.items].reverse(); // ECharts draws the first category at the bottom
  const unit = input.unit;
  return {
    ...MOTION,
    textStyle,
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number };
        return `${escapeHtml(name)}：<b>${escapeHtml(value)}</b> ${escapeHtml(countUnit(value, unit))}`;
      },
    },
    // (the unit as the hidden axis' name keeps it in the option's signature, see useEChart)
    xAxis: { type: 'value', show: false, name: unit },
    yAxis: {
      type: 'category',
      data: items.map((i) => i.name),
      axisLabel: {
        ...axisLabel,
        color: INK.text,
        fontSize: FS.body,
        interval: 0,
        width: (input.maxLabelChars ?? 7) * FS.body,
        overflow: 'truncate',
      },
      axisLine,
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 30,
        data: items.map((i) => ({ value: i.value, itemStyle: { color: i.color ?? input.color ?? SERIES_COLORS[0], borderRadius: [0, 4, 4, 0] } })),
        label: {
          show: true,
          position: 'right',
          color: INK.text,
          fontSize: FS.body,
          fontFamily: CHART_FONT,
          formatter: (p: { value: number }) => `${p.value.toLocaleString('en-US')} ${countUnit(p.value, unit)}`,
        },
      },
    ],
  };
}

/** Height of the legend row above a chart's grid, design px. */
const LEGEND_ROW = 36;
/** Gap between the y axis' top and its unit name; the unit's row is the name's line plus this. */
const UNIT_NAME_GAP = 10;
const UNIT_ROW = Math.ceil(FS.small * 1.4) + UNIT_NAME_GAP;

/** Daily lines (e.g. events reported vs closed, followers) over dates. */
export function buildDailyLinesOption(input: {
  dates: string[];
  lines: Array<{ name: string; values: number[]; color: string; area?: boolean }>;
  unit: string;
  yMin?: number | 'dataMin';
}): ChartOption {
  const unit = input.unit;
  return {
    ...MOTION,
    textStyle,
    legend: {
      top: 0,
      textStyle: { color: INK.text, fontSize: FS.small, fontFamily: CHART_FONT },
      data: input.lines.map((l) => l.name),
      show: input.lines.length > 1,
    },
    // containLabel does not count the axis name: leave its row (and the legend's) above the grid,
    // or the unit is cut off at the top and shows as a sliver.
    grid: { left: 12, right: 24, top: (input.lines.length > 1 ? LEGEND_ROW : 0) + UNIT_ROW, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const ps = params as Array<{ seriesName: string; value: number; axisValue: string }>;
        return (
          `<b>${escapeHtml(ps[0]?.axisValue)}</b>` +
          ps.map((p) => `<div>${escapeHtml(p.seriesName)}：<b>${escapeHtml(p.value.toLocaleString('en-US'))}</b> ${escapeHtml(countUnit(p.value, unit))}</div>`).join('')
        );
      },
    },
    xAxis: {
      type: 'category',
      data: input.dates,
      boundaryGap: false,
      axisLabel: { ...axisLabel, formatter: (v: string) => v.slice(5) },
      axisLine,
    },
    // The unit heads the column of tick labels: right-aligned to the axis line, above the top tick.
    yAxis: {
      type: 'value',
      min: input.yMin,
      axisLabel,
      splitLine,
      name: unit,
      nameLocation: 'end',
      nameGap: UNIT_NAME_GAP,
      nameTextStyle: { ...axisLabel, align: 'right', verticalAlign: 'bottom' },
    },
    series: input.lines.map((l) => ({
      type: 'line',
      name: l.name,
      data: l.values,
      symbol: 'none',
      smooth: true,
      lineStyle: { width: 3, color: l.color },
      itemStyle: { color: l.color },
      areaStyle: l.area ? { color: l.color, opacity: 0.18 } : undefined,
    })),
  };
}

/**
 * The event flow 上报→受理→流转→处置→办结→评价 as a funnel in step order (not sorted by
 * size), each step labelled with its count and unit.
 */
export function buildFlowOption(input: { steps: Array<{ name: string; value: number }>; unit: string }): ChartOption {
  const unit = input.unit;
  const max = Math.max(1, ...input.steps.map((s) => s.value));
  return {
    ...MOTION,
    textStyle,
    tooltip: {
      ...tooltipBase,
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number };
        return `${escapeHtml(name)}：<b>${escapeHtml(value.toLocaleString('en-US'))}</b> ${escapeHtml(countUnit(value, unit))}`;
      },
    },
    series: [
      {
        type: 'funnel',
        name: unit,
        sort: 'none',
        left: '4%',
        right: '4%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '38%',
        gap: 4,
        label: {
          show: true,
          position: 'inside',
          fontSize: FS.body,
          fontFamily: CHART_FONT,
          color: '#FFFFFF',
          textBorderColor: 'rgba(0,0,0,0.6)',
          textBorderWidth: 3,
          formatter: (p: { name: string; value: number }) => `${p.name}  ${p.value.toLocaleString('en-US')} ${countUnit(p.value, unit)}`,
        },
        itemStyle: { borderWidth: 0 },
        data: input.steps.map((s, i) => ({
          name: s.name,
          value: s.value,
          itemStyle: { color: ['#1E6FD9', '#2A86E6', '#3699EE', '#43AAF1', '#52BAF3', '#62C8F3'][i % 6] },
        })),
      },
    ],
  };
}

/** The five dimension scores (0–100) as a radar. */
export function buildRadarOption(input: { axes: Array<{ name: string; value: number }>; color: string; unit: string }): ChartOption {
  const unit = input.unit;
  return {
    ...MOTION,
    textStyle,
    tooltip: {
      ...tooltipBase,
      formatter: () =>
        input.axes.map((a) => `<div>${escapeHtml(a.name)}：<b>${escapeHtml(a.value.toFixed(0))}</b> ${escapeHtml(unit)}</div>`).join(''),
    },
    radar: {
      radius: '58%',
      center: ['50%', '56%'],
      indicator: input.axes.map((a) => ({ name: `${a.name}\n${a.value.toFixed(0)} ${unit}`, max: 100 })),
      axisName: { color: INK.text, fontSize: FS.small, fontFamily: CHART_FONT },
      splitLine: { lineStyle: { color: INK.grid } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: INK.axis } },
    },
    series: [
      {
        type: 'radar',
        data: [{ value: input.axes.map((a) => a.value), name: '' }],
        lineStyle: { color: input.color, width: 3 },
        itemStyle: { color: input.color },
        areaStyle: { color: input.color, opacity: 0.3 },
      },
    ],
  };
}

/**
 * Each indicator against its town's baseline, as "value ÷ baseline" (100% = as expected;
 * for good-rate indicators baseline ÷ value, so longer is always worse). Bars take the
 * indicator level's colour; the tooltip gives both raw numbers with units.
 */
export function buildVsBaselineOption(input: {
  rows: Array<{ name: string; ratioPct: number; color: string; valueText: string; baselineText: string }>;
  baselineLabel: string;
  valueLabel: string;
}): ChartOption {
  const rows = [...input.rows].reverse();
  return {
    ...MOTION,
    textStyle,
    grid: { left: 8, right: 80, top: 30, bottom: 8, containLabel: true },
    tooltip: {
      ...tooltipBase,
      formatter: (p: unknown) => {
        const r = rows[(p as { dataIndex: number }).dataIndex];
        return `<b>${escapeHtml(r.name)}</b><div>${escapeHtml(input.valueLabel)}：${escapeHtml(r.valueText)}</div><div>${escapeHtml(input.baselineLabel)}：${escapeHtml(r.baselineText)}</div>`;
      },
    },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => Math.max(150, Math.ceil(v.max / 10) * 10) },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { ...axisLabel, color: INK.text, width: 8 * FS.small, overflow: 'truncate' },
      axisLine,
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        // The texts ride along in the data so the option's signature covers what the tooltip shows.
        data: rows.map((r) => ({ value: Math.round(r.ratioPct), itemStyle: { color: r.color }, valueText: r.valueText, baselineText: r.baselineText })),
        label: { show: true, position: 'right', color: INK.text, fontSize: FS.small, formatter: '{c}%' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#FFFFFF', type: 'dashed', width: 2 },
          label: { show: true, formatter: input.baselineLabel.replace(/[{}|]/g, ''), color: INK.muted, fontSize: FS.small, position: 'end' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}

/** Several measures per category as grouped horizontal bars (e.g. per-town load). */
export function buildGroupedBarsOption(input: {
  categories: string[];
  series: Array<{ name: string; values: number[]; color: string }>;
  unit: string;
}): ChartOption {
  const unit = input.unit;
  const cats = [...input.categories].reverse();
  return {
    ...MOTION,
    textStyle,
    legend: { top: 0, textStyle: { color: INK.text, fontSize: FS.small, fontFamily: CHART_FONT }, data: input.series.map((s) => s.name) },
    grid: { left: 8, right: 72, top: 40, bottom: 4, containLabel: true },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const ps = params as Array<{ seriesName: string; value: number; axisValue: string }>;
        return (
          `<b>${escapeHtml(ps[0]?.axisValue)}</b>` +
          ps.map((p) => `<div>${escapeHtml(p.seriesName)}：<b>${escapeHtml(p.value)}</b> ${escapeHtml(countUnit(p.value, unit))}</div>`).join('')
        );
      },
    },
    // (the unit as the hidden axis' name keeps it in the option's signature, see useEChart)
    xAxis: { type: 'value', show: false, name: unit },
    yAxis: {
      type: 'category',
      data: cats,
      axisLabel: { ...axisLabel, color: INK.text, fontSize: FS.small, interval: 0 },
      axisLine,
      axisTick: { show: false },
    },
    series: input.series.map((s) => ({
      type: 'bar',
      name: s.name,
      barMaxWidth: 16,
      barGap: '15%',
      data: [...s.values].reverse(),
      itemStyle: { color: s.color, borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', color: INK.text, fontSize: FS.small, fontFamily: CHART_FONT },
    })),
  };
}
