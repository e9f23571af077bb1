/**
 * Signing in to a JSON API: bearer, basic, an API-key header, or the data-sharing gateway's
 * signed request — app key, timestamp, a fresh nonce, and HMAC-SHA256 of a canonical string
 * built from a template, so one implementation fits the gateways' variations.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { AuthConfig } from '../../../shared/sources';
import type { ReaderDeps } from '../../sync/reader';
import { resolveSecretRef } from '../secrets';

export interface PreparedAuth {
  /** Adds credentials to one request (a signed request is signed last, over the final URL). */
  apply(url: URL, headers: Record<string, string>): void;
  /** Values to scrub from any text that is logged or stored. */
  secrets: string[];
}

/** RFC 3986 encoding, as gateways canonicalise queries (encodeURIComponent leaves !'()* alone). */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The query as signed: pairs sorted by name then value, encoded, joined by &. */
export function canonicalQuery(url: URL, exclude: string | null): string {
  return [...url.searchParams.entries()]
    .filter(([k]) => k !== exclude)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .join('&');
}

type Signed = Extract<AuthConfig, { type: 'signed' }>;

export interface SignInput {
  method: string;
  url: URL;
  headers: Record<string, string>;
  timestamp: string;
  nonce: string;
}

/** Fills the canonical-string template. Unknown placeholders are an error, not silently empty. */
export function canonicalString(auth: Signed, input: SignInput): string {
  const values: Record<string, string> = {
    method: input.method,
    path: input.url.pathname,
    query: canonicalQuery(input.url, auth.in === 'query' ? auth.names.signature : null),
    appKey: auth.appKey,
    timestamp: input.timestamp,
    nonce: input.nonce,
    bodySha256: createHash('sha256').update('').digest('hex'),
  };
  return auth.canonical.replace(/\{([A-Za-z0-9]+)(?::([A-Za-z0-9-]+))?\}/g, (whole, name: string, arg?: string) => {
    if (name === 'header' && arg) return input.headers[arg.toLowerCase()] ?? '';
    if (Object.hasOwn(values, name)) return values[name];
    throw new Error(`auth.canonical: unknown placeholder ${whole}`);
  });
}

export function timestampFor(style: Signed['timestamp'], nowMs: number): string {
  if (style === 's') return String(Math.floor(nowMs / 1000));
  if (style === 'iso') return new Date(nowMs).toISOString();
  return String(nowMs);
}

export async function prepareAuth(auth: AuthConfig, deps: ReaderDeps, now: () => number = Date.now): Promise<PreparedAuth> {
  switch (auth.type) {
    case 'none':
      return { apply: () => {}, secrets: [] };
    case 'bearer': {
      const token = await resolveSecretRef(auth.token, deps, 'auth.token');
      return { apply: (_u, h) => void (h.authorization = `Bearer ${token}`), secrets: [token] };
    }
    case 'basic': {
      const password = await resolveSecretRef(auth.password, deps, 'auth.password');
      const encoded = Buffer.from(`${auth.username}:${password}`).toString('base64');
      return { apply: (_u, h) => void (h.authorization = `Basic ${encoded}`), secrets: [password, encoded] };
    }
    case 'apiKey': {
      const key = await resolveSecretRef(auth.key, deps, 'auth.key');
      return { apply: (_u, h) => void (h[auth.header.toLowerCase()] = key), secrets: [key] };
    }
    case 'signed': {
      const secret = await resolveSecretRef(auth.appSecret, deps, 'auth.appSecret');
      return {
        secrets: [secret],
        apply(url, headers) {
          const timestamp = timestampFor(auth.timestamp, now());
          const nonce = randomUUID();
          const put = (name: string, value: string) => {
            if (auth.in === 'query') url.searchParams.set(name, value);
            else headers[name.toLowerCase()] = value;
          };
          put(auth.names.appKey, auth.appKey);
          put(auth.names.timestamp, timestamp);
          put(auth.names.nonce, nonce);
          const text = canonicalString(auth, { method: 'GET', url, headers, timestamp, nonce });
          const mac = createHmac('sha256', secret).update(text, 'utf8').digest(auth.encoding);
          put(auth.names.signature, mac);
        },
      };
    }
  }
}
