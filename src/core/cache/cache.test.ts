import { mkdirSync, readdirSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { divisionsSchema, eventSchema, followersSchema, kpisSchema, warningSchema } from '../../shared/contract';
import type { Logger } from '../log/logger';
import { syntheticEvents } from '../../shared/contract/testing/syntheticEvents';
import { CacheWriteError, loadMigrations, migrationsFromFiles, openCache, shippedMigrations, type Cache } from './index';
import { divisionsDoc, followersDoc, kpisDoc, warningRecord } from './testing/fixtures';
import { removeTempDirs, tempDir } from './testing/tempDir';

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { lines, logger };
}

let dir: string;
afterAll(removeTempDirs);
let cache: Cache | null = null;
beforeEach(() => {
  dir = tempDir('cache-test-');
});
afterEach(() => {
  cache?.close();
  cache = null;
});

describe('migrations', () => {
  it('inlined by Vite (as in the Electron bundle) are the files on disk, numbered and ordered', () => {
    const onDisk = loadMigrations();
    expect(shippedMigrations()).toEqual(onDisk); // vitest runs through Vite: this is the inlined list
    expect(onDisk.map((m) => m.version)).toEqual([...onDisk.map((m) => m.version)].sort((a, b) => a - b));
    expect(onDisk[0]).toMatchObject({ version: 1, name: 'init' });
  });

  it('refuses two files with the same number', () => {
    expect(() => migrationsFromFiles({ '001_a.sql': 'SELECT 1;', '001_b.sql': 'SELECT 2;' })).toThrow(/duplicate/);
  });
});

describe('openCache', () => {
  it('creates a WAL database at the latest schema version', () => {
    cache = openCache(join(dir, 'sub', 'c.db'));
    expect(cache.rebuiltFrom).toBeNull();
    expect(cache.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(cache.db.pragma('user_version', { simple: true })).toBe(cache.schemaVersion);
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
  });

  it('keeps the data when reopened', () => {
    const path = join(dir, 'c.db');
    cache = openCache(path);
    cache.applyFeedPage('s1', 'events', syntheticEvents(10), [], 'c10');
    cache.close();
    cache = openCache(path);
    expect(cache.rebuiltFrom).toBeNull();
    expect(cache.tableCounts().events).toBe(10);
    expect(cache.endpointState('s1', 'events')?.cursor).toBe('c10');
  });

  it('moves a file of garbage bytes aside, starts fresh and says so once', () => {
    const path = join(dir, 'c.db');
    writeFileSync(path, Buffer.from('this is not a database at all '.repeat(200)));
    writeFileSync(`${path}-wal`, Buffer.from('junk wal'));
    const { lines, logger } = recordingLogger();
    cache = openCache(path, { logger, now: () => Date.UTC(2026, 10, 27, 8, 0, 0) });
    expect(cache.rebuiltFrom).toBe(`${path}.corrupt-20261127T080000Z`);
    // (SQLite itself discards the junk WAL when the bad connection closes; it never reaches the fresh file.)
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['c.db', 'c.db.corrupt-20261127T080000Z']));
    expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    expect(lines[0]).toContain('moved it to');
    // The fresh cache works.
    cache.applyFeedPage('s1', 'events', syntheticEvents(3), [], 'c3');
    expect(cache.tableCounts().events).toBe(3);
  });

  it('moves aside a SQLite file whose pages were damaged', () => {
    const path = join(dir, 'c.db');
    cache = openCache(path);
    cache.applyFeedPage('s1', 'events', syntheticEvents(5000), [], 'c');
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
    cache.close();
    cache = null;
    // Overwrite the middle of the file (b-tree pages) but keep the 100-byte header intact.
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const { lines, logger } = recordingLogger();
    cache = openCache(path, { logger });
    expect(cache.rebuiltFrom).toMatch(/c\.db\.corrupt-\d{8}T\d{6}Z$/);
    expect(cache.tableCounts().events).toBe(0);
    expect(lines.join('\n')).toMatch(/unusable/);
  });

  it('runs in memory, and says why, when the file cannot be opened at all', () => {
    const { lines, logger } = recordingLogger();
    mkdirSync(join(dir, 'in-the-way.db'));
    cache = openCache(join(dir, 'in-the-way.db'), { logger });
    expect(cache.unavailable).toMatch(/^cache: /);
    expect(cache.rebuiltFrom).toBeNull();
    expect(lines.filter((l) => l.startsWith('error'))).toHaveLength(1);
    cache.applyFeedPage('s1', 'events', syntheticEvents(3), [], 'c3');
    expect(cache.tableCounts().events).toBe(3);
    cache.close();
    // A path under a regular file: the folder cannot even be created.
    writeFileSync(join(dir, 'plain-file'), 'x');
    cache = openCache(join(dir, 'plain-file', 'c.db'), { logger });
    expect(cache.unavailable).not.toBeNull();
  });

  it('moves aside a cache written by a newer app (unknown schema version)', () => {
    const path = join(dir, 'c.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    cache = openCache(path);
    expect(cache.rebuiltFrom).not.toBeNull();
    expect(cache.db.pragma('user_version', { simple: true })).toBe(cache.schemaVersion);
  });
});

