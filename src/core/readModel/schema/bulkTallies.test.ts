/**
 * Backfill pages of events (bulkTallies.ts) against real SQLite: the read model's tallies equal a
 * recount after every commit, the tally triggers are back (unchanged) for every other writer,
 * a failed page or a SIGKILL leaves no trace, and the read model answers the same figures as
 * when every row went through the triggers.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DistrictEvent } from '../../../shared/contract';
import { syntheticEvents } from '../../../shared/contract/testing/syntheticEvents';
import { BULK_PAGE_MIN_ROWS, CacheWriteError, openCache, type Cache } from '../../cache';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';
import { createReadModel } from '../index';
import { eventTriggers, tallyAndRecount } from './testing/tallyRecount';

const ROOT = resolve(__dirname, '../../../..');
afterAll(removeTempDirs);

function expectTalliesExact(db: Database.Database): void {
  const { stored, recount } = tallyAndRecount(db);
  expect(stored.tally.length).toBeGreaterThan(0);
  expect(stored).toEqual(recount);
}

/** A newer copy of an event (an upsert that replaces the row), moved on to `status`. */
function newer(e: DistrictEvent, status: DistrictEvent['status'], hours = 48): DistrictEvent {
  const reported = Date.parse(e.reportedAt);
  const at = (h: number) => new Date(reported + h * 3_600_000).toISOString();
  return {
    ...e,
    status,
    acceptedAt: e.acceptedAt ?? at(1),
    closedAt: status === 'closed' || status === 'rated' ? at(30) : null,
    satisfaction: status === 'rated' ? 'dissatisfied' : null,
    townCode: '330113008',
    updatedAt: new Date(Date.parse(e.updatedAt) + hours * 3_600_000).toISOString(),
  };
}

function fresh(): Cache {
  return openCache(join(tempDir('bulk-events-'), 'cache.db'));
}

