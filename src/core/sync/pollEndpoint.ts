/**
 * One poll of one endpoint. A feed pages from its stored cursor while `hasMore` (that is the
 * backfill), each page committed with its cursor in one transaction, so a crash resumes after
 * the last whole page. A snapshot is fetched with If-None-Match. A response that cannot be
 * trusted whole (HTTP error, malformed or truncated body, over the size cap, wrong envelope)
 * stores nothing and leaves the cursor where it was.
 */
import type { SourceConfig } from '../../shared/config';
import { API_VERSION, describeIssues, feedPageSchema, validatingAt } from '../../shared/contract';
import { isoMs } from '../../shared/contract/isoMs';
import { CacheWriteError, type Cache, type QuarantinedRecord } from '../cache';
import type { EndpointSpec } from './endpoints';
import { FetchFailure } from './fetchBody';
import { PageRejected } from './pageRejected';
import type { SourceReader } from './reader';

export interface PollResult {
  name: string;
  outcome: 'updated' | 'unchanged' | 'failed';
  pages: number;
  /** Valid records received. */
  stored: number;
  /** Rows that changed in the cache. */
  changed: number;
  quarantined: number;
  /** First quarantine reason of this poll, for health. */
  quarantineReason: string | null;
  error: string | null;
  cacheFailed: boolean;
  /** The failure was a body over the size cap. */
  oversized?: boolean;
  /** Something an operator should see although the poll went through (a cursor reset). */
  notice?: string;
  /** Meta only: the source declares an API version the cockpit does not speak. */
  unknownVersion?: boolean;
  /** Meta only: the endpoints the source says it serves. */
  served?: string[];
}

export interface PollContext {
  cache: Cache;
  source: SourceConfig;
  /** Turns the source's system into contract-shaped pages and documents (./reader.ts). */
  reader: SourceReader;
  pageLimit: number;
  signal: AbortSignal;
  /**
   * When each feed started over after a refused cursor, until a poll of it goes through (kept by
   * the engine): a service that refuses its fresh cursors too gets no second backfill.
   */
  cursorResets?: Map<string, number>;
  /** Pages one poll of a feed may read (default MAX_PAGES_PER_POLL). */
  maxPagesPerPoll?: number;
  /** The cockpit's clock: records timed more than a day after it are quarantined. */
  now?: () => number;
  /** Called after each committed page that changed rows (for change notices during a backfill). */
  onCommit?: (name: string) => void;
  /**
   * The last invalid document quarantined per snapshot endpoint: a source that keeps serving
   * the same bad document is quarantined once, not once per poll.
   */
  rejectedDocs?: Map<string, string>;
}

export async function pollEndpoint(ctx: PollContext, spec: EndpointSpec): Promise<PollResult> {
  const result: PollResult = {
    name: spec.name,
    outcome: 'unchanged',
    pages: 0,
    stored: 0,
    changed: 0,
    quarantined: 0,
    quarantineReason: null,
    error: null,
    cacheFailed: false,
  };
  try {
    if (spec.kind === 'feed') await pollFeed(ctx, spec, result);
    else await pollSnapshot(ctx, spec, result);
    if (result.changed > 0) result.outcome = 'updated';
  } catch (err) {
    result.outcome = 'failed';
    result.cacheFailed = err instanceof CacheWriteError;
    result.oversized = (err instanceof FetchFailure || err instanceof PageRejected) && err.oversized;
    result.error = err instanceof Error ? err.message : String(err);
  }
  return result;
}

