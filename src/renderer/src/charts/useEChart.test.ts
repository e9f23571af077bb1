import { describe, expect, it } from 'vitest';
import { chartPixelRatio, optionSignature } from './useEChart';
import { buildVsBaselineOption } from './basicOptions';

describe('chart helpers', () => {
  it('gives equal options equal signatures and sees a change in tooltip-only text', () => {
    const rows = (v: string) => [{ name: '火灾', ratioPct: 100, color: '#fff', valueText: v, baselineText: '2 起' }];
    const a = buildVsBaselineOption({ rows: rows('2 起'), baselineLabel: '基线', valueLabel: '本周' });
    const b = buildVsBaselineOption({ rows: rows('2 起'), baselineLabel: '基线', valueLabel: '本周' });
    const c = buildVsBaselineOption({ rows: rows('3 起'), baselineLabel: '基线', valueLabel: '本周' });
    expect(optionSignature(a)).toBe(optionSignature(b));
    expect(optionSignature(a)).not.toBe(optionSignature(c));
  });
  it('scales the pixel ratio with the wall layout, within bounds', () => {
    expect(chartPixelRatio(1, 4)).toBe(4);
    expect(chartPixelRatio(2, 1)).toBe(2);
    expect(chartPixelRatio(1, 0.5)).toBe(1);
    expect(chartPixelRatio(2, 10)).toBe(6);
  });
});
