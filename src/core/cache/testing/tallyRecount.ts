/**
 * The read model's event tallies (migration 010) compared with a recount of `events`: the
 * invariant every write path must keep. Rows whose counts fell to zero are ignored, as the
 * readers ignore them.
 */
import type Database from 'better-sqlite3';

const PAIRS: Record<string, { tally: string; recount: string }> = {
  tally: {
    tally: `SELECT source_id, town_code, type, status, accepted, accept_overdue, handle_overdue, satisfaction, sum(n) AS n
      FROM rm_event_tally GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
    recount: `SELECT source_id, town_code, type, status, accepted_at IS NOT NULL AS accepted, accept_overdue, handle_overdue,
      coalesce(satisfaction, '') AS satisfaction, count(*) AS n FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  },
  daily: {
    tally: `SELECT source_id, date, town_code, reported, closed FROM rm_event_daily
      WHERE reported <> 0 OR closed <> 0 ORDER BY 1, 2, 3`,
    recount: `SELECT source_id, d AS date, town_code, sum(r) AS reported, sum(c) AS closed FROM (
        SELECT source_id, date((reported_at + 28800000) / 1000, 'unixepoch') AS d, town_code, 1 AS r, 0 AS c FROM events
        UNION ALL
        SELECT source_id, date((closed_at + 28800000) / 1000, 'unixepoch'), town_code, 0, 1 FROM events WHERE closed_at IS NOT NULL)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  acceptMinutes: {
    tally: `SELECT source_id, minutes, n FROM rm_event_accept_minutes WHERE n <> 0 ORDER BY 1, 2`,
    recount: `SELECT source_id, (accepted_at - reported_at) / 60000 AS minutes, count(*) AS n FROM events
      WHERE accepted_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  closeMinutes: {
    tally: `SELECT source_id, minutes, n FROM rm_event_close_minutes WHERE n <> 0 ORDER BY 1, 2`,
    recount: `SELECT source_id, (closed_at - reported_at) / 60000 AS minutes, count(*) AS n FROM events
      WHERE closed_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  },
};

/** Each tally table as stored and as recounted from `events`; equal when the tallies are right. */
export function tallyAndRecount(db: Database.Database): { stored: Record<string, unknown[]>; recount: Record<string, unknown[]> } {
  const stored: Record<string, unknown[]> = {};
  const recount: Record<string, unknown[]> = {};
  for (const [name, q] of Object.entries(PAIRS)) {
    stored[name] = db.prepare(q.tally).all();
    recount[name] = db.prepare(q.recount).all();
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
