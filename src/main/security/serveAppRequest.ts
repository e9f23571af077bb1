import { readFile, stat } from 'node:fs/promises';
import { resolveAppRequest } from './appProtocol';

export interface RefusalLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The app:// request handler (for session.protocol.handle): GET/HEAD of files under the
 * renderer folder with their security headers; everything else gets a bare error status.
 * Free of Electron imports so it is tested under Node with real Request/Response objects.
 */
export function createAppRequestHandler(rendererDir: string, log: RefusalLog): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = resolveAppRequest(rendererDir, request.url);
    if (!resolved.ok) {
      log.warn('app:// request refused', { url: request.url.slice(0, 200), status: resolved.status, reason: resolved.reason });
      return new Response(null, { status: resolved.status });
    }
    try {
      const info = await stat(resolved.filePath);
      if (!info.isFile()) return new Response(null, { status: 404 });
      const headers = { ...resolved.headers, 'Content-Length': String(info.size) };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      return new Response(await readFile(resolved.filePath), { status: 200, headers });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}
