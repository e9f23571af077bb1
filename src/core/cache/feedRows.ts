/**
 * How each feed's validated records become rows: the table, its columns (in bind order) and
 * the mapping. ISO times become INTEGER ms; lists become JSON text. One place, so the schema
 * and the write path cannot drift apart silently.
 */
import type { FEEDS, FeedName } from '../../shared/contract';
import type { z } from 'zod';
import { isoMs } from '../../shared/contract/isoMs';

export type FeedRecord<F extends FeedName> = z.infer<(typeof FEEDS)[F]['record']>;
type Cell = string | number | null;

export interface FeedTable<F extends FeedName> {
  table: string;
  /** Bind order of `toRow`; always starts with id, source_id and ends with updated_at. */
  columns: readonly string[];
  toRow(sourceId: string, record: FeedRecord<F>): Cell[];
  /**
   * Columns whose new value on an update is not simply the incoming one: SQL over `excluded.*`
   * (the incoming row, whose value is the first-sight one from toRow) and the stored row.
   */
  onUpdate?: Readonly<Record<string, string>>;
}

// isoMs is Date.parse, faster for the API's timestamp shapes (up to six per backfilled event).
const ms = (iso: string): number => isoMs(iso);
const msOrNull = (iso: string | null | undefined): number | null => (iso == null ? null : isoMs(iso));

export const FEED_TABLES: { [F in FeedName]: FeedTable<F> } = {
  riskPeriods: {
    table: 'risk_periods',
    columns: ['id', 'source_id', 'town_code', 'week_start', 'indicators', 'dimension_scores', 'composite_score', 'level', 'updated_at'],
    toRow: (s, r) => [
      r.id,
      s,
      r.townCode,
      r.weekStart,
      JSON.stringify(r.indicators),
      r.dimensionScores ? JSON.stringify(r.dimensionScores) : null,
      r.compositeScore ?? null,
      r.level ?? null,
      ms(r.updatedAt),
    ],
  },
  warnings: {
    table: 'warnings',
    columns: ['id', 'source_id', 'town_code', 'level', 'kind', 'dimension', 'indicator', 'status', 'issued_at', 'json', 'updated_at'],
    toRow: (s, r) => [
      r.id,
      s,
      r.townCode,
      r.level,
      r.kind,
      r.dimension,
      r.indicator ?? null,
      r.status,
      ms(r.issuedAt),
      JSON.stringify(r),
      ms(r.updatedAt),
    ],
  },
  events: {
    table: 'events',
    columns: [
      'id', 'source_id', 'type', 'title', 'town_code', 'community', 'origin', 'status', 'reported_at', 'accepted_at',
      'dispatched_at', 'handled_at', 'closed_at', 'departments', 'handlers', 'accept_overdue', 'handle_overdue',
      'satisfaction', 'accept_overdue_at', 'handle_overdue_at', 'rated_at', 'updated_at',
    ],
    toRow: (s, r) => {
      const updatedAt = ms(r.updatedAt);
      const acceptedAt = msOrNull(r.acceptedAt);
      const closedAt = msOrNull(r.closedAt);
      return [
        r.id,
        s,
        r.type,
        r.title,
        r.townCode,
        r.community,
        r.source,
        r.status,
        ms(r.reportedAt),
        acceptedAt,
        msOrNull(r.dispatchedAt),
        msOrNull(r.handledAt),
        closedAt,
        JSON.stringify(r.departments),
        JSON.stringify(r.handlers),
        r.acceptOverdue ? 1 : 0,
        r.handleOverdue ? 1 : 0,
        r.satisfaction,
        // First sight (migration 041): overdue for acceptance is known once accepted, overdue for
        // handling at the latest when closed, a rating when the copy carrying it was made.
        r.acceptOverdue ? (acceptedAt ?? updatedAt) : null,
        r.handleOverdue ? (closedAt ?? updatedAt) : null,
        r.satisfaction !== null ? updatedAt : null,
        updatedAt,
      ];
    },
    // A newer copy keeps the time a fact was first seen; a fact new in this copy happened after
    // the stored copy was made. A flag that goes back to false drops its time.
    onUpdate: {
      accept_overdue_at: sinceFirstSeen('accept_overdue', 'accept_overdue_at', 'accept_overdue = 1'),
      handle_overdue_at: sinceFirstSeen('handle_overdue', 'handle_overdue_at', 'handle_overdue = 1'),
      rated_at: sinceFirstSeen('satisfaction', 'rated_at', 'satisfaction IS NOT NULL'),
    },
  },
  personnel: {
    table: 'personnel',
    columns: ['id', 'source_id', 'name', 'role', 'town_code', 'department', 'registered_at', 'active', 'score', 'events_handled', 'metrics', 'updated_at'],
    toRow: (s, r) => [
      r.id,
      s,
      r.name,
      r.role,
      r.townCode,
      r.department,
      ms(r.registeredAt),
      r.active ? 1 : 0,
      r.score,
      r.metrics.eventsHandled,
      JSON.stringify(r.metrics),
      ms(r.updatedAt),
    ],
  },
  consultations: {
    table: 'consultations',
    columns: [
      'id', 'source_id', 'topic', 'category', 'town_code', 'community', 'status', 'scheduled_at', 'started_at',
      'ended_at', 'viewers', 'experts', 'outcome', 'replay_url', 'updated_at',
    ],
    toRow: (s, r) => [
      r.id,
      s,
      r.topic,
      r.category,
      r.townCode,
      r.community,
      r.status,
      ms(r.scheduledAt),
      msOrNull(r.startedAt),
      msOrNull(r.endedAt),
      r.viewers,
      JSON.stringify(r.experts),
      r.outcome,
      r.replayUrl,
      ms(r.updatedAt),
    ],
  },
  disputes: {
    table: 'disputes',
    columns: ['id', 'source_id', 'town_code', 'community', 'category', 'level', 'status', 'received_at', 'resolved_at', 'resolved_at_source', 'updated_at'],
    toRow: (s, r) => [
      r.id,
      s,
      r.townCode,
      r.community,
      r.category,
      r.level,
      r.status,
      ms(r.receivedAt),
      msOrNull(r.resolvedAt),
      r.resolvedAtSource ? 1 : 0,
      ms(r.updatedAt),
    ],
  },
};

