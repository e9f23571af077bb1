import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeNotice } from '../../shared/readModel';

export const HEARTBEAT_MS = 15_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The open `/api/changes` streams. Each client gets every change notice and a heartbeat (so
 * it can tell a silent hub from a quiet one); a closed socket is dropped at once.
 */
export class ChangeStreams {
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly maxClients = 200,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.timer = setInterval(() => this.send('heartbeat', { at: new Date().toISOString() }), heartbeatMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Take over the response as an event stream. False (and 503) when too many are open. */
  open(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.clients.size >= this.maxClients) {
      res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '10' });
      res.end(JSON.stringify({ error: 'too many change streams open' }));
      return false;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true);
    // Tell EventSource how soon to retry, and confirm the stream at once.
    res.write(`retry: 3000\nevent: heartbeat\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
    this.clients.add(res);
    const drop = (): void => {
      this.clients.delete(res);
    };
    req.on('close', drop);
    res.on('close', drop);
    res.on('error', drop);
    return true;
  }

  notify(notice: ChangeNotice): void {
    this.send('change', notice);
  }

  private send(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients) {
      if (res.writableEnded || res.destroyed) this.clients.delete(res);
      else if (res.writableLength > MAX_BUFFERED_BYTES) {
        // A client that stopped reading must not grow the hub's memory without bound.
        this.clients.delete(res);
        res.destroy();
      } else res.write(frame);
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
