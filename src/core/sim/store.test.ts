import { describe, expect, it } from 'vitest';
import { FeedStore } from './store';

describe('FeedStore', () => {
  it('pages by change sequence; an update moves the record to the end, once', () => {
    const store = new FeedStore();
    for (let i = 1; i <= 5; i++) store.put(`r${i}`, { id: `r${i}`, v: 0 });
    store.put('r2', { id: 'r2', v: 1 });
    expect(store.lastSeq).toBe(6);
    expect(store.size).toBe(5);
    const first = store.page(0, 3);
    expect(first.items.map((j) => JSON.parse(j).id)).toEqual(['r1', 'r3', 'r4']);
    expect(first).toMatchObject({ cursor: 4, hasMore: true });
    const rest = store.page(first.cursor, 3);
    expect(rest.items.map((j) => JSON.parse(j))).toEqual([{ id: 'r5', v: 0 }, { id: 'r2', v: 1 }]);
    expect(rest).toMatchObject({ cursor: 6, hasMore: false });
    expect(store.page(6, 10)).toEqual({ items: [], cursor: 6, hasMore: false });
    expect([...store.values()].map((v) => (v as { id: string }).id)).toEqual(['r1', 'r3', 'r4', 'r5', 'r2']);
  });

  it('keeps pages intact through compaction of many updates', () => {
    const store = new FeedStore();
    for (let i = 0; i < 100; i++) store.put(`k${i}`, i);
    for (let round = 0; round < 250; round++) for (let i = 0; i < 100; i += 2) store.put(`k${i}`, round);
    const all: string[] = [];
    let cursor = 0;
    for (;;) {
      const page = store.page(cursor, 7);
      all.push(...page.items);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(all).toHaveLength(100);
    expect(cursor).toBe(store.lastSeq);
    expect(all.slice(-50).every((j) => j === '249')).toBe(true);
  });

  it('stores values JSON cannot represent as null, so pages stay valid JSON', () => {
    const store = new FeedStore();
    store.put('u', undefined);
    expect(JSON.parse(`[${store.page(0, 1).items.join(',')}]`)).toEqual([null]);
  });
});
