/**
 * The core host: starts the core, applies configuration changes and replaces the core, with
 * one policy for both front doors (the hub's process and the desktop app's core process):
 *
 * - A change only to sections this core does not read (the wall, links, the hub's own
 *   address) is recorded; nothing restarts.
 * - Otherwise the running core is closed (the new one shares its cache file) and one is built
 *   from the new configuration. If that fails, the previous configuration is started again and
 *   keeps running, and health names the configuration that was refused and why.
 * - Queries that arrive during a swap wait for it; afterwards listeners are told that
 *   everything changed ('*'), since any screen may differ.
 */
import type { CockpitConfig } from '../../shared/config';
import type { QueryName, QueryParams, QueryResult } from '../../shared/queries';
import type { ChangeNotice, ConfigStatus, HealthModel } from '../../shared/readModel';
import type { CoreApi } from '../../shared/transport';
import { changedSections, type ConfigSection } from '../config/diff';
import type { Logger } from '../log/logger';

/** The sync's state in a few words: for a monitoring probe (/healthz) and the desktop's diagnostics. */
export interface CoreHealth {
  status: 'ok' | 'degraded';
  sources: Array<{ id: string; state: 'ok' | 'degraded' | 'down'; lastSuccessAt: string | null }>;
}

export type HostHealth = CoreHealth & { config: ConfigStatus };

/** A core built from one configuration, as the host runs it (src/core/core.ts's Core is one). */
export interface HostedCore extends CoreApi {
  health(): CoreHealth;
  close(): Promise<void>;
}

/** Sections the core does not read: the desktop app applies them in main, the hub at start-up. */
export const OUTSIDE_THE_CORE: readonly ConfigSection[] = ['wall', 'links', 'hub'];

/** The sections the core reads that differ between two configurations: none means no rebuild. */
export function coreSectionsChanged(previous: CockpitConfig, next: CockpitConfig): ConfigSection[] {
  return changedSections(previous, next).filter((s) => !OUTSIDE_THE_CORE.includes(s));
}

export interface CoreHostOptions<C extends HostedCore> {
  config: CockpitConfig;
  /** Builds and starts a core for a configuration; throws if it cannot. */
  build(config: CockpitConfig): Promise<C>;
  logger: Logger;
  now?: () => number;
}

export type ReconfigureOutcome = { outcome: 'recorded' | 'applied' } | { outcome: 'rejected'; error: string };

export interface CoreHost<C extends HostedCore = HostedCore> extends CoreApi {
  /** The core being served (replaced on a configuration change). */
  readonly core: C;
  /** The configuration in use. */
  readonly config: CockpitConfig;
  status(): ConfigStatus;
  health(): HostHealth;
  /**
   * Apply a new configuration, by the policy above. Throws only when neither the new nor the
   * previous configuration starts: then no core is left and the caller should exit (to be
   * restarted).
   */
  reconfigure(next: CockpitConfig): Promise<ReconfigureOutcome>;
  close(): Promise<void>;
}

/** Starts the first core; throws if it does not start (there is nothing to fall back on). */
export async function startCoreHost<C extends HostedCore>(opts: CoreHostOptions<C>): Promise<CoreHost<C>> {
  const { logger } = opts;
  const now = opts.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  let running = opts.config;
  let core = await opts.build(running);
  let status: ConfigStatus = { appliedAt: iso(), rejected: null };
  let closed = false;

  const listeners = new Set<(n: ChangeNotice) => void>();
  const notify = (notice: ChangeNotice): void => {
    for (const l of listeners) {
      try {
        l(notice);
      } catch (err) {
        logger.error('core host: change listener failed', { error: (err as Error).message });
      }
    }
  };
  let unsubscribe = core.onChange(notify);

  // Set while a core is being replaced; queries wait on it instead of reaching a closing core.
  let swapping: Promise<void> | null = null;
  // Changes apply one at a time, in order.
  let queue: Promise<unknown> = Promise.resolve();

  const swap = async (next: CockpitConfig): Promise<ReconfigureOutcome> => {
    unsubscribe();
    await core.close();
    let outcome: ReconfigureOutcome;
    try {
      core = await opts.build(next);
      running = next;
      status = { appliedAt: iso(), rejected: null };
      outcome = { outcome: 'applied' };
      logger.info('core host: new configuration in use');
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      status = { ...status, rejected: { error, at: iso() } };
      logger.error(`core host: the new configuration could not be started (${error}); going back to the previous one`);
      // If this throws too, no core is left: reconfigure() rethrows and the caller exits.
      core = await opts.build(running);
      outcome = { outcome: 'rejected', error };
    }
    unsubscribe = core.onChange(notify);
    notify({ at: iso(), changed: ['*'] });
    return outcome;
  };

  const reconfigure = async (next: CockpitConfig): Promise<ReconfigureOutcome> => {
    if (closed) throw new Error('core host: closed');
    const sections = coreSectionsChanged(running, next);
    if (sections.length === 0) {
      running = next;
      return { outcome: 'recorded' };
    }
    logger.info(`core host: configuration changed (${sections.join(', ')}), rebuilding the core`);
    const run = swap(next);
    const marker = run.then(
      () => undefined,
      () => undefined,
    );
    swapping = marker;
    try {
      return await run;
    } finally {
      if (swapping === marker) swapping = null;
    }
  };

  // No await unless a swap is running, so a query reaches the core in the tick it was asked.
  const coreInUse = (): C | Promise<C> => (swapping ? swapping.then(coreInUse) : core);

  const answer = <K extends QueryName>(served: C, name: K, params: QueryParams<K>): QueryResult<K> | Promise<QueryResult<K>> => {
    const result = served.query(name, params);
    // Health also says which configuration is in use and which was refused.
    if (name !== 'health') return result;
    return Promise.resolve(result).then((h) => ({ ...(h as HealthModel), config: status }) as QueryResult<K>);
  };

  return {
    get core() {
      return core;
    },
    get config() {
      return running;
    },
    status: () => status,
    health: () => ({ ...core.health(), config: status }),
    query(name, params) {
      const served = coreInUse();
      return served instanceof Promise ? served.then((c) => answer(c, name, params)) : answer(served, name, params);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconfigure(next) {
      const run = queue.then(() => reconfigure(next));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      unsubscribe();
      listeners.clear();
      await core.close();
    },
  };
}
