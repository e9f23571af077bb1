/**
 * The read model's event tallies, defined once: for each tally table, what one event row
 * contributes to it, as SQL over a row alias. From this one definition come the triggers that
 * keep the tallies in step with `events` (NEW counted in, OLD counted out), the recount a test
 * compares the tallies with, and the rebuild after the district's time zone changed.
 *
 * The tables themselves are created by the migrations beside this file (010, 042); the triggers
 * those migrations wrote are history — openCache replaces them with these. The backfill
 * path (bulkTallies.ts) computes the same contributions in TypeScript for speed; its tests hold
 * it to these triggers and to the recount.
 *
 * SQLite arithmetic to keep in mind: integer division truncates toward zero; date() floors
 * seconds to the day (DistrictTime.sqlLocalDate).
 */
import type { DistrictTime } from '../../../shared/districtTime';

/** What one event row adds to one tally: `keys` in key-column order, `counts` in count-column order. */
interface Contribution {
  keys(e: string, time: DistrictTime): string[];
  counts: number[];
  /** Only rows for which this holds contribute. */
  where?(e: string, time: DistrictTime): string;
}

export interface Tally {
  table: string;
  /** Primary key after source_id. */
  keyColumns: string[];
  countColumns: string[];
  contributions: Contribution[];
}

/** The status IN lists of the event flow: a status at or past each step. */
const AT_OR_PAST = {
  accepted: `('accepted', 'dispatched', 'handled', 'closed', 'rated')`,
  dispatched: `('dispatched', 'handled', 'closed', 'rated')`,
  handled: `('handled', 'closed', 'rated')`,
  closed: `('closed', 'rated')`,
  rated: `('rated')`,
};

/**
 * Migration 042's milestones: each fact about an event counted once, on the local day it
 * became true (the step's own time; a skipped step with the next one; no time at all, bad
 * source data, at updated_at). Dimensions only where a screen breaks the fact down.
 */
const MILESTONES: Array<{ milestone: string; at: (e: string) => string; town?: boolean; type?: boolean }> = [
  { milestone: 'reported', at: (e) => `${e}.reported_at`, town: true, type: true },
  { milestone: 'accepted', at: (e) => `CASE WHEN ${e}.status IN ${AT_OR_PAST.accepted} THEN coalesce(${e}.accepted_at, ${e}.dispatched_at, ${e}.handled_at, ${e}.closed_at, ${e}.rated_at, ${e}.updated_at) END` },
  { milestone: 'dispatched', at: (e) => `CASE WHEN ${e}.status IN ${AT_OR_PAST.dispatched} THEN coalesce(${e}.dispatched_at, ${e}.handled_at, ${e}.closed_at, ${e}.rated_at, ${e}.updated_at) END` },
  { milestone: 'handled', at: (e) => `CASE WHEN ${e}.status IN ${AT_OR_PAST.handled} THEN coalesce(${e}.handled_at, ${e}.closed_at, ${e}.rated_at, ${e}.updated_at) END` },
  { milestone: 'closed', at: (e) => `CASE WHEN ${e}.status IN ${AT_OR_PAST.closed} THEN coalesce(${e}.closed_at, ${e}.rated_at, ${e}.updated_at) END`, town: true },
  { milestone: 'rated', at: (e) => `CASE WHEN ${e}.status IN ${AT_OR_PAST.rated} THEN coalesce(${e}.rated_at, ${e}.updated_at) END` },
  { milestone: 'accepted_at', at: (e) => `${e}.accepted_at` },
  { milestone: 'accepted_overdue', at: (e) => `CASE WHEN ${e}.accepted_at IS NOT NULL AND ${e}.accept_overdue = 1 THEN max(${e}.accepted_at, coalesce(${e}.accept_overdue_at, ${e}.updated_at)) END` },
  { milestone: 'rating', at: (e) => `CASE WHEN ${e}.satisfaction IS NOT NULL THEN coalesce(${e}.rated_at, ${e}.updated_at) END` },
  { milestone: 'rating_good', at: (e) => `CASE WHEN ${e}.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(${e}.rated_at, ${e}.updated_at) END` },
  { milestone: 'accept_overdue', at: (e) => `CASE WHEN ${e}.accept_overdue = 1 THEN coalesce(${e}.accept_overdue_at, ${e}.updated_at) END` },
  { milestone: 'handle_overdue', at: (e) => `CASE WHEN ${e}.handle_overdue = 1 THEN coalesce(${e}.handle_overdue_at, ${e}.updated_at) END` },
  {
    milestone: 'handle_overdue_closed',
    at: (e) =>
      `CASE WHEN ${e}.handle_overdue = 1 AND ${e}.status IN ${AT_OR_PAST.closed} THEN max(coalesce(${e}.handle_overdue_at, ${e}.updated_at), coalesce(${e}.closed_at, ${e}.rated_at, ${e}.updated_at)) END`,
  },
];

