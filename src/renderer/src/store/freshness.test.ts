import { describe, expect, it } from 'vitest';
import type { HealthModel } from '../../../shared/readModel';
import { deriveFreshness, useFreshness } from './freshness';

const NOW = Date.parse('2026-11-27T02:00:00Z');
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();

function health(over: { state?: 'fresh' | 'stale' | 'offline'; asOfAgo?: number; failures?: number } = {}): HealthModel {
  const asOf = iso(over.asOfAgo ?? 1_000);
  return {
    now: iso(0),
    sources: [
      {
        sourceId: 'sim',
        url: 'http://127.0.0.1:1',
        state: over.failures ? 'degraded' : 'ok',
        lastSuccessAt: asOf,
        lastAttemptAt: iso(0),
        lastError: over.failures ? 'connect ECONNREFUSED' : null,
        consecutiveFailures: over.failures ?? 0,
        nextAttemptAt: null,
        endpoints: [],
      },
    ],
    freshness: [{ sourceId: 'sim', state: over.state ?? 'fresh', asOf, staleSince: over.state && over.state !== 'fresh' ? asOf : null }],
    cache: { path: '/tmp/c', sizeBytes: 1, schemaVersion: 1, rebuiltFrom: null },
    quarantine: [],
  };
}

const base = { link: true, linkDownSince: null, pollIntervalSec: 5, now: NOW };

describe('deriveFreshness', () => {
  it('is fresh when the core says so and the link is up', () => {
    const f = deriveFreshness({ ...base, health: health() });
    expect(f.overall).toBe('fresh');
    expect(f.sources[0]).toMatchObject({ state: 'fresh', staleSince: null });
  });

  it('marks a source stale as soon as its latest poll failed, since its last good data', () => {
    const f = deriveFreshness({ ...base, health: health({ failures: 1, asOfAgo: 3_000 }) });
    expect(f.overall).toBe('stale');
    expect(f.sources[0].staleSince).toBe(iso(3_000));
  });

  it('marks everything stale when the link to the core is down, since it went down', () => {
    const f = deriveFreshness({ ...base, link: false, linkDownSince: NOW - 2_000, health: health() });
    expect(f.overall).toBe('stale');
    expect(f.staleSince).toBe(iso(2_000));
    expect(f.sources[0].state).toBe('stale');
  });

  it('does not trust a "fresh" older than two intervals (a hung core)', () => {
    const f = deriveFreshness({ ...base, health: health({ asOfAgo: 60_000 }) });
    expect(f.overall).toBe('stale');
  });

  it('keeps offline as the worst state', () => {
    const f = deriveFreshness({ ...base, link: false, linkDownSince: NOW, health: health({ state: 'offline' }) });
    expect(f.overall).toBe('offline');
  });

  it('never calls data current before the core has answered', () => {
    expect(deriveFreshness({ ...base, health: null }).overall).toBe('stale');
    expect(deriveFreshness({ ...base, link: false, health: null }).overall).toBe('offline');
  });
});

describe('the freshness store', () => {
  it('keeps its state when a judgement changes nothing, and takes a change', () => {
    const store = useFreshness;
    store.getState().update({ ...base, health: health() });
    const before = store.getState();
    store.getState().update({ ...base, now: NOW + 1_000, health: health() });
    expect(store.getState()).toBe(before);
    store.getState().update({ ...base, link: false, linkDownSince: NOW, health: health() });
    expect(store.getState()).not.toBe(before);
    expect(store.getState().overall).toBe('stale');
  });
});
