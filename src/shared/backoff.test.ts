import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from './backoff';

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
describe('Backoff', () => {
  it('doubles from the initial delay up to the cap', () => {
    const b = new Backoff({ initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 });
    const delays = Array.from({ length: 9 }, () => b.failed(100));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(b.attempts).toBe(9);
  });

  it('starts over after a run that lasted long enough to count as healthy', () => {
    const b = new Backoff({ initialMs: 1000, maxMs: 60_000, resetAfterMs: 30_000 });
    b.failed(10);
    b.failed(10);
    expect(b.failed(10)).toBe(4000);
    expect(b.failed(30_000)).toBe(1000);
    expect(b.failed(29_999)).toBe(2000);
  });

  it('honours another factor and rejects nonsense', () => {
    const b = new Backoff({ initialMs: 100, maxMs: 1000, factor: 3, resetAfterMs: 1 });
    expect([b.failed(0), b.failed(0), b.failed(0)]).toEqual([100, 300, 900]);
    expect(() => new Backoff({ initialMs: 0, maxMs: 10, resetAfterMs: 1 })).toThrow(/initialMs/);
  });
});
