/**
 * Every simulator fault, against the real simulator over HTTP: the last good data stays, health
 * shows the fault within about one poll interval, and sync recovers about one interval after the
 * fault is cleared. Intervals are 200 ms; bounds carry slack for a loaded CI machine.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type FaultSpec, type RunningSimulator } from '../sim';
import type { Cache } from '../cache';
import type { SourceHealth } from '../../shared/readModel';
import { createSyncEngine, type SyncEngine } from './engine';
import { backfillTemplate, cacheFromTemplate, freshEvents, SIM_NOW, testSource, waitFor, removeTempDirs } from './testing/harness';

const INTERVAL_MS = 200;
const TIMEOUT_MS = 400;
/** Scheduling slack on a shared 2-core machine. */
const SLACK_MS = 1500;
const PAGE_LIMIT = 200;

let sim: RunningSimulator;
let template: string;
let cache: Cache;
let engine: SyncEngine;
let notices: Array<{ changed: string[]; health: SourceHealth }> = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, now: SIM_NOW, live: false });
  template = await backfillTemplate(sim.url, PAGE_LIMIT);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

async function startEngine(): Promise<void> {
  cache = cacheFromTemplate(template);
  notices = [];
  engine = createSyncEngine({
    cache,
    sources: [testSource(sim.url)],
    pageLimit: PAGE_LIMIT,
    // The engine's default backoff: retries never wait longer than the poll interval.
    onChange: (n) => notices.push({ changed: n.changed, health: engine.health()[0] }),
  });
  const started = new Date().toISOString();
  engine.start();
  // Caught up: every endpoint polled successfully since the start (the template's health is older).
  await waitFor(
    () => engine.health()[0].endpoints.every((e) => e.state === 'ok' && (e.lastSuccessAt ?? '') >= started),
    5000,
    'the engine to catch up',
  );
}

afterEach(async () => {
  sim.clearFaults();
  await engine?.stop();
  cache?.close();
});

