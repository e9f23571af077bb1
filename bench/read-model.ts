/**
 * Read-model latency on a big cache: the simulated district (seed 42) synced over HTTP by the
 * real sync engine, plus 1,000,000 synthetic events written through the cache's own write path
 * (Cache.applyFeedPage in pages of 1000, tallies kept per page — src/core/readModel/schema/bulkTallies.ts —
 * while the live writes below go through the tally triggers; records come straight from
 * src/shared/contract/testing/syntheticEvents, not re-validated — bench/backfill.ts measures
 * validation). Then
 * every screen's queries together — overview + risk + events + consultation + town + health +
 * meta — N times, idle and with a live-sized write (20 new + 20 updated events) before each
 * round. Prints p50/p95 in ms (target: p95 < 50 ms for all screens together).
 *
 *   node --import tsx bench/read-model.ts [--events N] [--runs N] [--keep]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceConfigSchema } from '../src/shared/config';
import type { DistrictEvent } from '../src/shared/contract';
import { openCache } from '../src/core/cache';
import { startSimulator } from '../src/core/sim';
import { createSyncEngine } from '../src/core/sync';
import { createReadModel, SLOW_QUERY_MS, type ReadQueryName } from '../src/core/readModel';
import { generateSyntheticEvents, LINPING_TOWN_CODES } from '../src/shared/contract/testing/syntheticEvents';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const total = arg('events', 1_000_000);
const runs = arg('runs', 100);
const NOW = Date.parse('2026-11-20T04:00:00Z');
const SPACING_MS = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'bench-readmodel-'));
const path = join(dir, 'cache.db');
const cache = openCache(path, { now: () => NOW });

// 1. The simulated district, synced as the app does it.
const sim = await startSimulator({ port: 0, seed: 42, now: new Date(NOW), live: false });
const engine = createSyncEngine({ cache, sources: [sourceConfigSchema.parse({ id: 'sim', url: sim.url })], now: () => NOW });
let t0 = performance.now();
await engine.syncOnce();
await sim.stop();
console.log(`read-model: synced the simulator in ${((performance.now() - t0) / 1000).toFixed(1)} s`, cache.tableCounts());

// The read model exists before the sync writes, as in the app.
let slowLogs = 0;
const rm = createReadModel(cache.db, {
  now: () => NOW,
  dbPath: path,
  logger: { info() {}, warn: () => void slowLogs++, error() {} },
});

// 2. A million more events, ending at NOW, so "today", "last 7 days" and "last 30 days" are full.
const write = (events: DistrictEvent[], cursor: string) => cache.applyFeedPage('sim', 'events', events, [], cursor);
t0 = performance.now();
const fillCpu0 = process.cpuUsage();
let page: DistrictEvent[] = [];
let pages = 0;
for (const e of generateSyntheticEvents(total, { seed: 7, startMs: NOW - total * SPACING_MS, spacingMs: SPACING_MS, idPrefix: 'bench-' })) {
  page.push(e);
  if (page.length === 1000) {
    write(page, `bench-${++pages}`);
    page = [];
  }
}
if (page.length) write(page, `bench-${pages + 1}`);
const fillS = (performance.now() - t0) / 1000;
const fillCpu = process.cpuUsage(fillCpu0);
const fillCpuS = (fillCpu.user + fillCpu.system) / 1e6;
cache.db.pragma('wal_checkpoint(TRUNCATE)');
const counts = cache.tableCounts();
const tallyRows = cache.db.prepare('SELECT (SELECT count(*) FROM rm_event_tally) + (SELECT count(*) FROM rm_event_daily) + (SELECT count(*) FROM rm_event_accept_minutes) + (SELECT count(*) FROM rm_event_close_minutes)').pluck().get() as number;
// The figures below are only worth printing if the tallies count every event.
const tallied = cache.db.prepare('SELECT sum(n) FROM rm_event_tally').pluck().get() as number;
if (tallied !== counts.events) throw new Error(`tallies count ${tallied} events, the events table holds ${counts.events}`);
console.log(
  `read-model: wrote ${total.toLocaleString('en')} events in ${fillS.toFixed(1)} s wall, ${fillCpuS.toFixed(1)} s CPU ` +
    `(${Math.round(total / fillS).toLocaleString('en')} rows/s wall, ${Math.round(total / fillCpuS).toLocaleString('en')} rows/s CPU, incl. generation); ` +
    `events table ${counts.events.toLocaleString('en')} rows, tallies ${tallyRows.toLocaleString('en')} rows, DB ${(statSync(path).size / 1024 / 1024).toFixed(0)} MiB`,
);

// 3. The screens.
const SCREENS: ReadQueryName[] = ['overview', 'risk', 'events', 'consultation', 'town', 'health', 'meta'];
const perQuery = new Map<ReadQueryName, number[]>(SCREENS.map((q) => [q, []]));

const cpuMs: number[] = [];
function round(i: number): number {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (const q of SCREENS) {
    const q0 = performance.now();
    if (q === 'town') rm.query('town', { code: LINPING_TOWN_CODES[i % LINPING_TOWN_CODES.length] });
    else rm.query(q as Exclude<ReadQueryName, 'town'>, {});
    perQuery.get(q)!.push(performance.now() - q0);
  }
  const cpu = process.cpuUsage(cpu0);
  cpuMs.push((cpu.user + cpu.system) / 1000);
  return performance.now() - start;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;

const cold = round(0);
for (const xs of perQuery.values()) xs.length = 0;
cpuMs.length = 0;
const idle = Array.from({ length: runs }, (_, i) => round(i));
const idleCpu = [...cpuMs];
cpuMs.length = 0;
const idleDetail = SCREENS.map((q) => `${q} ${pct(perQuery.get(q)!, 0.5).toFixed(1)}/${pct(perQuery.get(q)!, 0.95).toFixed(1)}`).join(', ');

// A live poll's worth of writes between rounds: 20 new events and 20 moving a step on.
let next = total;
const live = Array.from({ length: runs }, (_, i) => {
  const fresh = [...generateSyntheticEvents(20, { seed: 9, startMs: NOW - 20 * SPACING_MS, spacingMs: SPACING_MS, idPrefix: 'live-', firstIndex: next })];
  next += 20;
  // Existing events spread over the whole history, re-sent with a newer copy (an upsert update).
  const moved = fresh.map((e, k) => ({
    ...e,
    id: `bench-${String(1 + (((i * 20 + k) * 997) % total)).padStart(9, '0')}`,
    updatedAt: new Date(NOW + 1 + i).toISOString(),
  }));
  write([...fresh, ...moved], `live-${i}`);
  return round(i);
});

const budget = (xs: number[]) => (pct(xs, 0.95) < 50 ? 'met' : 'NOT met');
console.log(`read-model: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs (wall times include waiting for the CPU)`);
console.log(`read-model: first round (risk history built) ${cold.toFixed(1)} ms`);
console.log(`read-model: all screens together, idle, ${runs} rounds: ${fmt(idle)} wall [target p95 < 50 ms: ${budget(idle)}]; CPU ${fmt(idleCpu)}`);
console.log(`read-model:   per query p50/p95 ms: ${idleDetail}`);
console.log(`read-model: all screens together after a 40-event write each round: ${fmt(live)} wall [target p95 < 50 ms: ${budget(live)}]; CPU ${fmt(cpuMs)}`);
console.log(`read-model: queries logged slow (> ${SLOW_QUERY_MS} ms): ${slowLogs}`);

cache.close();
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`read-model: kept ${path}`);
