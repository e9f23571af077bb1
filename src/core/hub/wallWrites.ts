import type { IncomingMessage } from 'node:http';
import { describeIssues } from '../../shared/contract';
import { alertAckBodySchema, parseWallPath, WALL_BODY_MAX, type WallDoor } from '../../shared/wall/door';
import { wallReportSchema } from '../../shared/wall/history';

export type { WallDoor };

/**
 * A wall's writes through the hub: `POST /api/wall/<id>/ack` and `/report`. Only a JSON body
 * (its content type forces a browser's CORS preflight, which the hub never grants), at most
 * WALL_BODY_MAX bytes, validated by the shared schema; the wall id of the path must be the
 * report's. Anything else is refused with what and where.
 */
export async function wallWrite(req: IncomingMessage, path: string, door: WallDoor | undefined): Promise<{ status: number; body: unknown }> {
  const target = parseWallPath(path);
  if (!target) return { status: 404, body: { error: `no API endpoint ${path}` } };
  if (req.method !== 'POST') return { status: 405, body: { error: `${path}: only POST` } };
  if (!door) return { status: 404, body: { error: `${path}: this hub takes no wall writes` } };
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return { status: 415, body: { error: `${path}: send Content-Type: application/json` } };
  let text: string;
  try {
    text = await readBody(req, WALL_BODY_MAX);
  } catch (err) {
    return { status: 413, body: { error: `${path}: ${(err as Error).message}` } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { status: 400, body: { error: `${path}: body is not valid JSON` } };
  }
  try {
    if (target.what === 'ack') {
      const parsed = alertAckBodySchema.safeParse(value);
      if (!parsed.success) return { status: 400, body: { error: `${path}: ${describeIssues(parsed.error)}` } };
      return { status: 200, body: door.acknowledge(target.wall, parsed.data.alertId, parsed.data.via) };
    }
    const parsed = wallReportSchema.safeParse(value);
    if (!parsed.success) return { status: 400, body: { error: `${path}: ${describeIssues(parsed.error)}` } };
    if (parsed.data.wall !== target.wall) return { status: 400, body: { error: `${path}: the report is for wall "${parsed.data.wall}"` } };
    door.report(parsed.data);
    return { status: 200, body: { ok: true } };
  } catch (err) {
    const e = err as Error;
    if (e.name === 'UnknownWallError' || e.name === 'UnknownAlertError') return { status: 404, body: { error: e.message } };
    return { status: 500, body: { error: `${path}: ${e.message}` } };
  }
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit the rest is read and dropped, so the refusal reaches the client.
      if (size > max) reject(new Error(`body larger than ${max} bytes`));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
