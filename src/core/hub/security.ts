import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The cockpit document's policy: only its own scripts, styles, fonts and API. Inline styles
 * are allowed because React and ECharts set style attributes; scripts never run inline.
 */
export const COCKPIT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:", // Vite inlines the smallest font subsets as data: URLs
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The isolated 3D map frame (/map3d/, in <iframe sandbox="allow-scripts">): echarts-gl's
 * engine compiles code with `new Function`, so this document alone gets 'unsafe-eval' — and
 * in exchange may fetch nothing (it gets its data by postMessage from the cockpit).
 */
export const MAP3D_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse, csp: string = COCKPIT_CSP): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), usb=(), payment=()');
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopbackHost = (host: string): boolean => LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * On loopback the hub needs no token, but a web page elsewhere could still reach it through
 * DNS rebinding (evil.example resolving to 127.0.0.1): accept only loopback Host headers.
 */
export function isLoopbackHostHeader(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith('[') ? hostHeader.slice(1, hostHeader.indexOf(']')) : hostHeader.replace(/:\d+$/, '');
  return isLoopbackHost(host.toLowerCase());
}

export const SESSION_COOKIE = 'cockpit_session';

/**
 * Token check for a hub bound beyond loopback. Scripts send `Authorization: Bearer <token>`;
 * a browser opens `/?token=<token>` once and gets an HttpOnly cookie instead, so the token
 * does not stay in the address bar, history or Referer. The cookie holds an HMAC of the
 * token, never the token: it survives hub restarts and dies when the token is changed.
 */
export class TokenGate {
  private readonly token: Buffer;
  private readonly session: string;

  constructor(token: string) {
    if (token.length < 16) throw new Error('hub token must be at least 16 characters');
    this.token = Buffer.from(token);
    this.session = createHmac('sha256', token).update('district-cockpit hub session v1').digest('base64url');
  }

  private matches(candidate: string | undefined | null, expected: Buffer): boolean {
    if (!candidate) return false;
    const c = Buffer.from(candidate);
    return c.length === expected.length && timingSafeEqual(c, expected);
  }

  /** True when the request carries the bearer token or a valid session cookie. */
  allows(req: IncomingMessage): boolean {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && this.matches(auth.slice(7).trim(), this.token)) return true;
    const cookie = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    return this.matches(cookie, Buffer.from(this.session));
  }

  /** A `?token=` that matches: answer with the cookie and a redirect to the same URL without it. */
  exchange(url: URL, res: ServerResponse): boolean {
    if (!this.matches(url.searchParams.get('token'), this.token)) return false;
    url.searchParams.delete('token');
    res.statusCode = 303;
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${this.session}; HttpOnly; SameSite=Lax; Path=/`);
    res.setHeader('Location', url.pathname + url.search);
    res.setHeader('Cache-Control', 'no-store');
    res.end();
    return true;
  }
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
