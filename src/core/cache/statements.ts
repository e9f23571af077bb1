/**
 * Every statement the write side runs, prepared once and named. Reading this file tells you
 * all the SQL the sync path can execute.
 */
import type Database from 'better-sqlite3';
import { FEED_NAMES, type FeedName } from '../../shared/contract';
import { FEED_TABLES, upsertSql } from './feedRows';

/** The version tables of migration 041_history.sql, one per small feed. */
export const VERSION_TABLES = ['risk_period_versions', 'warning_versions', 'consultation_versions', 'dispute_versions', 'personnel_versions'] as const;

export function prepareStatements(db: Database.Database) {
  const feedUpserts = Object.fromEntries(
    FEED_NAMES.map((f) => [f, db.prepare(upsertSql(FEED_TABLES[f].table, FEED_TABLES[f].columns, FEED_TABLES[f].onUpdate))]),
  ) as Record<FeedName, Database.Statement>;

  const feedTieUpserts = Object.fromEntries(
    FEED_NAMES.map((f) => [f, db.prepare(upsertSql(FEED_TABLES[f].table, FEED_TABLES[f].columns, FEED_TABLES[f].onUpdate, '>='))]),
  ) as Record<FeedName, Database.Statement>;

  return {
    feedUpserts,
    /** The same, where an equally new copy replaces the stored one (a later copy in one poll). */
    feedTieUpserts,

    /** A town-week is unique per source: a record under a new id replaces the old one. */
    deleteRiskPeriodSameWeek: db.prepare(
      'DELETE FROM risk_periods WHERE source_id = ? AND week_start = ? AND town_code = ? AND id <> ?',
    ),
    insertWarningStatus: db.prepare(
      'INSERT OR IGNORE INTO warning_status_history (source_id, warning_id, status, at, note) VALUES (?, ?, ?, ?, ?)',
    ),

    insertQuarantine: db.prepare(
      'INSERT INTO quarantine (source_id, endpoint, record_id, reason, payload, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),

    /** Drops an endpoint's quarantine rows older than its newest N. */
    pruneQuarantineEndpoint: db.prepare(
      `DELETE FROM quarantine WHERE source_id = ? AND endpoint = ? AND seq <= (
         SELECT seq FROM quarantine WHERE source_id = ? AND endpoint = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
    ),
    /** Drops quarantine rows older than the newest N of all. */
    pruneQuarantineTotal: db.prepare('DELETE FROM quarantine WHERE seq <= (SELECT seq FROM quarantine ORDER BY seq DESC LIMIT 1 OFFSET ?)'),
    addQuarantined: db.prepare(
      `INSERT INTO endpoint_state (source_id, endpoint, quarantined_total) VALUES (?, ?, ?)
       ON CONFLICT (source_id, endpoint) DO UPDATE SET quarantined_total = endpoint_state.quarantined_total + excluded.quarantined_total`,
    ),
    selectEndpointState: db.prepare(
      `SELECT source_id, endpoint, cursor, etag, state, last_success_at, last_attempt_at, last_error,
              quarantined_total, consecutive_failures, next_attempt_at
         FROM endpoint_state WHERE source_id = ? AND endpoint = ?`,
    ),
    selectEndpointStates: db.prepare(
      `SELECT source_id, endpoint, cursor, etag, state, last_success_at, last_attempt_at, last_error,
              quarantined_total, consecutive_failures, next_attempt_at
         FROM endpoint_state WHERE source_id = ? ORDER BY endpoint`,
    ),
    /** Where the next poll resumes: written in the same transaction as the page's rows. */
    saveCursor: db.prepare(
      `INSERT INTO endpoint_state (source_id, endpoint, cursor, etag, quarantined_total) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (source_id, endpoint) DO UPDATE SET
         cursor = excluded.cursor, etag = excluded.etag,
         quarantined_total = endpoint_state.quarantined_total + excluded.quarantined_total`,
    ),
    saveEndpointHealth: db.prepare(
      `INSERT INTO endpoint_state (source_id, endpoint, state, last_success_at, last_attempt_at, last_error,
                                   consecutive_failures, next_attempt_at)
       VALUES (@sourceId, @endpoint, @state, @lastSuccessAt, @lastAttemptAt, @lastError, @consecutiveFailures, @nextAttemptAt)
       ON CONFLICT (source_id, endpoint) DO UPDATE SET
         state = excluded.state, last_success_at = excluded.last_success_at,
         last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error,
         consecutive_failures = excluded.consecutive_failures, next_attempt_at = excluded.next_attempt_at`,
    ),
    saveSourceHealth: db.prepare(
      `INSERT INTO source_health (source_id, url, state, last_success_at, last_attempt_at, last_error,
                                  consecutive_failures, next_attempt_at)
       VALUES (@sourceId, @url, @state, @lastSuccessAt, @lastAttemptAt, @lastError, @consecutiveFailures, @nextAttemptAt)
       ON CONFLICT (source_id) DO UPDATE SET
         url = excluded.url, state = excluded.state, last_success_at = excluded.last_success_at,
         last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error,
         consecutive_failures = excluded.consecutive_failures, next_attempt_at = excluded.next_attempt_at`,
    ),
    selectSourceHealth: db.prepare(
      `SELECT source_id, url, state, last_success_at, last_attempt_at, last_error, consecutive_failures, next_attempt_at
         FROM source_health WHERE source_id = ?`,
    ),

    selectSnapshot: db.prepare('SELECT etag, json FROM snapshots WHERE source_id = ? AND name = ?'),
    upsertSnapshot: db.prepare(
      `INSERT INTO snapshots (source_id, name, etag, json, fetched_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (source_id, name) DO UPDATE SET etag = excluded.etag, json = excluded.json, fetched_at = excluded.fetched_at`,
    ),
    resetCursor: db.prepare('UPDATE endpoint_state SET cursor = NULL, etag = NULL WHERE source_id = ? AND endpoint = ?'),
    touchSnapshot: db.prepare('UPDATE snapshots SET fetched_at = ?, etag = ? WHERE source_id = ? AND name = ?'),
    saveSnapshotEtag: db.prepare(
      `INSERT INTO endpoint_state (source_id, endpoint, etag) VALUES (?, ?, ?)
       ON CONFLICT (source_id, endpoint) DO UPDATE SET etag = excluded.etag`,
    ),

    deleteTowns: db.prepare('DELETE FROM towns WHERE source_id = ?'),
    insertTown: db.prepare(
      'INSERT OR REPLACE INTO towns (code, source_id, name, kind, lon, lat, population) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteCommunities: db.prepare('DELETE FROM communities WHERE source_id = ?'),
    insertCommunity: db.prepare(
      'INSERT OR REPLACE INTO communities (code, source_id, town_code, name, kind) VALUES (?, ?, ?, ?, ?)',
    ),
    upsertFollowers: db.prepare(
      `INSERT INTO followers (source_id, date, followers) VALUES (?, ?, ?)
       ON CONFLICT (source_id, date) DO UPDATE SET followers = excluded.followers
       WHERE followers.followers <> excluded.followers`,
    ),
    upsertKpiHistory: db.prepare('INSERT OR REPLACE INTO kpi_history (source_id, at, json) VALUES (?, ?, ?)'),

    selectMeta: db.prepare('SELECT value FROM cache_meta WHERE key = ?'),
    saveMeta: db.prepare(
      'INSERT INTO cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),

    retainEvents: db.prepare('DELETE FROM events WHERE reported_at < ? AND updated_at < ?'),
    retainDisputes: db.prepare('DELETE FROM disputes WHERE received_at < ? AND updated_at < ?'),
    retainKpiHistory: db.prepare('DELETE FROM kpi_history WHERE at < ?'),
    retainQuarantine: db.prepare('DELETE FROM quarantine WHERE received_at < ?'),
    /**
     * Versions (migration 041) replaced before the cutoff: the last one before it stays, since it
     * is what a look back to the cutoff's day shows.
     */
    retainVersions: VERSION_TABLES.map((t) =>
      db.prepare(
        `DELETE FROM ${t} AS v WHERE updated_at < :cutoff AND EXISTS (
           SELECT 1 FROM ${t} AS later WHERE later.source_id = v.source_id AND later.id = v.id
             AND later.updated_at > v.updated_at AND later.updated_at < :cutoff)`,
      ),
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
