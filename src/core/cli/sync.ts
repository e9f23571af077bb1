/**
 * Sync one or more District API sources into a cache file.
 *   npm run sync -- --once --source http://127.0.0.1:7311 --db PATH [--page-limit N]
 *   npm run sync -- --source URL --db PATH [--interval SEC]      (polls until SIGINT/SIGTERM)
 *   npm run sync -- --once --config cockpit.json --db PATH        (the config's sources, any kind)
 * --once backfills everything and prints a JSON summary: rows per table, quarantined records
 * per endpoint, health. Exit code 0 when every endpoint synced, 1 when any failed, 2 on bad usage.
 */
import { dirname, resolve } from 'node:path';
import { districtApiSourceSchema, type DistrictApiSourceConfig, type SourceConfig } from '../../shared/sources';
import { loadConfigFile } from '../config/load';
import { createSourceReader } from '../sources';
import { describeIssues } from '../../shared/contract';
import { openCache, type Cache } from '../cache';
import type { Logger } from '../log/logger';
import { createSyncEngine, type SyncEngine } from '../sync';
import { parseCliArgs } from './args';

function fail(message: string): never {
  console.error(`sync: ${message}`);
  process.exit(2);
}

/** Logs go to stderr so stdout stays one JSON document. */
const stderrLogger: Logger = {
  info: (m) => console.error(`[info] ${m}`),
  warn: (m) => console.error(`[warn] ${m}`),
  error: (m) => console.error(`[error] ${m}`),
};
const quietLogger: Logger = { info() {}, warn: stderrLogger.warn, error: stderrLogger.error };

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n)) fail(`--${name} '${raw}': expected a positive number`);
  return n;
}

/** A stable id from the URL (host-port), so reruns against the same source share its rows and cursors. */
function sourceIdFor(url: string): string {
  const u = new URL(url);
  return `${u.hostname}-${u.port || (u.protocol === 'https:' ? '443' : '80')}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40);
}

const USAGE = 'usage: npm run sync -- [--once] (--source URL [--source URL …] | --config FILE) --db PATH [--page-limit N] [--interval SEC] [--timeout-ms MS] [--token-env NAME] [--quiet]';

function parseCli(argv: string[]) {
  const values = parseCliArgs({
    argv,
    usage: USAGE,
    fail,
    options: {
      once: { type: 'boolean', default: false },
      source: { type: 'string', multiple: true, default: [] },
      config: { type: 'string' },
      db: { type: 'string' },
      'page-limit': { type: 'string' },
      interval: { type: 'string' },
      'timeout-ms': { type: 'string' },
      'token-env': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (values.source.length === 0 && !values.config) fail('--source URL or --config FILE is required');
  if (values.source.length > 0 && values.config) fail('--source and --config do not go together');
  if (!values.db) fail('--db PATH is required');
  const interval = positive('interval', values.interval);
  const timeoutMs = positive('timeout-ms', values['timeout-ms']);
  let configured: SourceConfig[] = [];
  if (values.config) {
    const loaded = loadConfigFile(values.config);
    if (!loaded.ok) fail(loaded.error);
    if (loaded.config.sources.length === 0) fail(`${values.config}: no sources configured`);
    configured = loaded.config.sources;
  }
  const fromUrls: DistrictApiSourceConfig[] = values.source.map((url) => {
    const parsed = districtApiSourceSchema.safeParse({
      id: URL.canParse(url) ? sourceIdFor(url) : 'invalid',
      url,
      ...(interval ? { intervalSec: interval } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(values['token-env'] ? { tokenEnv: values['token-env'] } : {}),
    });
    if (!parsed.success) fail(`--source '${url}': ${describeIssues(parsed.error)}`);
    return parsed.data;
  });
  const sources: SourceConfig[] = [...configured, ...fromUrls];
  const baseDir = values.config ? dirname(resolve(values.config)) : undefined;
  return { once: values.once, sources, baseDir, db: values.db, pageLimit: positive('page-limit', values['page-limit']), quiet: values.quiet };
}

function quarantinedPerEndpoint(cache: Cache): Record<string, number> {
  const rows = cache.db.prepare('SELECT endpoint, count(*) AS n FROM quarantine GROUP BY endpoint ORDER BY endpoint').all() as Array<{ endpoint: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.endpoint, r.n]));
}

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  const logger = args.quiet ? quietLogger : stderrLogger;
  const cache = openCache(args.db, { logger });
  const engine: SyncEngine = createSyncEngine({
    cache,
    sources: args.sources,
    logger,
    pageLimit: args.pageLimit,
    readerFor: (source, deps) => createSourceReader(source, { ...deps, baseDir: args.baseDir }),
  });

  if (args.once) {
    const t0 = performance.now();
    const summary = await engine.syncOnce();
    const report = {
      db: cache.path,
      schemaVersion: cache.schemaVersion,
      rebuiltFrom: cache.rebuiltFrom,
      durationMs: Math.round(performance.now() - t0),
      rows: cache.tableCounts(),
      quarantined: quarantinedPerEndpoint(cache),
      sources: summary.sources,
      health: summary.health,
    };
    await engine.stop(); // closes database connections
    cache.close();
    console.log(JSON.stringify(report, null, 2));
    const failed = summary.sources.some((s) => s.endpoints.some((e) => e.outcome === 'failed'));
    process.exit(failed ? 1 : 0);
  }

  engine.start();
  logger.info(`sync: polling ${args.sources.map((s) => s.id).join(', ')} into ${cache.path}; Ctrl-C to stop`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`sync: ${signal}, stopping`);
    await engine.stop();
    console.log(JSON.stringify({ rows: cache.tableCounts(), health: engine.health() }, null, 2));
    cache.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(`sync: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
