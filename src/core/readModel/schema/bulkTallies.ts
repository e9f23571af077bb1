/**
 * Backfill pages of events, written with the read model's tallies (eventTallies.ts) kept exact
 * without their per-row triggers. The cache calls it inside each big page's transaction.
 *
 * Why: the triggers' five tally upserts per event cost ≈ 6 µs CPU (1M events backfilled at
 * ~40k rows/s), and merely having triggers on `events` costs ≈ 1.7 µs per row even when a WHEN
 * clause turns them off (measured with `WHEN 0`), so a flag checked by the triggers cannot get
 * a backfill near 100k rows/s. Instead, for a big page, inside the page's own transaction, the
 * tally triggers are dropped, the page is written, its contribution to each tally is added once
 * per distinct key (a 1000-event page touches ≈ 800 tally rows instead of ≈ 4,500 trigger
 * upserts), and the triggers are created again from their own stored SQL. Other connections only
 * ever see commits, so for them the triggers never went away; a crash rolls the drop back with
 * the rows. The tallies equal a recount of `events` after every commit — there is no dirty
 * window and no rebuild pass.
 *
 * The arithmetic below is a mirror, in TypeScript for speed, of the one definition in
 * eventTallies.ts (SQLite integer division truncates toward zero, date() floors seconds to a
 * day). A change to what the tallies count must change TallyDeltas.add too — bulkTallies.test.ts
 * holds this path to the triggers and both to the recount derived from the definition.
 */
import type Database from 'better-sqlite3';
import type { DistrictTime } from '../../../shared/districtTime';
import { FEED_TABLES } from '../../cache/feedRows';
import type { EventPageWriter } from '../../cache/types';
import { TALLY_TRIGGERS as TRIGGER_NAMES } from './eventTallies';


/** The triggers this module stands in for; with any other trigger on `events` it stays off. */
const TALLY_TRIGGERS: readonly string[] = Object.values(TRIGGER_NAMES);

const COLUMNS = FEED_TABLES.events.columns as readonly string[];
const col = (name: string): number => {
  const i = COLUMNS.indexOf(name);
  if (i < 0) throw new Error(`bulk events: no column ${name}`);
  return i;
};
const C = {
  id: col('id'),
  source: col('source_id'),
  type: col('type'),
  town: col('town_code'),
  status: col('status'),
  reported: col('reported_at'),
  accepted: col('accepted_at'),
  dispatched: col('dispatched_at'),
  handled: col('handled_at'),
  closed: col('closed_at'),
  acceptOverdue: col('accept_overdue'),
  handleOverdue: col('handle_overdue'),
  satisfaction: col('satisfaction'),
  acceptOverdueAt: col('accept_overdue_at'),
  handleOverdueAt: col('handle_overdue_at'),
  ratedAt: col('rated_at'),
  updated: col('updated_at'),
};

/** Status → how far along the flow it is (the order of migration 042's status IN lists). */
const STATUS_RANK: Readonly<Record<string, number>> = { reported: 0, accepted: 1, dispatched: 2, handled: 3, closed: 4, rated: 5 };
/**
 * Migration 042's district-wide milestones, in one fixed order (index = slot in a day's counts).
 * 'reported' (by town and type) and 'closed' (by town) are kept apart, with their dimensions.
 */
const DISTRICT_MILESTONES = [
  'accepted', 'dispatched', 'handled', 'rated', 'accepted_at', 'accepted_overdue', 'rating', 'rating_good',
  'accept_overdue', 'handle_overdue', 'handle_overdue_closed',
] as const;
const M = Object.fromEntries(DISTRICT_MILESTONES.map((m, i) => [m, i])) as Record<(typeof DISTRICT_MILESTONES)[number], number>;

/** An event row in COLUMNS order, as bound or as stored (times in ms). */
type Row = unknown[];

const SEP = '\u0001';

interface Count {
  key: unknown[];
  n: number;
}
interface DayCount {
  key: unknown[];
  reported: number;
  closed: number;
}

/**
 * Per-page deltas, keyed like the tally tables' primary keys. A page is one source's, so the
 * source is left out of the in-memory keys (it is in each entry's `key`); minutes and local
 * days are number keys: no key string built per event where a number will do (hot path).
 */
