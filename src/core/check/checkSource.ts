/**
 * The conformance check of a district's own District API v1 service (npm run check-source):
 * the contract's rules run against the live service, each a named check that passes, warns or
 * fails with the places it failed (endpoint, page, JSON path). The same schemas the sync engine
 * validates with; the same fetch limits it reads with.
 */
import { z } from 'zod';
import { FEEDS, SNAPSHOTS, FEED_NAMES, SNAPSHOT_NAMES, apiErrorSchema, feedPageSchema, metaSchema, type FeedName, type SnapshotName } from '../../shared/contract';
import { endpointUrl } from '../sync/endpoints';
import { fetchBody, FetchFailure, type FetchResult } from '../sync/fetchBody';

export type Status = 'pass' | 'warn' | 'fail';

export interface Check {
  id: string;
  title: string;
  status: Status;
  /** One line per finding, each naming where. */
  details: string[];
}

export interface CheckReport {
  url: string;
  verdict: 'pass' | 'fail';
  checks: Check[];
  /** Per endpoint: pages read, records, bytes, slowest response. */
  endpoints: Array<{ name: string; pages: number; records: number; bytes: number; slowestMs: number }>;
  durationMs: number;
}

export interface CheckOptions {
  token?: string;
  timeoutMs?: number;
  /** Largest body the cockpit accepts by default. */
  maxBodyBytes?: number;
  /** Stop paging a feed after this many pages (a bound, not a rule). */
  maxPages?: number;
  pageLimit?: number;
  /** Times further ahead of this clock than this are suspicious. */
  futureSkewMs?: number;
  now?: () => number;
}

const SLOW_MS = 2000;
const FUTURE_ALLOWED = /^(scheduled|planned|due|deadline|expires)/i;
const MAX_DETAILS = 8;

class Checks {
  private readonly list = new Map<string, Check>();
  constructor(entries: Array<[string, string]>) {
    for (const [id, title] of entries) this.list.set(id, { id, title, status: 'pass', details: [] });
  }
  private add(id: string, status: Status, detail: string): void {
    const c = this.list.get(id)!;
    if (status === 'fail' || (status === 'warn' && c.status === 'pass')) c.status = status;
    if (c.details.length < MAX_DETAILS) c.details.push(detail);
    else if (c.details.length === MAX_DETAILS) c.details.push('… (more of the same left out)');
  }
  fail(id: string, detail: string): void {
    this.add(id, 'fail', detail);
  }
  warn(id: string, detail: string): void {
    this.add(id, 'warn', detail);
  }
  note(id: string, detail: string): void {
    const c = this.list.get(id)!;
    if (c.details.length < MAX_DETAILS) c.details.push(detail);
  }
  all(): Check[] {
    return [...this.list.values()];
  }
}

