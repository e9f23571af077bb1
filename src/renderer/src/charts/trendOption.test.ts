import { describe, expect, it } from 'vitest';
import { LEVEL_COLORS } from './levels';
import { translate } from '../i18n';
import { buildTrendOption, trendClickTown, type Trend } from './trendOption';

const t = translate('zh-CN');
const trend = (code: string, name: string, scores: number[], forecast: number | null): Trend => ({
  town: { code, name },
  series: scores.map((score, i) => ({ weekStart: `2026-10-${String(5 + 7 * i).padStart(2, '0')}`, score, level: 'yellow' as const })),
  forecast:
    forecast == null
      ? null
      : { townCode: code, weekStart: `2026-10-${String(5 + 7 * scores.length).padStart(2, '0')}`, score: forecast, level: 'orange', method: 'Holt', indicators: {} as never },
});

interface Line {
  name: string;
  data: Array<number | null | { value: number; itemStyle: { color: string } }>;
  lineStyle: { type?: string; width: number };
}

describe('buildTrendOption', () => {
  it('draws the forecast as a dashed segment from the last week to the forecast week', () => {
    const o = buildTrendOption({ trends: [trend('330113004', '星桥街道', [70, 64, 55], 48)], t }) as unknown as {
      xAxis: { data: string[] };
      series: Line[];
    };
    expect(o.xAxis.data).toEqual(['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']);
    const [solid, dashed] = o.series;
    expect(solid.lineStyle.type).toBeUndefined();
    expect(solid.data).toEqual([70, 64, 55, null]);
    expect(dashed.lineStyle.type).toBe('dashed');
    expect(dashed.data.slice(0, 2)).toEqual([null, null]);
    expect(dashed.data[2]).toBe(55);
    const f = dashed.data[3] as { value: number; itemStyle: { color: string } };
    expect(f.value).toBe(48);
    expect(f.itemStyle.color).toBe(LEVEL_COLORS.orange);
  });

  it('makes the highlighted town bold and the rest faint; no dashed line without a forecast', () => {
    const o = buildTrendOption({
      trends: [trend('1', 'A', [10, 20], null), trend('2', 'B', [30, 40], 45)],
      highlight: '2',
      t,
    }) as unknown as { series: Line[] };
    expect(o.series).toHaveLength(3);
    const a = o.series.find((s) => s.name === '\u2068A\u2069')!;
    const b = o.series.find((s) => s.name === '\u2068B\u2069')!;
    expect(b.lineStyle.width).toBeGreaterThan(a.lineStyle.width);
  });

  it('escapes town names in the tooltip', () => {
    const o = buildTrendOption({ trends: [trend('1', '<script>x</script>', [10], null)], t }) as unknown as {
      tooltip: { formatter(p: unknown): string };
    };
    const text = o.tooltip.formatter([{ seriesName: '<script>x</script>', value: 10, axisValue: '2026-10-05', color: '#fff', seriesIndex: 0 }]);
    expect(text).toContain('&lt;script&gt;');
    expect(text).not.toContain('<script>');
  });
});

describe('clicking a trend line', () => {
  const trends = [trend('330113004', '星桥街道', [70, 64], 48), trend('330113001', '临平街道', [30, 35], null)];
  const click = (seriesId: unknown, componentType = 'series') => ({ componentType, seriesId, name: '', dataIndex: 0, data: null }) as never;

  it('gives every line (and forecast) a clickable id that names its town', () => {
    const o = buildTrendOption({ trends, t }) as unknown as { series: Array<{ id: string; triggerLineEvent: boolean }> };
    expect(o.series.map((s) => s.id)).toEqual(['trend:330113004', 'forecast:330113004', 'trend:330113001']);
    expect(o.series.every((s) => s.triggerLineEvent)).toBe(true);
    for (const s of o.series) expect(trendClickTown(click(s.id), trends)).toBe(s.id.split(':')[1]);
  });

  it('ignores clicks on anything else or on towns not in the chart', () => {
    expect(trendClickTown(click('trend:330113999'), trends)).toBeNull();
    expect(trendClickTown(click('330113004'), trends)).toBeNull();
    expect(trendClickTown(click(undefined), trends)).toBeNull();
    expect(trendClickTown(click('trend:330113004', 'legend'), trends)).toBeNull();
  });
});
