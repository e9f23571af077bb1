import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../cache';
import { createReadModel } from './index';
import { NOW, fillScreens, openTestCache } from './testing/fixtures';

// Figures worked out by hand from CONSULTATIONS, DISPUTES and followersDoc(51) in the fixtures.
describe('consultation query', () => {
  let cache: Cache;
  beforeEach(() => {
    cache = openTestCache();
    fillScreens(cache);
  });
  afterEach(() => cache.close());

  const model = () => createReadModel(cache.db, { now: () => NOW }).query('consultation', {});

  it('gives followers, sessions held and the success rate', () => {
    const m = model();
    expect(m.kpis).toEqual({ followers: 14_050, held: 3, successRatePct: 67, live: 1, upcoming: 1 });
    expect(m.followersSeries).toHaveLength(51);
    expect(m.followersSeries.at(-1)).toEqual({ date: '2026-11-20', followers: 14_050 });
    expect(m.byCategory.slice(0, 2)).toEqual([
      { category: 'wageArrears', held: 2, successRatePct: 100 },
      { category: 'neighbourDispute', held: 1, successRatePct: 0 },
    ]);
    expect(m.byCategory.find((c) => c.category === 'parking')).toEqual({ category: 'parking', held: 0, successRatePct: 0 });
  });

  it('lists live, upcoming and recent sessions', () => {
    const m = model();
    expect(m.live.map((c) => c.id)).toEqual(['c4']);
    expect(m.upcoming.map((c) => c.id)).toEqual(['c5']);
    expect(m.recent.map((c) => c.id)).toEqual(['c3', 'c2', 'c1']);
    expect(m.recent[1]).toMatchObject({
      town: { code: '330113002', name: '测试街道2' },
      outcome: 'notAgreed',
      experts: ['律师'],
      replayUrl: 'https://replay.example.org/c2',
    });
  });

  it('totals disputes resolved at source by level, category and town', () => {
    const d = model().disputes;
    expect(d).toMatchObject({ received: 4, resolved: 2, resolvedAtSource: 1, resolvedAtSourceRatePct: 25 });
    expect(d.byLevel).toEqual([
      { level: 'community', count: 2 },
      { level: 'townCentre', count: 1 },
      { level: 'districtCentre', count: 1 },
    ]);
    expect(d.byCategory[0]).toEqual({ category: 'neighbour', count: 2 });
    expect(d.byTown.map((t) => [t.town.code, t.received, t.resolvedAtSource])).toEqual([
      ['330113001', 2, 1],
      ['330113002', 1, 0],
      ['330113003', 1, 0],
      ['330113004', 0, 0],
    ]);
  });

  it('is empty, not failing, before the first sync', () => {
    const empty = openTestCache();
    const m = createReadModel(empty.db, { now: () => NOW }).query('consultation', {});
    expect(m.kpis).toEqual({ followers: 0, held: 0, successRatePct: 0, live: 0, upcoming: 0 });
    expect(m.asOf).toBeNull();
    empty.close();
  });
});
