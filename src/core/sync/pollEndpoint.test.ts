/**
 * Responses the simulator cannot produce, from a small real HTTP server: a page with the wrong
 * envelope, a declared body over the cap, a feed whose cursor does not advance. Each stores
 * nothing and leaves the cursor where it was.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../cache';
import { syntheticEvents } from '../../shared/contract/testing/syntheticEvents';
import { createDistrictApiReader } from './districtApiReader';
import { DATA_ENDPOINTS } from './endpoints';
import { pollEndpoint } from './pollEndpoint';
import { tempDir, testSource, removeTempDirs } from './testing/harness';

let server: Server;
let base: string;
let handler: (url: URL) => { status?: number; headers?: Record<string, string>; body: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    const out = handler(new URL(req.url ?? '/', 'http://x'));
    res.writeHead(out.status ?? 200, { 'content-type': 'application/json', ...out.headers });
    res.end(out.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const events = DATA_ENDPOINTS.find((e) => e.name === 'events')!;

function setup() {
  const cache = openCache(join(tempDir(), 'c.db'));
  cache.applyFeedPage('sim', 'events', syntheticEvents(3), [], 'good-cursor');
  const source = testSource(base);
  const ctx = { cache, source, reader: createDistrictApiReader(source), pageLimit: 100, signal: new AbortController().signal };
  return { cache, ctx };
}

afterAll(removeTempDirs);

describe('pollEndpoint rejects a response it cannot trust whole', () => {
  it('a page that does not match the feed envelope', async () => {
    const { cache, ctx } = setup();
    handler = () => ({ body: JSON.stringify({ records: syntheticEvents(2, { firstIndex: 10 }), next: 'x' }) });
    const r = await pollEndpoint(ctx, events);
    expect(r.outcome).toBe('failed');
    expect(r.error).toBe('page does not match the feed envelope: items: Invalid input: expected array, received undefined; cursor: Invalid input: expected string, received undefined; hasMore: Invalid input: expected boolean, received undefined');
    expect(cache.tableCounts().events).toBe(3);
    expect(cache.endpointState('sim', 'events')!.cursor).toBe('good-cursor');
    cache.close();
  });

  it('a declared body over maxBodyBytes, refused before reading it', async () => {
    const { cache, ctx } = setup();
    const page = JSON.stringify({ items: syntheticEvents(1200, { firstIndex: 10 }), cursor: 'c2', hasMore: false });
    handler = () => ({ body: page, headers: { 'content-length': String(Buffer.byteLength(page)) } });
    const r = await pollEndpoint(ctx, events);
    expect(Buffer.byteLength(page)).toBeGreaterThan(512 * 1024);
    expect(r.error).toBe(`body of ${Buffer.byteLength(page)} bytes is over the 524288-byte limit`);
    expect(cache.tableCounts().events).toBe(3);
    cache.close();
  });

  it('a feed that says hasMore but does not move its cursor (no endless loop)', async () => {
    const { cache, ctx } = setup();
    handler = () => ({ body: JSON.stringify({ items: [], cursor: 'good-cursor', hasMore: true }) });
    const r = await pollEndpoint(ctx, events);
    expect(r.error).toBe('feed said hasMore but its cursor did not advance');
    cache.close();
  });

  it('sends the stored cursor and the page limit', async () => {
    const { cache, ctx } = setup();
    const seen: string[] = [];
    handler = (url) => {
      seen.push(url.search);
      return { body: JSON.stringify({ items: [], cursor: 'good-cursor', hasMore: false }), headers: { etag: '"tip"' } };
    };
    expect((await pollEndpoint(ctx, events)).outcome).toBe('unchanged');
    expect(seen).toEqual(['?cursor=good-cursor&limit=100']);
    // An empty page at the tip leaves its ETag for the next poll's If-None-Match.
    expect(cache.endpointState('sim', 'events')!.etag).toBe('"tip"');
    cache.close();
  });
});
