/**
 * The read model's schema part: its migrations ship inlined like the cache's, its tally
 * triggers come from the one definition for the district's time zone, and a cache counted in
 * one zone is recounted when the district's zone changes.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../cache';
import { loadMigrations } from '../../cache/migrations';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';
import { districtTime } from '../../../shared/districtTime';
import { event, EVENTS } from '../testing/fixtures';
import { tallyTriggers } from './eventTallies';
import { readModelMigrations } from './index';
import { eventTriggers, tallyAndRecount } from './testing/tallyRecount';

afterAll(removeTempDirs);

const dailyRows = (path: string, timeZone?: string) => {
  const cache = openCache(path, { timeZone });
  try {
    const { stored, recount } = tallyAndRecount(cache.db);
    expect(stored).toEqual(recount);
    return stored.daily as Array<{ date: string; town_code: string; reported: number; closed: number }>;
  } finally {
    cache.close();
  }
};

describe('read model schema', () => {
  it('ships its migrations inlined by Vite as they are on disk, in the cache sequence', () => {
    const onDisk = loadMigrations(join(import.meta.dirname, 'migrations'));
    expect(readModelMigrations()).toEqual(onDisk);
    expect(onDisk.map((m) => m.name)).toEqual(expect.arrayContaining(['readmodel_indexes']));
  });

  it('keeps its tallies by triggers made from the one definition, for the configured zone', () => {
    const cache = openCache(':memory:', { timeZone: 'Asia/Kolkata' });
    try {
      expect(eventTriggers(cache.db)).toEqual(tallyTriggers(districtTime('Asia/Kolkata')).sort((a, b) => a.name.localeCompare(b.name)));
      expect(eventTriggers(cache.db).every((t) => t.sql.includes('+ 19800000)'))).toBe(true);
    } finally {
      cache.close();
    }
  });

  it('counts days again when the district time zone changes, and keeps the zone it counted in', () => {
    const path = join(tempDir(), 'cache.db');
    const cache = openCache(path);
    // Reported at 01:00 in Shanghai on the 18th: 22:30 on the 17th in Kolkata.
    const late = event('late', { type: 'other', townCode: '330113003', status: 'reported', reportedAt: '2026-11-18T01:00:00+08:00' });
    // A page below the bulk size: through the triggers.
    cache.applyFeedPage('s', 'events', [...EVENTS, late], [], 'c1');
    cache.close();
    const onDay = (rows: typeof shanghai, date: string) => rows.filter((r) => r.town_code === '330113003' && r.date === date).reduce((n, r) => n + r.reported, 0);
    const shanghai = dailyRows(path);
    expect([onDay(shanghai, '2026-11-17'), onDay(shanghai, '2026-11-18')]).toEqual([0, 1]);
    const kolkata = dailyRows(path, 'Asia/Kolkata');
    expect([onDay(kolkata, '2026-11-17'), onDay(kolkata, '2026-11-18')]).toEqual([1, 0]);
    // Reopened without a zone (a CLI sync): the zone it was counted in stays.
    expect(dailyRows(path)).toEqual(kolkata);
    const back = openCache(path, { timeZone: 'Asia/Shanghai' });
    expect(eventTriggers(back.db)[0].sql).toContain('+ 28800000)');
    back.close();
    expect(dailyRows(path)).toEqual(shanghai);
  });
});
