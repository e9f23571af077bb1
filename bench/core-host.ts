/**
 * The core behind a process boundary, as the desktop app runs it: start-up to first answer,
 * query round trips across the boundary (structured clone both ways), and recovery after the
 * core is killed. Electron cannot launch here, so the core host runs as a Node child process
 * (src/main/supervise/nodeCoreHost.fixture.ts: the same serveCore and core, an IPC channel with
 * structured-clone serialization instead of a utility process's MessagePort), driven by the
 * app's own CoreSupervisor. Backoff is set to 1 ms so recovery time is the process's own.
 *
 *   node --import tsx bench/core-host.ts [--runs N]
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/core/log/logger';
import { CoreSupervisor, type CoreChild } from '../src/main/supervise/coreSupervisor';
import { configSchema } from '../src/shared/config';
import type { QueryName } from '../src/shared/queries';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 50;
const fixture = join(import.meta.dirname, '../src/main/supervise/nodeCoreHost.fixture.ts');
const dir = mkdtempSync(join(tmpdir(), 'bench-core-host-'));

let lastPid: number | undefined;
const fork1 = (): CoreChild => {
  const raw = fork(fixture, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  lastPid = raw.pid;
  return {
    get pid() {
      return raw.pid;
    },
    postMessage: (m) => void raw.send(m),
    kill: () => raw.kill(),
    on(event: string, listener: (...a: never[]) => void) {
      if (event === 'exit') raw.on('exit', (code, signal) => (listener as (c: number) => void)(code ?? 128 + (signal ? constants.signals[signal] : 0)));
      else raw.on(event, listener as () => void);
      return this;
    },
  } as CoreChild;
};

let linkUpAt = 0;
let onUp: (() => void) | null = null;
const supervisor = new CoreSupervisor({
  fork: fork1,
  dataDir: join(dir, 'data'),
  configDir: dir,
  logDir: join(dir, 'logs'),
  logger: silentLogger,
  startPayload: () => ({ config: configSchema.parse({}), secrets: {} }),
  onChange: () => {},
  onLink: (up) => {
    if (up) {
      linkUpAt = performance.now();
      onUp?.();
    }
  },
  backoff: { initialMs: 1, maxMs: 1, resetAfterMs: 1 },
  queryTimeoutMs: 120_000,
});
const waitUp = () => new Promise<void>((resolve) => (onUp = resolve));

const t0 = performance.now();
const up = waitUp();
supervisor.start();
await up;
console.log(`core-host: fork → ready ${(linkUpAt - t0).toFixed(0)} ms (simulated district, fresh cache)`);

// Let the first sync fill the cache so queries carry real payloads.
const deadline = Date.now() + 60_000;
while (Date.now() < deadline) {
  const meta = (await supervisor.client.query('meta', {})) as { towns: unknown[] };
  const overview = (await supervisor.client.query('overview', {})) as { towns: unknown[] };
  if (meta.towns.length > 0 && overview.towns.length > 0) break;
  await new Promise((r) => setTimeout(r, 250));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const screens: QueryName[] = ['overview', 'risk', 'events', 'consultation', 'health', 'meta'];
for (const name of screens) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const value = await supervisor.client.query(name, {});
    times.push(performance.now() - s);
    if (i === 0) bytes = JSON.stringify(value).length;
  }
  console.log(`core-host: query ${name.padEnd(12)} p50 ${pct(times, 50).toFixed(1)} ms  p95 ${pct(times, 95).toFixed(1)} ms  (${(bytes / 1024).toFixed(0)} KiB JSON)`);
}

// Recovery: kill the core, time until it answers again (backoff 1 ms).
const recoveries: number[] = [];
for (let i = 0; i < 3; i++) {
  const again = waitUp();
  const k = performance.now();
  process.kill(lastPid!, 'SIGKILL');
  await again;
  await supervisor.client.query('overview', {});
  recoveries.push(performance.now() - k);
}
console.log(`core-host: killed → answering again ${recoveries.map((r) => r.toFixed(0)).join(', ')} ms (3 kills; the app adds its backoff of 1 s, 2 s, 4 s …)`);

await supervisor.stop(10_000);
rmSync(dir, { recursive: true, force: true });
