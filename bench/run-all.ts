/**
 * Runs benchmarks one after another (never in parallel: they would measure each other) and
 * streams what each prints. Figures go into docs/benchmarks.md by hand, with the date.
 *
 *   npm run build && npm run bench                 every benchmark
 *   npm run bench -- wall                           the wall-speed group (issue 14)
 *   npm run bench -- renderer-visual renderer-cpu   these, by file name
 */
import { spawnSync } from 'node:child_process';

const BENCHES: Array<{ file: string; args?: string[]; groups?: string[] }> = [
  { file: 'bench/backfill.ts' },
  { file: 'bench/connect-backfill.ts' },
  { file: 'bench/read-model.ts', args: ['--events', '1000000', '--runs', '200'] },
  { file: 'bench/idle-poll.ts' },
  { file: 'bench/core-host.ts', args: ['--runs', '30'] },
  { file: 'bench/hub-start.ts' },
  { file: 'bench/renderer-bundle.ts', groups: ['wall'] },
  { file: 'bench/renderer-visual.ts', groups: ['wall'] },
  { file: 'bench/renderer-switch.ts', groups: ['wall'] },
  { file: 'bench/renderer-cpu.ts', groups: ['wall'] },
  { file: 'bench/renderer-memory.ts', groups: ['wall'] },
  { file: 'bench/renderer-rss.ts', groups: ['wall'] },
];

const asked = process.argv.slice(2);
const name = (file: string) => file.replace(/^bench\//, '').replace(/\.ts$/, '');
const chosen = asked.length ? BENCHES.filter((b) => asked.some((a) => a === name(b.file) || b.groups?.includes(a))) : BENCHES;
if (!chosen.length) {
  console.error(`no benchmark named ${asked.join(', ')}; known: ${BENCHES.map((b) => name(b.file)).join(', ')}, group wall`);
  process.exit(2);
}

let failed = 0;
for (const { file, args = [] } of chosen) {
  console.log(`\n=== ${file} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`=== ${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed ? 1 : 0);
