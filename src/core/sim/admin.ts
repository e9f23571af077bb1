import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FeedName } from '../../shared/contract';
import { FEED_NAMES, describeIssues } from '../../shared/contract';
import { type FaultTable, faultSpecSchema } from './faults';
import { HttpError, JSON_TYPE, send } from './respond';
import type { SimWorld } from './world';

/**
 * The simulator's admin endpoints (tests and demos steer it over HTTP): faults, injected
 * records, simulated time. Loopback clients only; never subject to faults.
 */

const ADMIN_BODY_MAX = 1024 * 1024;

export interface AdminContext {
  world: SimWorld;
  faults: FaultTable;
  tick(ms: number): void;
}

const injectSchema = z.strictObject({ feed: z.enum(FEED_NAMES as [FeedName, ...FeedName[]]), record: z.unknown() });
const tickSchema = z.strictObject({ ms: z.number().int().positive().max(366 * 86_400_000) });
const faultBodySchema = faultSpecSchema.extend({ endpoint: z.string().min(1) });

export async function admin(ctx: AdminContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) throw new HttpError(403, 'forbidden', 'admin endpoints answer loopback clients only');
  // A web page open on the same machine must not steer the simulator (CSRF): browsers send
  // Origin on cross-site requests, and a JSON content type forces a preflight we never grant.
  if (req.headers.origin !== undefined) throw new HttpError(403, 'forbidden', 'admin endpoints refuse browser (Origin) requests');
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'unsupportedMediaType', 'body: send Content-Type: application/json');
  }
  const json = (status: number, value: unknown) =>
    send(res, status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' }, JSON.stringify(value));
  if (req.method === 'GET' || req.method === 'DELETE') await readBody(req); // drain: a stray body must not become a request
  if (path === '/admin/faults' && req.method === 'GET') return json(200, { faults: ctx.faults.list() });
  if (path === '/admin/faults' && req.method === 'DELETE') {
    ctx.faults.clear();
    return json(200, { faults: {} });
  }
  if (path === '/admin/faults' && req.method === 'POST') {
    const { endpoint, ...fault } = parseBody(faultBodySchema, await readBody(req));
    try {
      ctx.faults.set(endpoint, fault);
    } catch (err) {
      throw new HttpError(400, 'badRequest', (err as Error).message, { field: 'endpoint' });
    }
    return json(200, { faults: ctx.faults.list() });
  }
  if (path === '/admin/inject' && req.method === 'POST') {
    const { feed, record } = parseBody(injectSchema, await readBody(req));
    ctx.world.inject(feed, record);
    return json(200, { feed, lastSeq: ctx.world.stores[feed].lastSeq });
  }
  if (path === '/admin/tick' && req.method === 'POST') {
    const { ms } = parseBody(tickSchema, await readBody(req));
    ctx.tick(ms);
    return json(200, { now: ctx.world.meta().generatedAt });
  }
  if (['/admin/faults', '/admin/inject', '/admin/tick'].includes(path)) {
    res.setHeader('Allow', path === '/admin/faults' ? 'GET, POST, DELETE' : 'POST');
    throw new HttpError(405, 'methodNotAllowed', `${req.method} is not allowed on ${path}`);
  }
  throw new HttpError(404, 'notFound', `no such admin endpoint: ${path}`);
}

function parseBody<T>(schema: z.ZodType<T>, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'badRequest', 'body: not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpError(400, 'badRequest', `body: ${describeIssues(parsed.error)}`, {
      fields: parsed.error.issues.map((i) => i.path.join('.')),
    });
  }
  return parsed.data;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > ADMIN_BODY_MAX) {
        reject(new HttpError(413, 'tooLarge', `body: larger than ${ADMIN_BODY_MAX} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
