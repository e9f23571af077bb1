/**
 * Retry delay after `failures` consecutive failures: exponential backoff with full jitter
 * (a uniformly random wait between 0 and min(cap, base·2^(failures-1))), so many walls that
 * lost the same server do not come back at the same instant. A small floor avoids a busy loop.
 */
export interface BackoffOptions {
  /** First ceiling, ms. */
  baseMs: number;
  /** Largest ceiling, ms. */
  capMs: number;
  /** Shortest wait, ms. */
  floorMs?: number;
}

export function backoffDelay(failures: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** exponent);
  const floor = Math.min(opts.floorMs ?? 50, ceiling);
  return Math.round(floor + random() * (ceiling - floor));
}
