import type { Logger } from '../../core/log/logger';
import type { CockpitConfig } from '../../shared/config';
import type { Diagnostics } from '../../shared/ipc';
import type { ChangeNotice } from '../../shared/readModel';
import { CoreClient } from '../core-host/coreClient';
import { isCoreToMain, type MainToCore } from '../core-host/messages';
import { Backoff, type BackoffOptions } from '../../shared/backoff';

export interface StartPayload {
  config: CockpitConfig;
  secrets: Record<string, string>;
}

/** What we use of a child process: Electron's UtilityProcess has this shape (so does a Node adapter in tests). */
export interface CoreChild {
  readonly pid: number | undefined;
  postMessage(message: MainToCore): void;
  kill(): boolean;
  on(event: 'spawn', listener: () => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface CoreSupervisorOptions {
  /** Starts the core process (utilityProcess.fork in the app). */
  fork(): CoreChild;
  dataDir: string;
  /** The config file's folder, for relative boundary-file paths. */
  configDir: string;
  logDir: string;
  logger: Logger;
  /** The configuration and decrypted secrets to start with (read at every (re)start). */
  startPayload(): StartPayload;
  onChange(notice: ChangeNotice): void;
  onLink(up: boolean): void;
  backoff?: BackoffOptions;
  queryTimeoutMs?: number;
}

/**
 * Keeps the core's process alive: when it dies it is started again after an exponential
 * backoff (its state survives in the SQLite cache), and queries asked meanwhile wait for it.
 */
export class CoreSupervisor {
  readonly client: CoreClient;
  coreVersions: { node: string; sqlite: string | null } | null = null;
  private child: CoreChild | null = null;
  private state: Diagnostics['core']['state'] = 'stopped';
  private restarts = 0;
  private lastExit: { at: string; reason: string } | null = null;
  private nextStartAt: number | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private startedAt = 0;
  private stopping = false;
  private lastFatal: string | null = null;
  /** What the last 'start' sent, what the core is running, and the configuration it refused. */
  private sent: StartPayload | null = null;
  private inUse: StartPayload | null = null;
  private refused: string | null = null;
  private readonly backoff: Backoff;

  constructor(private readonly opts: CoreSupervisorOptions) {
    this.backoff = new Backoff(opts.backoff ?? { initialMs: 1000, maxMs: 60_000, resetAfterMs: 2 * 60_000 });
    this.client = new CoreClient(opts.queryTimeoutMs);
  }

  get up(): boolean {
    return this.state === 'running';
  }

  start(): void {
    if (this.child || this.stopping) return;
    const { logger } = this.opts;
    this.state = this.restarts === 0 ? 'starting' : 'restarting';
    this.nextStartAt = null;
    this.lastFatal = null;
    this.startedAt = Date.now();
    const child = this.opts.fork();
    this.child = child;
    let readies = 0;

    child.on('spawn', () => {
      logger.info('core process started', { pid: child.pid });
      child.postMessage(this.startMessage(true));
    });
    child.on('message', (msg) => {
      if (!isCoreToMain(msg)) return;
      switch (msg.type) {
        case 'ready':
          readies++;
          this.inUse = this.sent;
          this.refused = null;
          this.state = 'running';
          this.coreVersions = msg.versions;
          this.client.attach((m) => child.postMessage(m));
          // First ready: the link comes up (the renderer refetches all). A later one follows a
          // new configuration: anything may differ (sources, playlist), so say so.
          if (readies === 1) this.opts.onLink(true);
          else this.opts.onChange({ at: new Date().toISOString(), changed: ['*'] });
          return;
        case 'changed':
          this.opts.onChange(msg.notice);
          return;
        case 'configRejected':
          // The core kept the previous configuration; a restart must not retry the refused one.
          this.refused = this.sent ? JSON.stringify(this.sent.config) : null;
          this.sent = this.inUse;
          logger.error('core refused the new configuration and kept the previous one', { error: msg.error });
          return;
        case 'fatal':
          this.lastFatal = msg.error;
          logger.error('core failed', { error: msg.error });
          return;
        case 'result':
          this.client.handle(msg);
          return;
      }
    });
    child.on('exit', (code) => this.exited(child, code));
  }

  /** The configuration changed: the running core rebuilds itself on the same cache. */
  reconfigure(): void {
    // Not running: the next (re)start reads the new configuration anyway.
    if (this.child && this.state === 'running') this.child.postMessage(this.startMessage(false));
  }

  /** Asks the core to close its database cleanly; kills it if it does not exit in time. */
  async stop(timeoutMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.client.close();
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.opts.logger.warn('core did not stop in time, killing it');
        child.kill();
        resolve();
      }, timeoutMs);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage({ type: 'stop' });
    });
  }

  diagnostics(): Diagnostics['core'] {
    return {
      state: this.state,
      pid: this.child?.pid ?? null,
      restarts: this.restarts,
      lastExit: this.lastExit,
      nextStartAt: this.nextStartAt === null ? null : new Date(this.nextStartAt).toISOString(),
    };
  }

  private exited(child: CoreChild, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    const reason = this.lastFatal ?? `exit code ${code}`;
    this.lastExit = { at: new Date().toISOString(), reason };
    this.client.detach(reason);
    const wasUp = this.state === 'running';
    this.state = 'stopped';
    if (wasUp) this.opts.onLink(false);
    if (this.stopping) return;
    const delay = this.backoff.failed(Date.now() - this.startedAt);
    this.restarts++;
    this.state = 'restarting';
    this.nextStartAt = Date.now() + delay;
    this.opts.logger.error('core process exited, restarting', { reason, inMs: delay, attempt: this.backoff.attempts });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, delay);
  }

  /**
   * The latest configuration — except when a (re)started process would get the one the core
   * refused: then the one it was running, as the core host's policy asks (src/core/host).
   */
  private startMessage(processStart: boolean): MainToCore {
    const latest = this.opts.startPayload();
    const payload = processStart && this.inUse && JSON.stringify(latest.config) === this.refused ? this.inUse : latest;
    this.sent = payload;
    const { config, secrets } = payload;
    return { type: 'start', config, secrets, dataDir: this.opts.dataDir, configDir: this.opts.configDir, logDir: this.opts.logDir };
  }
}
