import { describe, expect, it } from 'vitest';
import { STANDARD_VOCABULARY } from '../../../shared/contract';
import { translate } from '../i18n';
import { fmtHours, fmtIndicator, fmtMinutes, weekDelta } from './format';

const zh = translate('zh-CN');
const en = translate('en');

const ind = (id: string) => STANDARD_VOCABULARY.indicators.find((i) => i.id === id)!;

describe('indicator formatting', () => {
  it('puts the unit on every value', () => {
    expect(fmtIndicator(12, ind('criminalCases'), zh)).toBe('12 起');
    expect(fmtIndicator(12, ind('criminalCases'), en)).toBe('12 cases');
    expect(fmtIndicator(96.25, ind('airQualityGoodRate'), zh)).toBe('96.3%');
    expect(fmtIndicator(null, ind('fires'), zh)).toBe('—');
  });

  it('judges a change by the indicator direction', () => {
    expect(weekDelta(14, 10, ind('telecomFraud'), zh)).toEqual({ text: '+4 起', tone: 'worse' });
    expect(weekDelta(90, 95, ind('airQualityGoodRate'), zh)).toEqual({ text: '−5.0个百分点', tone: 'worse' });
    expect(weekDelta(97, 95, ind('airQualityGoodRate'), en)).toEqual({ text: '+2.0 pt', tone: 'better' });
    expect(weekDelta(3, 3, ind('fires'), zh)?.tone).toBe('same');
    expect(weekDelta(3, null, ind('fires'), zh)).toBeNull();
  });

  it('says "1 item", "−1 case" in English, not "1 items"', () => {
    expect(fmtIndicator(1, ind('instabilityFactors'), en)).toBe('1 item');
    expect(fmtIndicator(2, ind('instabilityFactors'), en)).toBe('2 items');
    expect(fmtIndicator(1, ind('instabilityFactors'), zh)).toBe('1 个');
    expect(weekDelta(3, 4, ind('fires'), en)).toEqual({ text: '−1 case', tone: 'better' });
    expect(weekDelta(4, 2, ind('fires'), en)).toEqual({ text: '+2 cases', tone: 'worse' });
  });
});

describe('durations', () => {
  it('minutes under two hours, then hours', () => {
    expect(fmtMinutes(12, zh)).toBe('12 分钟');
    expect(fmtMinutes(150, zh)).toBe('2.5 小时');
    expect(fmtHours(5.25, zh)).toBe('5.3 小时');
    expect(fmtHours(0.5, en)).toBe('30 min');
    expect(fmtHours(96, zh)).toBe('96.0 小时');
    expect(fmtMinutes(Number.NaN, zh)).toBe('—');
  });
});
