import type Database from 'better-sqlite3';
import type { FeedName, SnapshotName } from '../../shared/contract';
import type { FeedRecord } from './feedRows';
import type { Migration } from './migrations';

export type HealthState = 'ok' | 'degraded' | 'down';

/** Health as stored: times are ms since the epoch (UTC). */
export interface HealthRow {
  state: HealthState;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** The current problem, or null when the state is 'ok'. Never holds a secret. */
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: number | null;
}
export interface SourceHealthRow extends HealthRow {
  sourceId: string;
  url: string;
}
export interface EndpointHealthRow extends HealthRow {
  endpoint: string;
}

/** One row of endpoint_state: where sync resumes, and the endpoint's own health. */
export interface EndpointState extends EndpointHealthRow {
  sourceId: string;
  cursor: string | null;
  etag: string | null;
  quarantinedTotal: number;
}

/** A record that failed its schema, kept with the reason for the operator. */
export interface QuarantinedRecord {
  recordId: string | null;
  reason: string;
  payload: unknown;
}

export interface FeedPageResult {
  /** Rows inserted or replaced by a newer copy. */
  changed: number;
  /** Valid records in the page. */
  stored: number;
  quarantined: number;
}

/** Snapshot documents plus the source's /v1/meta, kept in `snapshots`. */
export type SnapshotDocName = SnapshotName | 'meta';

export interface RetentionResult {
  cutoff: number;
  /** Rows removed per kind; `versions` are superseded record versions (migration 041). */
  deleted: { events: number; disputes: number; kpiHistory: number; quarantine: number; versions: number };
}

export interface Cache {
  /** For the read model: the same connection (WAL lets reads run beside writes). */
  readonly db: Database.Database;
  readonly path: string;
  readonly schemaVersion: number;
  /** Where a corrupt or unreadable file was moved on open, else null. */
  readonly rebuiltFrom: string | null;
  /**
   * Why the file at `path` could not be opened at all (e.g. 'cache: read-only'), in which case
   * this cache lives in memory for this run; null when the file is in use.
   */
  readonly unavailable: string | null;

  /**
   * Stores a page's valid rows, its quarantined records and the cursor, in one transaction.
   * `laterCopies` are records an earlier page of the same poll carried already: they replace the
   * stored copy when at least as new (the later change in the feed's order wins a tie), after
   * the page's own rows.
   */
  applyFeedPage<F extends FeedName>(
    sourceId: string,
    feed: F,
    records: FeedRecord<F>[],
    quarantined: QuarantinedRecord[],
    cursor: string,
    etag?: string | null,
    laterCopies?: FeedRecord<F>[],
  ): FeedPageResult;
  /** Deletes a feed's records by id (a source that is the whole truth of them no longer holds them); returns rows removed. */
  removeFeedRecords(sourceId: string, feed: FeedName, ids: readonly string[]): number;
  /** Stores a validated snapshot and what derives from it (towns, followers, KPI history). */
  applySnapshot(sourceId: string, name: SnapshotDocName, doc: unknown, etag: string | null): { changed: boolean };
  /** Quarantines records outside a feed page (e.g. an invalid snapshot document). */
  quarantine(sourceId: string, endpoint: string, records: QuarantinedRecord[]): void;
  /** Records that a snapshot was confirmed unchanged (304) now. */
  touchSnapshot(sourceId: string, name: SnapshotDocName, etag: string | null): void;
  /** Forgets a feed's cursor and ETag: its next poll is a fresh backfill (a source refused the cursor). */
  resetFeedCursor(sourceId: string, feed: FeedName): void;
  snapshot(sourceId: string, name: SnapshotDocName): { etag: string | null; doc: unknown } | null;

  endpointState(sourceId: string, endpoint: string): EndpointState | null;
  endpointStates(sourceId: string): EndpointState[];
  sourceHealth(sourceId: string): SourceHealthRow | null;
  saveHealth(source: SourceHealthRow, endpoints: EndpointHealthRow[]): void;

  /** Deletes rows older than retentionDays; runs at most hourly unless forced. */
  runRetention(opts?: { force?: boolean }): RetentionResult | null;
  /** Row count of every table, for summaries and tests. */
  tableCounts(): Record<string, number>;
  close(): void;
}

/** Writes a big page of events itself, inside the page's transaction, keeping what its owner derives from them. */
export interface EventPageWriter {
  /** Returns rows inserted or updated. */
  writePage(sourceId: string, records: FeedRecord<'events'>[]): number;
}

/**
 * A part of the schema another module owns (the read model's tallies, src/core/readModel/schema):
 * its migrations, numbered in the cache's one sequence, and what it installs once they ran.
 */
export interface SchemaPart {
  readonly migrations: Migration[];
  /** Runs on the open connection after the migrations; returns the writer for big event pages, if any. */
  install(db: Database.Database): { eventPages: ((upsert: Database.Statement) => EventPageWriter | null) | null };
}