const minutesBetween = (e: string, from: string, to: string) => `(${e}.${to} - ${e}.${from}) / 60000`;

export const EVENT_TALLIES: Tally[] = [
  // Each event's current state, district-wide counts (migration 010).
  {
    table: 'rm_event_tally',
    keyColumns: ['town_code', 'type', 'status', 'accepted', 'accept_overdue', 'handle_overdue', 'satisfaction'],
    countColumns: ['n'],
    contributions: [
      {
        keys: (e) => [`${e}.town_code`, `${e}.type`, `${e}.status`, `${e}.accepted_at IS NOT NULL`, `${e}.accept_overdue`, `${e}.handle_overdue`, `coalesce(${e}.satisfaction, '')`],
        counts: [1],
      },
    ],
  },
  // Reported and closed per local day and town.
  {
    table: 'rm_event_daily',
    keyColumns: ['date', 'town_code'],
    countColumns: ['reported', 'closed'],
    contributions: [
      { keys: (e, t) => [t.sqlLocalDate(`${e}.reported_at`), `${e}.town_code`], counts: [1, 0] },
      { keys: (e, t) => [t.sqlLocalDate(`${e}.closed_at`), `${e}.town_code`], counts: [0, 1], where: (e) => `${e}.closed_at IS NOT NULL` },
    ],
  },
  // Whole minutes from reported to accepted, and to closed.
  {
    table: 'rm_event_accept_minutes',
    keyColumns: ['minutes'],
    countColumns: ['n'],
    contributions: [{ keys: (e) => [minutesBetween(e, 'reported_at', 'accepted_at')], counts: [1], where: (e) => `${e}.accepted_at IS NOT NULL` }],
  },
  {
    table: 'rm_event_close_minutes',
    keyColumns: ['minutes'],
    countColumns: ['n'],
    contributions: [{ keys: (e) => [minutesBetween(e, 'reported_at', 'closed_at')], counts: [1], where: (e) => `${e}.closed_at IS NOT NULL` }],
  },
  // By day, for looking back (migration 042).
  {
    table: 'rm_event_milestones',
    keyColumns: ['date', 'milestone', 'town_code', 'type'],
    countColumns: ['n'],
    contributions: MILESTONES.map(({ milestone, at, town, type }) => ({
      keys: (e: string, t: DistrictTime) => [t.sqlLocalDate(at(e)), `'${milestone}'`, town ? `${e}.town_code` : `''`, type ? `${e}.type` : `''`],
      counts: [1],
      where: (e: string) => `${at(e)} IS NOT NULL`,
    })),
  },
  {
    table: 'rm_event_accept_minutes_daily',
    keyColumns: ['date', 'minutes'],
    countColumns: ['n'],
    contributions: [
      { keys: (e, t) => [t.sqlLocalDate(`${e}.accepted_at`), minutesBetween(e, 'reported_at', 'accepted_at')], counts: [1], where: (e) => `${e}.accepted_at IS NOT NULL` },
    ],
  },
  // Tenths of an hour, rounded half up: what the Events screen shows.
  {
    table: 'rm_event_close_tenths_daily',
    keyColumns: ['date', 'tenths'],
    countColumns: ['n'],
    contributions: [
      { keys: (e, t) => [t.sqlLocalDate(`${e}.closed_at`), `(${minutesBetween(e, 'reported_at', 'closed_at')} + 3) / 6`], counts: [1], where: (e) => `${e}.closed_at IS NOT NULL` },
    ],
  },
];