const endpoint = (name: string) => engine.health()[0].endpoints.find((e) => e.name === name)!;
const count = (table: string) => (cache.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

interface Case {
  kind: FaultSpec['kind'];
  spec: FaultSpec;
  error: RegExp;
}
const FAILING: Case[] = [
  { kind: 'latency', spec: { kind: 'latency', latencyMs: 1500 }, error: /^timeout after 400 ms$/ },
  { kind: 'http5xx', spec: { kind: 'http5xx', status: 503 }, error: /^HTTP 503.*unavailable/ },
  { kind: 'reset', spec: { kind: 'reset' }, error: /^network: / },
  { kind: 'malformed', spec: { kind: 'malformed' }, error: /^malformed JSON: / },
  { kind: 'truncated', spec: { kind: 'truncated' }, error: /^(truncated body|body interrupted)/ },
  { kind: 'slowDrip', spec: { kind: 'slowDrip', bytesPerSec: 200 }, error: /^timeout after 400 ms$/ },
  { kind: 'oversized', spec: { kind: 'oversized', oversizeBytes: 2 * 1024 * 1024 }, error: /over the 524288-byte limit/ },
];

afterAll(removeTempDirs);

describe('a failing feed (events) keeps its last good data and recovers', () => {
  for (const c of FAILING) {
    it(c.kind, async () => {
      await startEngine();
      const before = { events: count('events'), cursor: cache.endpointState('sim', 'events')!.cursor };
      const fresh = freshEvents(5);
      sim.setFault('events', c.spec);
      for (const e of fresh) sim.inject('events', e);

      const t0 = performance.now();
      await waitFor(() => endpoint('events').state !== 'ok', INTERVAL_MS + TIMEOUT_MS + SLACK_MS, `health to show ${c.kind}`);
      expect(performance.now() - t0).toBeLessThan(INTERVAL_MS + TIMEOUT_MS + SLACK_MS);
      expect(endpoint('events').lastError).toMatch(c.error);
      expect(engine.health()[0].lastError).toMatch(/^events: /);

      // Keep failing until it is 'down'; nothing from the bad responses was stored.
      await waitFor(() => endpoint('events').state === 'down', 10 * (INTERVAL_MS + TIMEOUT_MS) + SLACK_MS, 'the endpoint to go down');
      expect(count('events')).toBe(before.events);
      expect(cache.endpointState('sim', 'events')!.cursor).toBe(before.cursor);
      expect(endpoint('divisions').state).toBe('ok'); // the other endpoints are unaffected
      expect(cache.sourceHealth('sim')).toMatchObject({ state: 'degraded' }); // persisted too

      sim.setFault('events', null);
      const t1 = performance.now();
      await waitFor(() => endpoint('events').state === 'ok', INTERVAL_MS * 2 + SLACK_MS, 'recovery');
      expect(performance.now() - t1).toBeLessThan(INTERVAL_MS * 2 + SLACK_MS);
      expect(count('events')).toBe(before.events + 5);
      expect(endpoint('events').lastError).toBeNull();
      expect(engine.health()[0].state).toBe('ok');
    });
  }
});

describe('a failing snapshot (kpis) keeps the last good document', () => {
  for (const c of FAILING.filter((f) => ['http5xx', 'malformed', 'truncated', 'oversized'].includes(f.kind))) {
    it(c.kind, async () => {
      await startEngine();
      const good = cache.snapshot('sim', 'kpis');
      sim.setFault('kpis', c.spec);
      await waitFor(() => endpoint('kpis').state !== 'ok', INTERVAL_MS + TIMEOUT_MS + SLACK_MS, `health to show ${c.kind}`);
      expect(endpoint('kpis').lastError).toMatch(c.error);
      expect(cache.snapshot('sim', 'kpis')).toEqual(good);
      sim.setFault('kpis', null);
      await waitFor(() => endpoint('kpis').state === 'ok', INTERVAL_MS * 2 + SLACK_MS, 'recovery');
    });
  }
});

describe('invalid records are quarantined and counted, valid ones kept', () => {
  it('every record of a page invalid: all quarantined with their reasons', async () => {
    await startEngine();
    const before = count('events');
    sim.setFault('events', { kind: 'invalidRecords', invalidRatio: 1 });
    for (const e of freshEvents(6)) sim.inject('events', e);
    await waitFor(() => endpoint('events').quarantined === 6, INTERVAL_MS + SLACK_MS, 'six quarantined records');
    const degraded = notices.find((n) => n.health.endpoints.find((e) => e.name === 'events')?.state === 'degraded');
    expect(degraded?.health.endpoints.find((e) => e.name === 'events')?.lastError).toMatch(/^quarantined 6 invalid record\(s\): /);
    expect(count('events')).toBe(before);
    const reasons = cache.db.prepare(`SELECT reason FROM quarantine WHERE endpoint = 'events'`).pluck().all() as string[];
    expect(reasons).toHaveLength(6);
    // The simulator breaks updatedAt, townCode or drops the id, in turn.
    expect(reasons.some((r) => r.startsWith('updatedAt'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('townCode'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('id'))).toBe(true);
    expect(cache.endpointState('sim', 'events')!.quarantinedTotal).toBe(6);
    sim.setFault('events', null);
    await waitFor(() => endpoint('events').state === 'ok', INTERVAL_MS * 2 + SLACK_MS, 'recovery');
    expect(endpoint('events').quarantined).toBe(6);
  });

  it('a mixed page: the valid records are stored, the invalid ones quarantined, nothing lost', async () => {
    await startEngine();
    const before = count('events');
    sim.setFault('events', { kind: 'invalidRecords', invalidRatio: 0.5 });
    const fresh = freshEvents(40);
    for (const e of fresh) sim.inject('events', e);
    await waitFor(() => count('events') > before, INTERVAL_MS + SLACK_MS, 'the valid part of the page');
    await waitFor(() => count('events') - before + endpoint('events').quarantined === 40, INTERVAL_MS + SLACK_MS, 'all 40 accounted for');
    const quarantined = endpoint('events').quarantined;
    expect(quarantined).toBeGreaterThan(0);
    expect(quarantined).toBeLessThan(40);
    const storedIds = cache.db.prepare(`SELECT id FROM events WHERE id LIKE 'inj-%'`).pluck().all() as string[];
    const quarantinedIds = cache.db.prepare(`SELECT record_id FROM quarantine WHERE endpoint = 'events'`).pluck().all() as Array<string | null>;
    for (const id of quarantinedIds) if (id) expect(storedIds).not.toContain(id);
  });

  it('an invalid snapshot document is quarantined once and the good one stays', async () => {
    await startEngine();
    const good = cache.snapshot('sim', 'kpis');
    sim.setFault('kpis', { kind: 'invalidRecords' });
    await waitFor(() => endpoint('kpis').state !== 'ok', INTERVAL_MS + SLACK_MS, 'the invalid document');
    expect(endpoint('kpis').lastError).toMatch(/^invalid document: asOf: /);
    await waitFor(() => (cache.endpointState('sim', 'kpis')?.consecutiveFailures ?? 0) >= 3, 10 * INTERVAL_MS + SLACK_MS, 'repeated polls');
    expect(endpoint('kpis').quarantined).toBe(1);
    expect(cache.snapshot('sim', 'kpis')).toEqual(good);
    sim.setFault('kpis', null);
    await waitFor(() => endpoint('kpis').state === 'ok', INTERVAL_MS * 2 + SLACK_MS, 'recovery');
  });
});

describe('the whole source down', () => {
  it('every endpoint failing makes the source down; the cache is untouched', async () => {
    await startEngine();
    const counts = cache.tableCounts();
    sim.setFault('*', { kind: 'http5xx', status: 502 });
    await waitFor(() => engine.health()[0].state === 'down', 20 * INTERVAL_MS + SLACK_MS, 'the source to go down');
    const h = engine.health()[0];
    expect(h.consecutiveFailures).toBeGreaterThanOrEqual(3);
    expect(h.endpoints.every((e) => e.state === 'down' && e.lastError?.startsWith('HTTP 502'))).toBe(true);
    const { source_health: _s, endpoint_state: _e, ...data } = cache.tableCounts();
    const { source_health: _s2, endpoint_state: _e2, ...dataBefore } = counts;
    expect(data).toEqual(dataBefore);
    sim.clearFaults();
    await waitFor(() => engine.health()[0].state === 'ok', INTERVAL_MS * 2 + SLACK_MS, 'recovery');
    expect(notices.some((n) => n.changed.includes('health') && n.health.state === 'down')).toBe(true);
  });
});
