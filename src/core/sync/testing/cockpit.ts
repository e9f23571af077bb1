/**
 * A whole cockpit (core + hub) syncing from a hostile server (./hostile.ts) in front of the real
 * simulator, for the hostile-source tests: what the "Done when" asks of each row —
 * /healthz answers within 200 ms throughout, CPU time under half a core over the window, the
 * last good figures stay, health names the endpoint and the reason, recovery within two
 * intervals with new records picked up.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../../shared/config';
import { FEED_NAMES, SNAPSHOT_NAMES } from '../../../shared/contract';
import type { SourceHealth } from '../../../shared/readModel';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import { createCore, type Core } from '../../core';
import { startHub, type Hub } from '../../hub';
import { silentLogger, type Logger } from '../../log/logger';
import { startSimulator, type RunningSimulator } from '../../sim';
import { startHostileServer, type HostileServer } from './hostile';
import { SIM_NOW, tempDir, waitFor } from './harness';

export const SOURCE_ID = 'district';
/** /v1/meta, every snapshot and every feed. */
const ENDPOINT_COUNT = 1 + SNAPSHOT_NAMES.length + FEED_NAMES.length;

export interface HostileCockpit {
  sim: RunningSimulator;
  hostile: HostileServer;
  core: Core;
  hub: Hub;
  intervalMs: number;
  /** The cache file (tests read it directly, read-only). */
  dbPath: string;
  query<K extends QueryName>(name: K, params?: QueryParams<K>): Promise<QueryResult<K>>;
  /** The source's health as the health query tells it (what the health screen shows). */
  health(): Promise<SourceHealth>;
  endpoint(name: string): Promise<SourceHealth['endpoints'][number]>;
  close(): Promise<void>;
}

export interface CockpitOptions {
  intervalSec?: number;
  maxBodyBytes?: number;
  headers?: Record<string, string>;
  tokenEnv?: string;
  logger?: Logger;
}

export async function startHostileCockpit(opts: CockpitOptions = {}): Promise<HostileCockpit> {
  const sim = await startSimulator({ port: 0, seed: 7, now: SIM_NOW, live: false });
  const hostile = await startHostileServer(sim.url);
  const dir = tempDir('hostile-');
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>cockpit</title>');
  const intervalSec = opts.intervalSec ?? 0.3;
  const core = await createCore({
    config: configSchema.parse({
      sources: [
        {
          id: SOURCE_ID,
          url: hostile.url,
          intervalSec,
          timeoutMs: 2000,
          maxBodyBytes: opts.maxBodyBytes ?? 8 * 1024 * 1024,
          headers: opts.headers ?? {},
          ...(opts.tokenEnv ? { tokenEnv: opts.tokenEnv } : {}),
        },
      ],
    }),
    dataDir: dir,
    logger: opts.logger ?? silentLogger,
  });
  const hub = await startHub({ core, staticDir, port: 0 });
  const query = async <K extends QueryName>(name: K, params?: QueryParams<K>) => core.query(name, (params ?? {}) as QueryParams<K>);
  const health = async (): Promise<SourceHealth> =>
    (await query('health')).sources.find((s) => s.sourceId === SOURCE_ID) ??
    ({ sourceId: SOURCE_ID, url: hostile.url, state: 'down', lastSuccessAt: null, lastAttemptAt: null, lastError: 'not in health yet', consecutiveFailures: 0, nextAttemptAt: null, endpoints: [] } satisfies SourceHealth);
  const cockpit: HostileCockpit = {
    sim,
    hostile,
    core,
    hub,
    intervalMs: intervalSec * 1000,
    dbPath: join(dir, 'cache.sqlite'),
    query,
    health,
    async endpoint(name) {
      const h = await health();
      const e = h.endpoints.find((x) => x.name === name);
      if (!e) throw new Error(`no endpoint ${name} in health: ${h.endpoints.map((x) => x.name).join(', ')}`);
      return e;
    },
    async close() {
      await hub.close();
      await core.close();
      await hostile.stop();
      await sim.stop();
    },
  };
  await core.start();
  await waitAllOk(cockpit, 60_000);
  // Warm up: every screen query once (the first answers compile and fill the read model's caches).
  for (const name of ['meta', 'overview', 'risk', 'events', 'consultation', 'map'] as const) await query(name);
  await new Promise((r) => setTimeout(r, 2 * cockpit.intervalMs));
  return cockpit;
}

/** Every endpoint ok, polled since `since` (ms epoch). */
export async function waitAllOk(c: HostileCockpit, timeoutMs: number, since = 0): Promise<void> {
  let last: SourceHealth;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    last = await c.health();
    if (last.endpoints.length === ENDPOINT_COUNT && last.endpoints.every((e) => e.state === 'ok' && Date.parse(e.lastSuccessAt ?? '') >= since)) return;
    if (performance.now() > deadline) {
      throw new Error(`not every endpoint ok within ${timeoutMs} ms: ${JSON.stringify(last.endpoints.filter((e) => e.state !== 'ok'))}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AttackWindow<T> {
  result: T;
  /** Slowest /healthz answer while `run` ran, ms. */
  maxHealthzMs: number;
  healthzProbes: number;
  /** CPU time of this whole process (cockpit, hostile server, simulator, test) over wall time, cores. */
  cpuCores: number;
  wallMs: number;
}

/**
 * Runs `run` while probing the hub's /healthz every 50 ms; measures the process's CPU time over
 * the window. The process holds the hostile server and the simulator too, so the figure is an
 * upper bound on the cockpit's own cost.
 */
export async function underAttack<T>(c: HostileCockpit, run: () => Promise<T>): Promise<AttackWindow<T>> {
  let maxHealthzMs = 0;
  let probes = 0;
  let done = false;
  const prober = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${c.hub.url}/healthz`);
      await res.arrayBuffer();
      maxHealthzMs = Math.max(maxHealthzMs, performance.now() - t0);
      probes += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const result = await run();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { result, maxHealthzMs, healthzProbes: probes, cpuCores: (cpu.user + cpu.system) / 1000 / wallMs, wallMs };
  } finally {
    done = true;
    await prober;
  }
}

/** Waits for an endpoint's health to satisfy `ok`. */
export async function waitEndpoint(
  c: HostileCockpit,
  name: string,
  ok: (e: SourceHealth['endpoints'][number]) => boolean,
  timeoutMs: number,
  what: string,
): Promise<SourceHealth['endpoints'][number]> {
  let last: SourceHealth['endpoints'][number];
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    last = await c.endpoint(name);
    if (ok(last)) return last;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${name} is ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export { waitFor };