/** zod issues as "items[3].reportedAt: Invalid ISO datetime", with the JSON path in front. */
function issuesAt(prefix: string, error: z.ZodError, limit = 3): string[] {
  return error.issues.slice(0, limit).map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${prefix}${path}: ${i.message}`;
  });
}

/** Every string that looks like a timestamp, with its JSON path. */
function* timestamps(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) yield [path, value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* timestamps(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    // Planned times (a session's scheduledAt) may be ahead; everything else has happened.
    for (const [k, v] of Object.entries(value)) if (!FUTURE_ALLOWED.test(k)) yield* timestamps(v, `${path}.${k}`);
  }
}

export async function checkSource(url: string, opts: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxBodyBytes = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const maxPages = opts.maxPages ?? 500;
  const pageLimit = opts.pageLimit ?? 1000;
  const futureSkewMs = opts.futureSkewMs ?? 10 * 60_000;
  const checks = new Checks([
    ['endpoints', 'Endpoints present (/v1/meta and what it lists)'],
    ['schema', 'Every record and document matches its schema'],
    ['paging', 'Paging and cursors (limit honoured, cursors advance, no loop, no going back)'],
    ['etag', 'ETag and 304 Not Modified'],
    ['timezones', 'Times carry their offset and are not in the future'],
    ['errors', 'Errors use the error shape'],
    ['sizes', `Sizes and timings (pages ≤ ${+(maxBodyBytes / 1048576).toFixed(1)} MiB, answers within ${timeoutMs} ms; slow over ${SLOW_MS} ms)`],
  ]);
  const stats = new Map<string, { name: string; pages: number; records: number; bytes: number; slowestMs: number }>();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;

  /** One GET, its size and time recorded; failures become findings, never exceptions. */
  async function get(name: string, target: string, extra: Record<string, string> = {}): Promise<FetchResult | null> {
    const t0 = performance.now();
    const where = target.slice(url.replace(/\/+$/, '').length) || '/';
    try {
      const res = await fetchBody(target, { headers: { ...headers, ...extra }, timeoutMs, maxBodyBytes });
      const ms = performance.now() - t0;
      const s = stats.get(name) ?? { name, pages: 0, records: 0, bytes: 0, slowestMs: 0 };
      s.pages += 1;
      s.bytes += res.status === 200 ? res.bytes : 0;
      s.slowestMs = Math.max(s.slowestMs, Math.round(ms));
      stats.set(name, s);
      if (ms > SLOW_MS) checks.warn('sizes', `GET ${where}: answered in ${Math.round(ms)} ms`);
      return res;
    } catch (err) {
      const f = err as FetchFailure;
      const id = f.kind === 'timeout' || (f.kind === 'body' && /limit/.test(f.message)) ? 'sizes' : 'endpoints';
      checks.fail(id, `GET ${where}: ${f.message}`);
      return null;
    }
  }

  const json = (name: string, where: string, text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      checks.fail('schema', `${where}: not JSON (${(err as Error).message.slice(0, 120)})`);
      return undefined;
    }
  };

  function checkTimes(where: string, value: unknown): void {
    const limit = now() + futureSkewMs;
    for (const [path, t] of timestamps(value, '')) {
      if (!/(Z|[+-]\d{2}:\d{2})$/.test(t)) checks.fail('timezones', `${where}${path}: "${t}" has no offset`);
      else if (Date.parse(t) > limit) checks.fail('timezones', `${where}${path}: "${t}" is ${Math.round((Date.parse(t) - now()) / 60_000)} min in the future (local time written as UTC?)`);
    }
  }

  // /v1/meta: what the service is and serves.
  const metaRes = await get('meta', endpointUrl(url, '/v1/meta'));
  let served: { feeds: FeedName[]; snapshots: SnapshotName[] } = { feeds: [], snapshots: [] };
  if (metaRes?.status === 200) {
    const meta = metaSchema.safeParse(json('meta', 'GET /v1/meta', metaRes.text));
    if (!meta.success) {
      for (const d of issuesAt('GET /v1/meta ', meta.error)) checks.fail('schema', d);
      checks.fail('endpoints', 'GET /v1/meta: not a valid meta document, so what the service serves is unknown');
    } else {
      checkTimes('GET /v1/meta ', meta.data);
      served = {
        feeds: FEED_NAMES.filter((f) => meta.data.feeds.includes(f)),
        snapshots: SNAPSHOT_NAMES.filter((s) => meta.data.snapshots.includes(s)),
      };
      const unknown = [...meta.data.feeds, ...meta.data.snapshots].filter((n) => !(FEED_NAMES as string[]).includes(n) && !(SNAPSHOT_NAMES as string[]).includes(n));
      if (unknown.length) checks.warn('endpoints', `GET /v1/meta lists ${unknown.join(', ')}, which District API v1 does not define`);
      const missing = [...FEED_NAMES.filter((f) => !served.feeds.includes(f)), ...SNAPSHOT_NAMES.filter((s) => !served.snapshots.includes(s))];
      if (missing.length) checks.note('endpoints', `not served (per /v1/meta): ${missing.join(', ')}`);
    }
  } else if (metaRes?.status === 304) {
    checks.fail('etag', 'GET /v1/meta: 304 without If-None-Match');
  }

  // Snapshots: schema, times, ETag → 304.
  for (const name of served.snapshots) {
    const path = SNAPSHOTS[name].path;
    const res = await get(name, endpointUrl(url, path));
    if (!res || res.status !== 200) continue;
    const doc = json(name, `GET ${path}`, res.text);
    const parsed = SNAPSHOTS[name].schema.safeParse(doc);
    if (!parsed.success) for (const d of issuesAt(`GET ${path} `, parsed.error)) checks.fail('schema', d);
    checkTimes(`GET ${path} `, doc);
    if (!res.etag) checks.fail('etag', `GET ${path}: no ETag header (a snapshot must have one)`);
    else {
      const again = await get(name, endpointUrl(url, path), { 'if-none-match': res.etag });
      if (again && again.status !== 304) checks.fail('etag', `GET ${path} with If-None-Match ${res.etag}: ${again.status}, expected 304`);
    }
  }

  // Feeds: page through to the tip, every record validated; then the tip asked again.
  for (const name of served.feeds) {
    const path = FEEDS[name].path;
    const record = FEEDS[name].record;
    const seenCursors = new Set<string>();
    let cursor: string | null = null;
    let maxUpdated = -Infinity;
    let pages = 0;
    let records = 0;
    let tip: { cursor: string } | null = null;
    for (; pages < maxPages; pages++) {
      const where = `GET ${path}?${cursor ? `cursor=${cursor.slice(0, 24)}&` : ''}limit=${pageLimit} (page ${pages + 1})`;
      const res = await get(name, endpointUrl(url, path, { cursor, limit: pageLimit }));
      if (!res || res.status !== 200) {
        if (res?.status === 304) checks.fail('etag', `${where}: 304 without If-None-Match`);
        break;
      }
      const envelope = feedPageSchema.safeParse(json(name, where, res.text));
      if (!envelope.success) {
        for (const d of issuesAt(`${where} `, envelope.error)) checks.fail('schema', d);
        break;
      }
      const page = envelope.data;
      if (page.items.length > pageLimit) checks.fail('paging', `${where}: ${page.items.length} items for limit=${pageLimit}`);
      page.items.forEach((item, i) => {
        const r = record.safeParse(item);
        if (!r.success) for (const d of issuesAt(`${where} items[${i}]`, r.error, 2)) checks.fail('schema', d);
        checkTimes(`${where} items[${i}]`, item);
        const updated = Date.parse(String((item as { updatedAt?: unknown })?.updatedAt));
        if (Number.isFinite(updated)) maxUpdated = Math.max(maxUpdated, updated);
      });
      records += page.items.length;
      if (page.hasMore && page.cursor === cursor) {
        checks.fail('paging', `${where}: hasMore with the same cursor it was given — a client would loop`);
        break;
      }
      if (seenCursors.has(page.cursor) && page.hasMore) {
        checks.fail('paging', `${where}: cursor ${page.cursor.slice(0, 24)} came back after other pages — a loop`);
        break;
      }
      seenCursors.add(page.cursor);
      if (!page.hasMore) {
        tip = { cursor: page.cursor };
        break;
      }
      cursor = page.cursor;
    }
    const s = stats.get(name);
    if (s) s.records = records;
    if (!tip) {
      if (pages >= maxPages) checks.warn('paging', `GET ${path}: still hasMore after ${maxPages} pages (${records} records); stopped there`);
      continue;
    }
    // Asked again from the tip: nothing already delivered comes back (no going back).
    const whereTip = `GET ${path}?cursor=${tip.cursor.slice(0, 24)} (the tip, asked again)`;
    const again = await get(name, endpointUrl(url, path, { cursor: tip.cursor, limit: pageLimit }));
    if (again?.status !== 200) continue;
    const envelope = feedPageSchema.safeParse(json(name, whereTip, again.text));
    if (envelope.success) {
      const older = envelope.data.items.filter((it) => Date.parse(String((it as { updatedAt?: unknown })?.updatedAt)) < maxUpdated);
      if (older.length) checks.fail('paging', `${whereTip}: ${older.length} record(s) older than ones already delivered came back (the cursor went back)`);
    }
    // The request an idle client repeats is this one: its ETag must make "nothing new" a 304.
    if (!again.etag) checks.warn('etag', `${whereTip}: no ETag, so every idle poll costs a whole page`);
    else {
      const cond = await get(name, endpointUrl(url, path, { cursor: tip.cursor, limit: pageLimit }), { 'if-none-match': again.etag });
      if (cond && cond.status !== 304) checks.fail('etag', `${whereTip} with If-None-Match ${again.etag}: ${cond.status}, expected 304`);
    }
  }

  // A request the service must refuse: a cursor it never issued.
  const firstFeed = served.feeds[0];
  if (firstFeed) {
    const path = FEEDS[firstFeed].path;
    try {
      const res = await fetch(endpointUrl(url, path, { cursor: '!not-a-cursor!' }), { headers, signal: AbortSignal.timeout(timeoutMs) });
      const body = await res.text();
      if (res.status < 400) checks.warn('errors', `GET ${path}?cursor=!not-a-cursor!: ${res.status}; a cursor the service never issued should be refused (400)`);
      else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          parsed = undefined;
        }
        const shape = apiErrorSchema.safeParse(parsed);
        if (!shape.success) checks.fail('errors', `GET ${path}?cursor=!not-a-cursor!: ${res.status} without the error shape {"error":{"code","message"}}`);
      }
    } catch (err) {
      checks.fail('errors', `GET ${path}?cursor=!not-a-cursor!: ${(err as Error).message}`);
    }
  }

  const list = checks.all();
  for (const c of list) if (c.status === 'pass' && c.details.length === 0) c.details.push('ok');
  return {
    url,
    verdict: list.some((c) => c.status === 'fail') ? 'fail' : 'pass',
    checks: list,
    endpoints: [...stats.values()],
    durationMs: Math.round(performance.now() - started),
  };
}

const MARK: Record<Status, string> = { pass: '✓', warn: '!', fail: '✗' };

/** The report as a person reads it. */
export function formatReport(r: CheckReport): string {
  const lines = [`District API v1 conformance check of ${r.url}`, ''];
  for (const c of r.checks) {
    lines.push(`${MARK[c.status]} ${c.title}`);
    for (const d of c.details) if (d !== 'ok' || c.status !== 'pass') lines.push(`    ${d}`);
  }
  lines.push('', 'endpoint          pages  records       bytes  slowest');
  for (const e of r.endpoints) {
    lines.push(`${e.name.padEnd(16)} ${String(e.pages).padStart(6)} ${String(e.records).padStart(8)} ${String(e.bytes).padStart(11)} ${String(e.slowestMs).padStart(6)} ms`);
  }
  const failed = r.checks.filter((c) => c.status === 'fail').length;
  const warned = r.checks.filter((c) => c.status === 'warn').length;
  lines.push('', `Verdict: ${r.verdict === 'pass' ? 'PASS' : 'FAIL'} — ${failed} failed, ${warned} warning(s), ${r.checks.length - failed - warned} passed (${(r.durationMs / 1000).toFixed(1)} s)`);
  return lines.join('\n');
}
