/**
 * The cache's write side over an open database: every method is one transaction, every SQLite
 * failure comes out as CacheWriteError (so the sync engine can report it as health), and a
 * failed transaction leaves the last good data exactly as it was.
 */
import { DAY_MS, HOUR_MS } from '../../shared/districtTime';
import { toEndpointState, toSourceHealthRow, type EndpointStateDbRow, type SourceHealthDbRow } from './healthRows';
import type Database from 'better-sqlite3';
import type { Divisions, FeedName, Followers, Kpis, Warning } from '../../shared/contract';
import type { Logger } from '../log/logger';
import { guardWrite } from './errors';
import { boundedJson } from './boundedJson';
import { FEED_TABLES, type FeedRecord } from './feedRows';
import { prepareStatements, VERSION_TABLES } from './statements';
import type {
  Cache,
  EndpointHealthRow,
  EventPageWriter,
  FeedPageResult,
  QuarantinedRecord,
  RetentionResult,
  SnapshotDocName,
  SourceHealthRow,
} from './types';

const QUARANTINE_PAYLOAD_MAX = 4096;
/**
 * Quarantine is bounded: the newest rows per endpoint and in all are kept, older ones dropped;
 * the counts (endpoint_state.quarantined_total) keep counting every record. A page of a million
 * invalid records writes at most the per-endpoint bound.
 */
export const QUARANTINE_PER_ENDPOINT_MAX = 1000;
export const QUARANTINE_TOTAL_MAX = 10_000;
const RETENTION_KEY = 'retention_last_run';

export const CACHE_TABLES = [
  'source_health', 'endpoint_state', 'snapshots', 'kpi_history', 'towns', 'communities', 'risk_periods',
  'warnings', 'warning_status_history', 'events', 'personnel', 'consultations', 'followers', 'disputes', 'quarantine',
  ...VERSION_TABLES,
] as const;

interface CacheContext {
  path: string;
  unavailable: string | null;
  rebuiltFrom: string | null;
  schemaVersion: number;
  logger: Logger;
  now: () => number;
  retentionDays: number;
  /** Writes big event pages for the schema part that derives tallies from them (the read model), if any. */
  eventPages: ((upsert: Database.Statement) => EventPageWriter | null) | null;
}

/**
 * A page of events at least this big goes to ctx.eventPages. Backfill pages are the engine's page
 * limit (5000 by default); a live poll brings a few dozen, which the triggers handle (the trigger
 * drop and re-create, ≈ 0.2 ms, would cost more than they save on a small page).
 */
export const BULK_PAGE_MIN_ROWS = 200;

function quarantinePayload(payload: unknown): string {
  return typeof payload === 'string' ? payload.slice(0, QUARANTINE_PAYLOAD_MAX) : boundedJson(payload, QUARANTINE_PAYLOAD_MAX);
}

