/**
 * Health: each source's sync state, per-endpoint detail, freshness marks for the renderer,
 * the cache file and what sits in quarantine.
 *
 * Freshness rule: data is 'fresh' while the last success is within twice the source's poll
 * interval (one missed poll is normal jitter, two is not); after that it is 'stale' since
 * lastSuccess + 2 × interval; a source the sync engine has marked 'down' is 'offline'.
 */
import { toEndpointState, toSourceHealthRow, type EndpointStateDbRow, type SourceHealthDbRow } from '../cache/healthRows';
import { statSync } from 'node:fs';
import type { Freshness, HealthModel, SourceHealth } from '../../shared/readModel';
import type { ReadContext } from './context';
import { SOURCE_FILTER } from './sources';
import { isoTime, isoTimeOrNull } from '../../shared/districtTime';

export const DEFAULT_INTERVAL_SEC = 30;
export const FRESH_INTERVALS = 2;

export interface HealthOptions {
  /** Poll interval per source id, seconds. Missing: DEFAULT_INTERVAL_SEC. */
  intervalsSec?: Record<string, number>;
  /** The cache file, for its size; db.name is used when absent. */
  dbPath?: string;
  rebuiltFrom?: string | null;
}

export function freshnessOf(
  sourceId: string,
  state: SourceHealth['state'],
  lastSuccessAt: number | null,
  intervalSec: number,
  nowMs: number,
): Freshness {
  const freshUntil = lastSuccessAt === null ? null : lastSuccessAt + FRESH_INTERVALS * intervalSec * 1000;
  const asOf = isoTimeOrNull(lastSuccessAt);
  if (state === 'down') return { sourceId, state: 'offline', asOf, staleSince: isoTimeOrNull(freshUntil) };
  if (freshUntil !== null && nowMs <= freshUntil) return { sourceId, state: 'fresh', asOf, staleSince: null };
  return { sourceId, state: 'stale', asOf, staleSince: isoTimeOrNull(freshUntil) };
}

export function createHealthQuery(ctx: ReadContext, opts: HealthOptions) {
  const sources = ctx.db.prepare(`SELECT * FROM source_health WHERE ${SOURCE_FILTER} ORDER BY source_id`);
  const endpoints = ctx.db.prepare(`SELECT * FROM endpoint_state WHERE ${SOURCE_FILTER} ORDER BY source_id, endpoint`);
  // Latest reason per endpoint via the max seq (the quarantine_endpoint index covers the grouping).
  const quarantine = ctx.db.prepare(
    `SELECT q.source_id, q.endpoint, q.n, r.reason FROM (
       SELECT source_id, endpoint, count(*) AS n, max(seq) AS last_seq FROM quarantine
       WHERE ${SOURCE_FILTER} GROUP BY source_id, endpoint) q
     JOIN quarantine r ON r.seq = q.last_seq ORDER BY q.source_id, q.endpoint`,
  );
  const pageCount = ctx.db.prepare('PRAGMA page_count').pluck();
  const pageSize = ctx.db.prepare('PRAGMA page_size').pluck();
  const userVersion = ctx.db.prepare('PRAGMA user_version').pluck();
  const path = opts.dbPath ?? ctx.db.name;

  return (): HealthModel => {
    const nowMs = ctx.now();
    const sourceRows = (sources.all({ sources: ctx.sources }) as SourceHealthDbRow[]).map(toSourceHealthRow);
    const endpointRows = (endpoints.all({ sources: ctx.sources }) as EndpointStateDbRow[]).map(toEndpointState);
    const result: SourceHealth[] = sourceRows.map((s) => ({
      sourceId: s.sourceId,
      url: s.url,
      state: s.state,
      lastSuccessAt: isoTimeOrNull(s.lastSuccessAt),
      lastAttemptAt: isoTimeOrNull(s.lastAttemptAt),
      lastError: s.lastError,
      consecutiveFailures: s.consecutiveFailures,
      nextAttemptAt: isoTimeOrNull(s.nextAttemptAt),
      endpoints: endpointRows
        .filter((e) => e.sourceId === s.sourceId)
        .map((e) => ({
          name: e.endpoint,
          state: e.state,
          lastSuccessAt: isoTimeOrNull(e.lastSuccessAt),
          lastError: e.lastError,
          quarantined: e.quarantinedTotal,
        })),
    }));
    const freshness = sourceRows.map((s) =>
      freshnessOf(s.sourceId, s.state, s.lastSuccessAt, opts.intervalsSec?.[s.sourceId] ?? DEFAULT_INTERVAL_SEC, nowMs),
    );
    const quarantined = quarantine.all({ sources: ctx.sources }) as Array<{
      source_id: string;
      endpoint: string;
      n: number;
      reason: string;
    }>;
    return {
      now: isoTime(nowMs),
      sources: result,
      freshness,
      cache: {
        path,
        sizeBytes: fileSize(path) ?? (pageCount.get() as number) * (pageSize.get() as number),
        schemaVersion: userVersion.get() as number,
        rebuiltFrom: opts.rebuiltFrom ?? null,
      },
      leftOut: [...ctx.leftOut].map(([what, reason]) => ({ what, reason })),
      // Quarantine keeps only the newest rows (src/core/cache): the count is every record ever quarantined.
      quarantine: quarantined.map((q) => ({
        endpoint: sourceRows.length > 1 ? `${q.source_id}/${q.endpoint}` : q.endpoint,
        count: Math.max(q.n, endpointRows.find((e) => e.sourceId === q.source_id && e.endpoint === q.endpoint)?.quarantinedTotal ?? 0),
        kept: q.n,
        lastReason: q.reason,
      })),
    };
  };
}

/** Size on disk including the WAL, or null for an in-memory database. */
function fileSize(path: string): number | null {
  if (!path || path === ':memory:') return null;
  try {
    let size = statSync(path).size;
    try {
      size += statSync(`${path}-wal`).size;
    } catch {
      // no WAL file: nothing to add
    }
    return size;
  } catch {
    return null;
  }
}
