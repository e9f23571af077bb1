/** Nearest-rank percentiles over a histogram read in ascending value order. */
import type { Percentiles } from '../../shared/readModel';

export function percentilesFromHistogram(
  buckets: Iterable<[value: number, count: number]>,
  total: number,
  scale: (value: number) => number = (v) => v,
): Percentiles {
  if (total <= 0) return { p50: 0, p90: 0, p95: 0, count: 0 };
  // Nearest rank: the smallest value with at least ceil(p × N) observations at or below it.
  const ranks = [0.5, 0.9, 0.95].map((p) => Math.max(1, Math.ceil(p * total)));
  const found: number[] = [];
  let cum = 0;
  for (const [value, count] of buckets) {
    cum += count;
    while (found.length < ranks.length && cum >= ranks[found.length]) found.push(scale(value));
    if (found.length === ranks.length) break;
  }
  return { p50: found[0], p90: found[1], p95: found[2], count: total };
}
