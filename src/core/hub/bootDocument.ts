import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bootQueries, withBootElement, type BootAnswer } from '../../shared/boot';
import type { QueryName, QueryParams } from '../../shared/queries';
import { COCKPIT_CSP, setSecurityHeaders } from './security';
import { acceptsGzip } from './static';

type Ask = <K extends QueryName>(name: K, params: QueryParams<K>) => unknown;

/**
 * Serves the cockpit's page (`/`, `/index.html`) with the answers of its first questions
 * written in (src/shared/boot.ts), so the wall paints with data without a round of queries
 * first. A query that fails is left out: the page then asks for it itself. False when there
 * is no built page.
 */
export async function serveCockpitDocument(staticDir: string, ask: Ask, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  let html: string;
  try {
    html = await readFile(join(staticDir, 'index.html'), 'utf8');
  } catch {
    return false;
  }
  const answers = await Promise.all(
    bootQueries().map(async (name): Promise<BootAnswer | null> => {
      try {
        return { name, result: await ask(name, {} as QueryParams<typeof name>) };
      } catch {
        return null;
      }
    }),
  );
  const doc = withBootElement(html, { at: new Date().toISOString(), answers: answers.filter((a) => a !== null) });
  setSecurityHeaders(res, COCKPIT_CSP);
  const gzip = acceptsGzip(req);
  const body = gzip ? gzipSync(doc, { level: 5 }) : Buffer.from(doc);
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    // District data inside: never kept by a cache.
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
