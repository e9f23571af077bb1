import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS, FEED_NAMES, SNAPSHOT_NAMES, SNAPSHOTS, feedPageSchema, kpisSchema } from '../../shared/contract';
import { type RunningSimulator, startSimulator } from './index';
import { getJson, rawGet } from './testSupport';

/** Cursor, ETag and 304 semantics: what the sync engine's incremental polls rely on. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: new Date('2026-11-27T15:30:00+08:00'), live: false });
});
afterAll(() => sim.stop());

const page = async (path: string) => feedPageSchema.parse(await getJson(`${sim.url}${path}`));
const ids = (items: unknown[]) => items.map((i) => (i as { id: string }).id);

describe('feed cursors', () => {
  it('small pages concatenate to the same records, in the same order, as one big page', async () => {
    const big = await page('/v1/personnel?limit=300');
    const small: unknown[] = [];
    let cursor = '0';
    for (let i = 0; i < 10; i++) {
      const p = await page(`/v1/personnel?cursor=${cursor}&limit=30`);
      expect(p.items).toHaveLength(30);
      expect(p.hasMore).toBe(true);
      small.push(...p.items);
      cursor = p.cursor;
    }
    expect(ids(small)).toEqual(ids(big.items));
    expect(cursor).toBe(big.cursor);
  });

  it('a cursor at the end gives an empty page that keeps the cursor', async () => {
    let p = await page('/v1/warnings?limit=5000');
    expect(p.hasMore).toBe(false);
    const end = p.cursor;
    p = await page(`/v1/warnings?cursor=${end}`);
    expect(p).toEqual({ items: [], cursor: end, hasMore: false });
    // Beyond the end too (e.g. a cursor kept across a restart): empty, cursor unchanged.
    p = await page('/v1/warnings?cursor=999999999');
    expect(p).toEqual({ items: [], cursor: '999999999', hasMore: false });
  });

  it('an update re-sends the record after the cursor, once, with its new content', async () => {
    const all = await page('/v1/disputes?limit=5000');
    expect(all.hasMore).toBe(false);
    const first = all.items[0] as Record<string, unknown>;
    sim.inject('disputes', { ...first, status: 'referred', resolvedAt: null, resolvedAtSource: false, updatedAt: '2026-11-27T15:31:00+08:00' });
    sim.inject('disputes', { ...first, status: 'failed', resolvedAt: null, resolvedAtSource: false, updatedAt: '2026-11-27T15:32:00+08:00' });
    const after = await page(`/v1/disputes?cursor=${all.cursor}`);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ id: first.id, status: 'failed' });
    expect(Number(after.cursor)).toBe(Number(all.cursor) + 2);
    // Read from the start, the record appears once, at its new place (the end).
    const again = await page('/v1/disputes?limit=5000');
    expect(again.items).toHaveLength(all.items.length);
    expect((again.items.at(-1) as { id: string }).id).toBe(first.id);
  });
});

describe('ETags and 304', () => {
  it('an idle poll of every feed and snapshot is all 304', async () => {
    const paths = [
      ...FEED_NAMES.map((f) => `${FEEDS[f].path}?cursor=0&limit=50`),
      ...FEED_NAMES.map((f) => FEEDS[f].path),
      ...SNAPSHOT_NAMES.map((s) => SNAPSHOTS[s].path),
    ];
    for (const path of paths) {
      const first = await rawGet(`${sim.url}${path}`);
      const etag = String(first.headers.etag);
      const second = await rawGet(`${sim.url}${path}`, { 'if-none-match': etag });
      expect(second.status, path).toBe(304);
      expect(second.body).toBe('');
      expect(second.headers.etag).toBe(etag);
      // Weak comparison and lists are honoured; another tag is not a match.
      expect((await rawGet(`${sim.url}${path}`, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
      expect((await rawGet(`${sim.url}${path}`, { 'if-none-match': '"other"' })).status).toBe(200);
    }
  });

  it('a change after the cursor invalidates the feed ETag; the snapshot ETag follows its body', async () => {
    const end = (await page('/v1/events?limit=5000&cursor=15000')).cursor;
    const idle = await rawGet(`${sim.url}/v1/events?cursor=${end}`);
    const kpisBefore = await rawGet(`${sim.url}/v1/kpis`);
    const etag = String(idle.headers.etag);
    expect((await rawGet(`${sim.url}/v1/events?cursor=${end}`, { 'if-none-match': etag })).status).toBe(304);

    const event = JSON.parse(idle.body).items[0] ?? (await page('/v1/events?limit=1')).items[0];
    sim.inject('events', { ...event, id: 'SJ-TEST-0001', acceptedAt: event.reportedAt, acceptOverdue: true });
    const changed = await rawGet(`${sim.url}/v1/events?cursor=${end}`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(ids(JSON.parse(changed.body).items)).toEqual(['SJ-TEST-0001']);

    const kpisAfter = await rawGet(`${sim.url}/v1/kpis`, { 'if-none-match': String(kpisBefore.headers.etag) });
    expect(kpisAfter.status).toBe(200);
    const kpis = kpisSchema.parse(JSON.parse(kpisAfter.body));
    expect(kpis.eventsAccepted).toBe(JSON.parse(kpisBefore.body).eventsAccepted + 1);
    // Still rounds to 0%: one overdue in 15,292.
    expect(kpis.acceptOverdueRatePct).toBe(0);
  });

  it('HEAD answers with the headers of GET and no body', async () => {
    const get = await rawGet(`${sim.url}/v1/divisions`);
    const head = await rawGet(`${sim.url}/v1/divisions`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
  });
});
