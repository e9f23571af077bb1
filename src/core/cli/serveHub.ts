/**
 * What `npm run serve` runs, without the process handling: the core host (src/core/host)
 * behind the hub, kept in step with its configuration file. A valid edit goes to the host
 * (which rebuilds the core on the same cache, or keeps the previous one when the new one does
 * not start) and the hub keeps every browser connected; an invalid file is logged (file and
 * field) and the running configuration stays.
 */
import type { CockpitConfig } from '../../shared/config';
import { createCore, type Core, type CoreOptions } from '../core';
import { LiveConfig } from '../config/live';
import { defaultConfig, loadConfigFile } from '../config/load';
import { startCoreHost, type CoreHost } from '../host/coreHost';
import { isLoopbackHost, startHub, type Hub } from '../hub';
import { createCoreWallControl } from '../control/forCore';
import type { Logger } from '../log/logger';

export interface ServeOptions {
  /** The configuration file (--config), watched for changes; null runs on the defaults. */
  configPath: string | null;
  /** Where the cache lives unless the configuration says otherwise. */
  dataDir: string;
  /** Relative boundary-file paths resolve against it (the config file's folder). */
  configDir: string;
  /** The built renderer. */
  staticDir: string;
  /** --host / --port: when given they win over hub.host / hub.port. */
  host?: string;
  port?: number;
  /** Where the hub token is looked up (by the name in hub.tokenEnv). */
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  /** Quiet period after a file event before re-reading (editors write in several steps). */
  debounceMs?: number;
  heartbeatMs?: number;
  /**
   * A configuration change left no working core: the new one failed to build and so did the
   * previous one. The caller should exit so a supervisor restarts the hub.
   */
  onFatal?: (error: Error) => void;
  /** Builds a core (default: createCore). Tests wrap it to make one build fail. */
  createCore?: (opts: CoreOptions) => Promise<Core>;
}

export interface ServingHub {
  readonly hub: Hub;
  readonly host: CoreHost<Core>;
  /** The core being served (replaced on a configuration change). */
  readonly core: Core;
  /** The configuration in use. */
  readonly config: CockpitConfig;
  /** The token the hub requires, if any. */
  readonly token: string | undefined;
  /** Resolves when every configuration change seen so far has been applied or refused. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

interface ListenSettings {
  host: string;
  port: number;
  tokenEnv: string;
}

function listenSettings(config: CockpitConfig, opts: ServeOptions): ListenSettings {
  return { host: opts.host ?? config.hub.host, port: opts.port ?? config.hub.port, tokenEnv: config.hub.tokenEnv };
}

function readStartConfig(path: string | null): CockpitConfig {
  if (path === null) return defaultConfig();
  const loaded = loadConfigFile(path);
  // At start-up there is no running configuration to fall back on: refuse to start.
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.config;
}

async function buildCore(config: CockpitConfig, opts: ServeOptions): Promise<Core> {
  const create = opts.createCore ?? createCore;
  const core = await create({ config, dataDir: opts.dataDir, configDir: opts.configDir, logger: opts.logger });
  try {
    await core.start();
  } catch (err) {
    await core.close();
    throw err;
  }
  return core;
}

export async function serveHub(opts: ServeOptions): Promise<ServingHub> {
  const { logger } = opts;
  const env = opts.env ?? process.env;
  const onFatal = opts.onFatal ?? ((err: Error) => logger.error(`cockpit serve: no working core left: ${err.message}`));

  const startConfig = readStartConfig(opts.configPath);
  const listening = listenSettings(startConfig, opts);
  const token = env[listening.tokenEnv] || undefined;
  if (!isLoopbackHost(listening.host) && !token) {
    throw new Error(`listening on ${listening.host} (beyond this machine) needs a token: set the environment variable ${listening.tokenEnv} (16+ characters)`);
  }

  const host = await startCoreHost({ config: startConfig, build: (config) => buildCore(config, opts), logger });
  const control = createCoreWallControl({
    config: () => host.config,
    query: (name, params) => host.query(name, params),
    onChange: (l) => host.onChange(l),
    acknowledge: (wall, alertId, via) => {
      host.core.walls.acknowledge(wall, alertId, via);
    },
  });
  let hub: Hub;
  try {
    // Wall writes go to whichever core is in use at the time (it is replaced on a configuration change).
    const walls = { acknowledge: (...a: Parameters<Core['walls']['acknowledge']>) => host.core.walls.acknowledge(...a), report: (r: Parameters<Core['walls']['report']>[0]) => host.core.walls.report(r) };
    hub = await startHub({ core: host, staticDir: opts.staticDir, host: listening.host, port: listening.port, token, logger, heartbeatMs: opts.heartbeatMs, walls, control, answerCacheMs: 1000 });
  } catch (err) {
    control.dispose();
    await host.close();
    throw err;
  }

  /** hub.* is read once, when the server starts listening: say so rather than ignore an edit. */
  const reportListenChange = (next: CockpitConfig): void => {
    const wanted = listenSettings(next, opts);
    const fromFile = { host: next.hub.host, port: next.hub.port, tokenEnv: next.hub.tokenEnv };
    for (const field of ['host', 'port', 'tokenEnv'] as const) {
      if (fromFile[field] === host.config.hub[field]) continue;
      if (wanted[field] === listening[field]) {
        logger.info(`${opts.configPath}: hub.${field} changed, but --${field} on the command line decides; nothing to apply`);
      } else {
        logger.warn(
          `${opts.configPath}: hub.${field} changed (${listening[field]} → ${wanted[field]}): restart "npm run serve" to apply it; still serving on ${hub.url}`,
        );
      }
    }
  };

  const apply = async (): Promise<void> => {
    // The latest valid configuration now: edits that arrived during a rebuild fold into one.
    const next = live?.current;
    if (!next) return;
    reportListenChange(next);
    const result = await host.reconfigure(next);
    if (result.outcome === 'applied') logger.info(`${opts.configPath}: new configuration in use`);
    if (result.outcome === 'rejected') logger.error(`${opts.configPath}: the new configuration could not be applied (${result.error}); going back to the previous one`);
  };

  let applying: Promise<void> = Promise.resolve();
  let closed = false;
  // Changes apply one at a time, in order; a failure here means no core is left to serve.
  const queueApply = (): void => {
    if (closed) return;
    applying = applying.then(apply).catch((err: unknown) => onFatal(err instanceof Error ? err : new Error(String(err))));
  };
  const live = opts.configPath === null ? null : new LiveConfig({ path: opts.configPath, required: true, logger, debounceMs: opts.debounceMs, onChange: queueApply });
  // LiveConfig read the file once more: catch an edit made since start-up (a file broken in
  // between leaves LiveConfig on its defaults, which must not replace what is running).
  if (live && !live.lastError) queueApply();
  live?.watch();

  return {
    hub,
    host,
    get core() {
      return host.core;
    },
    get config() {
      return host.config;
    },
    token,
    settled: async () => {
      // A change that lands while waiting chains onto `applying`: wait until it stops moving.
      let seen;
      do {
        seen = applying;
        await seen;
      } while (seen !== applying);
    },
    async close() {
      if (closed) return;
      closed = true;
      live?.close();
      await applying;
      await hub.close();
      control.dispose();
      await host.close();
    },
  };
}
