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
 * Exponential backoff for restarting something that died (the core's utility process, a
 * crashed renderer): quick first retries, then ever slower, so a process that dies on start
 * cannot spin the machine; after a healthy run the count starts over.
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

  /**
   * Records a failure of a run that lasted `ranForMs` and returns how long to wait before the
   * next start.
   */
  failed(ranForMs: number): number {
    if (ranForMs >= this.opts.resetAfterMs) this.failures = 0;
    const delay = Math.min(this.opts.maxMs, this.opts.initialMs * this.opts.factor ** this.failures);
    this.failures++;
    return Math.round(delay);
  }

  reset(): void {
    this.failures = 0;
  }
}