class TallyDeltas {
  readonly tally = new Map<string, Count>();
  /** Local day number → town → counts. */
  readonly daily = new Map<number, Map<string, DayCount>>();
  readonly accept = new Map<number, Count>();
  readonly close = new Map<number, Count>();
  /** Migration 042's tallies by day: local day number → its counts (ByDay). */
  readonly byDay = new Map<number, ByDay>();
  /** The last day used (its first ms, local midnight): a page's rows mostly share a few days. */
  private lastStart = NaN;
  private lastByDay: ByDay | null = null;

  constructor(
    readonly source: string,
    /** The district's UTC offset, as the triggers' sqlLocalDate adds it. */
    private readonly offsetMs: number,
  ) {}

  private day(ms: number, town: string): DayCount {
    const day = dayNumber(ms, this.offsetMs);
    let towns = this.daily.get(day);
    if (!towns) this.daily.set(day, (towns = new Map()));
    let e = towns.get(town);
    if (!e) {
      towns.set(town, (e = { key: [this.source, isoDay(day), town], reported: 0, closed: 0 }));
    }
    return e;
  }

  private minutes(map: Map<number, Count>, minutes: number): Count {
    let e = map.get(minutes);
    if (!e) map.set(minutes, (e = { key: [this.source, minutes], n: 0 }));
    return e;
  }

  /**
   * One event row's contribution, added (by = 1) or taken away (by = -1). Read straight from
   * the row: no per-event object on the hot path.
   */
  add(r: Row, by: 1 | -1): void {
    if (r[C.source] !== this.source) throw new Error('bulk events: a row of another source in the page');
    const town = r[C.town] as string;
    const reportedAt = r[C.reported] as number;
    const acceptedAt = r[C.accepted] as number | null;
    const closedAt = r[C.closed] as number | null;
    const accepted = acceptedAt !== null ? 1 : 0;
    const satisfaction = (r[C.satisfaction] as string | null) ?? '';
    const k =
      town + SEP + r[C.type] + SEP + r[C.status] + SEP + accepted + SEP + r[C.acceptOverdue] + SEP + r[C.handleOverdue] +
      SEP + satisfaction;
    let t = this.tally.get(k);
    if (!t) {
      t = { key: [this.source, town, r[C.type], r[C.status], accepted, r[C.acceptOverdue], r[C.handleOverdue], satisfaction], n: 0 };
      this.tally.set(k, t);
    }
    t.n += by;
    this.day(reportedAt, town).reported += by;
    if (closedAt !== null) {
      this.day(closedAt, town).closed += by;
      this.minutes(this.close, Math.trunc((closedAt - reportedAt) / 60_000)).n += by;
    }
    if (acceptedAt !== null) this.minutes(this.accept, Math.trunc((acceptedAt - reportedAt) / 60_000)).n += by;
    this.addByDay(r, by);
  }

