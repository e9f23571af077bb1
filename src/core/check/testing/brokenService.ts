/**
 * A District API service that breaks rules of the contract (one, or several at once), as a real HTTP server in front
 * of the simulator: for the conformance check's tests and the report in docs/connecting-data.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BROKEN_RULES = ['missing', 'schema', 'loop', 'goingBack', 'etag', 'timezone', 'size', 'errors'] as const;
export type BrokenRule = (typeof BROKEN_RULES)[number];

export interface BrokenService {
  url: string;
  close(): Promise<void>;
}

/** Shifts an ISO time by hours, written as UTC: what a service does when it labels Beijing time "Z". */
const asUtc = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

export async function startBrokenService(simUrl: string, broken: BrokenRule | BrokenRule[], port = 0): Promise<BrokenService> {
  const rules = new Set(Array.isArray(broken) ? broken : [broken]);
  const is = (r: BrokenRule) => rules.has(r);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    if (is('missing') && url.pathname === '/v1/personnel') return send(404, JSON.stringify({ error: { code: 'not_found', message: 'no such endpoint' } }));
    if (is('errors') && url.searchParams.get('cursor') === '!not-a-cursor!') {
      res.writeHead(500, { 'content-type': 'text/html' });
      return res.end('<html><body>Internal Server Error</body></html>');
    }
    // Pass the request on (without If-None-Match when ETags are what is broken).
    const headers: Record<string, string> = {};
    const inm = req.headers['if-none-match'];
    if (typeof inm === 'string' && !is('etag')) headers['if-none-match'] = inm;
    const cursor = url.searchParams.get('cursor');
    if (is('goingBack') && url.pathname === '/v1/disputes' && cursor && Number(cursor) > 3000) url.searchParams.set('cursor', '0');
    const upstream = await fetch(`${simUrl}${url.pathname}${url.search}`, { headers });
    const out: Record<string, string> = {};
    const etag = upstream.headers.get('etag');
    if (etag && !(is('etag') && url.pathname === '/v1/kpis')) out.etag = etag;
    if (upstream.status === 304) {
      res.writeHead(304, out);
      return res.end();
    }
    let text = await upstream.text();
    if (upstream.status === 200 && text.startsWith('{')) {
      const body = JSON.parse(text);
      if (is('schema') && url.pathname === '/v1/events' && Array.isArray(body.items) && body.items.length > 20) {
        body.items[17].reportedAt = '2026-11-20 08:00';
        delete body.items[18].title;
      }
      if (is('loop') && url.pathname === '/v1/events' && cursor && body.hasMore) body.cursor = cursor;
      if (is('timezone') && url.pathname === '/v1/kpis') body.asOf = asUtc(body.asOf, 8);
      if (is('size') && url.pathname === '/v1/consultations/followers') body.padding = 'x'.repeat(5 * 1024 * 1024);
      text = JSON.stringify(body);
    }
    send(upstream.status, text, out);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
