/**
 * Backfill speed of the mapped sources against the native contract path, in one run: the real
 * sync engine fills a fresh cache with N events (default 1,000,000) from
 *   native   a District API v1 service (contract pages of 5,000),
 *   mapped   the walkthrough's data-sharing gateway (docs/examples/gateway-source.json: signed
 *            requests, pages of 5,000 by page number, Chinese nested records mapped with JSONata),
 *   postgres a PostgreSQL view (the test server of src/core/sources/testing/postgres.ts),
 * and prints rows/s of each and the ratios. Target: mapped and postgres ≥ 0.5 × native.
 * The two HTTP services run in child processes (their serialising is not the cockpit's cost);
 * CPU time is the cockpit process's own.
 *
 *   node --import tsx bench/connect-backfill.ts [--events N] [--only native,mapped,postgres]
 */
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceConfigSchema, type SourceConfig } from '../src/shared/config';
import { FEED_LIMIT_MAX } from '../src/shared/contract';
import { generateSyntheticEvents } from '../src/shared/contract/testing/syntheticEvents';
import { openCache } from '../src/core/cache';
import { tempDir } from '../src/core/cache/testing/tempDir';
import { createSourceReader } from '../src/core/sources';
import { startTestPostgres } from '../src/core/sources/testing/postgres';
import { EVENTS_TABLE_SQL, fillEvents } from '../src/core/sources/testing/postgresEvents';
import { GATEWAY_PATH, toGatewayRecord } from '../src/core/sources/testing/gateway';
import { createSyncEngine } from '../src/core/sync';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const TOTAL = Number(arg('events', '1000000'));
const PAGE = FEED_LIMIT_MAX;
const SEED = 42;
const APP_SECRET = 'bench-gateway-secret-0123456789';
// Recent enough that the cache's retention (400 days) keeps every one: 1M × 30 s ≈ 347 days.
const START_MS = process.argv.includes('--start') ? Number(arg('start', '0')) : Math.floor(Date.now() / 86_400_000) * 86_400_000 - 360 * 86_400_000;

/** Page k of the synthetic history (generated on demand: a million records need not sit in memory). */
const pageOf = (offset: number, limit: number) => [...generateSyntheticEvents(Math.max(0, Math.min(limit, TOTAL - offset)), { seed: SEED, firstIndex: offset, startMs: START_MS })];

// ---- the services, in child processes --------------------------------------------------------
if (process.argv.includes('--serve')) {
  const kind = arg('serve', 'native');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    };
    if (kind === 'native') {
      // A service that serves the events feed only, as /v1/meta says.
      if (url.pathname === '/v1/meta') {
        return send({ apiVersion: '1', district: { code: '330113', name: '临平区' }, generatedAt: new Date().toISOString(), feeds: ['events'], snapshots: [], computesLevels: false });
      }
      const offset = Number(url.searchParams.get('cursor') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '1000');
      const items = pageOf(offset, limit);
      const next = offset + items.length;
      return send({ items, cursor: String(next), hasMore: next < TOTAL });
    }
    if (url.pathname !== GATEWAY_PATH) return send({ code: '40400' });
    const canonical = ['GET', url.pathname, [...url.searchParams.entries()].sort().map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'), req.headers['x-ca-key'], req.headers['x-ca-timestamp'], req.headers['x-ca-nonce']].join('\n');
    if (createHmac('sha256', APP_SECRET).update(canonical).digest('base64') !== req.headers['x-ca-signature']) {
      res.writeHead(401);
      return res.end('{"code":"40100"}');
    }
    const pageNo = Number(url.searchParams.get('pageNo'));
    const size = Number(url.searchParams.get('pageSize'));
    send({ code: '00000', msg: '成功', data: { total: TOTAL, pageNo, pageSize: size, rows: pageOf((pageNo - 1) * size, size).map(toGatewayRecord) } });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
} else {
  await main();
}

async function serve(kind: string): Promise<{ url: string; stop(): void }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, '--events', String(TOTAL), '--start', String(START_MS)], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

interface Run {
  name: string;
  rows: number;
  wallMs: number;
  cpuMs: number;
}

async function backfill(name: string, source: SourceConfig): Promise<Run> {
  const dir = tempDir(`bench-connect-${name}-`);
  const cache = openCache(join(dir, 'cache.db'));
  const engine = createSyncEngine({ cache, sources: [source], readerFor: createSourceReader });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const summary = await engine.syncOnce();
  const cpu = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  await engine.stop();
  const failed = summary.sources[0].endpoints.filter((e) => e.outcome === 'failed' || e.quarantined > 0);
  if (failed.length) throw new Error(`${name}: ${JSON.stringify(failed)}`);
  const rows = cache.tableCounts().events;
  cache.close();
  rmSync(dir, { recursive: true, force: true });
  if (rows !== TOTAL) throw new Error(`${name}: ${rows} events stored, expected ${TOTAL}: ${JSON.stringify(summary.sources[0].endpoints)}`);
  return { name, rows, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function main(): Promise<void> {
  const only = arg('only', 'native,mapped,postgres').split(',');
  const runs: Run[] = [];
  const print = (r: Run) =>
    console.log(`${r.name.padEnd(9)} ${r.rows} events: ${(r.rows / (r.wallMs / 1000)).toFixed(0)} rows/s wall (${(r.wallMs / 1000).toFixed(1)} s), ${(r.rows / (r.cpuMs / 1000)).toFixed(0)} rows/s of CPU`);

  if (only.includes('native')) {
    const native = await serve('native');
    try {
      runs.push(await backfill('native', sourceConfigSchema.parse({ id: 'native', url: native.url, timeoutMs: 120_000 })));
      print(runs.at(-1)!);
    } finally {
      native.stop();
    }
  }

  if (only.includes('mapped')) {
    const gateway = await serve('gateway');
    process.env.GATEWAY_APP_SECRET = APP_SECRET;
    const example = JSON.parse(readFileSync(join(import.meta.dirname, '../docs/examples/gateway-source.json'), 'utf8'));
    example.feeds.events.paging.size = PAGE;
    try {
      runs.push(await backfill('mapped', sourceConfigSchema.parse({ ...example, url: gateway.url, timeoutMs: 120_000 })));
      print(runs.at(-1)!);
    } finally {
      gateway.stop();
    }
  }

  if (only.includes('postgres')) {
    const db = await startTestPostgres();
    try {
      await db.sql(EVENTS_TABLE_SQL);
      const t0 = performance.now();
      await fillEvents(db, TOTAL);
      console.log(`postgres: ${TOTAL} rows loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (not measured)`);
      const source = sourceConfigSchema.parse({
        id: 'postgres',
        kind: 'postgres',
        host: db.host,
        port: db.port,
        database: db.database,
        user: db.user,
        pageRows: PAGE,
        timeoutMs: 120_000,
        feeds: { events: { query: 'cockpit_events', incremental: { column: 'updatedAt', key: 'id' } } },
      });
      runs.push(await backfill('postgres', source));
      print(runs.at(-1)!);
    } finally {
      await db.destroy();
    }
  }

  const native = runs.find((r) => r.name === 'native');
  if (native) {
    for (const r of runs.filter((x) => x !== native)) {
      const wall = native.wallMs / r.wallMs;
      const cpu = native.cpuMs / r.cpuMs;
      console.log(`${r.name} / native: ${wall.toFixed(2)} by wall time, ${cpu.toFixed(2)} by CPU time (target ≥ 0.50) — ${wall >= 0.5 ? 'met' : 'NOT met'}`);
    }
  }
  console.log(`load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`);
}