export function createCache(db: Database.Database, ctx: CacheContext): Cache {
  const st = prepareStatements(db);
  const bulkEvents = ctx.eventPages?.(st.feedUpserts.events) ?? null;
  let lastRetentionRun: number | null = null;

  const applyFeedPageTx = db.transaction(
    (sourceId: string, feed: FeedName, records: unknown[], quarantined: QuarantinedRecord[], cursor: string, etag: string | null, laterCopies: unknown[]) => {
      // A backfill-sized page of events: the read model's tallies are added once per page instead
      // of per row by their triggers (readModel/schema/bulkTallies.ts), exact at this commit all the same.
      let changed =
        feed === 'events' && bulkEvents && records.length >= BULK_PAGE_MIN_ROWS
          ? bulkEvents.writePage(sourceId, records as FeedRecord<'events'>[])
          : upsertRecords(sourceId, feed, records);
      if (laterCopies.length) changed += upsertRecords(sourceId, feed, laterCopies, st.feedTieUpserts[feed]);
      insertQuarantined(sourceId, feed, quarantined);
      st.saveCursor.run(sourceId, feed, cursor, etag, quarantined.length);
      return changed;
    },
  );

  // Only a source configured as the whole truth of its records removes any (a folder whose file
  // was deleted); District API v1 itself never deletes. The read model's triggers move tallies.
  const deleteStatements = new Map<FeedName, Database.Statement>();
  const removeFeedRecordsTx = db.transaction((sourceId: string, feed: FeedName, ids: readonly string[]) => {
    let stmt = deleteStatements.get(feed);
    if (!stmt) {
      stmt = db.prepare(`DELETE FROM ${FEED_TABLES[feed].table} WHERE source_id = ? AND id = ?`);
      deleteStatements.set(feed, stmt);
    }
    let removed = 0;
    for (const id of ids) removed += stmt.run(sourceId, id).changes;
    return removed;
  });

  function upsertRecords(sourceId: string, feed: FeedName, records: unknown[], upsert = st.feedUpserts[feed]): number {
    const spec = FEED_TABLES[feed] as { toRow(s: string, r: unknown): unknown[] };
    let changed = 0;
    for (const record of records) {
      if (feed === 'riskPeriods') {
        const r = record as FeedRecord<'riskPeriods'>;
        st.deleteRiskPeriodSameWeek.run(sourceId, r.weekStart, r.townCode, r.id);
      }
      changed += upsert.run(spec.toRow(sourceId, record)).changes;
      if (feed === 'warnings') recordWarningStatuses(sourceId, record as Warning);
    }
    return changed;
  }

  /** Every status the warning has been seen in: its own history plus the current status. */
  function recordWarningStatuses(sourceId: string, w: Warning): void {
    let currentSeen = false;
    for (const h of w.history) {
      st.insertWarningStatus.run(sourceId, w.id, h.status, Date.parse(h.at), h.note);
      if (h.status === w.status) currentSeen = true;
    }
    if (!currentSeen) st.insertWarningStatus.run(sourceId, w.id, w.status, Date.parse(w.updatedAt), '');
  }

  /** Inside a transaction: the newest of `records` (at most the bound), then the oldest rows beyond the bounds dropped. */
  function insertQuarantined(sourceId: string, endpoint: string, records: QuarantinedRecord[]): void {
    if (records.length === 0) return;
    const receivedAt = ctx.now();
    for (const q of records.slice(-QUARANTINE_PER_ENDPOINT_MAX)) {
      st.insertQuarantine.run(sourceId, endpoint, q.recordId, q.reason, quarantinePayload(q.payload), receivedAt);
    }
    st.pruneQuarantineEndpoint.run(sourceId, endpoint, sourceId, endpoint, QUARANTINE_PER_ENDPOINT_MAX);
    st.pruneQuarantineTotal.run(QUARANTINE_TOTAL_MAX);
  }

  const quarantineTx = db.transaction((sourceId: string, endpoint: string, records: QuarantinedRecord[]) => {
    insertQuarantined(sourceId, endpoint, records);
    st.addQuarantined.run(sourceId, endpoint, records.length);
  });

  const applySnapshotTx = db.transaction((sourceId: string, name: SnapshotDocName, doc: unknown, etag: string | null) => {
    const json = JSON.stringify(doc);
    const at = ctx.now();
    const previous = st.selectSnapshot.get(sourceId, name) as { etag: string | null; json: string } | undefined;
    st.saveSnapshotEtag.run(sourceId, name, etag);
    if (previous && previous.json === json) {
      st.touchSnapshot.run(at, etag, sourceId, name);
      return false;
    }
    st.upsertSnapshot.run(sourceId, name, etag, json, at);
    if (name === 'divisions') replaceDivisions(sourceId, doc as Divisions);
    else if (name === 'followers') {
      for (const p of (doc as Followers).series) st.upsertFollowers.run(sourceId, p.date, p.followers);
    } else if (name === 'kpis') st.upsertKpiHistory.run(sourceId, Date.parse((doc as Kpis).asOf), json);
    return true;
  });

  function replaceDivisions(sourceId: string, d: Divisions): void {
    st.deleteTowns.run(sourceId);
    st.deleteCommunities.run(sourceId);
    for (const t of d.towns) st.insertTown.run(t.code, sourceId, t.name, t.kind, t.seat[0], t.seat[1], t.population);
    for (const c of d.communities) st.insertCommunity.run(c.code, sourceId, c.townCode, c.name, c.kind);
  }

  const saveHealthTx = db.transaction((source: SourceHealthRow, endpoints: EndpointHealthRow[]) => {
    st.saveSourceHealth.run(source);
    for (const e of endpoints) st.saveEndpointHealth.run({ ...e, sourceId: source.sourceId });
  });

  const retentionTx = db.transaction((cutoff: number, at: number): RetentionResult['deleted'] => {
    const deleted = {
      events: st.retainEvents.run(cutoff, cutoff).changes,
      disputes: st.retainDisputes.run(cutoff, cutoff).changes,
      kpiHistory: st.retainKpiHistory.run(cutoff).changes,
      quarantine: st.retainQuarantine.run(cutoff).changes,
      versions: st.retainVersions.reduce((n, stmt) => n + stmt.run({ cutoff }).changes, 0),
    };
    st.saveMeta.run(RETENTION_KEY, String(at));
    return deleted;
  });

  return {
    db,
    path: ctx.path,
    schemaVersion: ctx.schemaVersion,
    rebuiltFrom: ctx.rebuiltFrom,
    unavailable: ctx.unavailable,

    applyFeedPage(sourceId, feed, records, quarantined, cursor, etag = null, laterCopies = []): FeedPageResult {
      const changed = guardWrite(() => applyFeedPageTx(sourceId, feed, records, quarantined, cursor, etag, laterCopies));
      return { changed, stored: records.length + laterCopies.length, quarantined: quarantined.length };
    },

    removeFeedRecords(sourceId, feed, ids) {
      return ids.length ? guardWrite(() => removeFeedRecordsTx(sourceId, feed, ids)) : 0;
    },

    applySnapshot(sourceId, name, doc, etag) {
      return { changed: guardWrite(() => applySnapshotTx(sourceId, name, doc, etag)) };
    },

    quarantine(sourceId, endpoint, records) {
      guardWrite(() => quarantineTx(sourceId, endpoint, records));
    },

    resetFeedCursor(sourceId, feed) {
      guardWrite(() => st.resetCursor.run(sourceId, feed));
    },

    touchSnapshot(sourceId, name, etag) {
      guardWrite(() => st.touchSnapshot.run(ctx.now(), etag, sourceId, name));
    },

    snapshot(sourceId, name) {
      const row = st.selectSnapshot.get(sourceId, name) as { etag: string | null; json: string } | undefined;
      return row ? { etag: row.etag, doc: JSON.parse(row.json) } : null;
    },

    endpointState(sourceId, endpoint) {
      const row = st.selectEndpointState.get(sourceId, endpoint) as EndpointStateDbRow | undefined;
      return row ? toEndpointState(row) : null;
    },

    endpointStates(sourceId) {
      return (st.selectEndpointStates.all(sourceId) as EndpointStateDbRow[]).map(toEndpointState);
    },

    sourceHealth(sourceId) {
      const r = st.selectSourceHealth.get(sourceId) as SourceHealthDbRow | undefined;
      return r ? toSourceHealthRow(r) : null;
    },

    saveHealth(source, endpoints) {
      guardWrite(() => saveHealthTx(source, endpoints));
    },

    runRetention(opts = {}) {
      const at = ctx.now();
      try {
        if (lastRetentionRun === null) {
          const stored = st.selectMeta.get(RETENTION_KEY) as { value: string } | undefined;
          lastRetentionRun = stored ? Number(stored.value) : -Infinity;
        }
        if (!opts.force && at - lastRetentionRun < HOUR_MS) return null;
        const cutoff = at - ctx.retentionDays * DAY_MS;
        const deleted = guardWrite(() => retentionTx(cutoff, at));
        lastRetentionRun = at;
        return { cutoff, deleted };
      } catch (err) {
        // Retention is housekeeping: a full or read-only disk must not stop syncing. Try next hour.
        lastRetentionRun = at;
        ctx.logger.warn(`cache: retention skipped: ${(err as Error).message}`);
        return null;
      }
    },

    tableCounts() {
      const counts: Record<string, number> = {};
      for (const t of CACHE_TABLES) counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      return counts;
    },

    close() {
      if (db.open) db.close();
    },
  };
}
