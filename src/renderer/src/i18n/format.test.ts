import { describe, expect, it } from 'vitest';
import { fmtClock, fmtDate, fmtNumber, fmtPct, fmtTime } from './index';

describe('formatters', () => {
  it('show times in the district (Asia/Shanghai) whatever the machine zone', () => {
    expect(fmtTime('2026-11-27T01:05:09Z')).toBe('09:05');
    expect(fmtClock('2026-11-27T15:59:59Z')).toBe('23:59:59');
    expect(fmtDate('2026-11-27T16:30:00Z')).toBe('2026-11-28');
    expect(fmtDate('2026-11-23')).toBe('2026-11-23');
  });
  it('never invent a number', () => {
    expect(fmtNumber(15291, 0, 'zh-CN')).toBe('15,291');
    expect(fmtPct(96, 0, 'en')).toBe('96%');
    expect(fmtNumber(null)).toBe('—');
    expect(fmtPct(Number.NaN)).toBe('—');
    expect(fmtTime('not a time')).toBe('—');
  });
});
