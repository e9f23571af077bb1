import Database from 'better-sqlite3';
import type { Core, CoreOptions } from '../../core/core';
import { startCoreHost, type CoreHost } from '../../core/host/coreHost';
import type { CockpitConfig } from '../../shared/config';
import type { Logger } from '../../core/log/logger';
import type { QueryName, QueryParams } from '../../shared/queries';
import { isMainToCore, type CoreToMain, type MainToCore } from './messages';

/** The utility process's parentPort, reduced to what we use (so this runs under plain Node in tests). */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: CoreToMain): void;
}

export interface ServeCoreDeps {
  createCore(opts: CoreOptions): Promise<Core>;
  /** A logger for this process, given the log folder main chose. */
  openLogger(logDir: string): Logger;
  exit(code: number): void;
}

/**
 * The core's side of the utility process: runs the core host (src/core/host) on the
 * configuration main sends, answers queries, forwards change notices. A second 'start' (the
 * configuration changed) goes to the host, which rebuilds the core on the same SQLite cache —
 * or, when the new configuration does not start, keeps the previous one running and says so
 * ('configRejected'; health names it too). Anything fatal (the first start fails, or no
 * configuration starts any more) is reported and the process exits: main restarts it.
 */
export function serveCore(port: PortLike, deps: ServeCoreDeps): void {
  let host: CoreHost<Core> | null = null;
  let logger: Logger | null = null;
  // Messages are handled one at a time: a query that arrives during a restart waits for it.
  let queue: Promise<void> = Promise.resolve();

  const post = (m: CoreToMain): void => port.postMessage(m);

  const fatal = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    logger?.error('core: fatal', { error: message });
    post({ type: 'fatal', error: message });
    deps.exit(1);
  };

  const ready = (): void => post({ type: 'ready', versions: { node: process.versions.node, sqlite: sqliteVersion() } });

  const handle = async (msg: MainToCore): Promise<void> => {
    switch (msg.type) {
      case 'start': {
        const log = (logger ??= deps.openLogger(msg.logDir));
        const secrets = msg.secrets;
        const build = async (config: CockpitConfig): Promise<Core> => {
          const core = await deps.createCore({ config, dataDir: msg.dataDir, configDir: msg.configDir, logger: log, resolveSecret: async (name) => secrets[name] });
          try {
            await core.start();
          } catch (err) {
            await core.close();
            throw err;
          }
          return core;
        };
        if (!host) {
          host = await startCoreHost({ config: msg.config, build, logger: log });
          host.onChange((notice) => post({ type: 'changed', notice }));
          ready();
          return;
        }
        const result = await host.reconfigure(msg.config);
        if (result.outcome === 'rejected') post({ type: 'configRejected', error: result.error });
        else ready();
        return;
      }
      case 'query': {
        if (!host) {
          post({ type: 'result', id: msg.id, ok: false, error: 'the core is not started yet' });
          return;
        }
        try {
          const value = await host.query(msg.name as QueryName, msg.params as QueryParams<QueryName>);
          post({ type: 'result', id: msg.id, ok: true, value });
        } catch (err) {
          post({ type: 'result', id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
        }
        return;
      }
      case 'ack': {
        if (!host) {
          post({ type: 'result', id: msg.id, ok: false, error: 'the core is not started yet' });
          return;
        }
        try {
          const value = host.core.walls.acknowledge(msg.wall, msg.alertId, msg.via);
          post({ type: 'result', id: msg.id, ok: true, value });
        } catch (err) {
          post({ type: 'result', id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
        }
        return;
      }
      case 'report': {
        if (!host) {
          post({ type: 'result', id: msg.id, ok: false, error: 'the core is not started yet' });
          return;
        }
        try {
          host.core.walls.report(msg.report);
          post({ type: 'result', id: msg.id, ok: true, value: null });
        } catch (err) {
          post({ type: 'result', id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
        }
        return;
      }
      case 'stop':
        await host?.close();
        host = null;
        deps.exit(0);
        return;
    }
  };

  port.on('message', ({ data }) => {
    if (!isMainToCore(data)) {
      logger?.warn('core: unknown message ignored');
      return;
    }
    queue = queue.then(() => handle(data)).catch(fatal);
  });
}

let cachedSqliteVersion: string | null | undefined;
function sqliteVersion(): string | null {
  if (cachedSqliteVersion !== undefined) return cachedSqliteVersion;
  try {
    const db = new Database(':memory:');
    cachedSqliteVersion = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
    db.close();
  } catch {
    cachedSqliteVersion = null;
  }
  return cachedSqliteVersion;
}