  /** Migration 042's tallies by day: each fact counted on the local day it became true. */
  private addByDay(r: Row, by: 1 | -1): void {
    const town = r[C.town] as string;
    const reportedAt = r[C.reported] as number;
    const acceptedAt = r[C.accepted] as number | null;
    const closedAt = r[C.closed] as number | null;
    const updatedAt = r[C.updated] as number;
    const rank = STATUS_RANK[r[C.status] as string] ?? -1;
    // When the row reached step s (if its status is that far): the step's own time, else the
    // next step's it has, else updated_at — worked out from the last step back.
    const reach5 = (r[C.ratedAt] as number | null) ?? updatedAt;
    const reach4 = closedAt ?? reach5;
    const reach3 = (r[C.handled] as number | null) ?? reach4;
    const reach2 = (r[C.dispatched] as number | null) ?? reach3;
    const reach1 = acceptedAt ?? reach2;
    const satisfaction = r[C.satisfaction] as string | null;
    const ratedAt = satisfaction !== null ? ((r[C.ratedAt] as number | null) ?? updatedAt) : null;
    const acceptOverdueAt = r[C.acceptOverdue] === 1 ? ((r[C.acceptOverdueAt] as number | null) ?? updatedAt) : null;
    const handleOverdueAt = r[C.handleOverdue] === 1 ? ((r[C.handleOverdueAt] as number | null) ?? updatedAt) : null;

    this.at(reportedAt).count(this.source, 'reported', town, r[C.type] as string).n += by;
    if (rank >= 4) this.at(reach4).count(this.source, 'closed', town, '').n += by;
    if (rank >= 1) this.at(reach1).district[M.accepted] += by;
    if (rank >= 2) this.at(reach2).district[M.dispatched] += by;
    if (rank >= 3) this.at(reach3).district[M.handled] += by;
    if (rank >= 5) this.at(reach5).district[M.rated] += by;
    if (acceptedAt !== null) {
      this.at(acceptedAt).district[M.accepted_at] += by;
      if (acceptOverdueAt !== null) this.at(Math.max(acceptedAt, acceptOverdueAt)).district[M.accepted_overdue] += by;
      this.at(acceptedAt).histogram('accept', Math.trunc((acceptedAt - reportedAt) / 60_000)).n += by;
    }
    if (ratedAt !== null) {
      this.at(ratedAt).district[M.rating] += by;
      if (satisfaction === 'satisfied' || satisfaction === 'basicallySatisfied') this.at(ratedAt).district[M.rating_good] += by;
    }
    if (acceptOverdueAt !== null) this.at(acceptOverdueAt).district[M.accept_overdue] += by;
    if (handleOverdueAt !== null) {
      this.at(handleOverdueAt).district[M.handle_overdue] += by;
      if (rank >= 4) this.at(Math.max(handleOverdueAt, reach4)).district[M.handle_overdue_closed] += by;
    }
    if (closedAt !== null) this.at(closedAt).histogram('close', closeTenths(closedAt - reportedAt)).n += by;
  }

  /** The counts of the local day containing ms. */
  private at(ms: number): ByDay {
    if (ms >= this.lastStart && ms < this.lastStart + 86_400_000) return this.lastByDay!;
    const day = dayNumber(ms, this.offsetMs);
    let d = this.byDay.get(day);
    if (!d) this.byDay.set(day, (d = new ByDay(isoDay(day))));
    this.lastStart = day * 86_400_000 - this.offsetMs;
    this.lastByDay = d;
    return d;
  }
}

/** One local day's share of migration 042's tallies in a page. */
class ByDay {
  /** Slots of DISTRICT_MILESTONES. */
  readonly district = new Array<number>(DISTRICT_MILESTONES.length).fill(0);
  /** 'reported' by town and type, 'closed' by town (type ''): town → type → count. */
  readonly reported = new Map<string, Map<string, Count>>();
  readonly closed = new Map<string, Map<string, Count>>();
  /** Histogram entries: accept minutes, close tenths of an hour. */
  readonly accept = new Map<number, Count>();
  readonly close = new Map<number, Count>();

  constructor(readonly date: string) {}

  count(source: string, milestone: 'reported' | 'closed', town: string, type: string): Count {
    const byTown = this[milestone];
    let byType = byTown.get(town);
    if (!byType) byTown.set(town, (byType = new Map()));
    let e = byType.get(type);
    if (!e) byType.set(type, (e = { key: [source, this.date, milestone, town, type], n: 0 }));
    return e;
  }

  *keyedCounts(): IterableIterator<Count> {
    for (const byTown of [this.reported, this.closed]) for (const byType of byTown.values()) yield* byType.values();
  }

  histogram(kind: 'accept' | 'close', value: number): Count {
    const map = this[kind];
    let e = map.get(value);
    if (!e) map.set(value, (e = { key: [value], n: 0 }));
    return e;
  }
}

/**
 * Time to close in tenths of an hour, rounded half up: what the Events screen shows
 * (Math.round(minutes / 60 * 10) / 10 equals this for every whole minute — checked to 5,000,000).
 * Nearest-rank percentiles over these buckets are the ones over minutes, rounded the same way.
 */
function closeTenths(ms: number): number {
  return Math.trunc((Math.trunc(ms / 60_000) + 3) / 6);
}

/** date((ms + offset) / 1000, 'unixepoch') as a day number: integer division truncates, date() floors to the day. */
function dayNumber(ms: number, offsetMs: number): number {
  return Math.floor(Math.trunc((ms + offsetMs) / 1000) / 86_400);
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}


