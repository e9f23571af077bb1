import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Writing responses: the one JSON error shape, plain JSON bodies. */

export const JSON_TYPE = 'application/json; charset=utf-8';

/** An error that becomes a response with the error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string, headOnly = false): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(headOnly ? undefined : body);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string, details?: unknown): void {
  const error: Record<string, unknown> = { code, message };
  if (details !== undefined) error.details = details;
  send(res, status, { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' }, JSON.stringify({ error }));
}

/** Requests Node cannot even parse still get the one error shape, then the socket closes. */
export function rejectMalformedRequest(socket: Duplex): void {
  // After a response has gone out (e.g. trailing bytes of a body the handler did not read)
  // another response would corrupt the stream: just close, as Node itself does.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: 'badRequest', message: 'malformed HTTP request' } });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
