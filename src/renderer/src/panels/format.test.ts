import { describe, expect, it } from 'vitest';
import { STANDARD_VOCABULARY } from '../../../shared/contract';
import { fmtHours, fmtIndicator, fmtMinutes, weekDelta } from './format';

const ind = (id: string) => STANDARD_VOCABULARY.indicators.find((i) => i.id === id)!;

describe('indicator formatting', () => {
  it('puts the unit on every value', () => {
    expect(fmtIndicator(12, ind('criminalCases'), false)).toBe('12 起');
    expect(fmtIndicator(12, ind('criminalCases'), true)).toBe('12 cases');
    expect(fmtIndicator(96.25, ind('airQualityGoodRate'), false)).toBe('96.3%');
    expect(fmtIndicator(null, ind('fires'), false)).toBe('—');
  });

  it('judges a change by the indicator direction', () => {
    expect(weekDelta(14, 10, ind('telecomFraud'), false)).toEqual({ text: '+4 起', tone: 'worse' });
    expect(weekDelta(90, 95, ind('airQualityGoodRate'), false)).toEqual({ text: '−5.0个百分点', tone: 'worse' });
    expect(weekDelta(97, 95, ind('airQualityGoodRate'), true)).toEqual({ text: '+2.0 pt', tone: 'better' });
    expect(weekDelta(3, 3, ind('fires'), false)?.tone).toBe('same');
    expect(weekDelta(3, null, ind('fires'), false)).toBeNull();
  });

  it('says "1 item", "−1 case" in English, not "1 items"', () => {
    expect(fmtIndicator(1, ind('instabilityFactors'), true)).toBe('1 item');
    expect(fmtIndicator(2, ind('instabilityFactors'), true)).toBe('2 items');
    expect(fmtIndicator(1, ind('instabilityFactors'), false)).toBe('1 个');
    expect(weekDelta(3, 4, ind('fires'), true)).toEqual({ text: '−1 case', tone: 'better' });
    expect(weekDelta(4, 2, ind('fires'), true)).toEqual({ text: '+2 cases', tone: 'worse' });
  });
});

describe('durations', () => {
  it('minutes under two hours, then hours', () => {
    expect(fmtMinutes(12, false)).toBe('12 分钟');
    expect(fmtMinutes(150, false)).toBe('2.5 小时');
    expect(fmtHours(5.25, false)).toBe('5.3 小时');
    expect(fmtHours(0.5, true)).toBe('30 min');
    expect(fmtHours(96, false)).toBe('96.0 小时');
    expect(fmtMinutes(Number.NaN, false)).toBe('—');
  });
});
