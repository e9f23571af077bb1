/**
 * The sync engine: per source, per endpoint, on its own interval, polls into the cache and
 * keeps health. Failures back off (exponential, full jitter) and become health, never
 * exceptions; every committed write is announced with a ChangeNotice.
 */
import type { SourceConfig } from '../../shared/config';
import { FEED_LIMIT_MAX } from '../../shared/contract';
import type { ChangeNotice, SourceHealth } from '../../shared/readModel';
import type { Cache } from '../cache';
import { silentLogger, type Logger } from '../log/logger';
import { backoffDelay } from '../../shared/backoff';
import { districtApiOnly } from './districtApiReader';
import { DATA_ENDPOINTS, META_ENDPOINT, intervalMs, type EndpointSpec } from './endpoints';
import { pollEndpoint, type PollResult } from './pollEndpoint';
import type { ReaderDeps, ReaderFactory, SourceReader } from './reader';
import { redact } from './requestHeaders';
import { SourceHealthTracker } from './sourceHealth';

export interface SyncEngineOptions {
  cache: Cache;
  sources: SourceConfig[];
  logger?: Logger;
  onChange?: (notice: ChangeNotice) => void;
  resolveSecret?: (name: string) => Promise<string | undefined>;
  fetchImpl?: typeof fetch;
  /**
   * Builds each source's reader; default: District API services only. The cockpit passes
   * src/core/sources' factory, which knows every kind (mapped JSON, folders, databases).
   */
  readerFor?: ReaderFactory;
  /**
   * Records asked for per feed page (?limit=); default FEED_LIMIT_MAX (5000), as the District API
   * recommends for backfill: per-page costs (request, transaction, the event tallies' one pass)
   * spread over 5× more rows (bench/backfill.ts). Live polls bring what changed, far fewer.
   * 5000 events are ≈ 2.9 MB of JSON, well under maxBodyBytes (32 MiB by default).
   */
  pageLimit?: number;
  /** Retry delays after failures; the ceiling never exceeds capMs (default: the endpoint's interval). */
  backoff?: { baseMs?: number; capMs?: number };
  /** Consecutive failures after which an endpoint is 'down'; default 3. */
  downAfter?: number;
  now?: () => number;
  random?: () => number;
}

export interface EndpointSummary {
  name: string;
  outcome: PollResult['outcome'] | 'skipped';
  pages: number;
  stored: number;
  changed: number;
  quarantined: number;
  error: string | null;
}

export interface SyncSummary {
  startedAt: string;
  finishedAt: string;
  sources: Array<{ sourceId: string; endpoints: EndpointSummary[] }>;
  health: SourceHealth[];
}

export interface SyncEngine {
  /** Starts polling every endpoint of every source on its interval (first poll at once). */
  start(): void;
  /** Stops polling, aborts requests in flight and waits for them to settle. */
  stop(): Promise<void>;
  /** Polls every endpoint of every source once, paging until each feed is caught up. */
  syncOnce(): Promise<SyncSummary>;
  health(): SourceHealth[];
}

interface SourceRuntime {
  source: SourceConfig;
  reader: SourceReader;
  tracker: SourceHealthTracker;
  /** Serialises polls of the same endpoint (a timer poll and a syncOnce never overlap). */
  running: Map<string, Promise<PollResult | null>>;
  timers: Map<string, NodeJS.Timeout>;
  rejectedDocs: Map<string, string>;
  /** When each feed started over after a refused cursor, until a poll of it goes through. */
  cursorResets: Map<string, number>;
  /** Why nothing is synced: /v1/meta declares an API version the cockpit does not speak. */
  versionRefused: string | null;
}

