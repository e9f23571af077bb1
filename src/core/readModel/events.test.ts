import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../cache';
import { createReadModel } from './index';
import { EVENTS, NOW, SOURCE, event, fillScreens, openTestCache } from './testing/fixtures';

// Every expected figure below is worked out by hand from the six events in testing/fixtures.ts.
describe('events query', () => {
  let cache: Cache;
  beforeEach(() => {
    cache = openTestCache();
    fillScreens(cache);
  });
  afterEach(() => cache.close());

  const model = () => createReadModel(cache.db, { now: () => NOW }).query('events', {});

  it('counts the cumulative flow and the KPIs', () => {
    const m = model();
    expect(m.flow).toEqual({ reported: 6, accepted: 5, dispatched: 4, handled: 4, closed: 4, rated: 3 });
    expect(m.kpis).toEqual({
      accepted: 5,
      acceptOverdueRatePct: 20, // e2 of 5 accepted
      satisfactionRatePct: 67, // e1 satisfied + e6 basically, of 3 rated
      dispatchedPersonnel: 2, // p1, p2 (p3 inactive, p4 a grid worker)
      reportedToday: 2, // e1, e3 on 2026-11-20 Shanghai
      open: 2, // e3, e4
    });
    expect(m.overdue).toEqual({ accept: 1, handle: 1, openPastLimit: 1 });
  });

  it('gives nearest-rank percentiles of time to accept (min) and to close (h)', () => {
    const m = model();
    // accept minutes 1, 5, 10, 20, 30 → ranks 3, 5, 5
    expect(m.timeToAcceptMin).toEqual({ p50: 10, p90: 30, p95: 30, count: 5 });
    // close 2 h, 4 h, 6 h, 24 h → ranks 2, 4, 4
    expect(m.timeToCloseHours).toEqual({ p50: 4, p90: 24, p95: 24, count: 4 });
  });

  it('breaks down by type and by town, with the last 7 local days', () => {
    const m = model();
    expect(m.byType.slice(0, 4)).toEqual([
      { type: 'dispute', count: 2 },
      { type: 'rental', count: 2 },
      { type: 'environment', count: 1 },
      { type: 'other', count: 1 },
    ]);
    expect(m.byType).toHaveLength(10);
    expect(m.byTown.map((t) => [t.town.code, t.town.name, t.total, t.open, t.last7Days])).toEqual([
      ['330113001', '测试街道1', 3, 0, 3],
      ['330113002', '测试街道2', 2, 1, 1],
      ['330113003', '测试街道3', 1, 1, 0], // e4 on 11-10 is before 11-14
      ['330113004', '测试街道4', 0, 0, 0],
    ]);
  });

  it('lists the latest events and a 30-day daily series in local dates', () => {
    const m = model();
    expect(m.latest.map((e) => e.id)).toEqual(['e3', 'e1', 'e2', 'e6', 'e4', 'e5']);
    expect(m.latest[1]).toMatchObject({
      town: { code: '330113001', name: '测试街道1' },
      departments: ['司法所', '综治中心'],
      reportedAt: '2026-11-20T00:00:00.000Z',
      acceptOverdue: false,
    });
    expect(m.daily).toHaveLength(30);
    expect(m.daily[0].date).toBe('2026-10-22');
    const day = (d: string) => m.daily.find((x) => x.date === d);
    expect(day('2026-11-20')).toEqual({ date: '2026-11-20', reported: 2, closed: 1 });
    expect(day('2026-11-19')).toEqual({ date: '2026-11-19', reported: 1, closed: 1 });
    expect(day('2026-11-10')).toEqual({ date: '2026-11-10', reported: 1, closed: 0 });
    expect(m.daily.reduce((s, d) => s + d.reported, 0)).toBe(5); // e5 is October 1st
  });

  it('ranks active personnel by score', () => {
    expect(model().ranking.map((r) => [r.id, r.score, r.town.code])).toEqual([
      ['p1', 95, '330113001'],
      ['p4', 90, '330113003'],
      ['p2', 88, '330113002'],
    ]);
  });

  it('keeps the tallies equal to a recount through updates and retention deletes', () => {
    cache.close();
    cache = openTestCache(NOW, 30); // 30 days' retention: the cut-off is 2026-10-21 12:00
    fillScreens(cache);
    // e3 moves on to closed (re-sent with a later updatedAt); a stale copy of e1 is ignored.
    cache.applyFeedPage(SOURCE, 'events', [
      { ...EVENTS[2], status: 'closed', closedAt: '2026-11-20T11:10:00+08:00', handleOverdue: true, updatedAt: '2026-11-20T11:10:00+08:00' },
      { ...EVENTS[0], status: 'reported', updatedAt: '2026-11-01T00:00:00+08:00' },
    ], [], 'c2');
    let m = model();
    expect(m.flow).toEqual({ reported: 6, accepted: 5, dispatched: 5, handled: 5, closed: 5, rated: 3 });
    expect(m.kpis.open).toBe(1);
    expect(m.timeToCloseHours.count).toBe(5);
    expect(m.daily.find((d) => d.date === '2026-11-20')).toEqual({ date: '2026-11-20', reported: 2, closed: 2 });
    // Retention drops e5 (reported and last updated in early October).
    expect(cache.runRetention({ force: true })?.deleted.events).toBe(1);
    m = model();
    expect(m.flow.reported).toBe(5);
    // accept minutes 1, 5, 10, 20 → ranks 2, 4, 4
    expect(m.timeToAcceptMin).toEqual({ p50: 5, p90: 20, p95: 20, count: 4 });
    const recount = cache.db
      .prepare(`SELECT type, status, count(*) AS n FROM events GROUP BY type, status ORDER BY type, status`)
      .all();
    const tally = cache.db
      .prepare(`SELECT type, status, sum(n) AS n FROM rm_event_tally GROUP BY type, status HAVING sum(n) > 0 ORDER BY type, status`)
      .all();
    expect(tally).toEqual(recount);
  });

  it('reads only the selected sources', () => {
    cache.applyFeedPage('other', 'events', [event('x1', { type: 'petition', townCode: '330113001', status: 'reported', reportedAt: '2026-11-20T10:00:00+08:00' })], [], 'c');
    expect(createReadModel(cache.db, { now: () => NOW }).query('events', {}).flow.reported).toBe(7);
    const only = createReadModel(cache.db, { now: () => NOW, sourceIds: [SOURCE] }).query('events', {});
    expect(only.flow.reported).toBe(6);
    expect(only.latest[0].id).toBe('e3');
    expect(createReadModel(cache.db, { now: () => NOW, sourceIds: ['other'] }).query('events', {}).kpis.reportedToday).toBe(1);
  });
});
