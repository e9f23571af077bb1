import { describe, expect, it } from 'vitest';
import { buildBarsOption, buildDailyLinesOption, buildFlowOption, buildGroupedBarsOption, buildVsBaselineOption } from './basicOptions';

type AnyOption = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('buildFlowOption', () => {
  it('keeps the steps in process order, not sorted by size, with counts and units', () => {
    const o = buildFlowOption({
      steps: [
        { name: '上报', value: 15293 },
        { name: '受理', value: 15291 },
        { name: '评价', value: 12428 },
      ],
      unit: '件',
    }) as AnyOption;
    const s = o.series[0];
    expect(s.type).toBe('funnel');
    expect(s.sort).toBe('none');
    expect(s.data.map((d: { name: string }) => d.name)).toEqual(['上报', '受理', '评价']);
    expect(s.label.formatter({ name: '受理', value: 15291 })).toBe('受理  15,291 件');
    expect(o.tooltip.formatter({ name: '<b>x</b>', value: 1 })).toBe('&lt;b&gt;x&lt;/b&gt;：<b>1</b> 件');
  });
});

describe('buildBarsOption', () => {
  it('puts the first item on top and labels values with the unit', () => {
    const o = buildBarsOption({ items: [{ name: 'A', value: 9 }, { name: 'B', value: 3 }], unit: '件' }) as AnyOption;
    // ECharts draws category 0 at the bottom: the list is reversed so A (the largest) is on top
    expect(o.yAxis.data).toEqual(['B', 'A']);
    expect(o.series[0].data.map((d: { value: number }) => d.value)).toEqual([3, 9]);
    expect(o.series[0].label.formatter({ value: 1234 })).toBe('1,234 件');
    expect(o.yAxis.axisLabel.interval).toBe(0);
  });
});

describe('buildGroupedBarsOption', () => {
  it('escapes category names in the tooltip', () => {
    const o = buildGroupedBarsOption({ categories: ['<i>t</i>'], series: [{ name: '受理', values: [5], color: '#fff' }], unit: '件' }) as AnyOption;
    const html = o.tooltip.formatter([{ seriesName: '受理', value: 5, axisValue: '<i>t</i>' }]);
    expect(html).toContain('&lt;i&gt;t&lt;/i&gt;');
    expect(html).not.toContain('<i>');
  });
});

describe('buildVsBaselineOption', () => {
  it('draws each indicator as a share of its baseline with a 100% baseline line', () => {
    const o = buildVsBaselineOption({
      rows: [
        { name: '电信网络诈骗', ratioPct: 145.2, color: '#f00', valueText: '5 起', baselineText: '3.4 起' },
        { name: '火灾', ratioPct: 50, color: '#0f0', valueText: '1 起', baselineText: '2 起' },
      ],
      baselineLabel: '基线',
      valueLabel: '本周',
    }) as AnyOption;
    expect(o.yAxis.data).toEqual(['火灾', '电信网络诈骗']);
    expect(o.series[0].data.map((d: { value: number }) => d.value)).toEqual([50, 145]);
    expect(o.series[0].markLine.data).toEqual([{ xAxis: 100 }]);
    expect(o.tooltip.formatter({ dataIndex: 1 })).toContain('本周：5 起');
    expect(o.tooltip.formatter({ dataIndex: 1 })).toContain('基线：3.4 起');
  });
});

describe('English count nouns in chart labels', () => {
  it('says "1 session" but "2 sessions"; measure words unchanged', () => {
    const o = buildBarsOption({ items: [{ name: 'A', value: 2 }, { name: 'B', value: 1 }], unit: 'sessions' }) as AnyOption;
    expect(o.series[0].label.formatter({ value: 1 })).toBe('1 session');
    expect(o.series[0].label.formatter({ value: 2 })).toBe('2 sessions');
    expect(o.tooltip.formatter({ name: 'B', value: 1 })).toBe('B：<b>1</b> session');
    const zh = buildBarsOption({ items: [{ name: 'A', value: 1 }], unit: '场' }) as AnyOption;
    expect(zh.series[0].label.formatter({ value: 1 })).toBe('1 场');
  });
});

describe('buildDailyLinesOption', () => {
  const dates = ['2026-11-01', '2026-11-02'];
  it('leaves room above the grid for the y-axis unit (and the legend), at wall size', () => {
    for (const lines of [
      [{ name: '关注人数', values: [1, 2], color: '#fff', area: true }],
      [{ name: '上报', values: [1, 2], color: '#fff' }, { name: '办结', values: [1, 1], color: '#0f0' }],
    ]) {
      const o = buildDailyLinesOption({ dates, lines, unit: '人' }) as AnyOption;
      const y = o.yAxis;
      expect(y.name).toBe('人');
      expect(y.nameLocation).toBe('end');
      expect(y.nameTextStyle.fontSize).toBeGreaterThanOrEqual(18);
      // The name's line (bottom-aligned nameGap above the grid) fits between the grid's top and the legend.
      const legend = o.legend.show ? 36 : 0;
      expect(o.grid.top - legend - y.nameGap, `room for the unit with ${lines.length} line(s)`).toBeGreaterThanOrEqual(y.nameTextStyle.fontSize * 1.2);
    }
  });
});
