import type { ServerResponse } from 'node:http';

/** How faulty responses reach the client: cut short, trickled, or far too large. */

/** Declare the whole length, send half, then drop the connection. */
export function sendTruncated(res: ServerResponse, headers: Record<string, string>, body: string): void {
  const bytes = Buffer.from(body);
  res.writeHead(200, { ...headers, 'Content-Length': String(bytes.length) });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
}

/** The correct body at bytesPerSec, in ten slices a second. */
export function sendSlowly(res: ServerResponse, headers: Record<string, string>, body: string, bytesPerSec: number): void {
  const bytes = Buffer.from(body);
  res.writeHead(200, { ...headers, 'Content-Length': String(bytes.length) });
  const slice = Math.max(1, Math.floor(bytesPerSec / 10));
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      return;
    }
    const end = Math.min(bytes.length, offset + slice);
    res.write(bytes.subarray(offset, end));
    offset = end;
    if (offset >= bytes.length) {
      clearInterval(timer);
      res.end();
    }
  }, 100);
  res.on('close', () => clearInterval(timer));
}

/** What an oversized body is made of. */
export type OversizedSource =
  | { kind: 'feed'; samples: Array<Record<string, unknown>>; cursor: string }
  | { kind: 'document'; body: string };

/**
 * A well-formed body bigger than `target` bytes, streamed chunk by chunk (no Content-Length)
 * with back-pressure, so the simulator never holds it: a feed repeats real records under
 * fresh ids, a document is padded with whitespace (still valid JSON).
 */
export async function streamOversized(res: ServerResponse, headers: Record<string, string>, target: number, source: OversizedSource): Promise<void> {
  const { ETag: _etag, ...plain } = headers;
  res.writeHead(200, plain);
  let sent = 0;
  const write = async (chunk: string) => {
    sent += Buffer.byteLength(chunk);
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  };
  if (source.kind === 'feed') {
    const samples = source.samples.length ? source.samples : [{ id: 'x' }];
    await write('{"items":[');
    for (let n = 0; sent < target && !res.destroyed; n++) {
      let chunk = '';
      for (let k = 0; k < 200; k++) {
        const r = samples[(n * 200 + k) % samples.length];
        chunk += `${n || k ? ',' : ''}${JSON.stringify({ ...r, id: `${String(r.id).slice(0, 40)}-x${n * 200 + k}` })}`;
      }
      await write(chunk);
    }
    if (!res.destroyed) res.end(`],"cursor":"${source.cursor}","hasMore":false}`);
    return;
  }
  await write(source.body.slice(0, 1));
  const pad = ' '.repeat(64 * 1024);
  while (sent < target && !res.destroyed) await write(pad);
  if (!res.destroyed) res.end(source.body.slice(1));
}
