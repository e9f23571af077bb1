/**
 * Runs every benchmark one after another (never in parallel: they would measure each other)
 * and streams what each prints. Figures go into docs/benchmarks.md by hand, with the date.
 *
 *   npm run build && npm run bench
 */
import { spawnSync } from 'node:child_process';

const BENCHES = [
  ['bench/backfill.ts'],
  ['bench/connect-backfill.ts'],
  ['bench/read-model.ts', '--events', '1000000', '--runs', '200'],
  ['bench/idle-poll.ts'],
  ['bench/core-host.ts', '--runs', '30'],
  ['bench/renderer-bundle.ts'],
  ['bench/renderer-memory.ts'],
];

let failed = 0;
for (const [file, ...args] of BENCHES) {
  console.log(`\n=== ${file} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`=== ${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed ? 1 : 0);
