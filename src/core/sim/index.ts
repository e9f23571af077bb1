import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedName } from '../../shared/contract';
import { LINPING } from './districts/linping';
import type { DistrictProfile } from './districts/types';
import { FaultTable, type FaultSpec } from './faults';
import { handleRequest } from './http';
import { rejectMalformedRequest } from './respond';
import { SimWorld } from './world';

export type { FaultKind, FaultSpec } from './faults';
export type { DistrictProfile } from './districts/types';
export { FAULT_ENDPOINTS, FAULT_KINDS, parseFaultFlag } from './faults';
export { HISTORY_DAYS } from './world';
export { LINPING } from './districts/linping';

/** The built-in district's 全程考核受理各类事件 figure: events accepted in the default history. */
export const EVENTS_ACCEPTED = LINPING.figures.eventsAccepted;

export interface SimulatorOptions {
  host?: string;
  /** 0 = ephemeral (default 7311 only in the CLI). */
  port?: number;
  seed?: number;
  /** End of the default history; default: current time. */
  now?: Date;
  /** Live time passes N× faster; default 1. */
  speed?: number;
  /** Generate live records on a timer; default true. */
  live?: boolean;
  /** Include dimensionScores/compositeScore/level in risk periods; default true. */
  computeLevels?: boolean;
  /** Endpoint name ('events', 'kpis', 'meta', '*', …) → fault at start. */
  faults?: Record<string, FaultSpec>;
  /** The district to simulate; default the built-in Linping profile. */
  profile?: DistrictProfile;
}

export interface RunningSimulator {
  url: string;
  port: number;
  setFault(endpoint: string, fault: FaultSpec | null): void;
  clearFaults(): void;
  /** Add or replace a record as given, WITHOUT validation (tests inject hostile strings and invalid records). */
  inject(feed: FeedName, record: unknown): void;
  /** Advance simulated live time by ms and generate what it brings (deterministic). */
  tick(ms: number): void;
  /** The simulated clock, ms: what "now" is in the district (tests tie a cockpit's clock to it). */
  now(): number;
  stop(): Promise<void>;
}

/** Real-time interval of the live clock; simulated time advances speed × this per beat. */
const LIVE_BEAT_MS = 200;

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const speed = opts.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number, got ${speed}`);
  const world = new SimWorld({
    seed: opts.seed ?? 42,
    now: (opts.now ?? new Date()).getTime(),
    computeLevels: opts.computeLevels ?? true,
    profile: opts.profile ?? LINPING,
  });
  const faults = new FaultTable();
  for (const [endpoint, fault] of Object.entries(opts.faults ?? {})) faults.set(endpoint, fault);
  const tick = (ms: number) => {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error(`tick: ms must be a non-negative number, got ${ms}`);
    world.advanceTo(world.now + ms);
  };

  const server = createServer((req, res) => handleRequest({ world, faults, tick }, req, res));
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_err, socket) => rejectMalformedRequest(socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  // Live: real elapsed time × speed drives the clock; tick() adds on top.
  let timer: NodeJS.Timeout | undefined;
  if (opts.live ?? true) {
    let last = performance.now();
    timer = setInterval(() => {
      const realNow = performance.now();
      tick((realNow - last) * speed);
      last = realNow;
    }, LIVE_BEAT_MS);
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    setFault: (endpoint, fault) => faults.set(endpoint, fault),
    clearFaults: () => faults.clear(),
    inject: (feed, record) => world.inject(feed, record),
    tick,
    now: () => world.now,
    // Idempotent: a second stop() waits for the first.
    stop: () =>
      (stopping ??= new Promise<void>((resolve, reject) => {
        if (timer) clearInterval(timer);
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })),
  };
}
