import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay (exponential, full jitter)', () => {
  const opts = { baseMs: 1000, capMs: 60_000, floorMs: 50 };

  it('spans floor … base·2^(n-1), capped', () => {
    expect(backoffDelay(1, opts, () => 0)).toBe(50);
    expect(backoffDelay(1, opts, () => 1)).toBe(1000);
    expect(backoffDelay(3, opts, () => 1)).toBe(4000);
    expect(backoffDelay(20, opts, () => 1)).toBe(60_000);
    expect(backoffDelay(10_000, opts, () => 1)).toBe(60_000); // no overflow
  });

  it('is jittered across the whole range', () => {
    const samples = Array.from({ length: 2000 }, () => backoffDelay(4, opts));
    expect(Math.min(...samples)).toBeLessThan(1000);
    expect(Math.max(...samples)).toBeGreaterThan(7000);
    expect(samples.every((d) => d >= 50 && d <= 8000)).toBe(true);
  });

  it('never waits less than the floor, nor more than a small cap', () => {
    expect(backoffDelay(1, { baseMs: 10, capMs: 20 }, () => 0)).toBe(10);
    expect(backoffDelay(5, { baseMs: 10, capMs: 20 }, () => 1)).toBe(20);
  });
});