async function pollFeed(ctx: PollContext, spec: Extract<EndpointSpec, { kind: 'feed' }>, result: PollResult): Promise<void> {
  const state = ctx.cache.endpointState(ctx.source.id, spec.name);
  let cursor = state?.cursor ?? null;
  // An ETag validates one request (this cursor). It is stored only from a page at the tip whose
  // cursor did not move, i.e. exactly the request the next poll repeats; then "nothing new"
  // costs a 304 and no body.
  let etag = state?.etag ?? null;
  /** Ids this poll has stored, with the updatedAt of the copy that won (see inChangeOrder). */
  const seen = new Map<string, number>();
  const cursorsSeen = new Set<string | null>([cursor]);
  const maxPages = ctx.maxPagesPerPoll ?? MAX_PAGES_PER_POLL;
  let idlePages = 0;
  for (;;) {
    if (ctx.signal.aborted) throw new FetchFailure('aborted: sync stopped', 'aborted');
    let res: Awaited<ReturnType<SourceReader['readFeed']>>;
    try {
      res = await ctx.reader.readFeed(spec, { cursor, limit: ctx.pageLimit, etag, signal: ctx.signal });
    } catch (err) {
      if (cursor === null || !refusesCursor(err)) throw err;
      // The service refuses a cursor it handed out (restored from a backup, re-keyed): asking
      // for it forever leaves the feed down for good. Once, start over with a fresh backfill.
      const at = (ctx.now ?? Date.now)();
      const last = ctx.cursorResets?.get(spec.name);
      if (last !== undefined) {
        throw new PageRejected(`${(err as Error).message} (refused again after the fresh backfill of ${new Date(last).toISOString()}, before a poll went through: not reset twice)`);
      }
      ctx.cursorResets?.set(spec.name, at);
      ctx.cache.resetFeedCursor(ctx.source.id, spec.name);
      result.notice = `cursor ${shortCursor(cursor)} refused (${(err as Error).message}): reset to a fresh backfill`;
      cursor = null;
      etag = null;
      cursorsSeen.clear();
      cursorsSeen.add(null);
      continue;
    }
    if (res.status === 304) return;
    // The item cap first: checking the envelope walks (and copies) every item, which is the
    // cost a flood of a million items is after.
    const items = (res.page as { items?: unknown } | null)?.items;
    if (Array.isArray(items) && items.length > PAGE_ITEMS_MAX) {
      throw new PageRejected(`page of ${items.length} items is over the ${PAGE_ITEMS_MAX}-item cap (asked for ${ctx.pageLimit})`, true);
    }
    const envelope = feedPageSchema.safeParse(res.page);
    if (!envelope.success) throw new PageRejected(`page does not match the feed envelope: ${describeIssues(envelope.error)}`);
    const page = envelope.data;
    if (page.hasMore && page.cursor === cursor) throw new PageRejected('feed said hasMore but its cursor did not advance');
    // A feed that does not converge (an oscillating cursor, ever-new cursors re-sending what it
    // sent, or no end at all) would keep a core busy with thousands of requests a second: the
    // poll stops, before storing the page that gave it away, and the endpoint backs off.
    if (page.hasMore && cursorsSeen.has(page.cursor)) {
      throw new PageRejected(`feed does not converge: cursor ${shortCursor(page.cursor)} came back within one poll (after ${result.pages + 1} pages)`);
    }
    if (page.hasMore && result.pages + 1 >= maxPages) {
      throw new PageRejected(`feed does not converge: still hasMore after ${maxPages} pages in one poll`);
    }
    cursorsSeen.add(page.cursor);

    const valid: unknown[] = [];
    const quarantined: QuarantinedRecord[] = [...(res.rejected ?? [])];
    // Validation of a big page yields to the event loop between slices, so /healthz and every
    // query keep answering while a flood of records is checked.
    const validatedAt = (ctx.now ?? Date.now)();
    for (let from = 0; from < page.items.length; from += VALIDATE_SLICE) {
      if (from > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (ctx.signal.aborted) throw new FetchFailure('aborted: sync stopped', 'aborted');
      }
      validatingAt(validatedAt, () => {
        const to = Math.min(page.items.length, from + VALIDATE_SLICE);
        for (let i = from; i < to; i++) {
          const item = page.items[i];
          const parsed = spec.record.safeParse(item);
          if (parsed.success) valid.push(parsed.data);
          else {
            const issues = describeIssues(parsed.error);
            quarantined.push({ recordId: recordIdOf(item), reason: res.explain?.(i, issues) ?? issues, payload: item });
          }
        }
      });
      // A flood: the first FLOOD_SAMPLE records all invalid and more to come. Refused whole (the
      // cursor stays, nothing is lost) rather than validating and quarantining all of them.
      const checked = Math.min(page.items.length, from + VALIDATE_SLICE);
      if (valid.length === 0 && checked >= FLOOD_SAMPLE && checked < page.items.length) {
        const q = quarantined[0];
        throw new PageRejected(
          `flood of invalid records: the first ${checked} of ${page.items.length} items are all invalid (${q ? `${q.recordId ?? '(no id)'}: ${q.reason}` : 'rejected by the reader'}); page refused`,
          true,
        );
      }
    }
    const { first, later } = inChangeOrder(valid as Array<{ id: string; updatedAt: string }>, seen);
    if (res.removed?.length) ctx.cache.removeFeedRecords(ctx.source.id, spec.name, res.removed);
    const tipEtag = !page.hasMore && page.cursor === cursor ? res.etag : null;
    const applied = ctx.cache.applyFeedPage(ctx.source.id, spec.name, first as never[], quarantined, page.cursor, tipEtag, later as never[]);
    result.pages += 1;
    result.stored += applied.stored;
    result.changed += applied.changed;
    result.quarantined += applied.quarantined;
    result.quarantineReason ??= quarantined[0] ? `${quarantined[0].recordId ?? '(no id)'}: ${quarantined[0].reason}` : null;
    if (applied.changed > 0) ctx.onCommit?.(spec.name);
    if (!page.hasMore) return;
    // Only records this poll has had already (not merely stored before: a fresh backfill re-sends those).
    idlePages = page.items.length > 0 && first.length === 0 && quarantined.length === 0 ? idlePages + 1 : 0;
    if (idlePages >= IDLE_PAGES_MAX) {
      throw new PageRejected(`feed does not converge: ${idlePages} pages in a row said hasMore but re-sent records of this poll`);
    }
    cursor = page.cursor;
    etag = null;
  }
}

