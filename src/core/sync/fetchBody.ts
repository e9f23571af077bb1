/**
 * One HTTP GET with the limits a wall needs: a deadline covering headers AND body (a server
 * that drips bytes is cut off too), a body size cap enforced while streaming (the body is
 * never buffered past the cap), and failures as short operator-readable messages.
 */
import { apiErrorSchema } from '../../shared/contract';

export type FetchResult =
  | { status: 304; etag: string | null }
  | { status: 200; etag: string | null; text: string; bytes: number };

export class FetchFailure extends Error {
  constructor(
    message: string,
    /** What went wrong: no answer in time, the connection, the HTTP status, or the body. */
    readonly kind: 'timeout' | 'network' | 'http' | 'body' | 'aborted',
    /** The body was over the size cap (declared or as it inflated): the endpoint backs off. */
    readonly oversized = false,
    /** An HTTP error's status, and the parameter its API error body names (details.parameter). */
    readonly http: { status: number; parameter: string | null } | null = null,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

export interface FetchBodyOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBodyBytes: number;
  fetchImpl?: typeof fetch;
  /** Aborts the request when the engine stops. */
  signal?: AbortSignal;
}

const ERROR_BODY_MAX = 4096;

export async function fetchBody(url: string, opts: FetchBodyOptions): Promise<FetchResult> {
  // One controller per request, aborted by the deadline or by the engine stopping. (Not
  // AbortSignal.any: tied to the engine's long-lived signal it piles up dependants, poll after poll.)
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const onStop = () => controller.abort();
  opts.signal?.addEventListener('abort', onStop, { once: true });
  const signal = controller.signal;
  const why = (err: unknown): FetchFailure => {
    if (err instanceof FetchFailure) return err;
    if (opts.signal?.aborted) return new FetchFailure('aborted: sync stopped', 'aborted');
    if (timedOut) return new FetchFailure(`timeout after ${opts.timeoutMs} ms`, 'timeout');
    return new FetchFailure(`network: ${networkReason(err)}`, 'network');
  };
  try {
    if (opts.signal?.aborted) throw new FetchFailure('aborted: sync stopped', 'aborted');
    const res = await fetchSameOrigin(url, opts, signal, why);
    const etag = res.headers.get('etag');
    if (res.status === 304) {
      await res.body?.cancel().catch(() => {});
      return { status: 304, etag };
    }
    if (res.status !== 200) {
      const detail = await readCapped(res, ERROR_BODY_MAX, true).then(apiError, () => null);
      throw new FetchFailure(
        `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${detail ? `: ${detail.text}` : ''}`,
        'http',
        false,
        { status: res.status, parameter: detail?.parameter ?? null },
      );
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBodyBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FetchFailure(`body of ${declared} bytes is over the ${opts.maxBodyBytes}-byte limit`, 'body', true);
    }
    let body: Uint8Array;
    try {
      body = await readCapped(res, opts.maxBodyBytes, false);
    } catch (err) {
      if (err instanceof FetchFailure) throw err;
      const failure = why(err);
      throw failure.kind === 'network' ? new FetchFailure(`body interrupted: ${networkReason(err)}`, 'body') : failure;
    }
    // A body shorter than its Content-Length is truncated (fetch does not always notice).
    if (Number.isFinite(declared) && !res.headers.get('content-encoding') && body.byteLength !== declared) {
      throw new FetchFailure(`truncated body: ${body.byteLength} of ${declared} bytes`, 'body');
    }
    return { status: 200, etag, text: decodeUtf8(body), bytes: body.byteLength };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onStop);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A body is UTF-8 or it is malformed: decoding with replacement characters would store
 * `探针区�` over a good name and call it valid. Named with the offset of the first bad byte.
 */
export function decodeUtf8(body: Uint8Array): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const bytes = Array.from(body.subarray(at, at + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new FetchFailure(`malformed body: not valid UTF-8 at byte ${at} (${bytes})`, 'body');
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // encoded surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n >= b.length) return i; // cut short
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if (b[i + k] === undefined || b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return b.length;
}

/** Redirects followed per request (all within the source's origin). */
const REDIRECTS_MAX = 5;

/**
 * The source's origin is the trust boundary: a redirect is followed only to the same scheme,
 * host and port, so the configured token and headers never reach another server and another
 * server's data never stands in for the district's. Anything else is an error naming where to.
 */
async function fetchSameOrigin(
  url: string,
  opts: FetchBodyOptions,
  signal: AbortSignal,
  why: (err: unknown) => FetchFailure,
): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await (opts.fetchImpl ?? fetch)(current, { headers: opts.headers, signal, redirect: 'manual' });
    } catch (err) {
      throw why(err);
    }
    if (res.status < 300 || res.status > 399 || res.status === 304) return res;
    await res.body?.cancel().catch(() => {});
    const location = res.headers.get('location');
    if (!location) throw new FetchFailure(`HTTP ${res.status} redirect without a Location`, 'http');
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new FetchFailure(`HTTP ${res.status} redirect to an unreadable Location`, 'http');
    }
    if (next.origin !== origin) {
      throw new FetchFailure(`redirect to another origin refused: ${next.origin} is not ${origin} (HTTP ${res.status})`, 'http');
    }
    if (hop + 1 >= REDIRECTS_MAX) throw new FetchFailure(`more than ${REDIRECTS_MAX} redirects`, 'http');
    current = next.toString();
  }
}

/** Reads the body up to `max` bytes; past that either stops (`truncate`) or fails. */
async function readCapped(res: Response, max: number, truncate: boolean): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > max) {
      await reader.cancel().catch(() => {});
      if (truncate) {
        chunks.push(value.subarray(0, max - total));
        total = max;
        break;
      }
      throw new FetchFailure(`body is over the ${max}-byte limit (stopped reading)`, 'body', true);
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function apiError(bytes: Uint8Array): { text: string; parameter: string | null } | null {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (!parsed.success) return null;
    const { code, message, details } = parsed.data.error;
    const parameter = (details as { parameter?: unknown } | undefined)?.parameter;
    return { text: `${code}: ${message}`.slice(0, 300), parameter: typeof parameter === 'string' ? parameter.slice(0, 40) : null };
  } catch {
    return null;
  }
}

/** undici wraps the socket error in `cause`; the code (ECONNRESET, ECONNREFUSED) says most. */
function networkReason(err: unknown): string {
  let e = err as { message?: string; code?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.code && typeof e.code === 'string' && !e.code.startsWith('UND_ERR_ABORT')) return e.code.startsWith('UND_ERR') ? (e.message ?? e.code) : e.code;
    if (!e.cause) break;
    e = e.cause as typeof e;
  }
  return (e?.message ?? String(err)).slice(0, 200);
}
