import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedName, SnapshotName } from '../../shared/contract';
import { FEEDS, FEED_LIMIT_DEFAULT, FEED_LIMIT_MAX, FEED_NAMES, SNAPSHOTS } from '../../shared/contract';
import { type AdminContext, admin } from './admin';
import { sendSlowly, sendTruncated, streamOversized } from './delivery';
import { FAULT_DEFAULTS, type FaultSpec } from './faults';
import { Rng, hashSeed } from './prng';
import { HttpError, JSON_TYPE, send, sendError } from './respond';
import type { SimWorld } from './world';

/**
 * The District API v1 over HTTP for a SimWorld: routing, feeds and documents, ETags and
 * 304, and the switchable faults. One JSON error shape everywhere.
 */

type Endpoint =
  | { kind: 'feed'; name: FeedName }
  | { kind: 'snapshot'; name: SnapshotName }
  | { kind: 'meta'; name: 'meta' };

const ROUTES = new Map<string, Endpoint>([
  ['/v1/meta', { kind: 'meta', name: 'meta' }],
  ...FEED_NAMES.map((name) => [FEEDS[name].path, { kind: 'feed', name }] as [string, Endpoint]),
  ...(Object.keys(SNAPSHOTS) as SnapshotName[]).map((name) => [SNAPSHOTS[name].path, { kind: 'snapshot', name }] as [string, Endpoint]),
]);

/** The world served, its faults, and the admin tick. */
export type HttpContext = AdminContext;

export function handleRequest(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): void {
  route(ctx, req, res).catch((err: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof HttpError) sendError(res, err.status, err.code, err.message, err.details);
    else sendError(res, 500, 'internal', err instanceof Error ? err.message : String(err));
  });
}

