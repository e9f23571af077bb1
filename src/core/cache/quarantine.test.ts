import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boundedJson } from './boundedJson';
import { openCache, QUARANTINE_PER_ENDPOINT_MAX, QUARANTINE_TOTAL_MAX } from './index';
import { removeTempDirs, tempDir } from './testing/tempDir';

afterAll(removeTempDirs);

describe('quarantine bounds', () => {
  it('keeps the newest rows per endpoint and in all; the counts keep every record', () => {
    const cache = openCache(join(tempDir(), 'q.db'));
    try {
      const batch = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ recordId: `${tag}-${i}`, reason: 'bad', payload: { i } }));
      for (let e = 0; e < 12; e++) cache.quarantine('s', `endpoint${e}`, batch(1500, `e${e}`));
      const rows = (sql: string) => cache.db.prepare(sql).pluck().get() as number;
      expect(rows('SELECT count(*) FROM quarantine')).toBe(QUARANTINE_TOTAL_MAX);
      expect(rows(`SELECT count(*) FROM quarantine WHERE endpoint = 'endpoint11'`)).toBe(QUARANTINE_PER_ENDPOINT_MAX);
      // Oldest dropped: endpoint0's rows went first; endpoint11 kept its newest.
      expect(rows(`SELECT count(*) FROM quarantine WHERE endpoint = 'endpoint0'`)).toBe(0);
      expect(rows(`SELECT max(record_id = 'e11-1499') FROM quarantine`)).toBe(1);
      expect(cache.endpointState('s', 'endpoint0')!.quarantinedTotal).toBe(1500);
    } finally {
      cache.close();
    }
  });
});

describe('boundedJson', () => {
  it('writes JSON of ordinary values like JSON.stringify', () => {
    const v = { a: [1, 'x', null, true, { b: 'ü"' }], c: {}, d: [] };
    expect(boundedJson(v, 1000)).toBe(JSON.stringify(v));
  });

  it('writes any depth without overflowing the stack, cut at the limit', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(/call stack/);
    const text = boundedJson({ id: 'x', title: deep }, 4096);
    expect(text.length).toBe(4096);
    expect(text.startsWith('{"id":"x","title":[[[[')).toBe(true);
  });

  it('a huge array or object costs only what fits', () => {
    const wide = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(boundedJson(wide, 100)).toBe(JSON.stringify(wide).slice(0, 100));
  });
});
