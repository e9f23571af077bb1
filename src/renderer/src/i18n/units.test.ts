import { describe, expect, it } from 'vitest';
import { countUnit } from './units';

describe('countUnit', () => {
  it('takes the English singular for exactly one', () => {
    expect(countUnit(1, 'sessions')).toBe('session');
    expect(countUnit(1, 'items')).toBe('item');
    expect(countUnit(1, 'people')).toBe('person');
    expect(countUnit(-1, 'cases')).toBe('case'); // "−1 case" on a week-on-week change
  });

  it('keeps the plural for other counts, decimals and unknown values', () => {
    expect(countUnit(0, 'sessions')).toBe('sessions');
    expect(countUnit(2, 'sessions')).toBe('sessions');
    expect(countUnit(1.4, 'cases', 1)).toBe('cases');
    expect(countUnit(1, 'cases', 1)).toBe('cases'); // shown as "1.0"
    expect(countUnit(null, 'events')).toBe('events');
    expect(countUnit(Number.NaN, 'events')).toBe('events');
  });

  it('leaves Chinese measure words, symbols and unknown words alone', () => {
    for (const unit of ['场', '件', '人', '%', 'pt', 'km']) expect(countUnit(1, unit)).toBe(unit);
  });
});
