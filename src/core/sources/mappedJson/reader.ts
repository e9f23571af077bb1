/**
 * A JSON API of its own shape, read as the contract's feeds and snapshots: each response's
 * records found by an expression and mapped field by field; paging by offset, page number,
 * cursor or next link; incremental by the largest updatedAt or id seen; ETags honoured.
 *
 * The feed cursor the engine stores is this reader's own state, as JSON:
 *   { w: the watermark this pass asks from, m: the largest value seen so far in it,
 *     at: where the next page is (offset, page, cursor or URL; null at the start of a pass) }
 * so a backfill interrupted mid-pass resumes at its page, and a pass that found nothing new
 * ends on the cursor it started from (the engine then keeps the tip's ETag).
 */
import type { JsonFeedConfig, JsonSnapshotConfig, JsonSourceConfig } from '../../../shared/sources';
import type { QuarantinedRecord } from '../../cache';
import { parseJson } from '../../sync/districtApiReader';
import { displayUrl } from '../../sync/endpoints';
import { fetchBody } from '../../sync/fetchBody';
import { PageRejected } from '../../sync/pageRejected';
import type { FeedRead, FeedSpec, ReaderDeps, SnapshotRead, SourceReader } from '../../sync/reader';
import { convert } from '../mapping/conversions';
import { compileExpression, evaluate, type Expression } from '../mapping/expression';
import { compileRecordMapping, explainIssues, type RecordMapping } from '../mapping/recordMapping';
import { maxWatermark } from '../watermark';
import { prepareAuth } from './auth';

interface PassState {
  w: string | null;
  m: string | null;
  at: number | string | null;
}

function readState(cursor: string | null): PassState {
  if (!cursor) return { w: null, m: null, at: null };
  try {
    const s = JSON.parse(cursor) as Partial<PassState>;
    const at = typeof s.at === 'number' || typeof s.at === 'string' ? s.at : null;
    return { w: typeof s.w === 'string' ? s.w : null, m: typeof s.m === 'string' ? s.m : null, at };
  } catch {
    return { w: null, m: null, at: null }; // a cursor from another kind of source: start over
  }
}

const writeState = (s: PassState) => JSON.stringify({ w: s.w, m: s.m, at: s.at });

interface CompiledFeed {
  config: JsonFeedConfig;
  items: Expression;
  errorWhen: Expression | null;
  mapping: RecordMapping;
  paging: { total?: Expression; pages?: Expression; next?: Expression };
}

const brief = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
};

