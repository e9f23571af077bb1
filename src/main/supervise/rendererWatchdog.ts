import { Backoff, type BackoffOptions } from '../../shared/backoff';

export interface RendererWatchdogActions {
  /** Load the page again (the renderer process is gone or was just killed). */
  reload(): void;
  /** Kill a hung renderer so that `gone` follows and it is reloaded. */
  killHung(): void;
  log(message: string, fields?: Record<string, unknown>): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface RendererWatchdogOptions {
  backoff?: BackoffOptions;
  /** How long a renderer may stay unresponsive before it is killed and reloaded. */
  hungGraceMs?: number;
}

/**
 * Keeps a wall's page alive: a renderer that crashed or was killed is reloaded after a
 * backoff delay; one that stops responding and does not recover within the grace period is
 * killed (then reloaded the same way). Pure: Electron events are fed in by src/main/app/windows.ts.
 */
export class RendererWatchdog {
  private readonly backoff: Backoff;
  private readonly hungGraceMs: number;
  private loadedAt: number;
  private reloadTimer: unknown = null;
  private hungTimer: unknown = null;
  private disposed = false;

  constructor(
    private readonly actions: RendererWatchdogActions,
    private readonly timers: Timers = realTimers,
    opts: RendererWatchdogOptions = {},
  ) {
    this.backoff = new Backoff(opts.backoff ?? { initialMs: 1000, maxMs: 60_000, resetAfterMs: 5 * 60_000 });
    this.hungGraceMs = opts.hungGraceMs ?? 15_000;
    this.loadedAt = timers.now();
  }

  /** The page finished loading. */
  loaded(): void {
    this.loadedAt = this.timers.now();
  }

  /** render-process-gone. 'clean-exit' is a normal close (window closing, app quitting). */
  gone(reason: string, exitCode: number): void {
    if (this.disposed || reason === 'clean-exit') return;
    this.cancelHung();
    if (this.reloadTimer !== null) return; // a reload is already planned
    const delay = this.backoff.failed(this.timers.now() - this.loadedAt);
    this.actions.log('renderer gone, reloading', { reason, exitCode, inMs: delay, attempt: this.backoff.attempts });
    this.reloadTimer = this.timers.setTimeout(() => {
      this.reloadTimer = null;
      if (this.disposed) return;
      this.loadedAt = this.timers.now();
      this.actions.reload();
    }, delay);
  }

  unresponsive(): void {
    if (this.disposed || this.hungTimer !== null) return;
    this.actions.log('renderer unresponsive', { graceMs: this.hungGraceMs });
    this.hungTimer = this.timers.setTimeout(() => {
      this.hungTimer = null;
      if (this.disposed) return;
      this.actions.log('renderer still unresponsive, killing it');
      this.actions.killHung();
    }, this.hungGraceMs);
  }

  responsive(): void {
    if (this.hungTimer !== null) this.actions.log('renderer responsive again');
    this.cancelHung();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelHung();
    if (this.reloadTimer !== null) this.timers.clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  private cancelHung(): void {
    if (this.hungTimer !== null) this.timers.clearTimeout(this.hungTimer);
    this.hungTimer = null;
  }
}