/** The triggers the tallies are kept by; bulkTallies.ts stands in for them on big pages, by these names. */
export const TALLY_TRIGGERS = { insert: 'rm_events_after_insert', update: 'rm_events_after_update', delete: 'rm_events_after_delete' } as const;

/**
 * One row's contributions to every tally, counted in (sign 1) or out (-1): one trigger statement
 * per table over NEW or OLD (a table's contributions in one UNION ALL: fewer statements per row).
 */
function rowStatements(row: 'NEW' | 'OLD', sign: 1 | -1, time: DistrictTime): string[] {
  return EVENT_TALLIES.map((tally) => {
    const columns = ['source_id', ...tally.keyColumns, ...tally.countColumns].join(', ');
    const selects = tally.contributions.map((c) => {
      const values = [`${row}.source_id`, ...c.keys(row, time), ...c.counts.map((n) => String(sign * n))].join(', ');
      return `SELECT ${values}${c.where ? ` WHERE ${c.where(row, time)}` : ''}`;
    });
    // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT.
    const source = selects.length === 1 ? `${selects[0]}${tally.contributions[0].where ? '' : ' WHERE true'}` : `SELECT * FROM (${selects.join(' UNION ALL ')}) WHERE true`;
    const add = tally.countColumns.map((col) => `${col} = ${col} + excluded.${col}`).join(', ');
    return `  INSERT INTO ${tally.table} (${columns}) ${source} ON CONFLICT DO UPDATE SET ${add};`;
  });
}

/** CREATE TRIGGER statements keeping every tally in step with `events`, for the district's time zone. */
export function tallyTriggers(time: DistrictTime): Array<{ name: string; sql: string }> {
  const trigger = (name: string, event: string, body: string[]) => ({ name, sql: `CREATE TRIGGER ${name} AFTER ${event} ON events BEGIN\n${body.join('\n')}\nEND` });
  return [
    trigger(TALLY_TRIGGERS.insert, 'INSERT', rowStatements('NEW', 1, time)),
    trigger(TALLY_TRIGGERS.update, 'UPDATE', [...rowStatements('OLD', -1, time), ...rowStatements('NEW', 1, time)]),
    trigger(TALLY_TRIGGERS.delete, 'DELETE', rowStatements('OLD', -1, time)),
  ];
}

/** A tally recounted from the whole events table: (source_id, keys…, counts…) rows, in key order. */
export function recountSql(tally: Tally, time: DistrictTime): string {
  const keys = ['source_id', ...tally.keyColumns];
  const branches = tally.contributions.map((c) => {
    const exprs = ['e.source_id', ...c.keys('e', time), ...c.counts.map(String)];
    const named = exprs.map((x, i) => `${x} AS ${[...keys, ...tally.countColumns][i]}`).join(', ');
    return `SELECT ${named} FROM events AS e${c.where ? ` WHERE ${c.where('e', time)}` : ''}`;
  });
  const sums = tally.countColumns.map((col) => `sum(${col}) AS ${col}`).join(', ');
  return `SELECT ${keys.join(', ')}, ${sums} FROM (${branches.join(' UNION ALL ')}) GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}`;
}

/** A tally as stored, without rows whose counts all fell to zero (readers ignore them too). */
export function storedSql(tally: Tally): string {
  const keys = ['source_id', ...tally.keyColumns];
  const nonZero = tally.countColumns.map((col) => `${col} <> 0`).join(' OR ');
  return `SELECT ${[...keys, ...tally.countColumns].join(', ')} FROM ${tally.table} WHERE ${nonZero} ORDER BY ${keys.join(', ')}`;
}

/** Every tally emptied and counted again from `events` (after the district's time zone changed). */
export function rebuildTallies(db: { exec(sql: string): unknown }, time: DistrictTime): void {
  for (const tally of EVENT_TALLIES) {
    const columns = ['source_id', ...tally.keyColumns, ...tally.countColumns].join(', ');
    db.exec(`DELETE FROM ${tally.table}; INSERT INTO ${tally.table} (${columns}) ${recountSql(tally, time)};`);
  }
}
