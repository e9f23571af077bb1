/**
 * The sync engine against the real simulator: backfill and incremental sync, conditional
 * requests, change notices, the cache failing underneath it, a corrupt cache file, and tokens.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../shared/readModel';
import { openCache, type Cache } from '../cache';
import type { Logger } from '../log/logger';
import { startSimulator, EVENTS_ACCEPTED, type RunningSimulator } from '../sim';
import { createSyncEngine, type SyncEngine } from './engine';
import { backfillTemplate, cacheFromTemplate, freshEvents, SIM_NOW, tempDir, testSource, waitFor, removeTempDirs } from './testing/harness';

let sim: RunningSimulator;
let template: string;
const open: Array<{ cache: Cache; engine?: SyncEngine }> = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5, now: SIM_NOW, live: false });
  template = await backfillTemplate(sim.url, 500);
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});
afterEach(async () => {
  sim.clearFaults();
  for (const o of open.splice(0)) {
    await o.engine?.stop();
    o.cache.close();
  }
});

function recordingLogger() {
  const lines: string[] = [];
  const rec = (level: string) => (m: string, f?: Record<string, unknown>) => lines.push(`${level} ${m} ${f ? JSON.stringify(f) : ''}`);
  const logger: Logger = { info: rec('info'), warn: rec('warn'), error: rec('error') };
  return { lines, logger };
}

afterAll(removeTempDirs);

describe('backfill and incremental sync', () => {
  it('backfills every feed and snapshot, then fetches only what changed, then nothing (304)', async () => {
    const cache = openCache(join(tempDir(), 'c.db'));
    const notices: ChangeNotice[] = [];
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url, { timeoutMs: 10_000 })], pageLimit: 500, onChange: (n) => notices.push(n) });
    open.push({ cache, engine });

    const first = await engine.syncOnce();
    const byName = Object.fromEntries(first.sources[0].endpoints.map((e) => [e.name, e]));
    expect(Object.keys(byName).sort()).toEqual(
      ['meta', 'divisions', 'vocabulary', 'followers', 'kpis', 'riskPeriods', 'warnings', 'events', 'personnel', 'consultations', 'disputes'].sort(),
    );
    expect(Object.values(byName).every((e) => e.outcome === 'updated')).toBe(true);
    expect(byName.events.pages).toBeGreaterThan(1); // paged while hasMore
    expect(cache.tableCounts().towns).toBe(8);
    const accepted = () => cache.db.prepare('SELECT count(*) FROM events WHERE accepted_at IS NOT NULL').pluck().get();
    expect(accepted()).toBe(EVENTS_ACCEPTED);
    const total = cache.tableCounts().events;
    expect(first.health[0]).toMatchObject({ state: 'ok', lastError: null, consecutiveFailures: 0 });
    expect(notices.flatMap((n) => n.changed)).toEqual(expect.arrayContaining(['events', 'divisions', 'kpis', 'health']));

    const fresh = freshEvents(3);
    for (const e of fresh) sim.inject('events', e);
    notices.length = 0;
    const second = await engine.syncOnce();
    const events2 = second.sources[0].endpoints.find((e) => e.name === 'events')!;
    expect(events2).toMatchObject({ outcome: 'updated', pages: 1, stored: 3, changed: 3 });
    expect(cache.tableCounts().events).toBe(total + 3);
    expect(notices.flatMap((n) => n.changed)).toContain('events');
    expect(notices.flatMap((n) => n.changed)).not.toContain('divisions');

    // The tip has been seen once with its ETag: from now on every endpoint answers 304.
    await engine.syncOnce();
    const idle = await engine.syncOnce();
    expect(idle.sources[0].endpoints.map((e) => [e.name, e.outcome, e.pages])).toEqual(
      idle.sources[0].endpoints.map((e) => [e.name, 'unchanged', 0]),
    );
  });

  it('polls on its own interval and picks up new records without syncOnce', async () => {
    const cache = cacheFromTemplate(template);
    const notices: ChangeNotice[] = [];
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url, { intervalSec: 0.2 })], pageLimit: 500, onChange: (n) => notices.push(n) });
    open.push({ cache, engine });
    engine.start();
    const before = cache.tableCounts().events;
    for (const e of freshEvents(2)) sim.inject('events', e);
    await waitFor(() => cache.tableCounts().events >= before + 2, 3000, 'the new events');
    await waitFor(() => notices.some((n) => n.changed.includes('events')), 1000, 'an events notice');
    const h = engine.health()[0];
    expect(h.nextAttemptAt).not.toBeNull();
    expect(Date.parse(h.nextAttemptAt!)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('follows a base URL given with a trailing slash', async () => {
    const cache = cacheFromTemplate(template);
    const engine = createSyncEngine({ cache, sources: [testSource(`${sim.url}/`)], pageLimit: 500 });
    open.push({ cache, engine });
    const s = await engine.syncOnce();
    expect(s.sources[0].endpoints.filter((e) => e.outcome === 'failed')).toEqual([]);
  });
});

describe('retention', () => {
  it('runs from the poll loop, at most hourly, and keeps only the retention window', async () => {
    let clock = SIM_NOW.getTime();
    const cache = openCache(join(tempDir(), 'c.db'), { retentionDays: 30, now: () => clock });
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url, { timeoutMs: 10_000 })], pageLimit: 500 });
    open.push({ cache, engine });
    await engine.syncOnce();
    const cutoff = clock - 30 * 86_400_000;
    const old = () => cache.db.prepare('SELECT count(*) FROM events WHERE reported_at < ? AND updated_at < ?').pluck().get(cutoff, cutoff) as number;
    expect(old()).toBeGreaterThan(0); // the first poll's retention ran before the backfill; the next is an hour away
    clock += 2 * 3_600_000;
    await engine.syncOnce();
    expect(old()).toBe(0);
    expect(cache.tableCounts().events).toBeGreaterThan(0);
  });
});

describe('the cache failing underneath', () => {
  it('disk full: health says so, nothing throws, the data stays, and it recovers', async () => {
    const cache = cacheFromTemplate(template);
    const { lines, logger } = recordingLogger();
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url, { intervalSec: 0.2 })], pageLimit: 500, logger, backoff: { baseMs: 50, capMs: 200 } });
    open.push({ cache, engine });
    await engine.syncOnce();
    const before = cache.tableCounts().events;
    const pages = cache.db.pragma('page_count', { simple: true }) as number;
    cache.db.pragma(`max_page_count = ${pages}`);
    for (const e of freshEvents(300)) sim.inject('events', e);

    engine.start();
    const events = () => engine.health()[0].endpoints.find((e) => e.name === 'events')!;
    await waitFor(() => events().lastError === 'cache: disk full', 3000, 'disk full in health');
    expect(events().state).toBe('down');
    expect(engine.health()[0]).toMatchObject({ state: 'down', lastError: 'events: cache: disk full' });
    expect(cache.tableCounts().events).toBe(before);
    expect(lines.some((l) => l.includes('cache: disk full'))).toBe(true);

    cache.db.pragma('max_page_count = 1073741823');
    await waitFor(() => events().state === 'ok', 3000, 'recovery once there is room');
    expect(cache.tableCounts().events).toBe(before + 300);
  });

  it('read-only: every endpoint reports it; nothing throws', async () => {
    const cache = cacheFromTemplate(template);
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url)], pageLimit: 500 });
    open.push({ cache, engine });
    cache.db.pragma('query_only = ON');
    const s = await engine.syncOnce();
    expect(s.sources[0].endpoints.every((e) => e.outcome === 'failed' && e.error === 'cache: read-only')).toBe(true);
    expect(engine.health()[0].state).toBe('down');
  });

  it('a corrupt cache file is moved aside, rebuilt by the next sync, and the app keeps going', async () => {
    const path = join(tempDir(), 'c.db');
    writeFileSync(path, Buffer.alloc(32 * 1024, 0x5a));
    const { lines, logger } = recordingLogger();
    const cache = openCache(path, { logger });
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url, { timeoutMs: 10_000 })], pageLimit: 500, logger });
    open.push({ cache, engine });
    expect(cache.rebuiltFrom).toMatch(/c\.db\.corrupt-/);
    expect(lines.filter((l) => l.includes('unusable'))).toHaveLength(1);
    await engine.syncOnce();
    expect(cache.tableCounts().events).toBeGreaterThanOrEqual(EVENTS_ACCEPTED);
    expect(engine.health()[0].state).toBe('ok');
  });
});

describe('tokens', () => {
  const TOKEN = 'tok-SECRET-5f1d2c9a77e3';

  it('sends the bearer token but never logs it or puts it in health', async () => {
    process.env.COCKPIT_TEST_TOKEN = TOKEN;
    const cache = cacheFromTemplate(template);
    const { lines, logger } = recordingLogger();
    const sent: string[] = [];
    // The real fetch, watched; for kpis it fails the way a careless library might: echoing the header.
    const fetchImpl: typeof fetch = async (input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      sent.push(auth);
      if (String(input).includes('/v1/kpis')) throw new Error(`request failed with headers authorization=${auth}`);
      return fetch(input, init);
    };
    const engine = createSyncEngine({
      cache,
      sources: [testSource(sim.url, { tokenEnv: 'COCKPIT_TEST_TOKEN' })],
      pageLimit: 500,
      logger,
      fetchImpl,
    });
    open.push({ cache, engine });
    sim.setFault('events', { kind: 'http5xx' });
    await engine.syncOnce();
    await engine.syncOnce();
    await engine.syncOnce();

    expect(sent.length).toBeGreaterThan(10);
    expect(sent.every((h) => h === `Bearer ${TOKEN}`)).toBe(true);
    const kpis = engine.health()[0].endpoints.find((e) => e.name === 'kpis')!;
    expect(kpis.lastError).toContain('***');
    const everything = [
      lines.join('\n'),
      JSON.stringify(engine.health()),
      JSON.stringify(cache.db.prepare('SELECT * FROM source_health').all()),
      JSON.stringify(cache.db.prepare('SELECT * FROM endpoint_state').all()),
      JSON.stringify(cache.db.prepare('SELECT * FROM quarantine').all()),
    ].join('\n');
    expect(everything).toContain('HTTP 503'); // the errors are there…
    expect(everything).not.toContain(TOKEN); // …the token is not
    delete process.env.COCKPIT_TEST_TOKEN;
  });

  it('a missing token is a clear error, and no request goes out without it', async () => {
    delete process.env.COCKPIT_MISSING_TOKEN;
    const cache = cacheFromTemplate(template);
    let requests = 0;
    const fetchImpl: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const engine = createSyncEngine({ cache, sources: [testSource(sim.url, { tokenEnv: 'COCKPIT_MISSING_TOKEN' })], fetchImpl });
    open.push({ cache, engine });
    await engine.syncOnce();
    expect(requests).toBe(0);
    expect(engine.health()[0].endpoints[0].lastError).toBe('token: environment variable COCKPIT_MISSING_TOKEN is not set');
  });

  it('takes a token from the secret store', async () => {
    const cache = cacheFromTemplate(template);
    const sent: string[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      sent.push(new Headers(init?.headers).get('authorization') ?? '');
      return fetch(input, init);
    };
    const engine = createSyncEngine({
      cache,
      sources: [testSource(sim.url, { tokenSecret: 'district' })],
      resolveSecret: async (name) => (name === 'district' ? TOKEN : undefined),
      fetchImpl,
    });
    open.push({ cache, engine });
    await engine.syncOnce();
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([`Bearer ${TOKEN}`]));
  });
});
