import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import type { CoreApi } from '../../shared/transport';
import type { CoreHealth, HostHealth } from '../host/coreHost';
import { parseQuery } from './queryParams';
import { isLoopbackHost, isLoopbackHostHeader, setSecurityHeaders, TokenGate } from './security';
import { serveCockpitDocument } from './bootDocument';
import { ChangeStreams } from './sse';
import { acceptsGzip, serveStatic } from './static';
import { wallWrite, type WallDoor } from './wallWrites';
import { AnswerCache, gzipOf, type PreparedAnswer } from './answerCache';
import { WallControl } from '../control/wallControl';
import { handleWallRoute, WallStreams } from './wallRoutes';
import { createBriefRoute } from './briefRoute';

/**
 * What the hub serves: queries, change notices and a health summary for /healthz — a core
 * host (src/core/host, as `npm run serve` runs it, with the configuration status in health)
 * or a bare core (tests).
 */
export type HubCore = CoreApi & { health(): CoreHealth | HostHealth };

export interface HubOptions {
  core: HubCore;
  /** The built renderer (out/renderer). */
  staticDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Required when `host` is not loopback; the hub refuses to start without it. */
  token?: string;
  logger?: Logger;
  heartbeatMs?: number;
  /**
   * Identical query answers asked within this long, and before the next change notice, are
   * served from one serialised copy (src/core/hub/answerCache.ts). 0 (default) = off; the served
   * hub (`npm run serve`) uses 1000.
   */
  answerCacheMs?: number;
  /** Most change streams open at once (default 200; bench/hub-capacity.ts raises it to find the limit). */
  maxStreams?: number;
  /** Where a wall's acknowledgements and reports go (POST /api/wall/<id>/ack|report); absent, they are refused. */
  walls?: WallDoor;
  /** Wall control (src/core/control): the state walls follow and controllers drive. Default: one of the hub's own. */
  control?: WallControl;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Open change streams (for diagnostics and the tests of disconnect clean-up). */
  readonly streamCount: number;
  /** The wall control this hub serves. */
  readonly control: WallControl;
  close(): Promise<void>;
}

/** An answer prepared once (AnswerCache), sent gzipped to the clients that take it. */
function sendPrepared(res: ServerResponse, answer: PreparedAnswer, req: IncomingMessage): void {
  setSecurityHeaders(res);
  const gzip = answer.text.length > 2048 && acceptsGzip(req);
  const payload = gzip ? gzipOf(answer) : Buffer.from(answer.text);
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(payload);
}

function sendJson(res: ServerResponse, status: number, body: unknown, req?: IncomingMessage): void {
  const text = JSON.stringify(body);
  setSecurityHeaders(res);
  const gzip = req !== undefined && text.length > 2048 && acceptsGzip(req);
  const payload = gzip ? gzipSync(text, { level: 5 }) : Buffer.from(text);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(payload);
}

/**
 * The hub: the cockpit core served to browsers on one port — the built renderer, queries as
 * JSON, change notices as Server-Sent Events, and a health probe. Loopback by default; any
 * other address needs a token.
 */