export function createJsonReader(source: JsonSourceConfig, deps: ReaderDeps = {}): SourceReader {
  const base = new URL(source.url.replace(/\/+$/, '') + '/');
  const location = displayUrl(source.url);
  let secrets: string[] = [];

  const feeds = new Map<string, CompiledFeed>();
  for (const [name, config] of Object.entries(source.feeds)) {
    if (!config) continue;
    const p = config.paging;
    feeds.set(name, {
      config,
      items: compileExpression(config.items),
      errorWhen: config.errorWhen ? compileExpression(config.errorWhen) : null,
      mapping: compileRecordMapping(config.fields, { timezone: source.timezone }),
      paging: {
        total: 'total' in p && p.total ? compileExpression(p.total) : undefined,
        pages: 'pages' in p && p.pages ? compileExpression(p.pages) : undefined,
        next: 'next' in p ? compileExpression(p.next) : undefined,
      },
    });
  }
  const snapshots = new Map<string, { config: JsonSnapshotConfig; select: Expression; errorWhen: Expression | null; mapping: RecordMapping }>();
  for (const [name, config] of Object.entries(source.snapshots)) {
    if (!config) continue;
    snapshots.set(name, {
      config,
      select: compileExpression(config.select),
      errorWhen: config.errorWhen ? compileExpression(config.errorWhen) : null,
      mapping: compileRecordMapping(config.fields, { timezone: source.timezone }),
    });
  }

  /** The URL of a path below the base, with its fixed query. */
  function urlOf(path: string, query: Record<string, string | number | boolean>): URL {
    const url = new URL(path.replace(/^\/+/, ''), base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    return url;
  }

  async function get(url: URL, etag: string | null, signal: AbortSignal) {
    const auth = await prepareAuth(source.auth, deps);
    secrets = auth.secrets;
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [k, v] of Object.entries(source.headers)) headers[k.toLowerCase()] = v;
    if (etag) headers['if-none-match'] = etag;
    auth.apply(url, headers);
    return fetchBody(url.toString(), { headers, timeoutMs: source.timeoutMs, maxBodyBytes: source.maxBodyBytes, fetchImpl: deps.fetchImpl, signal });
  }

  async function rejectIfError(errorWhen: Expression | null, body: unknown, what: string): Promise<void> {
    if (errorWhen && (await evaluate(errorWhen, body))) throw new PageRejected(`${what}: the API answered with an error: ${brief(body)}`);
  }

  /** The incremental parameter's value for a watermark. */
  function watermarkParam(feed: JsonFeedConfig, w: string): string {
    const inc = feed.incremental!;
    if (inc.by === 'id') return w;
    const ms = Date.parse(w);
    if (inc.format === 'epochMs') return String(ms);
    if (inc.format === 'epochS') return String(Math.floor(ms / 1000));
    if (inc.format === 'local') return (convert(w, 'time', source.timezone) as string).slice(0, 19).replace('T', ' ');
    return w;
  }

  async function readFeed(spec: FeedSpec, req: { cursor: string | null; etag: string | null; signal: AbortSignal }): Promise<FeedRead> {
    const feed = feeds.get(spec.name);
    if (!feed) throw new Error(`${spec.name} is not mapped by this source`);
    const { config } = feed;
    const paging = config.paging;
    const state = readState(req.cursor);

    // The request for this page.
    let url: URL;
    let where: string;
    if (paging.style === 'nextLink' && typeof state.at === 'string') {
      url = new URL(state.at);
      where = `${url.pathname}${url.search}`;
    } else {
      url = urlOf(config.path, config.query);
      if (config.incremental && state.w !== null) url.searchParams.set(config.incremental.param, watermarkParam(config, state.w));
      if (paging.style === 'offset') {
        url.searchParams.set(paging.offsetParam, String(typeof state.at === 'number' ? state.at : 0));
        url.searchParams.set(paging.limitParam, String(paging.limit));
      } else if (paging.style === 'page') {
        url.searchParams.set(paging.pageParam, String(typeof state.at === 'number' ? state.at : paging.firstPage));
        url.searchParams.set(paging.sizeParam, String(paging.size));
      } else if (paging.style === 'cursor') {
        if (typeof state.at === 'string') url.searchParams.set(paging.cursorParam, state.at);
        if (paging.limitParam) url.searchParams.set(paging.limitParam, String(paging.limit));
      }
      where = `${url.pathname}${url.search}`;
    }
    const atStart = state.at === null || paging.style === 'cursor';
    const res = await get(url, atStart ? req.etag : null, req.signal);
    if (res.status === 304) return { status: 304 };
    const body = parseJson(res.text);
    await rejectIfError(feed.errorWhen, body, `GET ${where}`);
    let raw = await evaluate(feed.items, body);
    if (raw === undefined || raw === null) raw = [];
    if (!Array.isArray(raw)) {
      if (typeof raw === 'object') raw = [raw];
      else throw new PageRejected(`GET ${where}: the items expression \`${config.items}\` gave ${brief(raw)}, not a list of records`);
    }
    const rawItems = raw as unknown[];

    // Map every record; one that cannot be mapped is quarantined, the rest of the page kept.
    const items: unknown[] = [];
    const origins: number[] = [];
    const rejected: QuarantinedRecord[] = [];
    let m = state.m;
    const by = config.incremental?.by;
    for (let i = 0; i < rawItems.length; i++) {
      const { record, failure } = await feed.mapping.map(rawItems[i]);
      if (failure) {
        const id = await idOf(feed.mapping, rawItems[i]);
        rejected.push({
          recordId: id,
          reason: `GET ${where} record ${i}: field ${failure.field} (from \`${failure.expression}\`): ${failure.message}`,
          payload: rawItems[i],
        });
        continue;
      }
      items.push(record);
      origins.push(i);
      if (by) m = maxWatermark(by, m, record![by]);
    }

    // Where the next page is, and whether there is one now.
    const got = rawItems.length;
    let next: number | string | null = null;
    if (paging.style === 'offset') {
      const offset = typeof state.at === 'number' ? state.at : 0;
      const total = feed.paging.total ? Number(await evaluate(feed.paging.total, body)) : NaN;
      if (got >= paging.limit && !(offset + got >= total)) next = offset + got;
    } else if (paging.style === 'page') {
      const page = typeof state.at === 'number' ? state.at : paging.firstPage;
      const total = feed.paging.total ? Number(await evaluate(feed.paging.total, body)) : NaN;
      const pages = feed.paging.pages ? Number(await evaluate(feed.paging.pages, body)) : NaN;
      const seen = (page - paging.firstPage + 1) * paging.size;
      if (got >= paging.size && !(seen >= total) && !(page - paging.firstPage + 1 >= pages)) next = page + 1;
    } else if (paging.style === 'cursor' || paging.style === 'nextLink') {
      const n = await evaluate(feed.paging.next!, body);
      if ((typeof n === 'string' && n.trim() !== '') || typeof n === 'number') next = String(n);
      if (paging.style === 'nextLink' && next !== null) {
        const link = new URL(String(next), url);
        // The API decides where the next page is, never where the credentials go.
        if (link.origin !== base.origin) throw new PageRejected(`GET ${where}: next link ${link.origin} is not on ${base.origin}`);
        next = link.toString();
      }
    }

    let after: PassState;
    let hasMore: boolean;
    if (paging.style === 'cursor') {
      // The API's cursor is itself incremental: keep it across polls, like the contract's.
      hasMore = next !== null && got > 0 && next !== state.at;
      after = { w: by ? (m ?? state.w) : state.w, m: null, at: next ?? state.at };
    } else if (next !== null) {
      hasMore = true;
      after = { w: state.w, m, at: next };
    } else {
      hasMore = false;
      after = { w: by ? (m ?? state.w) : state.w, m: null, at: null };
    }

    return {
      status: 200,
      page: { items, cursor: writeState(after), hasMore },
      etag: res.etag,
      rejected,
      explain: (index, issues) => `GET ${where} record ${origins[index]}: ${explainIssues(issues, feed.mapping)}`,
    };
  }

  async function readSnapshot(name: string, etag: string | null, signal: AbortSignal): Promise<SnapshotRead> {
    const snap = snapshots.get(name);
    if (!snap) throw new Error(`${name} is not mapped by this source`);
    const url = urlOf(snap.config.path, snap.config.query);
    const where = `${url.pathname}${url.search}`;
    const res = await get(url, etag, signal);
    if (res.status === 304) return { status: 304 };
    const body = parseJson(res.text);
    await rejectIfError(snap.errorWhen, body, `GET ${where}`);
    const selected = await evaluate(snap.select, body);
    const { record, failure } = await snap.mapping.map(selected);
    if (failure) throw new PageRejected(`GET ${where}: field ${failure.field} (from \`${failure.expression}\`): ${failure.message}`);
    return { status: 200, doc: record, etag: res.etag, text: JSON.stringify(record), explain: (issues) => `GET ${where}: ${explainIssues(issues, snap.mapping)}` };
  }

  return {
    location,
    serves: [...feeds.keys(), ...snapshots.keys()],
    readFeed: (spec, req) => readFeed(spec, req),
    readSnapshot: (spec, etag, signal) => readSnapshot(spec.name, etag, signal),
    secrets: () => secrets,
  };
}

/** A failed record's id, when its id field can still be read. */
async function idOf(mapping: RecordMapping, raw: unknown): Promise<string | null> {
  const expr = mapping.expressionOf('id');
  if (!expr) return null;
  try {
    const v = await evaluate(compileExpression(expr), raw);
    return typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 64) : null;
  } catch {
    return null;
  }
}
