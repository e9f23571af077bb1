/**
 * Runs benchmarks one after another (never in parallel: they would measure each other) and
 * streams what each prints. Figures go into docs/benchmarks.md by hand, with the date.
 *
 *   npm run build && npm run bench                 every benchmark
 *   npm run bench -- wall                           the wall-speed group (issue 14)
 *   npm run bench -- renderer-visual renderer-cpu   these, by file name
 *   npm run bench -- wall --minutes 3 --switches 2000   options after the names go to every benchmark chosen
 *                                                   (each reads the ones it knows; see each file's header)
 *
 * The wall-speed benchmarks print each figure with its target and PASS/FAIL at 1920×1080 and
 * 7680×2160 (issue 14); by default with the windows (rotating CPU averaged over 10 min,
 * resident memory after 10,000 switches), about an hour and a half for the group.
 */
import { spawnSync } from 'node:child_process';

const BENCHES: Array<{ file: string; args?: string[]; groups?: string[] }> = [
  { file: 'bench/backfill.ts' },
  { file: 'bench/connect-backfill.ts' },
  { file: 'bench/read-model.ts', args: ['--events', '1000000', '--runs', '200'] },
  { file: 'bench/idle-poll.ts' },
  { file: 'bench/core-host.ts', args: ['--runs', '30'] },
  { file: 'bench/hub-start.ts' },
  { file: 'bench/brief-pack.ts' },
  { file: 'bench/hub-capacity.ts', groups: ['duty'] },
  { file: 'bench/renderer-bundle.ts', groups: ['wall'] },
  { file: 'bench/renderer-visual.ts', groups: ['wall'] },
  { file: 'bench/renderer-switch.ts', groups: ['wall'] },
  { file: 'bench/renderer-cpu.ts', groups: ['wall'] },
  { file: 'bench/renderer-memory.ts', groups: ['wall'] },
  { file: 'bench/renderer-memory.ts', args: ['--size', '7680x2160'], groups: ['wall'] },
  { file: 'bench/renderer-rss.ts', groups: ['wall'] },
  { file: 'bench/renderer-rss.ts', args: ['--size', '7680x2160'], groups: ['wall'] },
  { file: 'bench/lookback.ts', groups: ['wall'] },
];

const firstOption = process.argv.findIndex((a, i) => i >= 2 && a.startsWith('--'));
const asked = process.argv.slice(2, firstOption < 0 ? undefined : firstOption);
const passed = firstOption < 0 ? [] : process.argv.slice(firstOption);
const name = (file: string) => file.replace(/^bench\//, '').replace(/\.ts$/, '');
const chosen = asked.length ? BENCHES.filter((b) => asked.some((a) => a === name(b.file) || b.groups?.includes(a))) : BENCHES;
if (!chosen.length) {
  console.error(`no benchmark named ${asked.join(', ')}; known: ${BENCHES.map((b) => name(b.file)).join(', ')}, group wall`);
  process.exit(2);
}

let failed = 0;
for (const { file, args = [] } of chosen) {
  console.log(`\n=== ${file} ${[...args, ...passed].join(' ')}`);
  // A bench's own arguments win over passed ones (arg() reads the first occurrence).
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args, ...passed], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`=== ${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed ? 1 : 0);
