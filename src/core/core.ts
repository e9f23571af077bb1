/**
 * The core, composed: cache, sync engine, read model and map behind one CoreApi that both
 * front doors (the hub, the Electron utility process) serve. With no sources configured the
 * built-in simulator starts on a free local port and the cockpit syncs from it like from any
 * district service — the demo exercises the same path as a real deployment.
 */
import { join } from 'node:path';
import { sourceConfigSchema, type CockpitConfig, type SourceConfig } from '../shared/config';
import type { ChangeNotice, HealthModel, UiConfigModel } from '../shared/readModel';
import type { QueryName, QueryParams } from '../shared/queries';
import type { CoreApi } from '../shared/transport';
import { openCache } from './cache';
import { createMapProvider } from './geo';
import { answerQuery, createQueryAnswers } from './queryAnswers';
import type { CoreHealth } from './host/coreHost';
import { consoleLogger, type Logger } from './log/logger';
import { createReadModel } from './readModel';
import { applyRiskModelOverrides } from '../shared/risk';
import { startSimulator, type RunningSimulator } from './sim';
import { createSourceReader } from './sources';
import { createSyncEngine } from './sync';
import { createWallDuty, type WallDuty } from './walls/wallDuty';

/** The simulated district polls fast so a demo shows live records arriving. */
export const SIMULATOR_SOURCE_ID = 'sim';
export const SIMULATOR_INTERVAL_SEC = 5;

export interface CoreOptions {
  config: CockpitConfig;
  /** Where the cache lives unless config.cache.path says otherwise. */
  dataDir: string;
  logger?: Logger;
  /** The config file's folder: relative boundary-file paths resolve against it (default: cwd). */
  configDir?: string;
  /** Looks up a source's token by name (desktop secure storage); env tokens need no help. */
  resolveSecret?: (name: string) => Promise<string | undefined>;
  /** The core's clock for alerts and the wall history (tests set it); default Date.now. */
  now?: () => number;
  /**
   * The clock of the cache, the sync and the read model's "today" (default Date.now). Tests tie it
   * to a non-live simulator's clock to live through weeks in seconds (e2e/lookback.spec.ts).
   */
  dataNow?: () => number;
}

export interface Core extends CoreApi {
  readonly config: CockpitConfig;
  /** The sources being synced (the simulator's when none are configured). */
  readonly sources: readonly SourceConfig[];
  /** The embedded simulator when running on it, else null. */
  readonly simulator: RunningSimulator | null;
  /** Begin syncing. Queries work before (from the cache) and after. */
  start(): Promise<void>;
  /** Summary for /healthz and the desktop's diagnostics. */
  health(): CoreHealth;
  /** Wall profiles, alerts and the wall history. */
  readonly walls: WallDuty;
}

export function uiConfigOf(config: CockpitConfig, sources: readonly SourceConfig[]): UiConfigModel {
  const intervals = sources.flatMap((s) => [s.intervalSec, ...Object.values(s.intervalsSec)]).filter((n): n is number => typeof n === 'number');
  return {
    title: config.title ?? null,
    locale: config.locale,
    timeZone: config.district.timeZone,
    playlist: { ...config.playlist, pages: [...config.playlist.pages] },
    map: { enable3d: config.map.enable3d, city: config.map.city !== undefined },
    pollIntervalSec: intervals.length ? Math.min(...intervals) : SIMULATOR_INTERVAL_SEC,
  };
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const { config } = opts;
  const logger = opts.logger ?? consoleLogger;
  // Validated by the config schema already; this turns the overrides into a whole model.
  const riskModel = applyRiskModelOverrides(config.riskModel);

  const simulator = config.sources.length
    ? null
    : await startSimulator({ port: 0, seed: config.simulator.seed, speed: config.simulator.speed });
  const sources: SourceConfig[] = simulator
    ? [sourceConfigSchema.parse({ id: SIMULATOR_SOURCE_ID, url: simulator.url, intervalSec: SIMULATOR_INTERVAL_SEC })]
    : config.sources;

  const dataNow = opts.dataNow ?? Date.now;
  const cachePath = config.cache.path ?? join(opts.dataDir, 'cache.sqlite');
  let cache;
  try {
    cache = openCache(cachePath, { now: dataNow, logger, retentionDays: config.cache.retentionDays, timeZone: config.district.timeZone });
  } catch (err) {
    await simulator?.stop();
    throw err;
  }

  const intervalsSec = Object.fromEntries(sources.map((s) => [s.id, s.intervalSec]));
  const readModel = createReadModel(cache.db, {
    now: dataNow,
    logger,
    dbPath: cachePath,
    rebuiltFrom: cache.rebuiltFrom,
    riskModel,
    timeZone: config.district.timeZone,
    sourceIds: sources.map((s) => s.id),
    intervalsSec,
  });
  const map = createMapProvider(config.map, { logger, baseDir: opts.configDir });

  const listeners = new Set<(n: ChangeNotice) => void>();
  const notify = (notice: ChangeNotice): void => {
    for (const l of listeners) {
      try {
        l(notice);
      } catch (err) {
        logger.error('cockpit: change listener failed', { error: (err as Error).message });
      }
    }
  };
  const clock = opts.now ?? Date.now;
  const walls = createWallDuty({
    db: cache.db,
    readModel,
    config,
    sourceIds: sources.map((s) => s.id),
    now: clock,
    logger,
    notify: (changed) => notify({ at: new Date(clock()).toISOString(), changed }),
  });
  // The alert engine looks at every notice the sync engine sends, before the walls refetch.
  const onSync = (notice: ChangeNotice): void => {
    walls.onChange(notice.changed);
    notify(notice);
  };
  const sync = createSyncEngine({
    now: dataNow,
    cache,
    sources,
    onChange: onSync,
    logger,
    resolveSecret: opts.resolveSecret,
    readerFor: (source, deps) => createSourceReader(source, { ...deps, baseDir: opts.configDir }),
  });

  const answers = createQueryAnswers({ readModel, map, ui: uiConfigOf(config, sources), walls });
  const query = <K extends QueryName>(name: K, params: QueryParams<K>) => answerQuery(answers, name, params);

  let started = false;
  let closed = false;
  return {
    config,
    sources,
    simulator,
    walls,
    query,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      if (started) return;
      started = true;
      walls.start();
      await sync.start();
      logger.info('cockpit: syncing', { sources: sources.map((s) => s.id), simulator: simulator !== null });
    },
    health(): CoreHealth {
      const h: HealthModel = readModel.query('health', {});
      const status = h.sources.length > 0 && h.sources.every((s) => s.state === 'ok') ? 'ok' : 'degraded';
      return {
        status,
        sources: h.sources.map((s) => ({ id: s.sourceId, state: s.state, lastSuccessAt: s.lastSuccessAt })),
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      walls.close();
      await sync.stop();
      await simulator?.stop();
      cache.close();
    },
  };
}