/**
 * Null when the schema has no tallies (a cache opened without the read model's migrations) or
 * has a trigger on `events` this module does not know: then every page goes through the triggers.
 */
export function createBulkEventWriter(db: Database.Database, upsert: Database.Statement, time: DistrictTime): EventPageWriter | null {
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' ORDER BY name`)
    .all() as Array<{ name: string; sql: string }>;
  const names = triggers.map((t) => t.name);
  if (names.length !== TALLY_TRIGGERS.length || !TALLY_TRIGGERS.every((n) => names.includes(n))) return null;

  const spec = FEED_TABLES.events;
  // A new event is the common case in a backfill: insert it, or learn that it exists.
  const insertNew = db.prepare(
    `INSERT INTO events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (source_id, id) DO NOTHING`,
  );
  // The stored row in COLUMNS order, so the old and the new copy are read alike.
  const selectOld = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM events WHERE source_id = ? AND id = ?`).raw();
  // Deltas, not counts: the page adds to what earlier pages left (or takes away, for a row that moved).
  const addTally = db.prepare(`INSERT INTO rm_event_tally VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const addDaily = db.prepare(`INSERT INTO rm_event_daily VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET reported = reported + excluded.reported, closed = closed + excluded.closed`);
  const addAccept = db.prepare(`INSERT INTO rm_event_accept_minutes VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const addClose = db.prepare(`INSERT INTO rm_event_close_minutes VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const addMilestone = db.prepare(
    `INSERT INTO rm_event_milestones (source_id, date, milestone, town_code, type, n) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  const addAcceptOn = db.prepare(`INSERT INTO rm_event_accept_minutes_daily VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const addCloseOn = db.prepare(`INSERT INTO rm_event_close_tenths_daily VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n`);
  const dropSql = TALLY_TRIGGERS.map((n) => `DROP TRIGGER ${n};`).join('\n');
  const createSql = triggers.map((t) => `${t.sql};`).join('\n');

  function flush(deltas: TallyDeltas): void {
    for (const { key, n } of deltas.tally.values()) if (n !== 0) addTally.run(...key, n);
    for (const towns of deltas.daily.values()) {
      for (const { key, reported, closed } of towns.values()) if (reported !== 0 || closed !== 0) addDaily.run(...key, reported, closed);
    }
    for (const { key, n } of deltas.accept.values()) if (n !== 0) addAccept.run(...key, n);
    for (const { key, n } of deltas.close.values()) if (n !== 0) addClose.run(...key, n);
    for (const d of deltas.byDay.values()) {
      for (const { key, n } of d.keyedCounts()) if (n !== 0) addMilestone.run(...key, n);
      d.district.forEach((n, slot) => {
        if (n !== 0) addMilestone.run(deltas.source, d.date, DISTRICT_MILESTONES[slot], '', '', n);
      });
      for (const { key, n } of d.accept.values()) if (n !== 0) addAcceptOn.run(deltas.source, d.date, key[0], n);
      for (const { key, n } of d.close.values()) if (n !== 0) addCloseOn.run(deltas.source, d.date, key[0], n);
    }
  }

  return {
    writePage(sourceId, records) {
      if (!db.inTransaction) throw new Error('bulk events: writePage must run inside the page transaction');
      const deltas = new TallyDeltas(sourceId, time.offsetMs);
      let changed = 0;
      db.exec(dropSql);
      for (const record of records) {
        const row = spec.toRow(sourceId, record);
        if (insertNew.run(row).changes === 1) {
          deltas.add(row, 1);
          changed += 1;
          continue;
        }
        // Already cached: the same upsert as the trigger path (only a newer copy replaces it).
        const old = selectOld.get(sourceId, row[C.id]) as Row;
        if (upsert.run(row).changes === 1) {
          deltas.add(old, -1);
          // As stored: some columns of a newer copy keep the stored row's times (feedRows onUpdate).
          deltas.add(selectOld.get(sourceId, row[C.id]) as Row, 1);
          changed += 1;
        }
      }
      flush(deltas);
      db.exec(createSql);
      return changed;
    },
  };
}