describe('backfill pages of events', () => {
  it('keep the tallies equal to a recount after every page: new rows, newer copies, stale copies, repeats within a page', () => {
    const cache = fresh();
    const triggersBefore = eventTriggers(cache.db);
    expect(triggersBefore.map((t) => t.name)).toEqual(['rm_events_after_delete', 'rm_events_after_insert', 'rm_events_after_update']);
    const all = syntheticEvents(3000, { seed: 5 });
    for (let p = 0; p < 3; p++) {
      const r = cache.applyFeedPage('s1', 'events', all.slice(p * 1000, (p + 1) * 1000), [], `c${p}`);
      expect(r.changed).toBe(1000);
      expectTalliesExact(cache.db);
    }
    // A re-sent page: 300 newer copies (rows move between tally keys), 200 stale copies (ignored),
    // one event twice in the same page (the second copy moves it again), and 300 new events.
    const moved = all.slice(100, 400).map((e) => newer(e, 'rated'));
    const stale = all.slice(1000, 1200).map((e) => ({ ...e, status: 'reported' as const, updatedAt: '2020-01-01T00:00:00Z' }));
    const twice = [newer(all[2000], 'closed', 10), newer(all[2000], 'rated', 20)];
    const added = syntheticEvents(300, { seed: 6, firstIndex: 3000 });
    const page = [...moved, ...stale, ...twice, ...added];
    expect(page.length).toBeGreaterThanOrEqual(BULK_PAGE_MIN_ROWS);
    const r = cache.applyFeedPage('s1', 'events', page, [], 'c3');
    expect(r.changed).toBe(300 + 2 + 300);
    expectTalliesExact(cache.db);
    expect(cache.db.prepare(`SELECT status, town_code FROM events WHERE id = ?`).get(all[2000].id)).toEqual({ status: 'rated', town_code: '330113008' });
    expect(cache.db.prepare(`SELECT count(*) FROM events`).pluck().get()).toBe(3300);
    // The triggers are back, byte for byte.
    expect(eventTriggers(cache.db)).toEqual(triggersBefore);
    cache.close();
  });

  it('leave the triggers keeping the tallies for live pages, plain SQL and retention after a backfill', () => {
    const cache = fresh();
    const all = syntheticEvents(2000, { seed: 8 });
    cache.applyFeedPage('s1', 'events', all.slice(0, 1000), [], 'c1');
    cache.applyFeedPage('s1', 'events', all.slice(1000), [], 'c2');
    // A live poll: a few new events and a few moving on, through the triggers.
    const live = [...syntheticEvents(10, { seed: 9, firstIndex: 2000 }), ...all.slice(0, 10).map((e) => newer(e, 'closed'))];
    expect(live.length).toBeLessThan(BULK_PAGE_MIN_ROWS);
    expect(cache.applyFeedPage('s1', 'events', live, [], 'c3').changed).toBe(20);
    expectTalliesExact(cache.db);
    // Another connection, writing plain SQL: it never saw the triggers gone.
    const other = new Database(cache.path);
    other.prepare(`UPDATE events SET status = 'rated', satisfaction = 'satisfied' WHERE id = ?`).run(all[500].id);
    other.prepare(`DELETE FROM events WHERE id = ?`).run(all[501].id);
    other.close();
    expectTalliesExact(cache.db);
    cache.db.prepare(`DELETE FROM events WHERE reported_at < ?`).run(Date.parse(all[300].reportedAt));
    expectTalliesExact(cache.db);
    cache.close();
  });

  it('roll back whole when a page fails: no rows, no tally change, triggers still in place', () => {
    const cache = fresh();
    const all = syntheticEvents(1200, { seed: 10 });
    cache.applyFeedPage('s1', 'events', all.slice(0, 1000), [], 'c1');
    const before = tallyAndRecount(cache.db).stored;
    const triggers = eventTriggers(cache.db);
    // A row the schema refuses (NOT NULL) after 150 good ones, as a bad disk or a bug would fail mid-page.
    const broken = [...all.slice(1000, 1150), { ...all[1150], townCode: null } as unknown as DistrictEvent, ...all.slice(1151)];
    expect(broken.length).toBeGreaterThanOrEqual(BULK_PAGE_MIN_ROWS);
    expect(() => cache.applyFeedPage('s1', 'events', broken, [], 'c2')).toThrow(CacheWriteError);
    expect(cache.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1000);
    expect(tallyAndRecount(cache.db).stored).toEqual(before);
    expect(eventTriggers(cache.db)).toEqual(triggers);
    expect(cache.endpointState('s1', 'events')?.cursor).toBe('c1');
    cache.close();
  });

  it('give the read model the same answers as rows written one by one through the triggers', () => {
    const now = Date.parse('2025-01-05T12:00:00Z');
    const events = syntheticEvents(1500, { seed: 12 });
    const bulk = fresh();
    bulk.applyFeedPage('s1', 'events', events.slice(0, 1000), [], 'c1');
    bulk.applyFeedPage('s1', 'events', events.slice(1000), [], 'c2');
    const triggered = fresh();
    for (let i = 0; i < events.length; i += 50) triggered.applyFeedPage('s1', 'events', events.slice(i, i + 50), [], `c${i}`);
    const answer = (c: Cache) => createReadModel(c.db, { now: () => now }).query('events', {});
    const a = answer(bulk);
    expect(a.flow.reported).toBe(1500);
    expect(a).toEqual(answer(triggered));
    expect(tallyAndRecount(bulk.db).stored).toEqual(tallyAndRecount(triggered.db).stored);
    bulk.close();
    triggered.close();
  });

  it('survive SIGKILL at any moment of a backfill: after each kill the tallies equal a recount, the triggers are intact, the read model counts every event', async () => {
    const path = join(tempDir('bulk-kill-'), 'cache.db');
    const child = join(ROOT, 'src/core/readModel/schema/testing/bulkWriterChild.ts');
    const triggers = (() => {
      const c = openCache(path);
      const t = eventTriggers(c.db);
      c.close();
      return t;
    })();
    let lastPage = 0;
    for (let kill = 0; kill < 4; kill++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (d) => (stderr += d));
      // Kill after a few commits, at a random moment within the next page (usually mid-transaction).
      const target = 2 + kill;
      await new Promise<void>((done, fail) => {
        let seen = 0;
        proc.stdout.on('data', (d: Buffer) => {
          seen += String(d).split('\n').filter((l) => l.startsWith('page ')).length;
          if (seen >= target) setTimeout(() => proc.kill('SIGKILL'), Math.random() * 15);
        });
        proc.on('exit', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`child exited ${code}: ${stderr}`))));
      });
      const db = new Database(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const page = Number(db.prepare(`SELECT cursor FROM endpoint_state WHERE endpoint = 'events'`).pluck().get());
      expect(page).toBeGreaterThan(lastPage);
      lastPage = page;
      expectTalliesExact(db);
      expect(eventTriggers(db)).toEqual(triggers);
      // And what the wall would show on restart counts exactly the committed events.
      const shown = createReadModel(db).query('events', {});
      expect(shown.flow.reported).toBe(db.prepare('SELECT count(*) FROM events').pluck().get());
      db.close();
    }
  }, 60_000);
});