const CHANGE_FLUSH_MS = 1000;
/** Retry delay, in poll intervals, of an endpoint that sends oversized bodies repeatedly. */
const OVERSIZED_BACKOFF_INTERVALS = 2;

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const pageLimit = opts.pageLimit ?? FEED_LIMIT_MAX;
  const stopController = { current: new AbortController() };
  let started = false;

  const readerFor = opts.readerFor ?? districtApiOnly;
  const runtimes: SourceRuntime[] = opts.sources.map((source) => {
    const reader = buildReader(readerFor, source, { resolveSecret: opts.resolveSecret, fetchImpl: opts.fetchImpl });
    // A source whose configuration says what it serves has no /v1/meta to ask.
    const names = reader.serves ? [...reader.serves] : [META_ENDPOINT, ...DATA_ENDPOINTS].map((e) => e.name);
    let persisted: ConstructorParameters<typeof SourceHealthTracker>[3] = { source: null, endpoints: [] };
    try {
      persisted = { source: opts.cache.sourceHealth(source.id), endpoints: opts.cache.endpointStates(source.id) };
    } catch (err) {
      logger.warn(`sync ${source.id}: could not read stored health (${(err as Error).message}); starting fresh`);
    }
    return {
      source,
      reader,
      tracker: new SourceHealthTracker(source.id, reader.location, names, persisted, opts.downAfter ?? 3),
      running: new Map(),
      timers: new Map(),
      rejectedDocs: new Map(),
      cursorResets: new Map(),
      versionRefused: null,
    };
  });

  // Change notices: names changed since the last flush; flushed at the end of each poll and,
  // during a long backfill, about once a second so screens fill in progressively.
  let pending = new Set<string>();
  let lastFlush = 0;
  function flushChanges(force: boolean): void {
    if (pending.size === 0 || (!force && now() - lastFlush < CHANGE_FLUSH_MS)) return;
    const changed = [...pending];
    pending = new Set();
    lastFlush = now();
    try {
      opts.onChange?.({ at: new Date(lastFlush).toISOString(), changed });
    } catch (err) {
      logger.error(`sync: change listener failed: ${(err as Error).message}`);
    }
  }

  function retryDelay(rt: SourceRuntime, name: string, failures: number): number {
    const interval = intervalMs(rt.source, name);
    // Retry sooner than the interval at first (most faults are brief), never later: a wall must
    // show a recovered source within one interval. Polling at the normal rate is no hammering;
    // the jitter still spreads many walls' retries.
    const capMs = opts.backoff?.capMs ?? interval;
    const baseMs = opts.backoff?.baseMs ?? Math.min(1000, interval);
    return backoffDelay(failures, { baseMs, capMs }, random);
  }

  /** One poll of one endpoint, health and notices included. Never throws. */
  async function poll(rt: SourceRuntime, spec: EndpointSpec): Promise<PollResult | null> {
    // Chained synchronously, so any number of concurrent callers still run one at a time.
    const previous = rt.running.get(spec.name) ?? Promise.resolve(null);
    const task = previous.catch(() => null).then(() => pollNow(rt, spec));
    rt.running.set(spec.name, task);
    try {
      return await task;
    } finally {
      if (rt.running.get(spec.name) === task) rt.running.delete(spec.name);
    }
  }

  async function pollNow(rt: SourceRuntime, spec: EndpointSpec): Promise<PollResult | null> {
    const signal = stopController.current.signal;
    if (signal.aborted) return null;
    const { source, tracker } = rt;
    const before = tracker.signature();
    let result: PollResult;
    try {
      if (spec.name !== META_ENDPOINT.name && rt.versionRefused) throw new Error(rt.versionRefused);
      result = await pollEndpoint(
        {
          cache: opts.cache,
          source,
          reader: rt.reader,
          pageLimit,
          signal,
          now,
          rejectedDocs: rt.rejectedDocs,
          cursorResets: rt.cursorResets,
          onCommit: (name) => {
            pending.add(name);
            flushChanges(false);
          },
        },
        spec,
      );
    } catch (err) {
      // pollEndpoint turns its own failures into results; this is a last line of defence.
      result = {
        name: spec.name,
        outcome: 'failed',
        pages: 0,
        stored: 0,
        changed: 0,
        quarantined: 0,
        quarantineReason: null,
        error: (err as Error).message,
        cacheFailed: false,
      };
    }
    if (signal.aborted && result.outcome === 'failed') return result; // stopping: not a source fault
    const secrets = rt.reader.secrets();
    if (result.error) result.error = redact(result.error, secrets);
    if (result.quarantineReason) result.quarantineReason = redact(result.quarantineReason, secrets);

    if (spec.name === META_ENDPOINT.name) {
      const refused = result.unknownVersion ? result.error : null;
      if (refused !== rt.versionRefused) logger.warn(`sync ${source.id}: ${refused ?? 'the source declares an API version the cockpit speaks again: syncing'}`);
      if (result.unknownVersion || result.outcome !== 'failed') rt.versionRefused = refused;
    }
    const at = now();
    const interval = intervalMs(source, spec.name);
    if (result.outcome === 'failed') {
      const failures = (tracker.endpointRow(spec.name).consecutiveFailures ?? 0) + 1;
      // Oversized again (a decompression bomb costs a core to inflate to the cap): half the
      // rate, still recovering within two intervals once the bodies are sane.
      const delay = result.oversized && failures >= 2 ? OVERSIZED_BACKOFF_INTERVALS * interval : retryDelay(rt, spec.name, failures);
      const next = started ? at + delay : null;
      tracker.recordFailure(spec.name, at, result.error ?? 'failed', next, result.cacheFailed);
      if (result.quarantined) tracker.addQuarantined(spec.name, result.quarantined);
      if (failures === 1 || failures === (opts.downAfter ?? 3)) logger.warn(`sync ${source.id}/${spec.name}: ${result.error}`);
    } else {
      const wasFailing = tracker.endpointRow(spec.name).consecutiveFailures > 0;
      tracker.recordSuccess(spec.name, at, { count: result.quarantined, reason: result.quarantineReason }, started ? at + interval : null, result.notice);
      if (result.notice) logger.warn(`sync ${source.id}/${spec.name}: ${result.notice}`);
      else rt.cursorResets.delete(spec.name);
      if (wasFailing) logger.info(`sync ${source.id}/${spec.name}: recovered`);
      if (result.quarantined) logger.warn(`sync ${source.id}/${spec.name}: quarantined ${result.quarantined} invalid record(s): ${result.quarantineReason}`);
      if (spec.name === 'meta' && result.served) applyServed(rt, result.served);
    }
    persistHealth(rt, spec.name);
    if (result.changed > 0) pending.add(spec.name);
    if (tracker.signature() !== before) pending.add('health');
    flushChanges(true);
    opts.cache.runRetention(); // at most hourly; a cheap check otherwise
    return result;
  }

  /** /v1/meta lists what the source serves; endpoints it does not serve are not polled. */
  function applyServed(rt: SourceRuntime, served: string[]): void {
    const known = DATA_ENDPOINTS.map((e) => e.name).filter((n) => served.includes(n));
    if (known.length === 0) return; // a meta that names nothing we know is no reason to stop polling
    rt.tracker.setActive([META_ENDPOINT.name, ...known]);
  }

  function persistHealth(rt: SourceRuntime, endpoint: string): void {
    try {
      opts.cache.saveHealth(rt.tracker.sourceRow(), [rt.tracker.endpointRow(endpoint)]);
    } catch (err) {
      // The cache cannot be written: health lives on in memory and says why.
      const message = (err as Error).message;
      if (rt.tracker.endpointRow(endpoint).lastError !== message) logger.warn(`sync ${rt.source.id}/${endpoint}: ${message}`);
      rt.tracker.markCacheFailed(endpoint, message);
    }
  }

  function schedule(rt: SourceRuntime, spec: EndpointSpec, delayMs: number): void {
    if (!started) return;
    const timer = setTimeout(async () => {
      rt.timers.delete(spec.name);
      try {
        if (rt.tracker.isActive(spec.name)) await poll(rt, spec);
      } catch (err) {
        logger.error(`sync ${rt.source.id}/${spec.name}: unexpected: ${(err as Error).message}`);
      } finally {
        // Whatever happened, the endpoint keeps its schedule: a wall must not stop updating.
        const row = rt.tracker.endpointRow(spec.name);
        schedule(rt, spec, row.nextAttemptAt !== null ? Math.max(0, row.nextAttemptAt - now()) : intervalMs(rt.source, spec.name));
      }
    }, delayMs);
    rt.timers.set(spec.name, timer);
  }

  async function syncSource(rt: SourceRuntime): Promise<EndpointSummary[]> {
    const summaries: EndpointSummary[] = [];
    const toSummary = (spec: EndpointSpec, r: PollResult | null): EndpointSummary =>
      r
        ? { name: r.name, outcome: r.outcome, pages: r.pages, stored: r.stored, changed: r.changed, quarantined: r.quarantined, error: r.error }
        : { name: spec.name, outcome: 'skipped', pages: 0, stored: 0, changed: 0, quarantined: 0, error: null };
    if (!rt.reader.serves) summaries.push(toSummary(META_ENDPOINT, await poll(rt, META_ENDPOINT)));
    const served = rt.reader.serves;
    const results = await Promise.all(
      DATA_ENDPOINTS.filter((spec) => !served || served.includes(spec.name)).map(async (spec) => toSummary(spec, rt.tracker.isActive(spec.name) ? await poll(rt, spec) : null)),
    );
    summaries.push(...results);
    return summaries;
  }

  return {
    start() {
      if (started) return;
      started = true;
      if (stopController.current.signal.aborted) stopController.current = new AbortController();
      for (const rt of runtimes) {
        if (rt.reader.serves) {
          for (const spec of DATA_ENDPOINTS) if (rt.tracker.isActive(spec.name)) schedule(rt, spec, 0);
          continue;
        }
        // Meta first, so endpoints the source does not serve are known before they are polled.
        void poll(rt, META_ENDPOINT).then(() => {
          const row = rt.tracker.endpointRow(META_ENDPOINT.name);
          schedule(rt, META_ENDPOINT, row.nextAttemptAt !== null ? Math.max(0, row.nextAttemptAt - now()) : intervalMs(rt.source, 'meta'));
          for (const spec of DATA_ENDPOINTS) schedule(rt, spec, 0);
        });
      }
    },

    async stop() {
      started = false;
      stopController.current.abort();
      for (const rt of runtimes) {
        for (const t of rt.timers.values()) clearTimeout(t);
        rt.timers.clear();
      }
      await Promise.allSettled(runtimes.flatMap((rt) => [...rt.running.values()]));
      await Promise.allSettled(runtimes.map((rt) => rt.reader.close?.()));
      flushChanges(true);
    },

    async syncOnce() {
      if (stopController.current.signal.aborted) stopController.current = new AbortController();
      const startedAt = new Date(now()).toISOString();
      const sources = await Promise.all(runtimes.map(async (rt) => ({ sourceId: rt.source.id, endpoints: await syncSource(rt) })));
      return { startedAt, finishedAt: new Date(now()).toISOString(), sources, health: runtimes.map((rt) => rt.tracker.toPublic()) };
    },

    health() {
      return runtimes.map((rt) => rt.tracker.toPublic());
    },
  };
}

/** A reader that cannot be built (a broken mapping) is that source's failure, in its health: never the engine's. */
function buildReader(readerFor: ReaderFactory, source: SourceConfig, deps: ReaderDeps): SourceReader {
  try {
    return readerFor(source, deps);
  } catch (err) {
    const message = `configuration: ${(err as Error).message}`;
    const fail = () => Promise.reject(new Error(message));
    return { location: source.kind === 'district-api' || source.kind === 'json' ? source.url : source.id, serves: null, readFeed: fail, readSnapshot: fail, secrets: () => [] };
  }
}
