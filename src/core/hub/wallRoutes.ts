/**
 * The hub's door to wall control (src/core/control): a wall's state as Server-Sent Events,
 * acts, and pairing.
 *
 *   GET  /api/wall/<id>/stream[?display=1]  `state` events (WallState); with display=1 and a
 *                                            client on this machine, also `pairing` (the code)
 *   GET  /api/wall/<id>/state                the state now, as JSON
 *   POST /api/wall/<id>/pair   {code}        a session cookie for this wall when the code is right
 *   POST /api/wall/<id>/act    {action, via} needs that session; answers the new state
 *   POST /api/wall/<id>/unpair               ends the session
 *
 * These run after the hub's own gate (loopback Host header, or the token beyond loopback), so
 * pairing is a second lock, not the only one. POSTs must be JSON from the hub's own origin:
 * a page elsewhere can neither read the code nor act (no CORS, SameSite=Strict cookie).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, parseWallAct, wallIdSchema, wallPairRequestSchema, type WallPairing, type WallState } from '../../shared/control/types';
import { ControlError, type WallControl } from '../control/wallControl';
import { setSecurityHeaders } from './security';

export const PAIR_COOKIE = 'cockpit_pair';
const MAX_BODY_BYTES = 4096;
const MAX_STREAMS = 200;
const HEARTBEAT_MS = 15_000;

type Send = (res: ServerResponse, status: number, body: unknown) => void;

const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
/** The client's socket is on this machine (not the Host header, which a client chooses). */
export const fromThisMachine = (req: IncomingMessage): boolean => LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '');

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; error: string }> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) return { ok: false, status: 415, error: 'expected Content-Type: application/json' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, error: `request body over ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, error: 'request body is not valid JSON' };
  }
}

/** A POST from a page must come from the hub's own origin (a browser always sends Origin on POST). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser page (curl, a test): the gate already let it in
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export class WallStreams {
  private readonly open = new Set<ServerResponse>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(heartbeatMs = HEARTBEAT_MS) {
    this.timer = setInterval(() => {
      for (const res of this.open) res.write(': heartbeat\n\n');
    }, heartbeatMs);
    this.timer.unref();
  }

  get size(): number {
    return this.open.size;
  }

  stream(req: IncomingMessage, res: ServerResponse, control: WallControl, wall: string, display: boolean, send: Send): void {
    if (this.open.size >= MAX_STREAMS) return send(res, 503, { error: 'too many wall streams open' });
    // Validate the wall before taking over the response.
    try {
      control.state(wall);
    } catch (err) {
      return fail(res, err, send);
    }
    setSecurityHeaders(res);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    req.socket.setNoDelay(true);
    res.write('retry: 1000\n\n');
    this.open.add(res);
    const write = (event: string, data: WallState | WallPairing): void => {
      if (res.writableLength > 256 * 1024) res.destroy();
      else res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    // The code first: a display that pairs itself can then report at once what the state lacks.
    const offPairing = display ? control.onPairing(wall, (p) => write('pairing', p)) : () => {};
    const offState = control.subscribe(wall, (s) => write('state', s));
    const drop = (): void => {
      offState();
      offPairing();
      this.open.delete(res);
    };
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
  }

  close(): void {
    clearInterval(this.timer);
    for (const res of this.open) res.end();
    this.open.clear();
  }
}

function fail(res: ServerResponse, err: unknown, send: Send): void {
  if (err instanceof ControlError) {
    if (err.retryAfterSec) res.setHeader('Retry-After', String(err.retryAfterSec));
    return send(res, err.status, { error: err.message });
  }
  if (err instanceof Error && err.name === 'UnknownWallError') return send(res, 404, { error: err.message });
  throw err;
}

/**
 * Handles /api/wall/… ; false when `path` is not one of its routes. `send` is the hub's JSON
 * answer (security headers included).
 */
export async function handleWallRoute(req: IncomingMessage, res: ServerResponse, url: URL, control: WallControl, streams: WallStreams, send: Send): Promise<boolean> {
  const m = /^\/api\/wall\/([^/]+)\/(stream|state|pair|act|unpair)$/.exec(url.pathname);
  if (!m) return false;
  const [, rawWall, route] = m;
  const wallParsed = wallIdSchema.safeParse(rawWall);
  if (!wallParsed.success) {
    send(res, 400, { error: `wall id "${rawWall.slice(0, 40)}": ${describe(wallParsed.error)}` });
    return true;
  }
  const wall = wallParsed.data;
  const method = req.method ?? 'GET';
  const wantsGet = route === 'stream' || route === 'state';
  if (wantsGet ? method !== 'GET' && method !== 'HEAD' : method !== 'POST') {
    res.setHeader('Allow', wantsGet ? 'GET, HEAD' : 'POST');
    send(res, 405, { error: `${method} not allowed on /api/wall/${wall}/${route}` });
    return true;
  }
  try {
    if (route === 'stream') {
      streams.stream(req, res, control, wall, url.searchParams.get('display') === '1' && fromThisMachine(req), send);
      return true;
    }
    if (route === 'state') {
      send(res, 200, control.state(wall));
      return true;
    }
    if (!sameOrigin(req)) {
      send(res, 403, { error: 'cross-origin request refused' });
      return true;
    }
    const body = await readJson(req);
    if (!body.ok) {
      send(res, body.status, { error: body.error });
      return true;
    }
    if (route === 'pair') {
      const parsed = wallPairRequestSchema.safeParse(body.value);
      if (!parsed.success) {
        send(res, 400, { error: `pair: ${describe(parsed.error)}` });
        return true;
      }
      const session = control.pair(wall, parsed.data.code);
      const maxAge = Math.max(0, Math.round((Date.parse(session.expiresAt) - Date.now()) / 1000));
      res.setHeader('Set-Cookie', `${PAIR_COOKIE}=${session.token}; HttpOnly; SameSite=Strict; Path=/api/wall/${wall}/; Max-Age=${maxAge}`);
      send(res, 200, { paired: true, wall, expiresAt: session.expiresAt });
      return true;
    }
    const token = cookie(req, PAIR_COOKIE);
    if (route === 'unpair') {
      if (token) control.unpair(token);
      res.setHeader('Set-Cookie', `${PAIR_COOKIE}=; HttpOnly; SameSite=Strict; Path=/api/wall/${wall}/; Max-Age=0`);
      send(res, 200, { paired: false, wall });
      return true;
    }
    // act
    if (!control.isPaired(wall, token)) {
      send(res, 403, { error: `not paired with wall ${wall}: enter the code shown on the wall first` });
      return true;
    }
    const act = parseWallAct(body.value);
    if (!act.ok) {
      send(res, 400, { error: `act: ${act.error}` });
      return true;
    }
    send(res, 200, control.act(wall, act.value.action, act.value.via));
    return true;
  } catch (err) {
    fail(res, err, send);
    return true;
  }
}
