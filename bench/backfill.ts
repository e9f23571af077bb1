/**
 * Backfill throughput: 1,000,000 events through the cache's write path, page by page, each
 * page validated with the contract's schema (as the sync engine does) and committed with its
 * cursor in one transaction, the read model's tallies included (src/core/readModel/schema/bulkTallies.ts).
 * Prints rows/s (target ≥ 100,000) and the database size.
 *
 *   node --import tsx bench/backfill.ts [--events N] [--page N] [--keep] [--without-readmodel]
 *
 * --page defaults to the sync engine's page limit (5000); `--page 1000` shows the old default.
 *
 * --without-readmodel leaves out the read model's schema part (its event tallies, their triggers
 * and its index on events (town_code, reported_at)): the cost of the cache's own tables alone.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FEED_LIMIT_MAX, eventSchema, type DistrictEvent } from '../src/shared/contract';
import { FULL_CHECK_MAX_BYTES, openCache } from '../src/core/cache';
import { generateSyntheticEvents } from '../src/shared/contract/testing/syntheticEvents';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const total = arg('events', 1_000_000);
// Pages as the sync engine asks for them by default (engine.ts: FEED_LIMIT_MAX, the API's backfill size).
const pageSize = arg('page', FEED_LIMIT_MAX);
const dir = mkdtempSync(join(tmpdir(), 'bench-backfill-'));
const path = join(dir, 'cache.db');
const withoutReadModel = process.argv.includes('--without-readmodel');
// The read model's schema part (its tallies, triggers, index) or the cache's own tables alone.
const openOptions = withoutReadModel ? { schema: null } : {};
const cache = openCache(path, openOptions);

// Wall time and CPU time per phase: on a shared machine wall time also counts other processes'
// turns on the CPU; CPU time is what this process itself spent.
let validateMs = 0;
let writeMs = 0;
let validateCpuMs = 0;
let writeCpuMs = 0;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
let page: unknown[] = [];
let pages = 0;
const gen = generateSyntheticEvents(total, { seed: 42 });

function flush(): void {
  if (page.length === 0) return;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const valid: DistrictEvent[] = [];
  for (const item of page) {
    const r = eventSchema.safeParse(item);
    if (!r.success) throw new Error(`synthetic event failed validation: ${r.error.message}`);
    valid.push(r.data);
  }
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  cache.applyFeedPage('bench', 'events', valid, [], `cursor-${++pages}`);
  writeMs += performance.now() - t1;
  writeCpuMs += cpuMs(process.cpuUsage(c1));
  validateMs += t1 - t0;
  validateCpuMs += cpuMs(process.cpuUsage(c0)) - cpuMs(process.cpuUsage(c1));
  page = [];
}

const wall0 = performance.now();
for (const e of gen) {
  // As received over the wire: a plain JSON value, not the generator's object.
  page.push(JSON.parse(JSON.stringify(e)));
  if (page.length === pageSize) flush();
}
flush();
const wallMs = performance.now() - wall0;

cache.db.pragma('wal_checkpoint(TRUNCATE)');
const rows = cache.tableCounts().events;
const sizeOf = (p: string) => (existsSync(p) ? statSync(p).size : 0);
const bytes = sizeOf(path) + sizeOf(`${path}-wal`);
cache.close();
// What the integrity check on open costs a wall at start-up with a cache this size.
const reopen0 = performance.now();
openCache(path, openOptions).close();
const reopenMs = performance.now() - reopen0;
const check = bytes > FULL_CHECK_MAX_BYTES ? 'quick_check' : 'integrity_check';
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
if (rows !== total) throw new Error(`expected ${total} rows, found ${rows}`);

const perSec = (ms: number) => Math.round(rows / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en');
const endToEnd = perSec(validateMs + writeMs);
console.log(
  `backfill${withoutReadModel ? ' (cache tables only, no read-model tallies)' : ''}: ${fmt(rows)} events in ${pages} pages of ${pageSize} — ` +
    `validate+write ${fmt(endToEnd)} rows/s wall (${fmt(perSec(validateCpuMs + writeCpuMs))} rows/s of CPU), ` +
    `write alone ${fmt(perSec(writeMs))} rows/s wall (${fmt(perSec(writeCpuMs))} of CPU), ` +
    `DB ${(bytes / 1024 / 1024).toFixed(0)} MiB (${Math.round(bytes / rows)} B/row), reopen with ${check} ${Math.round(reopenMs)} ms; ` +
    `wall ${(wallMs / 1000).toFixed(1)} s incl. generation; load avg ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs` +
    ` [target ≥ 100,000 rows/s: ${endToEnd >= 100_000 ? 'met' : 'NOT met'}]`,
);
