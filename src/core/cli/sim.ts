/**
 * The simulated district as a standalone server:
 *   npm run sim -- --port 7311 --seed 42 [--speed N] [--now ISO] [--no-levels] [--no-live]
 *                  [--host 127.0.0.1] [--fault events=http5xx] [--fault kpis=latency:2000]
 * Prints its URL and runs until SIGINT/SIGTERM.
 */
import { type FaultSpec, parseFaultFlag, startSimulator } from '../sim';
import { LINPING } from '../sim/districts/linping';
import { parseCliArgs } from './args';

function fail(message: string): never {
  console.error(`sim: ${message}`);
  process.exit(2);
}

const USAGE = 'usage: npm run sim -- [--port 7311] [--seed 42] [--speed N] [--now ISO] [--no-levels] [--no-live] [--fault ENDPOINT=KIND[:N]]';

function parseCli(argv: string[]) {
  const values = parseCliArgs({
    argv,
    usage: USAGE,
    fail,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '7311' },
      seed: { type: 'string', default: '42' },
      speed: { type: 'string', default: '1' },
      now: { type: 'string' },
      'no-levels': { type: 'boolean', default: false },
      'no-live': { type: 'boolean', default: false },
      fault: { type: 'string', multiple: true, default: [] },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port '${values.port}': expected an integer 0–65535`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail(`--seed '${values.seed}': expected an integer`);
  const speed = Number(values.speed);
  if (!(speed > 0) || !Number.isFinite(speed)) fail(`--speed '${values.speed}': expected a positive number`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (Number.isNaN(now.getTime())) fail(`--now '${values.now}': expected an ISO time such as 2026-11-27T09:00:00+08:00`);
  }
  const faults: Record<string, FaultSpec> = {};
  for (const flag of values.fault) {
    try {
      const { endpoint, fault } = parseFaultFlag(flag);
      faults[endpoint] = fault;
    } catch (err) {
      fail((err as Error).message);
    }
  }
  return { host: values.host, port, seed, speed, now, computeLevels: !values['no-levels'], live: !values['no-live'], faults };
}

// A closed stdout (e.g. piped into `head`) must not take the server down.
process.stdout.on('error', () => {});

const options = parseCli(process.argv.slice(2));
let sim;
try {
  sim = await startSimulator(options);
} catch (err) {
  fail(`cannot start: ${(err as Error).message}`);
}
const faultList = Object.entries(options.faults).map(([e, f]) => `${e}=${f.kind}`).join(', ');
console.log(`District API v1 simulator (${LINPING.name}) listening on ${sim.url}`);
console.log(`seed ${options.seed}, speed ${options.speed}×, live ${options.live ? 'on' : 'off'}, levels ${options.computeLevels ? 'computed' : 'omitted'}${faultList ? `, faults: ${faultList}` : ''}`);

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`sim: ${signal}, stopping`);
  sim.stop().then(
    () => process.exit(0),
    (err: Error) => {
      console.error(`sim: stop failed: ${err.message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