async function pollSnapshot(ctx: PollContext, spec: Extract<EndpointSpec, { kind: 'snapshot' }>, result: PollResult): Promise<void> {
  // endpoint_state.etag is written in the same transaction as the stored document.
  const etag = ctx.cache.endpointState(ctx.source.id, spec.name)?.etag ?? null;
  const res = await ctx.reader.readSnapshot(spec, etag, ctx.signal);
  if (res.status === 304) {
    ctx.cache.touchSnapshot(ctx.source.id, spec.name, etag);
    if (spec.name === 'meta') result.served = servedBy(ctx.cache.snapshot(ctx.source.id, 'meta')?.doc);
    return;
  }
  const doc = res.doc;
  if (spec.name === 'meta') {
    const declared = (doc as { apiVersion?: unknown } | null)?.apiVersion;
    if (declared !== API_VERSION) {
      result.unknownVersion = true;
      throw new PageRejected(`the source declares API version ${JSON.stringify(declared ?? null)?.slice(0, 20)}; the cockpit speaks ${API_VERSION}: nothing is synced until it declares ${API_VERSION}`);
    }
  }
  const parsed = validatingAt((ctx.now ?? Date.now)(), () => spec.schema.safeParse(doc));
  result.pages = 1;
  if (!parsed.success) {
    // The document is the record here: keep it for the operator, keep the last good copy in use.
    const issues = describeIssues(parsed.error);
    const reason = res.explain?.(issues) ?? issues;
    if (ctx.rejectedDocs?.get(spec.name) !== res.text) {
      ctx.cache.quarantine(ctx.source.id, spec.name, [{ recordId: null, reason, payload: doc }]);
      ctx.rejectedDocs?.set(spec.name, res.text);
      result.quarantined = 1;
    }
    throw new PageRejected(`invalid document: ${reason}`);
  }
  ctx.rejectedDocs?.delete(spec.name);
  const applied = ctx.cache.applySnapshot(ctx.source.id, spec.name, parsed.data, res.etag);
  result.stored = 1;
  result.changed = applied.changed ? 1 : 0;
  if (spec.name === 'meta') result.served = servedBy(parsed.data);
}

/**
 * Pages one poll may read: a backfill of 10 million records at 5000 a page. A feed still saying
 * hasMore after that does not converge; a real backfill that long goes on at the next poll.
 */
export const MAX_PAGES_PER_POLL = 2000;
/** Pages in a row that say hasMore yet only re-send records of the same poll. */
const IDLE_PAGES_MAX = 3;

function shortCursor(cursor: string): string {
  return JSON.stringify(cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor);
}

/**
 * Items one page may carry: ten times the contract's largest page (a folder source sends a
 * whole sheet as one page). A page of a million items is refused before it is validated.
 */
export const PAGE_ITEMS_MAX = 50_000;
/** Records validated between two yields to the event loop (≈ 5–10 ms of work). */
const VALIDATE_SLICE = 500;
/** All invalid after this many, with more in the page: a flood (see pollFeed). */
const FLOOD_SAMPLE = 1000;

/** A 400 naming the cursor (details.parameter, or the message). */
function refusesCursor(err: unknown): boolean {
  return err instanceof FetchFailure && err.http?.status === 400 && (err.http.parameter === 'cursor' || /\bcursor\b/i.test(err.message));
}

/** Ids remembered per poll for the order rule; a backfill past this many compares within pages only. */
const SEEN_IDS_MAX = 200_000;

/**
 * Order within a poll: a feed lists changes in order, so when a poll's pages carry the same
 * record more than once the later copy wins unless it is older — a tie on updatedAt goes to
 * the later copy, never to whichever was stored first. Within a page the winner is picked here;
 * a record an earlier page stored already goes back as `later`, which the cache lets replace
 * an equally new stored copy. (A stale variant on page 1 and the current one on page 2 with the
 * same updatedAt used to leave the stale one: accepted events 283 → 33.)
 */
function inChangeOrder<T extends { id: string; updatedAt: string }>(records: T[], seen: Map<string, number>): { first: T[]; later: T[] } {
  const winners = new Map<string, { record: T; ms: number }>();
  for (const record of records) {
    const ms = isoMs(record.updatedAt);
    const prev = winners.get(record.id);
    if (!prev || ms >= prev.ms) {
      if (prev) winners.delete(record.id); // keep the map in the order of the winning copies
      winners.set(record.id, { record, ms });
    }
  }
  const first: T[] = [];
  const later: T[] = [];
  for (const [id, { record, ms }] of winners) {
    const before = seen.get(id);
    if (before === undefined) first.push(record);
    else if (ms >= before) later.push(record);
    else continue; // an older copy after a newer one: the stored copy stays
    if (before !== undefined || seen.size < SEEN_IDS_MAX) seen.set(id, ms);
  }
  return { first, later };
}

function servedBy(meta: unknown): string[] | undefined {
  const m = meta as { feeds?: unknown; snapshots?: unknown };
  if (!Array.isArray(m?.feeds) || !Array.isArray(m?.snapshots)) return undefined;
  return [...m.feeds, ...m.snapshots].filter((x): x is string => typeof x === 'string');
}

function recordIdOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 ? id.slice(0, 64) : null;
}
