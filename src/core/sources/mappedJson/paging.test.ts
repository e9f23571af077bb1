/**
 * Every paging style and sign-in of mapped JSON sources against one small real API on
 * loopback that serves the same 230 personnel records in each style and checks credentials.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceConfigSchema } from '../../../shared/config';
import { openCache } from '../../cache';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';
import { createSyncEngine } from '../../sync';
import { createSourceReader } from '..';

const people = Array.from({ length: 230 }, (_, i) => ({
  uid: 1000 + i,
  xm: `人员${i}`,
  ts: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`,
}));
const requests: string[] = [];
let server: Server;
let base: string;
let other: Server;
let otherBase: string;

const CREDENTIALS: Record<string, string> = {
  '/bearer': 'Bearer tok-0123456789',
  '/basic': `Basic ${Buffer.from('cockpit:pw-0123456789').toString('base64')}`,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(`${url.pathname}${url.search}`);
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const want = CREDENTIALS[url.pathname] ?? (url.pathname === '/apikey' ? 'key-0123456789' : null);
    const given = url.pathname === '/apikey' ? req.headers['x-api-key'] : req.headers.authorization;
    if (want && given !== want) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'wrong credentials' } }));
    }
    const q = url.searchParams;
    switch (url.pathname) {
      case '/offset': {
        const off = Number(q.get('offset'));
        return send({ rows: people.slice(off, off + Number(q.get('limit'))) });
      }
      case '/cursor': {
        const from = Number(q.get('after') ?? '0');
        const rows = people.slice(from, from + 100);
        return send({ list: rows, next: rows.length ? String(from + rows.length) : '' });
      }
      case '/next': {
        const from = Number(q.get('from') ?? '0');
        const rows = people.slice(from, from + 100);
        return send({ data: rows, links: { next: from + 100 < people.length ? `/next?from=${from + 100}` : null } });
      }
      case '/escape':
        return send({ data: people.slice(0, 10), links: { next: `${otherBase}/next?from=10` } });
      case '/since': {
        const since = q.get('since');
        return send(people.filter((p) => !since || p.ts >= since));
      }
      default:
        return send(people.slice(0, 5));
    }
  });
  other = createServer((req, res) => {
    requests.push(`OTHER ${req.url} ${req.headers.authorization ?? ''}`);
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  process.env.PAGING_TOKEN = 'tok-0123456789';
  process.env.PAGING_PASSWORD = 'pw-0123456789';
  process.env.PAGING_KEY = 'key-0123456789';
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await new Promise<void>((r) => other.close(() => r()));
  removeTempDirs();
});

const FIELDS = {
  id: { from: 'uid', as: 'string' },
  name: 'xm',
  role: '"gridWorker"',
  townCode: '"330113001"',
  department: '"龙船坞社区"',
  registeredAt: { from: 'ts', as: 'time' },
  active: 'true',
  'metrics.eventsHandled': '0',
  'metrics.onTimeRate': '1',
  'metrics.satisfactionRate': '1',
  'metrics.patrolDays': '0',
  score: '80',
  updatedAt: { from: 'ts', as: 'time' },
};

async function sync(feed: Record<string, unknown>, auth: Record<string, unknown> = { type: 'none' }, polls = 1) {
  const source = sourceConfigSchema.parse({ id: 'api', kind: 'json', url: base, auth, feeds: { personnel: { fields: FIELDS, ...feed } } });
  const cache = openCache(join(tempDir(), 'c.db'));
  const engine = createSyncEngine({ cache, sources: [source], readerFor: createSourceReader });
  requests.length = 0;
  let last;
  for (let i = 0; i < polls; i++) last = (await engine.syncOnce()).sources[0].endpoints[0];
  const count = cache.tableCounts().personnel;
  const health = engine.health()[0];
  await engine.stop();
  cache.close();
  return { result: last!, count, requests: [...requests], health };
}

describe('paging styles', () => {
  it('offset/limit until a short page', async () => {
    const r = await sync({ path: '/offset', items: 'rows', paging: { style: 'offset', limit: 100 } });
    expect(r.count).toBe(230);
    expect(r.requests).toEqual(['/offset?offset=0&limit=100', '/offset?offset=100&limit=100', '/offset?offset=200&limit=100']);
  });

  it('a cursor the API names, kept across polls like the contract’s', async () => {
    const r = await sync({ path: '/cursor', items: 'list', paging: { style: 'cursor', cursorParam: 'after', next: 'next' } }, undefined, 2);
    expect(r.count).toBe(230);
    // The second poll resumes after the last record: one request, nothing new.
    expect(r.requests.slice(-1)).toEqual(['/cursor?after=230']);
    expect(r.result).toMatchObject({ outcome: 'unchanged', error: null });
  });

  it('next links, and never one that leaves the API’s origin', async () => {
    const r = await sync({ path: '/next', items: 'data', paging: { style: 'nextLink', next: 'links.next' } });
    expect(r.count).toBe(230);
    expect(r.requests).toEqual(['/next', '/next?from=100', '/next?from=200']);
    const escape = await sync({ path: '/escape', items: 'data', paging: { style: 'nextLink', next: 'links.next' } }, { type: 'bearer', token: { env: 'PAGING_TOKEN' } });
    expect(escape.result.error).toContain(`next link ${otherBase} is not on ${base}`);
    expect(escape.count).toBe(0);
    expect(escape.requests.some((x) => x.startsWith('OTHER'))).toBe(false);
  });

  it('incremental by updatedAt: the next poll asks from the largest time seen, in the API’s format', async () => {
    const r = await sync({ path: '/since', incremental: { by: 'updatedAt', param: 'since', format: 'local' } }, undefined, 2);
    expect(r.count).toBe(230);
    const newest = people.map((p) => p.ts).sort().at(-1)!;
    expect(newest).toBe('2026-11-28 09:55:00');
    expect(r.requests).toEqual(['/since', `/since?${new URLSearchParams({ since: newest })}`]);
  });
});

describe('sign-in', () => {
  for (const [path, auth] of [
    ['/bearer', { type: 'bearer', token: { env: 'PAGING_TOKEN' } }],
    ['/basic', { type: 'basic', username: 'cockpit', password: { env: 'PAGING_PASSWORD' } }],
    ['/apikey', { type: 'apiKey', header: 'X-Api-Key', key: { env: 'PAGING_KEY' } }],
  ] as const) {
    it(`${auth.type}: accepted with the right secret; refused, and said so without the secret, with a wrong one`, async () => {
      const ok = await sync({ path }, auth);
      expect(ok.count).toBe(5);
      const wrongEnv = `PAGING_WRONG_${auth.type.toUpperCase()}`;
      process.env[wrongEnv] = 'wrong-0123456789';
      const key = auth.type === 'bearer' ? 'token' : auth.type === 'basic' ? 'password' : 'key';
      const bad = await sync({ path }, { ...auth, [key]: { env: wrongEnv } });
      expect(bad.result.error).toBe('HTTP 401 Unauthorized: unauthorized: wrong credentials');
      const missing = await sync({ path }, { ...auth, [key]: { env: 'PAGING_NOT_SET' } });
      expect(missing.result.error).toBe(`auth.${key}: environment variable PAGING_NOT_SET is not set`);
      expect(JSON.stringify(bad.health)).not.toContain('wrong-0123456789');
    });
  }
});