export async function startHub(opts: HubOptions): Promise<Hub> {
  const host = opts.host ?? '127.0.0.1';
  const logger = opts.logger ?? silentLogger;
  const loopback = isLoopbackHost(host);
  if (!loopback && !opts.token) {
    throw new Error(`hub: refusing to listen on ${host} without a token (set the variable named by hub.tokenEnv)`);
  }
  const gate = opts.token ? new TokenGate(opts.token) : null;
  const streams = new ChangeStreams(opts.maxStreams ?? 200, opts.heartbeatMs);
  const core = opts.core;
  const answers = new AnswerCache(opts.answerCacheMs ?? 0);
  // Forget held answers before the walls hear of the change, so their refetches get new ones.
  const unsubscribe = core.onChange((notice) => {
    answers.clear();
    streams.notify(notice);
  });
  const control = opts.control ?? new WallControl();
  const ownControl = opts.control === undefined;
  const wallStreams = new WallStreams(opts.heartbeatMs);
  let ownUrl = '';
  const briefRoute = createBriefRoute({ hubUrl: () => ownUrl, ask: async (name, params) => core.query(name, params), token: opts.token });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    // Wall control takes POSTs (src/core/hub/wallRoutes.ts checks each route's method itself), and so do the wall's writes.
    const wallRoute = url.pathname.startsWith('/api/wall/');
    const write = req.method === 'POST' && (wallRoute || url.pathname === '/api/brief');
    if (req.method !== 'GET' && req.method !== 'HEAD' && !write) {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: `method ${req.method} not allowed` });
    }
    if (!gate && !isLoopbackHostHeader(req.headers.host)) {
      return sendJson(res, 421, { error: 'this hub answers only to a loopback Host header' });
    }
    // Built assets (code, fonts, styles; no district data) are public so that the sandboxed
    // 3D frame, whose requests carry no cookie, can load its scripts.
    const publicAsset = url.pathname.startsWith('/assets/');
    if (gate && !publicAsset && !gate.allows(req)) {
      if (url.searchParams.has('token') && gate.exchange(url, res)) return;
      res.setHeader('WWW-Authenticate', 'Bearer realm="district-cockpit"');
      return sendJson(res, 401, { error: 'token required: open /?token=<token> or send Authorization: Bearer <token>' });
    }

    const path = url.pathname;
    if (path === '/api/brief') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST /api/brief {week, pages}' });
      return briefRoute(req, res, sendJson);
    }
    if (wallRoute && (await handleWallRoute(req, res, url, control, wallStreams, sendJson))) return;
    if (wallRoute) {
      const out = await wallWrite(req, path, opts.walls);
      if (out.status >= 500) logger.warn('hub: wall write failed', { path, error: (out.body as { error?: string }).error });
      return sendJson(res, out.status, out.body);
    }
    if (path === '/healthz') {
      const health = core.health();
      return sendJson(res, 200, health);
    }
    if (path === '/api/changes') {
      setSecurityHeaders(res);
      streams.open(req, res);
      return;
    }
    if (path.startsWith('/api/query/')) {
      const parsed = parseQuery(decodeURIComponentSafe(path.slice('/api/query/'.length)), url.searchParams.get('params'));
      if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
      try {
        if (answers.enabled) {
          const key = `${parsed.name}\u0000${JSON.stringify(parsed.params)}`;
          return sendPrepared(res, await answers.get(key, () => core.query(parsed.name, parsed.params as never)), req);
        }
        const result = await core.query(parsed.name, parsed.params as never);
        return sendJson(res, 200, result, req);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // Asking for a town or wall profile the core does not know is the caller's mistake, not the hub's.
        if (err instanceof Error && (err.name === 'UnknownTownError' || err.name === 'UnknownWallError')) return sendJson(res, 404, { error: message });
        logger.warn('hub: query failed', { query: parsed.name, error: message });
        return sendJson(res, 500, { error: `query ${parsed.name} failed: ${message}` });
      }
    }
    if (path.startsWith('/api/')) return sendJson(res, 404, { error: `no API endpoint ${path}` });
    if (path === '/' || path === '/index.html') {
      if (await serveCockpitDocument(opts.staticDir, (name, params) => core.query(name, params), req, res)) return;
    }
    // The presenter (a laptop) and the remote (a phone): pages of their own, lighter than the wall's.
    if (path === '/presenter' || path === '/remote') {
      if (await serveStatic(opts.staticDir, `${path}.html`, req, res)) return;
    }
    if (await serveStatic(opts.staticDir, path, req, res)) return;
    return sendJson(res, 404, { error: 'not found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error('hub: request failed', { url: req.url, error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  // Slow-loris protection; SSE responses are long-lived but their requests finish at once.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 7320, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost === '0.0.0.0' || urlHost === '[::]' ? '127.0.0.1' : urlHost}:${address.port}`;
  ownUrl = url;
  logger.info('hub: listening', { url, token: gate ? 'required' : 'not required (loopback)' });

  return {
    url,
    port: address.port,
    host,
    get streamCount() {
      return streams.size + wallStreams.size;
    },
    control,
    async close() {
      unsubscribe();
      streams.close();
      wallStreams.close();
      if (ownControl) control.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
