/**
 * Idle poll cost: CPU the sync engine spends on one poll cycle of a source when nothing changed
 * (every feed and snapshot answers 304 Not Modified). The simulator runs in its own process so
 * only the client's CPU is counted. Target: < 5 ms CPU per source per cycle.
 *
 *   node --import tsx bench/idle-poll.ts [--sources N] [--cycles N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openCache } from '../src/core/cache';
import { createSyncEngine } from '../src/core/sync';
import { sourceConfigSchema } from '../src/shared/config';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const sourceCount = arg('sources', 3);
const cycles = arg('cycles', 200);
const root = resolve(import.meta.dirname, '..');

const sim = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/core/cli/sim.ts'), '--port', '0', '--no-live', '--seed', '42'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((res, rej) => {
  let out = '';
  sim.stdout!.on('data', (c) => {
    out += c;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) res(m[1]);
  });
  sim.once('exit', (code) => rej(new Error(`simulator exited (${code}) before listening`)));
});

const dir = mkdtempSync(join(tmpdir(), 'bench-idle-'));
const cache = openCache(join(dir, 'cache.db'));
// The same simulator registered as several sources: each keeps its own rows, cursors and ETags.
const sources = Array.from({ length: sourceCount }, (_, i) => sourceConfigSchema.parse({ id: `src-${i + 1}`, url, timeoutMs: 30_000 }));
const engine = createSyncEngine({ cache, sources, pageLimit: 1000 });
try {
  await engine.syncOnce(); // backfill
  await engine.syncOnce(); // each feed's tip seen once: its ETag stored
  const warm = await engine.syncOnce();
  const requests = warm.sources.reduce((n, s) => n + s.endpoints.length, 0);
  const notIdle = warm.sources.flatMap((s) => s.endpoints.filter((e) => e.outcome !== 'unchanged').map((e) => `${s.sourceId}/${e.name}`));
  if (notIdle.length) throw new Error(`not idle: ${notIdle.join(', ')}`);
  for (let i = 0; i < 20; i++) await engine.syncOnce(); // JIT warm-up

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < cycles; i++) await engine.syncOnce();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const perSource = cpuMs / cycles / sourceCount;
  console.log(
    `idle-poll: ${perSource.toFixed(2)} ms CPU per source per cycle (${requests / sourceCount} requests, all 304; ` +
      `user ${(cpu.user / 1000 / cycles / sourceCount).toFixed(2)} + system ${(cpu.system / 1000 / cycles / sourceCount).toFixed(2)} ms; ` +
      `${sourceCount} sources × ${cycles} cycles, wall ${(wallMs / cycles).toFixed(1)} ms per cycle) [target < 5 ms: ${perSource < 5 ? 'met' : 'NOT met'}]`,
  );
} finally {
  cache.close();
  sim.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
