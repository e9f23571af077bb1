/**
 * A District API service that turns hostile on demand: a real HTTP server on loopback in front
 * of the real simulator. Every request passes through to the simulator unless a rule for its
 * path says otherwise; a rule gets the request and can fetch the simulator's answer to twist it
 * (bad bytes, absurd numbers, repeated records, redirects, bombs…). Tests of src/core/sync
 * drive a whole cockpit (core + hub) against it; see ./cockpit.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface HostileRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The simulator's whole answer (never a 304) to this request, or to another path and query. */
  upstream(pathAndQuery?: string): Promise<Upstream>;
}

/** A rule's answer: a response to send, or null to pass the request through unchanged. */
export type HostileAnswer = { status: number; headers?: Record<string, string>; body?: Uint8Array | string } | null;
export type HostileRule = (req: HostileRequest, res: ServerResponse) => HostileAnswer | Promise<HostileAnswer> | 'handled';

export interface HostileServer {
  readonly url: string;
  /** Sets the rule for one API path (exact, e.g. '/v1/events'); null restores pass-through. */
  on(path: string, rule: HostileRule | null): void;
  clear(): void;
  /** Requests seen per path since the last reset. */
  requests(path?: string): number;
  resetCounts(): void;
  /** Headers of the last request to a path. */
  lastHeaders(path: string): IncomingMessage['headers'] | undefined;
  stop(): Promise<void>;
}

export async function startHostileServer(upstreamBase: string, port = 0): Promise<HostileServer> {
  const rules = new Map<string, HostileRule>();
  const counts = new Map<string, number>();
  const headersSeen = new Map<string, IncomingMessage['headers']>();

  async function fetchUpstream(pathAndQuery: string, headers: IncomingMessage['headers'], conditional: boolean): Promise<Upstream> {
    const forward: Record<string, string> = {};
    for (const name of conditional ? ['if-none-match', 'accept'] : ['accept']) {
      const v = headers[name];
      if (typeof v === 'string') forward[name] = v;
    }
    const res = await fetch(upstreamBase + pathAndQuery, { headers: forward });
    const body = Buffer.from(await res.arrayBuffer());
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) out[k] = v;
    });
    return { status: res.status, headers: out, body };
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    // Cursors this server made up are the simulator's with a suffix (`~…`): once healthy it
    // still understands every cursor it handed out.
    const cursor = url.searchParams.get('cursor');
    if (cursor?.includes('~')) url.searchParams.set('cursor', cursor.slice(0, cursor.indexOf('~')));
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    headersSeen.set(url.pathname, req.headers);
    const rule = rules.get(url.pathname);
    const request: HostileRequest = {
      path: url.pathname,
      query: new URL(req.url ?? '/', 'http://x').searchParams,
      headers: req.headers,
      upstream: (pq) => fetchUpstream(pq ?? url.pathname + url.search, req.headers, false),
    };
    const answer = rule ? await rule(request, res) : null;
    if (answer === 'handled') return;
    const out = answer ?? (await fetchUpstream(url.pathname + url.search, req.headers, true));
    const body = typeof out.body === 'string' ? Buffer.from(out.body) : (out.body ?? Buffer.alloc(0));
    res.writeHead(out.status, { ...(out.headers ?? {}), 'content-length': String(body.byteLength) });
    res.end(body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`hostile server: ${err.message}`);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    on(path, rule) {
      if (rule) rules.set(path, rule);
      else rules.delete(path);
    },
    clear() {
      rules.clear();
    },
    requests(path) {
      if (path) return counts.get(path) ?? 0;
      let n = 0;
      for (const c of counts.values()) n += c;
      return n;
    },
    resetCounts() {
      counts.clear();
    },
    lastHeaders(path) {
      return headersSeen.get(path);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** JSON answer helper. */
export function jsonAnswer(value: unknown, status = 200, headers: Record<string, string> = {}): HostileAnswer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}
