/**
 * Exponential backoff, the one definition: how long to wait after the n-th consecutive failure.
 * `backoffDelay` adds full jitter for many clients of one server (the sync engine's retries, so
 * walls that lost the same source do not come back at the same instant); `Backoff` counts
 * failures of something restarted (the core's process, a renderer, the hub's change stream).
 */

/** The n-th failure's ceiling: base·factor^(n-1), capped (n ≥ 1; large n does not overflow). */
export function backoffCeiling(failures: number, opts: { baseMs: number; capMs: number; factor?: number }): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 60);
  return Math.min(opts.capMs, opts.baseMs * (opts.factor ?? 2) ** exponent);
}

export interface JitterOptions {
  /** First ceiling, ms. */
  baseMs: number;
  /** Largest ceiling, ms. */
  capMs: number;
  /** Shortest wait, ms. */
  floorMs?: number;
}

/**
 * Retry delay after `failures` consecutive failures: a uniformly random wait between a small
 * floor (no busy loop) and the ceiling.
 */
export function backoffDelay(failures: number, opts: JitterOptions, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(failures, opts);
  const floor = Math.min(opts.floorMs ?? 50, ceiling);
  return Math.round(floor + random() * (ceiling - floor));
}

export interface BackoffOptions {
  /** Delay after the first failure. */
  initialMs: number;
  /** Never wait longer than this. */
  maxMs: number;
  factor?: number;
  /** A run that lasted this long counts as healthy: the next failure starts again at initialMs. */
  resetAfterMs: number;
}

/**
 * Restarts of something that died: quick first retries, then ever slower, so a process that
 * dies on start cannot spin the machine; after a healthy run the count starts over.
 */
export class Backoff {
  private failures = 0;
  private readonly opts: Required<BackoffOptions>;

  constructor(opts: BackoffOptions) {
    if (opts.initialMs <= 0 || opts.maxMs < opts.initialMs) throw new Error('backoff: need 0 < initialMs ≤ maxMs');
    this.opts = { factor: 2, ...opts };
  }

  /** Failures since the last healthy run. */
  get attempts(): number {
    return this.failures;
  }

  /** Records a failure of a run that lasted `ranForMs`; returns how long to wait before the next start. */
  failed(ranForMs: number): number {
    if (ranForMs >= this.opts.resetAfterMs) this.failures = 0;
    this.failures++;
    return Math.round(backoffCeiling(this.failures, { baseMs: this.opts.initialMs, capMs: this.opts.maxMs, factor: this.opts.factor }));
  }

  reset(): void {
    this.failures = 0;
  }
}
