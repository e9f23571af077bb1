/**
 * `POST /api/brief {week, pages, wall?, locale?}` → the briefing pack as a PDF download: the
 * presenter's button (and its B key). One pack at a time (a second request while one is drawn
 * gets 409); the PNGs and the record stay on the hub's machine in a temporary folder that is
 * removed once the PDF is sent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { describe } from '../../shared/control/types';
import { LOCALES } from '../../shared/i18n';
import { wallIdSchema } from '../../shared/wall/history';
import { makeBriefPack } from '../brief/pack';
import { PackRequestError, parsePages, type Ask } from '../brief/packModel';
import { setSecurityHeaders } from './security';

const bodySchema = z.strictObject({
  week: z.iso.date({ error: 'expected a date YYYY-MM-DD that exists' }),
  pages: z.array(z.string().max(20)).min(1).max(10),
  wall: wallIdSchema.optional(),
  locale: z.enum(LOCALES).optional(),
});

type Send = (res: ServerResponse, status: number, body: unknown) => void;

export function createBriefRoute(opts: { hubUrl: () => string; ask: Ask; token?: string }) {
  let busy = false;
  return async function handleBrief(req: IncomingMessage, res: ServerResponse, send: Send): Promise<void> {
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) return send(res, 415, { error: 'expected Content-Type: application/json' });
    const origin = req.headers.origin;
    if (origin !== undefined && (() => { try { return new URL(origin).host !== req.headers.host; } catch { return true; } })()) return send(res, 403, { error: 'cross-origin request refused' });
    let raw = '';
    for await (const chunk of req as AsyncIterable<Buffer>) {
      raw += chunk.toString('utf8');
      if (raw.length > 4096) return send(res, 413, { error: 'request body over 4096 bytes' });
    }
    let json: unknown;
    try {
      json = JSON.parse(raw || '{}');
    } catch {
      return send(res, 400, { error: 'request body is not valid JSON' });
    }
    const parsed = bodySchema.safeParse(json);
    if (!parsed.success) return send(res, 400, { error: `brief: ${describe(parsed.error)}` });
    if (busy) return send(res, 409, { error: 'a briefing pack is being made; try again in a few seconds' });
    busy = true;
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-brief-'));
    try {
      const pages = parsePages(parsed.data.pages);
      const out = join(dir, `brief-${parsed.data.week}.pdf`);
      const pack = await makeBriefPack({ hubUrl: opts.hubUrl(), ask: opts.ask, week: parsed.data.week, pages, out, locale: parsed.data.locale, wall: parsed.data.wall, headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : undefined });
      const pdf = readFileSync(pack.pdf);
      setSecurityHeaders(res);
      res.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': pdf.length,
        'Content-Disposition': `attachment; filename="brief-${parsed.data.week}.pdf"`,
        'Cache-Control': 'no-store',
        'X-Figures-SHA256': pack.model.figuresSha256,
      });
      res.end(pdf);
    } catch (err) {
      if (err instanceof PackRequestError) return send(res, 400, { error: `brief: ${err.message}` });
      throw err;
    } finally {
      busy = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
