/**
 * The read model's event tallies compared with a recount of `events` — the invariant every write
 * path must keep. The recount is derived from the tallies' one definition (eventTallies.ts): it
 * checks that the triggers and the bulk writer keep to the definition, not the definition itself
 * (the hand-worked figures in the read model's tests do that).
 */
import type Database from 'better-sqlite3';
import { DEFAULT_TIME_ZONE, districtTime } from '../../../../shared/districtTime';
import { EVENT_TALLIES, recountSql, storedSql } from '../eventTallies';

const NAMES: Record<string, string> = {
  rm_event_tally: 'tally',
  rm_event_daily: 'daily',
  rm_event_accept_minutes: 'acceptMinutes',
  rm_event_close_minutes: 'closeMinutes',
  rm_event_milestones: 'milestones',
  rm_event_accept_minutes_daily: 'acceptMinutesDaily',
  rm_event_close_tenths_daily: 'closeTenthsDaily',
};

/** Each tally table as stored and as recounted from `events` (in the zone it was counted in); equal when the tallies are right. */
export function tallyAndRecount(db: Database.Database): { stored: Record<string, unknown[]>; recount: Record<string, unknown[]> } {
  const zone = (db.prepare(`SELECT value FROM cache_meta WHERE key = 'readModel.timeZone'`).pluck().get() as string | undefined) ?? DEFAULT_TIME_ZONE;
  const time = districtTime(zone);
  const stored: Record<string, unknown[]> = {};
  const recount: Record<string, unknown[]> = {};
  for (const tally of EVENT_TALLIES) {
    const name = NAMES[tally.table] ?? tally.table;
    stored[name] = db.prepare(storedSql(tally)).all();
    recount[name] = db.prepare(recountSql(tally, time)).all();
  }
  return { stored, recount };
}

/** Name and SQL of every trigger on `events`. */
export function eventTriggers(db: Database.Database): Array<{ name: string; sql: string }> {
  return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' ORDER BY name`).all() as Array<{
    name: string;
    sql: string;
  }>;
}
