/**
 * The read model's event tallies (migrations 010 and 042) compared with a recount of `events`: the
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
  // Migration 031's tallies by day, recounted with the migration's own backfill query; the bulk
  // path computes them in JS (bulkEvents.ts), so the two formulations check each other.
  milestones: {
    tally: `SELECT source_id, date, milestone, town_code, type, n FROM rm_event_milestones WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5`,
    recount: `SELECT source_id, date((t + 28800000) / 1000, 'unixepoch') AS date, milestone, town_code, type, count(*) AS n FROM (
        SELECT e.source_id, 'reported' AS milestone, e.reported_at AS t, e.town_code AS town_code, e.type AS type FROM events AS e
        UNION ALL SELECT e.source_id, 'accepted', CASE WHEN e.status IN ('accepted', 'dispatched', 'handled', 'closed', 'rated') THEN coalesce(e.accepted_at, e.dispatched_at, e.handled_at, e.closed_at, e.rated_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'dispatched', CASE WHEN e.status IN ('dispatched', 'handled', 'closed', 'rated') THEN coalesce(e.dispatched_at, e.handled_at, e.closed_at, e.rated_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'handled', CASE WHEN e.status IN ('handled', 'closed', 'rated') THEN coalesce(e.handled_at, e.closed_at, e.rated_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'closed', CASE WHEN e.status IN ('closed', 'rated') THEN coalesce(e.closed_at, e.rated_at, e.updated_at) END, e.town_code, '' FROM events AS e
        UNION ALL SELECT e.source_id, 'rated', CASE WHEN e.status IN ('rated') THEN coalesce(e.rated_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'accepted_at', e.accepted_at, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'accepted_overdue', CASE WHEN e.accepted_at IS NOT NULL AND e.accept_overdue = 1 THEN max(e.accepted_at, coalesce(e.accept_overdue_at, e.updated_at)) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'rating', CASE WHEN e.satisfaction IS NOT NULL THEN coalesce(e.rated_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'rating_good', CASE WHEN e.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(e.rated_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'accept_overdue', CASE WHEN e.accept_overdue = 1 THEN coalesce(e.accept_overdue_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'handle_overdue', CASE WHEN e.handle_overdue = 1 THEN coalesce(e.handle_overdue_at, e.updated_at) END, '', '' FROM events AS e
        UNION ALL SELECT e.source_id, 'handle_overdue_closed', CASE WHEN e.handle_overdue = 1 AND e.status IN ('closed', 'rated') THEN max(coalesce(e.handle_overdue_at, e.updated_at), CASE WHEN e.status IN ('closed', 'rated') THEN coalesce(e.closed_at, e.rated_at, e.updated_at) END) END, '', '' FROM events AS e
      ) WHERE t IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
  },
  acceptMinutesDaily: {
    tally: `SELECT source_id, date, minutes, n FROM rm_event_accept_minutes_daily WHERE n <> 0 ORDER BY 1, 2, 3`,
    recount: `SELECT source_id, date((accepted_at + 28800000) / 1000, 'unixepoch') AS date, (accepted_at - reported_at) / 60000 AS minutes,
      count(*) AS n FROM events WHERE accepted_at IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  closeTenthsDaily: {
    tally: `SELECT source_id, date, tenths, n FROM rm_event_close_tenths_daily WHERE n <> 0 ORDER BY 1, 2, 3`,
    recount: `SELECT source_id, date((closed_at + 28800000) / 1000, 'unixepoch') AS date, ((closed_at - reported_at) / 60000 + 3) / 6 AS tenths,
      count(*) AS n FROM events WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
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