describe('feed pages', () => {
  beforeEach(() => {
    cache = openCache(join(dir, 'c.db'));
  });

  it('stores valid events with their cursor in one go, and re-applying changes nothing', () => {
    const events = syntheticEvents(100);
    events.forEach((e) => expect(eventSchema.safeParse(e).success).toBe(true));
    const first = cache!.applyFeedPage('s1', 'events', events, [], 'cur-1');
    expect(first).toEqual({ changed: 100, stored: 100, quarantined: 0 });
    const again = cache!.applyFeedPage('s1', 'events', events, [], 'cur-1');
    expect(again.changed).toBe(0);
    const row = cache!.db.prepare('SELECT * FROM events WHERE id = ?').get(events[0].id) as Record<string, unknown>;
    expect(row.reported_at).toBe(Date.parse(events[0].reportedAt));
    expect(JSON.parse(row.departments as string)).toEqual(events[0].departments);
    expect(row.origin).toBe(events[0].source);
  });

  it('replaces a record with a newer copy and ignores an older one', () => {
    const [e] = syntheticEvents(1);
    cache!.applyFeedPage('s1', 'events', [e], [], 'c1');
    const newer = { ...e, title: '更新后的标题', updatedAt: new Date(Date.parse(e.updatedAt) + 1000).toISOString() };
    expect(cache!.applyFeedPage('s1', 'events', [newer], [], 'c2').changed).toBe(1);
    const older = { ...e, title: '过时的标题', updatedAt: new Date(Date.parse(e.updatedAt) - 1000).toISOString() };
    expect(cache!.applyFeedPage('s1', 'events', [older], [], 'c3').changed).toBe(0);
    expect(cache!.db.prepare('SELECT title FROM events').pluck().get()).toBe('更新后的标题');
  });

  it('keeps quarantined records with their reason and counts them per endpoint', () => {
    cache!.applyFeedPage('s1', 'events', syntheticEvents(2), [{ recordId: 'bad-1', reason: 'townCode: a 9-digit town code', payload: { id: 'bad-1' } }], 'c1');
    cache!.applyFeedPage('s1', 'events', [], [{ recordId: null, reason: '(root): expected object', payload: 42 }], 'c2');
    const rows = cache!.db.prepare('SELECT record_id, reason, payload FROM quarantine ORDER BY seq').all();
    expect(rows).toEqual([
      { record_id: 'bad-1', reason: 'townCode: a 9-digit town code', payload: '{"id":"bad-1"}' },
      { record_id: null, reason: '(root): expected object', payload: '42' },
    ]);
    expect(cache!.endpointState('s1', 'events')?.quarantinedTotal).toBe(2);
    expect(cache!.tableCounts().events).toBe(2);
  });

  it('records every warning status seen, even after the source drops its history', () => {
    const open = warningRecord('w1', 'open', '2026-10-01T09:00:00+08:00');
    const rect = warningRecord('w1', 'rectifying', '2026-10-05T09:00:00+08:00');
    expect(warningSchema.safeParse(rect).success).toBe(true);
    cache!.applyFeedPage('s1', 'warnings', [open], [], 'c1');
    cache!.applyFeedPage('s1', 'warnings', [rect], [], 'c2');
    const closedNoHistory = {
      ...warningRecord('w1', 'closed', '2026-10-20T09:00:00+08:00'),
      history: [{ status: 'closed' as const, at: '2026-10-20T09:00:00+08:00', note: '整改完成' }],
    };
    cache!.applyFeedPage('s1', 'warnings', [closedNoHistory], [], 'c3');
    const statuses = cache!.db.prepare('SELECT status FROM warning_status_history ORDER BY at').pluck().all();
    expect(statuses).toEqual(['open', 'rectifying', 'closed']);
    expect(cache!.db.prepare('SELECT status FROM warnings').pluck().get()).toBe('closed');
  });

  it('lets a re-issued town-week under a new id replace the old period', () => {
    const period = (id: string, updatedAt: string) => ({
      id,
      townCode: '330113001',
      weekStart: '2026-10-05',
      indicators: Object.fromEntries(
        ['instabilityFactors', 'escalatedPetitions', 'criminalCases', 'telecomFraud', 'disputes', 'productionAccidents', 'fires',
          'trafficAccidents', 'foodSamplingFailRate', 'drugComplaints', 'environmentComplaints', 'airQualityGoodRate'].map((k) => [k, 1]),
      ) as never,
      updatedAt,
    });
    cache!.applyFeedPage('s1', 'riskPeriods', [period('p1', '2026-10-06T00:00:00Z')], [], 'c1');
    cache!.applyFeedPage('s1', 'riskPeriods', [period('p2', '2026-10-07T00:00:00Z')], [], 'c2');
    expect(cache!.db.prepare('SELECT id FROM risk_periods').pluck().all()).toEqual(['p2']);
  });
});

