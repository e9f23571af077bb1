import { existsSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CockpitConfig } from '../../shared/config';
import type { Logger } from '../log/logger';
import { defaultConfig, loadConfigFile } from './load';

export interface LiveConfigOptions {
  path: string;
  /**
   * True when the operator named the file (--config): a missing file is then an error to show.
   * False for the default location, where no file simply means the defaults (demo mode).
   */
  required: boolean;
  logger: Logger;
  /** Called after a valid file with different content replaced the configuration in use. */
  onChange?: (config: CockpitConfig, previous: CockpitConfig) => void;
  /** Quiet period after the last file event before re-reading: editors write in several steps. */
  debounceMs?: number;
}

/**
 * The configuration in use, kept in step with its file. A file that fails to read or validate
 * never replaces the last valid configuration: it is logged and kept as `lastError` (shown on
 * the diagnostics page) until a valid file arrives.
 */
export class LiveConfig {
  readonly path: string;
  private config: CockpitConfig;
  private loadedAtMs: number | null = null;
  private error: { message: string; at: string } | null = null;
  private fieldWarnings: string[] = [];
  private watcher: FSWatcher | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly opts: LiveConfigOptions;
  /** onChange is for changes after start-up; the first configuration is read from `current`. */
  private started = false;

  constructor(opts: LiveConfigOptions) {
    this.opts = opts;
    this.path = opts.path;
    this.config = defaultConfig();
    this.reload();
    this.started = true;
  }

  get current(): CockpitConfig {
    return this.config;
  }
  get lastError(): { message: string; at: string } | null {
    return this.error;
  }
  /** Unknown fields in the file in use (ignored, probably typos). */
  get warnings(): readonly string[] {
    return this.fieldWarnings;
  }
  get loadedAt(): string | null {
    return this.loadedAtMs === null ? null : new Date(this.loadedAtMs).toISOString();
  }
  get exists(): boolean {
    return existsSync(this.path);
  }

  /** Re-reads the file now. Returns true when the configuration in use changed. */
  reload(): boolean {
    const { logger } = this.opts;
    const result = loadConfigFile(this.path);
    if (!result.ok) {
      if (result.missing && !this.opts.required && this.loadedAtMs === null) {
        this.error = null; // no file at the default location: the defaults are what was asked for
        return false;
      }
      const kept = this.loadedAtMs === null ? 'using the defaults' : 'keeping the configuration loaded at ' + this.loadedAt;
      this.error = { message: result.error, at: new Date().toISOString() };
      logger.error(`configuration rejected, ${kept}: ${result.error}`);
      return false;
    }
    for (const w of result.warnings) logger.warn(w);
    this.fieldWarnings = result.warnings;
    this.error = null;
    const previous = this.config;
    const changed = JSON.stringify(previous) !== JSON.stringify(result.config);
    this.config = result.config;
    this.loadedAtMs = Date.now();
    logger.info(changed ? 'configuration loaded' : 'configuration re-read, unchanged', { path: this.path });
    if (changed && this.started) this.opts.onChange?.(result.config, previous);
    return changed;
  }

  /**
   * Watches the file's folder rather than the file: editors and deploy tools replace the file
   * (write a temporary, rename over), which ends a watch on the old inode.
   */
  watch(): void {
    if (this.watcher) return;
    const dir = dirname(this.path);
    const name = basename(this.path);
    try {
      this.watcher = watch(dir, { persistent: false }, (_event, file) => {
        if (file !== null && file !== name) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          this.reload();
        }, this.opts.debounceMs ?? 250);
      });
      this.watcher.on('error', (err) => this.opts.logger.warn('configuration watch failed', { dir, error: err.message }));
    } catch (err) {
      this.opts.logger.warn('cannot watch the configuration folder; changes need a restart', { dir, error: (err as Error).message });
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
