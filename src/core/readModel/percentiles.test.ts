import { describe, expect, it } from 'vitest';
import { percentilesFromHistogram } from './percentiles';

describe('percentilesFromHistogram (nearest rank)', () => {
  it('is all zeros with no observations', () => {
    expect(percentilesFromHistogram([], 0)).toEqual({ p50: 0, p90: 0, p95: 0, count: 0 });
  });
  it('takes the smallest value with ceil(p·N) observations at or below it', () => {
    // 20 observations: 10 × 1 min, 8 × 2 min, 2 × 30 min → ranks 10, 18, 19.
    const h: Array<[number, number]> = [[1, 10], [2, 8], [30, 2]];
    expect(percentilesFromHistogram(h, 20)).toEqual({ p50: 1, p90: 2, p95: 30, count: 20 });
    expect(percentilesFromHistogram(h, 20, (m) => m * 60)).toEqual({ p50: 60, p90: 120, p95: 1800, count: 20 });
  });
  it('handles a single observation', () => {
    expect(percentilesFromHistogram([[7, 1]], 1)).toEqual({ p50: 7, p90: 7, p95: 7, count: 1 });
  });
});
