/**
 * Hub capacity (issue 13): how many wall browsers one hub serves when every wall receives one
 * change notice a second and refetches what it shows. The hub (with a real core syncing the
 * simulated district into a real cache) runs in this process; light wall clients (Node, not
 * browsers: SSE + the two queries a page refetches, see bench/lib/wallClients.ts) run in
 * another, so they do not share the hub's event loop. The notices come from this bench, one a
 * second, carrying the time they were sent; a client's latency is from then to both answers
 * received. Steps up the number of walls until p95 passes 500 ms, on the hub as `npm run serve`
 * runs it (identical answers within a second and before the next notice served from one
 * serialised copy, src/core/hub/answerCache.ts); then, in the same run, the same 200 walls on a
 * hub without that cache, for the comparison.
 * Target: ≥ 200 walls with change → client p95 < 500 ms.
 *
 *   node --import tsx bench/hub-capacity.ts [--steps 100,200,300,400,600,800] [--seconds 20] [--uncached 200]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { configSchema } from '../src/shared/config';
import { createCore } from '../src/core/core';
import { startHub, type HubCore } from '../src/core/hub';
import { silentLogger } from '../src/core/log/logger';
import { startSimulator } from '../src/core/sim';
import type { ChangeNotice } from '../src/shared/readModel';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const steps = arg('--steps', '100,200,300,400,600,800').split(',').map(Number);
const uncachedWalls = Number(arg('--uncached', '200'));
const seconds = Number(arg('--seconds', '20'));
const TARGET_WALLS = 200;
const TARGET_P95_MS = 500;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const dataDir = mkdtempSync(join(tmpdir(), 'bench-hub-capacity-'));
const sim = await startSimulator({ port: 0, seed: 42, speed: 1 });
// Polled once an hour after the first sync: the notices in this bench are the bench's own.
const config = configSchema.parse({ sources: [{ id: 'sim', url: sim.url, intervalSec: 3600 }] });
const core = await createCore({ config, dataDir, logger: silentLogger });
await core.start();
for (;;) {
  const meta = await core.query('meta', {});
  if (meta.towns.length && meta.weeks.length && (await core.query('overview', {})).events.accepted > 0) break;
  await new Promise((r) => setTimeout(r, 250));
}
const listeners = new Set<(n: ChangeNotice) => void>();
const hubCore: HubCore = {
  query: (name, params) => core.query(name, params),
  onChange: (l) => (listeners.add(l), () => listeners.delete(l)),
  health: () => core.health(),
  close: async () => {},
};
const hub = await startHub({ core: hubCore, staticDir: join(root, 'out/renderer'), port: 0, logger: silentLogger, maxStreams: 5000, answerCacheMs: 1000 });
const bare = await startHub({ core: hubCore, staticDir: join(root, 'out/renderer'), port: 0, logger: silentLogger, maxStreams: 5000 });
console.log(`hub ${hub.url}; ${seconds} notices per step (one a second); load average ${loadavg()[0].toFixed(2)}`);

interface StepResult { walls: number; p50: number; p95: number; max: number; missed: number; errors: number; cpuMsPerNotice: number }

async function step(url: string, walls: number, label: string): Promise<StepResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/lib/wallClients.ts'), url, String(walls), String(seconds + 8)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const it = lines[Symbol.asyncIterator]();
  const ready = JSON.parse((await it.next()).value as string) as { ready: number };
  await new Promise((r) => setTimeout(r, 1000));
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < seconds; i++) {
    const notice: ChangeNotice = { at: new Date().toISOString(), changed: ['events'] };
    for (const l of listeners) l(notice);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const cpu = process.cpuUsage(cpu0);
  const report = JSON.parse((await it.next()).value as string) as { latencies: number[]; errors: number; connected: number; notices: number[] };
  child.kill();
  const expected = ready.ready * seconds;
  const r: StepResult = {
    walls,
    p50: pct(report.latencies, 50),
    p95: pct(report.latencies, 95),
    max: Math.max(...report.latencies),
    missed: expected - report.latencies.length,
    errors: report.errors + (walls - ready.ready),
    cpuMsPerNotice: (cpu.user + cpu.system) / 1000 / seconds,
  };
  console.log(
    `${label}${String(walls).padStart(4)} walls: change → client p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms; missed ${r.missed}, errors ${r.errors}; hub CPU ${r.cpuMsPerNotice.toFixed(0)} ms per notice; load ${loadavg()[0].toFixed(2)}`,
  );
  await new Promise((done) => setTimeout(done, 2000));
  return r;
}

const results: StepResult[] = [];
for (const walls of steps) {
  const r = await step(hub.url, walls, 'hub as served: ');
  results.push(r);
  if (r.p95 >= TARGET_P95_MS || r.errors > 0 || r.missed > 0) break;
}
const uncached = uncachedWalls > 0 ? await step(bare.url, uncachedWalls, 'no answer cache: ') : null;
const held = results.filter((r) => r.p95 < TARGET_P95_MS && r.errors === 0 && r.missed === 0).at(-1)?.walls ?? 0;
const verdict = held >= TARGET_WALLS ? 'PASS' : 'FAIL';
if (uncached) {
  const cached = results.find((r) => r.walls === uncached.walls);
  if (cached) console.log(`\nat ${uncached.walls} walls, hub CPU per notice: ${cached.cpuMsPerNotice.toFixed(0)} ms with the answer cache, ${uncached.cpuMsPerNotice.toFixed(0)} ms without (${(uncached.cpuMsPerNotice / cached.cpuMsPerNotice).toFixed(1)}×)`);
}
console.log(`\nhub capacity: ${held} walls with change → client p95 < ${TARGET_P95_MS} ms (largest step held) — target ≥ ${TARGET_WALLS}: ${verdict}`);
await hub.close();
await bare.close();
await core.close();
await sim.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(verdict === 'PASS' ? 0 : 1);
