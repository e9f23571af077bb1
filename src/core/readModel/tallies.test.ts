/**
 * Migration 010's tallies on a cache that already holds events (an app upgrade): the migration
 * backfills them, and from then on the triggers keep them equal to a recount.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, mergeMigrations, migrate } from '../cache/migrations';
import { readModelMigrations, readModelSchema } from './schema';
import { EVENTS, NOW } from './testing/fixtures';
import { createReadModel } from './index';

const RECOUNT = `SELECT town_code, type, status, accepted_at IS NOT NULL AS accepted, accept_overdue, handle_overdue,
  coalesce(satisfaction, '') AS satisfaction, count(*) AS n FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
const TALLY = `SELECT town_code, type, status, accepted, accept_overdue, handle_overdue, satisfaction, sum(n) AS n
  FROM rm_event_tally GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`;

describe('read-model tallies migration', () => {
  it('backfills the tallies from events cached before it, then keeps them in step', () => {
    const all = mergeMigrations(loadMigrations(), readModelMigrations());
    const ours = all.find((m) => m.name === 'readmodel_indexes')!;
    const before = all.filter((m) => m.version < ours.version);
    const db = new Database(':memory:');
    migrate(db, before);
    const insert = db.prepare(
      `INSERT INTO events (id, source_id, type, title, town_code, community, origin, status, reported_at, accepted_at,
         dispatched_at, handled_at, closed_at, departments, handlers, accept_overdue, handle_overdue, satisfaction, updated_at)
       VALUES (?, 's', ?, ?, ?, '社区', 'grid', ?, ?, ?, NULL, NULL, ?, '[]', '[]', ?, ?, ?, ?)`,
    );
    const ms = (t: string | null) => (t === null ? null : Date.parse(t));
    for (const e of EVENTS) {
      insert.run(e.id, e.type, e.title, e.townCode, e.status, ms(e.reportedAt), ms(e.acceptedAt), ms(e.closedAt),
        Number(e.acceptOverdue), Number(e.handleOverdue), e.satisfaction, ms(e.updatedAt));
    }
    migrate(db, all);
    readModelSchema().install(db);
    expect(db.prepare(TALLY).all()).toEqual(db.prepare(RECOUNT).all());
    const events = createReadModel(db, { now: () => NOW }).query('events', {});
    expect(events.flow).toEqual({ reported: 6, accepted: 5, dispatched: 4, handled: 4, closed: 4, rated: 3 });
    expect(events.timeToAcceptMin).toEqual({ p50: 10, p90: 30, p95: 30, count: 5 });
    expect(events.daily.find((d) => d.date === '2026-11-20')).toEqual({ date: '2026-11-20', reported: 2, closed: 1 });

    // Plain UPDATE and DELETE statements (not only the cache's upsert) keep them in step.
    db.prepare(`UPDATE events SET status = 'rated', satisfaction = 'satisfied', closed_at = reported_at + 7200000 WHERE id = 'e3'`).run();
    db.prepare(`UPDATE events SET town_code = '330113004' WHERE id = 'e1'`).run();
    db.prepare(`DELETE FROM events WHERE id = 'e4'`).run();
    expect(db.prepare(TALLY).all()).toEqual(db.prepare(RECOUNT).all());
    const closeHist = db.prepare(`SELECT minutes, n FROM rm_event_close_minutes WHERE n > 0 ORDER BY minutes`).all();
    const closeRecount = db
      .prepare(`SELECT (closed_at - reported_at) / 60000 AS minutes, count(*) AS n FROM events WHERE closed_at IS NOT NULL GROUP BY 1 ORDER BY 1`)
      .all();
    expect(closeHist).toEqual(closeRecount);
    db.close();
  });
});