/**
 * Insert, or replace the stored row only when the incoming record is newer: a late, older copy
 * never overwrites a newer one, and re-applying the same page changes nothing (idempotent,
 * which is what makes resuming after a crash safe).
 */
export function upsertSql(
  table: string,
  columns: readonly string[],
  onUpdate: Readonly<Record<string, string>> = {},
  /** '>=' lets an equally new copy replace the stored one (a later copy within one poll). */
  newer: '>' | '>=' = '>',
): string {
  const placeholders = columns.map(() => '?').join(', ');
  const updates = columns
    .filter((c) => c !== 'id' && c !== 'source_id')
    .map((c) => `${c} = ${onUpdate[c]?.replaceAll('{table}', table) ?? `excluded.${c}`}`)
    .join(', ');
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders}) ` +
    `ON CONFLICT (source_id, id) DO UPDATE SET ${updates} WHERE excluded.updated_at ${newer} ${table}.updated_at`
  );
}

/**
 * The update expression of a "first seen at" column: null while the fact does not hold (`holds`
 * over a row's columns); the stored time while it held already; else the incoming first-sight
 * time, but no earlier than the stored copy, which did not have it yet.
 */
function sinceFirstSeen(fact: string, column: string, holds: string): string {
  const stored = (c: string) => `{table}.${c}`;
  const incoming = holds.replace(fact, `excluded.${fact}`);
  const heldBefore = holds.replace(fact, stored(fact));
  return (
    `CASE WHEN NOT (${incoming}) THEN NULL WHEN (${heldBefore}) AND ${stored(column)} IS NOT NULL THEN ${stored(column)} ` +
    `ELSE max(${stored('updated_at')}, excluded.${column}) END`
  );
}
