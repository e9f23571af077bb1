/**
 * A PostgreSQL view feeding the events feed, against a real server these tests start
 * (src/core/sources/testing/postgres.ts; it fails loudly when PostgreSQL cannot start).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, sourceConfigSchema } from '../../../shared/config';
import { generateSyntheticEvents } from '../../../shared/contract/testing/syntheticEvents';
import { openCache } from '../../cache';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';
import { createCore } from '../../core';
import { silentLogger } from '../../log/logger';
import { createSyncEngine } from '../../sync';
import { createSourceReader } from '..';
import { startTestPostgres, type TestPostgres } from '../testing/postgres';
import { EVENTS_TABLE_SQL, insertEvents } from '../testing/postgresEvents';

let db: TestPostgres;

const events = [...generateSyntheticEvents(2600, { seed: 11, startMs: Date.UTC(2026, 9, 1) })];

beforeAll(async () => {
  db = await startTestPostgres();
  await db.sql(EVENTS_TABLE_SQL);
  await insertEvents(db, events);
}, 120_000);
afterAll(async () => {
  await db?.destroy();
  removeTempDirs();
});

const pgSource = (overrides: Record<string, unknown> = {}) =>
  sourceConfigSchema.parse({
    id: 'pg',
    kind: 'postgres',
    host: db.host,
    port: db.port,
    database: db.database,
    user: 'cockpit_reader',
    pageRows: 1000,
    timeoutMs: 2000,
    feeds: { events: { query: 'cockpit_events', incremental: { column: 'updatedAt', key: 'id' } } },
    ...overrides,
  });

describe('a PostgreSQL view feeds events', () => {
  it('backfills page by page in (updatedAt, id) order, then reads only rows changed since', async () => {
    const cache = openCache(join(tempDir(), 'c.db'));
    const engine = createSyncEngine({ cache, sources: [pgSource()], readerFor: createSourceReader });
    const first = (await engine.syncOnce()).sources[0].endpoints;
    expect(first).toEqual([expect.objectContaining({ name: 'events', outcome: 'updated', pages: 3, stored: 2600, quarantined: 0, error: null })]);
    const e = events[777];
    expect(cache.db.prepare('SELECT * FROM events WHERE id = ?').get(e.id)).toMatchObject({
      source_id: 'pg',
      title: e.title,
      town_code: e.townCode,
      status: e.status,
      reported_at: Date.parse(e.reportedAt),
      closed_at: e.closedAt ? Date.parse(e.closedAt) : null,
      departments: JSON.stringify(e.departments),
      accept_overdue: e.acceptOverdue ? 1 : 0,
      updated_at: Date.parse(e.updatedAt),
    });

    // Microseconds in the cursor: a row changed a microsecond after the last one read is read once.
    await db.sql(`UPDATE gov_events SET status = 'closed', closed_at = modified_at + interval '1 minute', handled_at = coalesce(handled_at, modified_at),
                  dispatched_at = coalesce(dispatched_at, reported_at), accepted_at = coalesce(accepted_at, reported_at),
                  modified_at = (SELECT max(modified_at) FROM gov_events) + interval '1 microsecond' WHERE event_no = $1`, [events[3].id]);
    const next = (await engine.syncOnce()).sources[0].endpoints[0];
    expect(next).toMatchObject({ outcome: 'updated', pages: 1, stored: 1, changed: 1 });
    expect(cache.db.prepare('SELECT status FROM events WHERE id = ?').pluck().get(events[3].id)).toBe('closed');
    const idle = (await engine.syncOnce()).sources[0].endpoints[0];
    expect(idle).toMatchObject({ outcome: 'unchanged', stored: 0 });
    await engine.stop();
    cache.close();
  });

  it('the connection is read-only: a query that writes is refused by the server and stores nothing', async () => {
    // A role that could write, and a query that would (through a function, since a write in a
    // subquery is refused by the wrapping anyway): the session's read-only mode stops it.
    await db.sql('GRANT DELETE ON gov_events TO cockpit_reader');
    await db.sql(`CREATE OR REPLACE FUNCTION purge_events() RETURNS int LANGUAGE sql AS 'DELETE FROM gov_events RETURNING 1'`);
    const cache = openCache(join(tempDir(), 'c.db'));
    const writing = pgSource({ feeds: { events: { query: 'SELECT * FROM cockpit_events WHERE purge_events() IS NULL', incremental: { column: 'updatedAt' } } } });
    const engine = createSyncEngine({ cache, sources: [writing], readerFor: createSourceReader });
    const r = (await engine.syncOnce()).sources[0].endpoints[0];
    expect(r.error).toMatch(/query failed \(SQLSTATE 25006\): cannot execute DELETE in a read-only transaction/);
    expect((await db.sql('SELECT count(*)::int AS n FROM gov_events')).rows[0].n).toBe(2600);
    const twoStatements = pgSource({ feeds: { events: { query: 'SELECT * FROM cockpit_events; SELECT 1', incremental: { column: 'updatedAt' } } } });
    const e2 = createSyncEngine({ cache, sources: [twoStatements], readerFor: createSourceReader });
    expect((await e2.syncOnce()).sources[0].endpoints[0].error).toMatch(/syntax error|cannot insert multiple commands/);
    await engine.stop();
    await e2.stop();
    expect(cache.tableCounts().events).toBe(0);
    cache.close();
    await db.sql('REVOKE DELETE ON gov_events FROM cockpit_reader');
  });

  it('stopping the server marks the source down and keeps the last good data; starting it recovers within one interval', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-pg-core-'));
    const intervalSec = 1;
    const config = configSchema.parse({ sources: [pgSource({ intervalSec, timeoutMs: 500 })] });
    const cockpit = await createCore({ config, dataDir, logger: silentLogger });
    const waitFor = async <T>(probe: () => Promise<T | null | false>, ms: number, what: string) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const v = await probe();
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const source = async () => (await cockpit.query('health', {})).sources[0];
    try {
      await cockpit.start();
      await waitFor(async () => (await source())?.state === 'ok', 30_000, 'the first sync');
      const flowBefore = (await cockpit.query('events', {})).flow;
      expect(flowBefore.reported).toBe(2600);

      db.stop();
      const down = await waitFor(async () => {
        const s = await source();
        return s.state === 'down' ? s : null;
      }, 20_000, 'the source to go down');
      expect(down.lastError).toMatch(/events: connection: .*(ECONNREFUSED|terminat|Connection)/i);
      expect((await cockpit.query('events', {})).flow).toEqual(flowBefore); // the last good data stays
      expect(cockpit.health().status).toBe('degraded');

      db.start();
      const restartedAt = Date.now();
      await waitFor(async () => (await source()).state === 'ok', 10_000, 'recovery');
      // Retries never wait longer than the interval; allow the server's own start-up on top.
      expect(Date.now() - restartedAt).toBeLessThanOrEqual(intervalSec * 1000 + 1500);
    } finally {
      await cockpit.close();
      rmSync(dataDir, { recursive: true, force: true });
      db.start();
    }
  }, 60_000);
});