describe('snapshots', () => {
  beforeEach(() => {
    cache = openCache(join(dir, 'c.db'));
  });

  it('fills towns and communities from divisions, replacing the previous set', () => {
    expect(divisionsSchema.safeParse(divisionsDoc(3)).success).toBe(true);
    expect(cache!.applySnapshot('s1', 'divisions', divisionsDoc(3), '"d1"').changed).toBe(true);
    expect(cache!.tableCounts().towns).toBe(3);
    expect(cache!.applySnapshot('s1', 'divisions', divisionsDoc(3), '"d1"').changed).toBe(false);
    cache!.applySnapshot('s1', 'divisions', divisionsDoc(2), '"d2"');
    expect(cache!.tableCounts()).toMatchObject({ towns: 2, communities: 2 });
    expect(cache!.snapshot('s1', 'divisions')).toEqual({ etag: '"d2"', doc: divisionsDoc(2) });
    expect(cache!.endpointState('s1', 'divisions')?.etag).toBe('"d2"');
  });

  it('keeps followers per day and a KPI history row per changed KPI snapshot', () => {
    expect(followersSchema.safeParse(followersDoc(5)).success).toBe(true);
    expect(kpisSchema.safeParse(kpisDoc('2026-11-01T00:00:00+08:00')).success).toBe(true);
    cache!.applySnapshot('s1', 'followers', followersDoc(5), null);
    cache!.applySnapshot('s1', 'followers', followersDoc(7), null);
    expect(cache!.tableCounts().followers).toBe(7);
    cache!.applySnapshot('s1', 'kpis', kpisDoc('2026-11-01T00:00:00+08:00'), '"k1"');
    cache!.applySnapshot('s1', 'kpis', kpisDoc('2026-11-01T00:00:00+08:00'), '"k1"');
    cache!.applySnapshot('s1', 'kpis', kpisDoc('2026-11-01T01:00:00+08:00', 15_292), '"k2"');
    expect(cache!.tableCounts().kpi_history).toBe(2);
  });
});

describe('write failures become CacheWriteError and keep the last good data', () => {
  it('disk full', () => {
    cache = openCache(join(dir, 'c.db'));
    cache.applyFeedPage('s1', 'events', syntheticEvents(10), [], 'c10');
    const pages = cache.db.pragma('page_count', { simple: true }) as number;
    cache.db.pragma(`max_page_count = ${pages}`);
    const err = (() => {
      try {
        cache!.applyFeedPage('s1', 'events', syntheticEvents(5000, { firstIndex: 10 }), [], 'c5010');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CacheWriteError);
    expect((err as Error).message).toBe('cache: disk full');
    expect(cache.tableCounts().events).toBe(10);
    expect(cache.endpointState('s1', 'events')?.cursor).toBe('c10');
  });

  it('read-only', () => {
    cache = openCache(join(dir, 'c.db'));
    cache.applyFeedPage('s1', 'events', syntheticEvents(3), [], 'c3');
    cache.db.pragma('query_only = ON');
    expect(() => cache!.applyFeedPage('s1', 'events', syntheticEvents(3, { firstIndex: 3 }), [], 'c6')).toThrow('cache: read-only');
    expect(() => cache!.saveHealth({ sourceId: 's1', url: 'http://x', state: 'ok', lastSuccessAt: 1, lastAttemptAt: 1, lastError: null, consecutiveFailures: 0, nextAttemptAt: null }, [])).toThrow(CacheWriteError);
    expect(cache.tableCounts().events).toBe(3);
  });

  it('locked by another process', () => {
    const path = join(dir, 'c.db');
    cache = openCache(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => cache!.applyFeedPage('s1', 'events', syntheticEvents(3), [], 'c3')).toThrow('cache: locked by another process');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    cache.applyFeedPage('s1', 'events', syntheticEvents(3), [], 'c3');
    expect(cache.tableCounts().events).toBe(3);
  });
});

describe('retention', () => {
  it('drops old events, disputes and KPI history, at most hourly', () => {
    let now = Date.UTC(2026, 0, 1);
    const day = 86_400_000;
    cache = openCache(join(dir, 'c.db'), { retentionDays: 30, now: () => now });
    // 100 events one per day ending today-1: the first 70 fall outside 30 days.
    const events = syntheticEvents(100, { startMs: now - 100 * day, spacingMs: day }).map((e) => ({
      ...e,
      updatedAt: new Date(Date.parse(e.reportedAt) + 1000).toISOString(),
    }));
    cache.applyFeedPage('s1', 'events', events, [], 'c');
    cache.applySnapshot('s1', 'kpis', kpisDoc(new Date(now - 40 * day).toISOString()), null);
    cache.applySnapshot('s1', 'kpis', kpisDoc(new Date(now - day).toISOString(), 1), null);
    const first = cache.runRetention();
    expect(first?.deleted.events).toBe(70);
    expect(first?.deleted.kpiHistory).toBe(1);
    expect(cache.tableCounts()).toMatchObject({ events: 30, kpi_history: 1 });
    now += 10 * day / 24 / 60; // ten minutes later: skipped
    expect(cache.runRetention()).toBeNull();
    expect(cache.runRetention({ force: true })).not.toBeNull();
  });
});