async function route(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  if (url.pathname.startsWith('/admin/')) return admin(ctx, req, res, url.pathname);
  const endpoint = ROUTES.get(url.pathname);
  if (!endpoint) throw new HttpError(404, 'notFound', `no such endpoint: ${truncate(url.pathname)}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    throw new HttpError(405, 'methodNotAllowed', `${req.method} is not allowed on ${url.pathname}; use GET`);
  }
  const fault = ctx.faults.for(endpoint.name);
  if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? FAULT_DEFAULTS.latencyMs);
  if (fault?.kind === 'http5xx') {
    const status = fault.status ?? FAULT_DEFAULTS.status;
    throw new HttpError(status, 'unavailable', `${endpoint.name} is unavailable (simulated fault ${status})`);
  }
  if (fault?.kind === 'reset') {
    req.socket.resetAndDestroy();
    return;
  }
  if (fault?.kind === 'malformed') {
    // What a broken gateway or a half-written cache file looks like.
    send(res, 200, { 'Content-Type': JSON_TYPE }, '{"items":[{"id":"SJ2026",,]} <!-- upstream gateway error -->', req.method === 'HEAD');
    return;
  }

  const { body, etag } = endpoint.kind === 'feed' ? feedBody(ctx, endpoint.name, url, fault) : documentBody(ctx, endpoint, fault);
  const headers: Record<string, string> = { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-cache', 'X-District-Api-Version': '1' };
  if (etag) headers.ETag = etag;

  if (fault?.kind === 'oversized') {
    const target = fault.oversizeBytes ?? FAULT_DEFAULTS.oversizeBytes;
    if (endpoint.kind === 'feed') {
      const page = ctx.world.stores[endpoint.name].page(parseFeedParams(url).cursor, 50);
      const samples = page.items.map((json) => JSON.parse(json) as Record<string, unknown>);
      return streamOversized(res, headers, target, { kind: 'feed', samples, cursor: String(page.cursor) });
    }
    return streamOversized(res, headers, target, { kind: 'document', body });
  }
  if (etag && fault?.kind !== 'truncated' && matchesEtag(req.headers['if-none-match'], etag)) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  if (fault?.kind === 'truncated') return sendTruncated(res, headers, body);
  if (fault?.kind === 'slowDrip') return sendSlowly(res, headers, body, fault.bytesPerSec ?? FAULT_DEFAULTS.bytesPerSec);
  send(res, 200, headers, body, req.method === 'HEAD');
}

// ---- feeds and documents ------------------------------------------------------------------

function parseFeedParams(url: URL): { cursor: number; limit: number } {
  const rawCursor = url.searchParams.get('cursor');
  const rawLimit = url.searchParams.get('limit');
  let cursor = 0;
  if (rawCursor !== null) {
    if (!/^(0|[1-9]\d{0,14})$/.test(rawCursor)) {
      throw new HttpError(400, 'badRequest', `cursor: '${truncate(rawCursor)}' is not a cursor from this feed`, { parameter: 'cursor' });
    }
    cursor = Number(rawCursor);
  }
  let limit = FEED_LIMIT_DEFAULT;
  if (rawLimit !== null) {
    if (!/^[1-9]\d{0,6}$/.test(rawLimit) || Number(rawLimit) > FEED_LIMIT_MAX) {
      throw new HttpError(400, 'badRequest', `limit: '${truncate(rawLimit)}' must be an integer from 1 to ${FEED_LIMIT_MAX}`, {
        parameter: 'limit',
      });
    }
    limit = Number(rawLimit);
  }
  return { cursor, limit };
}

function feedBody(ctx: HttpContext, name: FeedName, url: URL, fault: FaultSpec | undefined): { body: string; etag: string | null } {
  const { cursor, limit } = parseFeedParams(url);
  const store = ctx.world.stores[name];
  const page = store.page(cursor, limit);
  let items = page.items;
  if (fault?.kind === 'invalidRecords') {
    items = corruptSome(items, fault.invalidRatio ?? FAULT_DEFAULTS.invalidRatio, hashSeed(ctx.world.seed, name, cursor));
  }
  const body = `{"items":[${items.join(',')}],"cursor":"${page.cursor}","hasMore":${page.hasMore}}`;
  // A corrupted page gets no validator, so a client never caches it as good.
  const etag = fault?.kind === 'invalidRecords' ? null : `"${name}.${cursor}.${store.lastSeq}.${limit}.${worldTag(ctx.world)}"`;
  return { body, etag };
}

function documentBody(ctx: HttpContext, endpoint: Endpoint, fault: FaultSpec | undefined): { body: string; etag: string | null } {
  let doc: Record<string, unknown> = documentFor(ctx.world, endpoint) as Record<string, unknown>;
  if (fault?.kind === 'invalidRecords') doc = corruptDocument(doc);
  const body = JSON.stringify(doc);
  return { body, etag: fault?.kind === 'invalidRecords' ? null : `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
}

function documentFor(world: SimWorld, endpoint: Endpoint): unknown {
  switch (endpoint.name) {
    case 'meta':
      return world.meta();
    case 'divisions':
      return world.divisions();
    case 'vocabulary':
      return world.vocabulary();
    case 'followers':
      return world.followersSnapshot();
    case 'kpis':
      return world.kpis();
    default:
      throw new Error(`not a document: ${endpoint.name}`);
  }
}

/** Identifies the data set (seed and start), so validators from another run never match. */
function worldTag(world: SimWorld): string {
  return hashSeed(world.seed, world.startedAt).toString(36);
}

/** Break a share of records in ways every record schema rejects; the rest stay intact. */
function corruptSome(items: string[], ratio: number, seed: number): string[] {
  const rng = new Rng(seed);
  let n = 0;
  return items.map((json) => {
    if (!rng.chance(ratio)) return json;
    const record = JSON.parse(json) as Record<string, unknown>;
    switch (n++ % 3) {
      case 0:
        record.updatedAt = 'yesterday';
        break;
      case 1:
        record.townCode = '33011';
        break;
      default:
        delete record.id;
    }
    return JSON.stringify(record);
  });
}

function corruptDocument(doc: Record<string, unknown>): Record<string, unknown> {
  if ('asOf' in doc) return { ...doc, asOf: 'yesterday' };
  if ('generatedAt' in doc) return { ...doc, generatedAt: 'yesterday' };
  const [first, ...rest] = Object.keys(doc);
  return Object.fromEntries(rest.map((k) => [k, doc[k]]).concat([[first, null]]));
}

// ---- helpers --------------------------------------------------------------------------------

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
