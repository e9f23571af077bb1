import Database from 'better-sqlite3';
import type { Cockpit, CockpitOptions } from '../../core/cockpit';
import type { Logger } from '../../core/log/logger';
import type { QueryName, QueryParams } from '../../shared/queries';
import { isMainToCore, type CoreToMain, type MainToCore } from './messages';

/** The utility process's parentPort, reduced to what we use (so this runs under plain Node in tests). */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: CoreToMain): void;
}

export interface ServeCoreDeps {
  createCockpit(opts: CockpitOptions): Promise<Cockpit>;
  /** A logger for this process, given the log folder main chose. */
  openLogger(logDir: string): Logger;
  exit(code: number): void;
}

/**
 * The core's side of the utility process: builds the cockpit from the configuration main
 * sends, answers queries, forwards change notices. A second 'start' (the configuration
 * changed) closes the running cockpit and builds a new one on the same SQLite cache, so
 * nothing is lost. Anything fatal is reported and the process exits: main restarts it.
 */
export function serveCore(port: PortLike, deps: ServeCoreDeps): void {
  let cockpit: Cockpit | null = null;
  let logger: Logger | null = null;
  let unsubscribe: (() => void) | null = null;
  // Messages are handled one at a time: a query that arrives during a restart waits for it.
  let queue: Promise<void> = Promise.resolve();

  const post = (m: CoreToMain): void => port.postMessage(m);

  const fatal = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    logger?.error('core: fatal', { error: message });
    post({ type: 'fatal', error: message });
    deps.exit(1);
  };

  const stopCockpit = async (): Promise<void> => {
    unsubscribe?.();
    unsubscribe = null;
    const running = cockpit;
    cockpit = null;
    await running?.close();
  };

  const handle = async (msg: MainToCore): Promise<void> => {
    switch (msg.type) {
      case 'start': {
        logger ??= deps.openLogger(msg.logDir);
        await stopCockpit();
        const secrets = msg.secrets;
        const next = await deps.createCockpit({
          config: msg.config,
          dataDir: msg.dataDir,
          configDir: msg.configDir,
          logger,
          resolveSecret: async (name) => secrets[name],
        });
        cockpit = next;
        unsubscribe = next.onChange((notice) => post({ type: 'changed', notice }));
        await next.start();
        post({ type: 'ready', versions: { node: process.versions.node, sqlite: sqliteVersion() } });
        return;
      }
      case 'query': {
        if (!cockpit) {
          post({ type: 'result', id: msg.id, ok: false, error: 'the core is not started yet' });
          return;
        }
        try {
          const value = await cockpit.query(msg.name as QueryName, msg.params as QueryParams<QueryName>);
          post({ type: 'result', id: msg.id, ok: true, value });
        } catch (err) {
          post({ type: 'result', id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) });
        }
        return;
      }
      case 'stop':
        await stopCockpit();
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
