import { describe, expect, it } from 'vitest';
import { SourceHealthTracker } from './sourceHealth';

const fresh = () => new SourceHealthTracker('s1', 'http://127.0.0.1:1', ['meta', 'events', 'kpis'], { source: null, endpoints: [] }, 3);

describe('SourceHealthTracker', () => {
  it('starts degraded with "not synced yet" and becomes ok once every endpoint succeeded', () => {
    const h = fresh();
    expect(h.toPublic()).toMatchObject({ state: 'degraded', lastSuccessAt: null });
    h.recordSuccess('meta', 1000, { count: 0, reason: null }, null);
    h.recordSuccess('events', 1001, { count: 0, reason: null }, null);
    expect(h.sourceRow().lastSuccessAt).toBeNull();
    h.recordSuccess('kpis', 1002, { count: 0, reason: null }, 2002);
    expect(h.sourceRow()).toMatchObject({ state: 'ok', lastSuccessAt: 1002, lastError: null, nextAttemptAt: 2002 });
  });

  it('degrades on the first failure, goes down after three, and recovers', () => {
    const h = fresh();
    for (const n of ['meta', 'events', 'kpis']) h.recordSuccess(n, 1000, { count: 0, reason: null }, null);
    h.recordFailure('events', 2000, 'HTTP 503', 2500);
    expect(h.endpointRow('events')).toMatchObject({ state: 'degraded', consecutiveFailures: 1, lastError: 'HTTP 503' });
    expect(h.sourceRow()).toMatchObject({ state: 'degraded', lastError: 'events: HTTP 503', lastSuccessAt: 1000 });
    h.recordFailure('events', 3000, 'HTTP 503', null);
    h.recordFailure('events', 4000, 'HTTP 503', null);
    expect(h.endpointRow('events').state).toBe('down');
    expect(h.sourceRow().state).toBe('degraded'); // the others still work
    h.recordSuccess('events', 5000, { count: 0, reason: null }, null);
    expect(h.sourceRow()).toMatchObject({ state: 'ok', lastSuccessAt: 5000, consecutiveFailures: 0 });
  });

  it('is down when every endpoint is down, or at once when the cache fails', () => {
    const h = fresh();
    for (let i = 0; i < 3; i++) for (const n of ['meta', 'events', 'kpis']) h.recordFailure(n, i, 'network: ECONNREFUSED', null);
    expect(h.sourceRow().state).toBe('down');
    const c = fresh();
    c.recordFailure('kpis', 1, 'cache: disk full', null, true);
    expect(c.sourceRow()).toMatchObject({ state: 'down', lastError: 'kpis: cache: disk full' });
  });

  it('marks quarantine as degraded and counts it', () => {
    const h = fresh();
    h.recordSuccess('events', 1, { count: 2, reason: 'e1: townCode: bad' }, null);
    expect(h.endpointRow('events')).toMatchObject({ state: 'degraded', lastError: 'quarantined 2 invalid record(s): e1: townCode: bad' });
    h.recordSuccess('events', 2, { count: 0, reason: null }, null);
    expect(h.toPublic().endpoints.find((e) => e.name === 'events')).toMatchObject({ state: 'ok', quarantined: 2 });
  });

  it('leaves endpoints the source does not serve out of the picture', () => {
    const h = fresh();
    h.setActive(['meta', 'events']);
    h.recordSuccess('meta', 1, { count: 0, reason: null }, null);
    h.recordSuccess('events', 1, { count: 0, reason: null }, null);
    expect(h.toPublic().endpoints.map((e) => e.name)).toEqual(['meta', 'events']);
    expect(h.sourceRow().state).toBe('ok');
  });
});
