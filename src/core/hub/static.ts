import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { contentTypeOf } from '../../shared/mime';
import { COCKPIT_CSP, MAP3D_CSP, setSecurityHeaders } from './security';

/**
 * Resolve a URL path inside `root`, or null when it would leave it (../, encoded %2e%2e,
 * backslashes, NUL bytes) or is malformed.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // A folder means its index.html (/ is the cockpit, /map3d/ the 3D frame).
  const rel = (decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded).replace(/^\/+/, '');
  const full = resolve(root, rel);
  const base = resolve(root);
  return full === base || full.startsWith(base + sep) ? full : null;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.txt', '.map']);

/** Whether the client takes gzip (a wall on another machine loads 1 MB of script otherwise). */
export const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

/** Serve one file of the built renderer, or return false when there is none. */
export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const head = req.method === 'HEAD';
  const file = resolveInside(root, urlPath);
  if (!file) return false;
  let info;
  try {
    info = await stat(file);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  const ext = extname(file).toLowerCase();
  const isHtml = ext === '.html';
  const rel = file.slice(resolve(root).length).split(sep).join('/');
  setSecurityHeaders(res, isHtml && rel.startsWith('/map3d/') ? MAP3D_CSP : COCKPIT_CSP);
  if (rel.startsWith('/assets/')) {
    // The sandboxed 3D frame has an opaque origin: its module scripts are CORS requests.
    // Built assets hold code, fonts and styles only, never district data.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  }
  res.setHeader('Content-Type', contentTypeOf(ext) ?? 'application/octet-stream');
  const gzip = COMPRESSIBLE.has(ext) && info.size > 1024 && acceptsGzip(req);
  res.setHeader('Vary', 'Accept-Encoding');
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  else res.setHeader('Content-Length', info.size);
  // Hashed assets never change; the documents that name them must always be re-read.
  res.setHeader('Cache-Control', isHtml ? 'no-store' : rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.statusCode = 200;
  if (head) {
    res.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    res.on('finish', done);
    res.on('close', done);
    if (gzip) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  });
  return true;
}
