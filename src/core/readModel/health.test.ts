import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../cache';
import { freshnessOf } from './health';
import { createReadModel } from './index';
import { NOW, SOURCE, openTestCache } from './testing/fixtures';

describe('freshnessOf', () => {
  const at = (s: number) => NOW - s * 1000;
  it('is fresh within two poll intervals, then stale since last success + 2 intervals', () => {
    expect(freshnessOf('a', 'ok', at(59), 30, NOW)).toEqual({ sourceId: 'a', state: 'fresh', asOf: new Date(at(59)).toISOString(), staleSince: null });
    const stale = freshnessOf('a', 'degraded', at(100), 30, NOW);
    expect(stale.state).toBe('stale');
    expect(stale.staleSince).toBe(new Date(at(40)).toISOString());
  });
  it('is offline when the source is down, and stale when it never succeeded', () => {
    expect(freshnessOf('a', 'down', at(10), 30, NOW).state).toBe('offline');
    expect(freshnessOf('a', 'ok', null, 30, NOW)).toEqual({ sourceId: 'a', state: 'stale', asOf: null, staleSince: null });
  });
});

describe('health query', () => {
  let cache: Cache;
  beforeEach(() => {
    cache = openTestCache();
  });
  afterEach(() => cache.close());

  it('reports sources, endpoints, freshness from the configured interval and quarantine', () => {
    cache.applyFeedPage(SOURCE, 'events', [], [
      { recordId: 'bad1', reason: 'reportedAt: Invalid ISO datetime', payload: { id: 'bad1' } },
      { recordId: 'bad2', reason: 'type: Invalid option', payload: { id: 'bad2' } },
    ], 'c1');
    const h = (state: 'ok' | 'down', lastSuccessAt: number) => ({
      state,
      lastSuccessAt,
      lastAttemptAt: NOW - 5_000,
      lastError: state === 'ok' ? null : 'connect ECONNREFUSED',
      consecutiveFailures: state === 'ok' ? 0 : 3,
      nextAttemptAt: NOW + 25_000,
    });
    cache.saveHealth({ sourceId: SOURCE, url: 'http://127.0.0.1:9/', ...h('ok', NOW - 90_000) }, [
      { endpoint: 'events', ...h('ok', NOW - 90_000) },
    ]);
    cache.saveHealth({ sourceId: 'b', url: 'http://127.0.0.1:8/', ...h('down', NOW - 10_000) }, []);

    const m = createReadModel(cache.db, { now: () => NOW, intervalsSec: { [SOURCE]: 60 } }).query('health', {});
    expect(m.now).toBe(new Date(NOW).toISOString());
    expect(m.sources.map((s) => [s.sourceId, s.state, s.consecutiveFailures])).toEqual([
      ['b', 'down', 3],
      [SOURCE, 'ok', 0],
    ]);
    const test = m.sources.find((s) => s.sourceId === SOURCE)!;
    expect(test.endpoints.find((e) => e.name === 'events')).toMatchObject({ state: 'ok', quarantined: 2 });
    // 90 s ago with a 60 s interval: fresh (limit 120 s). 'b' is down: offline.
    expect(m.freshness.map((f) => [f.sourceId, f.state])).toEqual([
      ['b', 'offline'],
      [SOURCE, 'fresh'],
    ]);
    expect(m.quarantine).toEqual([
      { endpoint: `${SOURCE}/events`, count: 2, kept: 2, lastReason: 'type: Invalid option' },
    ]);
    expect(m.cache.schemaVersion).toBe(cache.schemaVersion);
    expect(m.cache.rebuiltFrom).toBeNull();

    // With the default 30 s interval the same success is 90 s old: stale since 60 s after it.
    const dflt = createReadModel(cache.db, { now: () => NOW, sourceIds: [SOURCE] }).query('health', {});
    expect(dflt.freshness).toEqual([
      { sourceId: SOURCE, state: 'stale', asOf: new Date(NOW - 90_000).toISOString(), staleSince: new Date(NOW - 30_000).toISOString() },
    ]);
    expect(dflt.quarantine[0].endpoint).toBe('events');
  });
});
