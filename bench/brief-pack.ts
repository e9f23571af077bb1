/**
 * The briefing pack's speed (issue 12 §3, target: a five-page pack in < 10 s on this machine):
 * the cover and the four pages of a past week, from a simulated district's cache, through
 * `npm run brief` itself (a fresh process each run: its core, its hub, its Chromium), and the
 * same in one process with Chromium already started (the presenter's button on a running hub).
 *
 *   npm run build && node --import tsx bench/brief-pack.ts [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configSchema } from '../src/shared/config';
import { createCore } from '../src/core/core';
import { startHub } from '../src/core/hub';
import { silentLogger } from '../src/core/log/logger';
import { makeBriefPack } from '../src/core/brief/pack';
import { closePackBrowser } from '../src/core/brief/render';
import { RENDERER_DIR } from '../e2e/fixtures/stack';

const TARGET_MS = 10_000;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dataDir = mkdtempSync(join(tmpdir(), 'bench-brief-'));
try {
  // A cache: the built-in simulated district, synced once, then left alone.
  const config = configSchema.parse({});
  let core = await createCore({ config, dataDir, logger: silentLogger });
  await core.start();
  for (const deadline = Date.now() + 120_000; ; ) {
    const meta = await core.query('meta', {});
    const health = await core.query('health', {});
    if (meta.weeks.length > 3 && health.sources.every((s) => s.lastSuccessAt)) break;
    if (Date.now() > deadline) throw new Error('the simulated district did not sync in time');
    await new Promise((r) => setTimeout(r, 500));
  }
  await core.close();
  core = await createCore({ config, dataDir, logger: silentLogger });
  const week = [...(await core.query('meta', {})).weeks].sort().at(-3)!;

  // In process, Chromium warm after the first (the hub's POST /api/brief).
  const hub = await startHub({ core, staticDir: RENDERER_DIR, port: 0, logger: silentLogger });
  const warm: number[] = [];
  const phases: Array<{ draw: number; pngs: number; pdf: number }> = [];
  let hash = '';
  for (let i = 0; i <= runs; i++) {
    const out = join(dataDir, `warm-${i}.pdf`);
    const pack = await makeBriefPack({ hubUrl: hub.url, ask: (n, p) => Promise.resolve(core.query(n, p)), week, pages: ['overview', 'risk', 'events', 'consultation'], out });
    if (i > 0) {
      warm.push(pack.ms); // the first run starts Chromium
      phases.push(pack.phases);
    }
    if (hash && hash !== pack.model.figuresSha256) throw new Error('figures hash changed between runs on one cache');
    hash = pack.model.figuresSha256;
  }
  await closePackBrowser();
  await hub.close();
  await core.close();

  // The command, end to end (a new process: Node, the cache, a hub, Chromium, the PDF).
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(dataDir, `cli-${i}.pdf`);
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/core/cli/brief.ts', '--week', week, '--pages', 'overview,risk,events,consultation', '--out', out, '--data-dir', dataDir], { encoding: 'utf8' });
    cold.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`npm run brief failed: ${run.stderr}`);
    const printed = JSON.parse(run.stdout) as { figuresSha256: string; pages: number };
    if (printed.figuresSha256 !== hash) throw new Error(`npm run brief gave figures ${printed.figuresSha256.slice(0, 8)}, in process ${hash.slice(0, 8)}`);
    if (printed.pages !== 5) throw new Error(`expected 5 pages, got ${printed.pages}`);
    if (!readFileSync(out).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('not a PDF');
  }
  const report = (what: string, xs: number[]): boolean => {
    const m = median(xs);
    const ok = m < TARGET_MS;
    console.log(`${what}: median ${(m / 1000).toFixed(2)} s (runs ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} s), target < ${TARGET_MS / 1000} s: ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  };
  console.log(`five-page pack (cover + 4 pages), week ${week}, figures ${hash.slice(0, 8)} in every run`);
  const a = report('npm run brief (new process, cold Chromium)', cold);
  const b = report('in a running hub (POST /api/brief, warm Chromium)', warm);
  console.log(`  of which (medians): frames drawn ${(median(phases.map((p) => p.draw)) / 1000).toFixed(2)} s, four 3840×2160 PNGs ${(median(phases.map((p) => p.pngs)) / 1000).toFixed(2)} s, PDF ${(median(phases.map((p) => p.pdf)) / 1000).toFixed(2)} s`);
  process.exitCode = a && b ? 0 : 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
