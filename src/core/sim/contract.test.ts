import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEEDS,
  FEED_LIMIT_DEFAULT,
  FEED_NAMES,
  SNAPSHOTS,
  SNAPSHOT_NAMES,
  apiErrorSchema,
  describeIssues,
  eventSchema,
  feedPageSchema,
  metaSchema,
} from '../../shared/contract';
import { type RunningSimulator, startSimulator } from './index';
import { getJson, rawGet } from './testSupport';

/** The simulator against District API v1: every endpoint, every page, every error. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: new Date('2026-11-27T15:30:00+08:00'), live: false, seed: 42 });
});
afterAll(() => sim.stop());

describe('District API v1 contract', () => {
  it('GET /v1/meta describes the source and lists every feed and snapshot', async () => {
    const meta = metaSchema.parse(await getJson(`${sim.url}/v1/meta`));
    expect(meta.apiVersion).toBe('1');
    expect(meta.district).toEqual({ code: '330113', name: '临平区' });
    expect(meta.feeds).toEqual(FEED_NAMES);
    expect(meta.snapshots).toEqual(SNAPSHOT_NAMES);
    expect(meta.computesLevels).toBe(true);
  });

  it.each(SNAPSHOT_NAMES)('snapshot %s validates and carries an ETag', async (name) => {
    const res = await rawGet(`${sim.url}${SNAPSHOTS[name].path}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    const parsed = SNAPSHOTS[name].schema.safeParse(JSON.parse(res.body));
    expect(parsed.success ? 'valid' : describeIssues(parsed.error)).toBe('valid');
  });

  it.each(FEED_NAMES)('every page and record of feed %s validates', async (name) => {
    let cursor: string | null = null;
    let pages = 0;
    let previousCursor = -1;
    const ids = new Set<string>();
    for (;;) {
      const url: string = `${sim.url}${FEEDS[name].path}${cursor === null ? '' : `?cursor=${cursor}`}`;
      const res = await rawGet(url);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBeTruthy();
      const page = feedPageSchema.parse(JSON.parse(res.body));
      expect(page.items.length).toBeLessThanOrEqual(FEED_LIMIT_DEFAULT);
      for (const item of page.items) {
        const parsed = FEEDS[name].record.safeParse(item);
        if (!parsed.success) throw new Error(`${name} ${(item as { id?: string }).id}: ${describeIssues(parsed.error)}`);
        const id = (item as { id: string }).id;
        expect(ids.has(id), `duplicate id ${id} in one pass`).toBe(false);
        ids.add(id);
      }
      expect(Number(page.cursor)).toBeGreaterThan(previousCursor);
      previousCursor = Number(page.cursor);
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) break;
    }
    expect(ids.size).toBeGreaterThan(0);
    if (name === 'events') expect(pages).toBe(Math.ceil(ids.size / FEED_LIMIT_DEFAULT));
  });

  it('answers unknown paths, bad parameters and wrong methods with the one error shape', async () => {
    const cases: Array<[string, string, number, string, string | null]> = [
      ['GET', '/v1/nothing', 404, 'notFound', null],
      ['GET', '/v2/events', 404, 'notFound', null],
      ['GET', '/v1/events?cursor=abc', 400, 'badRequest', 'cursor'],
      ['GET', '/v1/events?cursor=-1', 400, 'badRequest', 'cursor'],
      ['GET', '/v1/events?limit=0', 400, 'badRequest', 'limit'],
      ['GET', '/v1/events?limit=5001', 400, 'badRequest', 'limit'],
      ['GET', '/v1/disputes?limit=1.5', 400, 'badRequest', 'limit'],
      ['POST', '/v1/kpis', 405, 'methodNotAllowed', null],
    ];
    for (const [method, path, status, code, parameter] of cases) {
      const res = await rawGet(`${sim.url}${path}`, {}, method);
      expect(res.status, `${method} ${path}`).toBe(status);
      const error = apiErrorSchema.parse(JSON.parse(res.body));
      expect(error.error.code).toBe(code);
      if (parameter) {
        expect(error.error.message.startsWith(`${parameter}:`)).toBe(true);
        expect(error.error.details).toEqual({ parameter });
      }
    }
  });

  it('without levels (--no-levels), risk periods carry indicators only and meta says so', async () => {
    const bare = await startSimulator({ now: new Date('2026-11-27T15:30:00+08:00'), live: false, computeLevels: false });
    try {
      expect(metaSchema.parse(await getJson(`${bare.url}/v1/meta`)).computesLevels).toBe(false);
      const page = feedPageSchema.parse(await getJson(`${bare.url}/v1/risk/periods?limit=5000`));
      expect(page.items.length).toBeGreaterThan(100);
      for (const p of page.items as Array<Record<string, unknown>>) {
        expect(FEEDS.riskPeriods.record.safeParse(p).success).toBe(true);
        expect(p).not.toHaveProperty('level');
        expect(p).not.toHaveProperty('compositeScore');
        expect(p).not.toHaveProperty('dimensionScores');
      }
    } finally {
      await bare.stop();
    }
  });

  it('answers a request it cannot parse as HTTP with the error shape too', async () => {
    const { connect } = await import('node:net');
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(sim.port, '127.0.0.1', () => socket.write('GARBAGE\r\n\r\n'));
      let text = '';
      socket.on('data', (c) => (text += String(c)));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply.startsWith('HTTP/1.1 400 Bad Request')).toBe(true);
    expect(apiErrorSchema.parse(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).error.code).toBe('badRequest');
  });

  it('a schema-invalid record is rejected with a message naming the field', async () => {
    const page = feedPageSchema.parse(await getJson(`${sim.url}/v1/events?limit=1`));
    const event = page.items[0] as Record<string, unknown>;
    expect(eventSchema.safeParse(event).success).toBe(true);

    const badTown = eventSchema.safeParse({ ...event, townCode: '33011' });
    expect(badTown.success).toBe(false);
    expect(describeIssues(badTown.error!)).toMatch(/^townCode: /);

    const backwards = eventSchema.safeParse({ ...event, acceptedAt: '2020-01-01T00:00:00+08:00', reportedAt: '2020-01-02T00:00:00+08:00' });
    expect(backwards.success).toBe(false);
    expect(describeIssues(backwards.error!)).toContain('acceptedAt');

    const noOffset = eventSchema.safeParse({ ...event, updatedAt: '2026-11-27 15:30' });
    expect(describeIssues(noOffset.error!)).toMatch(/^updatedAt: /);
  });
});
