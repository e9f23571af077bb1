import { extname, resolve, sep } from 'node:path';
import { contentTypeOf } from '../../shared/mime';

/**
 * The renderer is served from a custom, privileged `app://cockpit/` origin instead of file://:
 * file:// pages share one origin with every file on disk, while app://cockpit can only reach
 * the built renderer folder. This module is the pure part: URL → file, type and headers.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'cockpit';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The isolated 3D map page lives under this path. It alone may use 'unsafe-eval' (echarts-gl
 * compiles shaders with `new Function`), and it never gets the bridge: the preload runs in the
 * top frame only, and IPC senders from this path are refused.
 */
export const MAP3D_PATH_PREFIX = '/map3d/';

const BASE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // React style={{…}} attributes need inline styles; no inline script is allowed anywhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
];

/** The Content-Security-Policy header for a page at `pathname`. */
export function contentSecurityPolicy(pathname: string): string {
  const map3d = pathname.startsWith(MAP3D_PATH_PREFIX);
  return BASE_CSP.map((d) => (map3d && d.startsWith('script-src') ? `${d} 'unsafe-eval'` : d)).join('; ');
}

export type AppRequest =
  | { ok: true; filePath: string; pathname: string; headers: Record<string, string> }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// request URL to a file under `rootDir` (out/renderer), refusing anything that
 * could leave it: other hosts, encoded or literal `..`, backslashes, NUL, unknown file types.
 * The caller still answers 404 when the file does not exist.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): AppRequest {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403, reason: `not ${APP_ORIGIN}` };

  // Check the raw path before the URL parser or decoding can fold `..` away or bring it back.
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1)[0] || '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character in path' };
  if (decoded.split('/').some((seg) => seg === '..' || seg === '.')) return { ok: false, status: 403, reason: 'path traversal' };

  const pathname = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = resolve(rootDir);
  const filePath = resolve(root, `.${pathname}`);
  if (!filePath.startsWith(root + sep)) return { ok: false, status: 403, reason: 'outside the renderer folder' };

  const type = contentTypeOf(extname(filePath));
  if (!type) return { ok: false, status: 404, reason: 'unknown file type' };

  const headers: Record<string, string> = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = contentSecurityPolicy(pathname);
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  }
  if (pathname.startsWith('/assets/')) {
    // The sandboxed 3D frame has an opaque origin, so its module scripts, styles and fonts
    // are CORS requests. Built assets hold code, fonts and styles only, never district data.
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  return { ok: true, filePath, pathname, headers };
}
