/**
 * The history the cache keeps for looking back (migration 041): the time an event was first
 * seen overdue or rated, every version of the small feeds, and retention that keeps what a look
 * back to its cutoff still needs.
 */
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DistrictEvent, RiskPeriod } from '../../shared/contract';
import { syntheticEvents } from '../../shared/contract/testing/syntheticEvents';
import { openCache, type Cache } from './index';
import { warningRecord } from './testing/fixtures';
import { removeTempDirs, tempDir } from './testing/tempDir';

afterAll(removeTempDirs);
let cache: Cache | null = null;
afterEach(() => {
  cache?.close();
  cache = null;
});

const iso = (ms: number) => new Date(ms).toISOString();
const H = 3_600_000;

function eventTimes(c: Cache, id: string) {
  return c.db.prepare('SELECT accept_overdue_at, handle_overdue_at, rated_at FROM events WHERE id = ?').get(id);
}

describe('events: when a fact without a time on the wire was first seen', () => {
  const [base] = syntheticEvents(1, { seed: 3 });
  const t0 = Date.parse(base.reportedAt);
  const copy = (h: number, patch: Partial<DistrictEvent>): DistrictEvent => ({
    ...base,
    status: 'reported',
    acceptedAt: null,
    dispatchedAt: null,
    handledAt: null,
    closedAt: null,
    acceptOverdue: false,
    handleOverdue: false,
    satisfaction: null,
    ...patch,
    updatedAt: iso(t0 + h * H),
  });

  it('keeps the first time through later copies, and takes a new fact from the copy that brings it', () => {
    cache = openCache(join(tempDir('history-'), 'c.db'));
    const accepted = { status: 'dispatched' as const, acceptedAt: iso(t0 + 0.1 * H), dispatchedAt: iso(t0 + 0.2 * H) };
    cache.applyFeedPage('s', 'events', [copy(1, accepted)], [], 'c1');
    expect(eventTimes(cache, base.id)).toEqual({ accept_overdue_at: null, handle_overdue_at: null, rated_at: null });
    // Overdue for handling, seen at 50 h; still overdue when closed at 60 h and rated at 70 h.
    cache.applyFeedPage('s', 'events', [copy(50, { ...accepted, handleOverdue: true })], [], 'c2');
    const closed = { ...accepted, handledAt: iso(t0 + 58 * H), closedAt: iso(t0 + 60 * H), handleOverdue: true };
    cache.applyFeedPage('s', 'events', [copy(60, { ...closed, status: 'closed' })], [], 'c3');
    cache.applyFeedPage('s', 'events', [copy(70, { ...closed, status: 'rated', satisfaction: 'satisfied' })], [], 'c4');
    expect(eventTimes(cache, base.id)).toEqual({ accept_overdue_at: null, handle_overdue_at: t0 + 50 * H, rated_at: t0 + 70 * H });
    // An older copy arriving late changes nothing.
    cache.applyFeedPage('s', 'events', [copy(55, { ...accepted, handleOverdue: true })], [], 'c5');
    expect(eventTimes(cache, base.id)).toEqual({ accept_overdue_at: null, handle_overdue_at: t0 + 50 * H, rated_at: t0 + 70 * H });
  });

  it('on first sight of a finished event: overdue for handling at the latest when closed, rated when the copy was made', () => {
    cache = openCache(join(tempDir('history-'), 'c.db'));
    const late = copy(80, {
      status: 'rated',
      acceptedAt: iso(t0 + 1 * H),
      closedAt: iso(t0 + 60 * H),
      acceptOverdue: true,
      handleOverdue: true,
      satisfaction: 'basicallySatisfied',
    });
    cache.applyFeedPage('s', 'events', [late], [], 'c1');
    expect(eventTimes(cache, base.id)).toEqual({ accept_overdue_at: t0 + 1 * H, handle_overdue_at: t0 + 60 * H, rated_at: t0 + 80 * H });
  });
});

describe('versions of the small feeds', () => {
  const period = (updatedAt: string, level: RiskPeriod['level']): RiskPeriod => ({
    id: 'p1',
    townCode: '330113004',
    weekStart: '2026-10-05',
    indicators: {
      instabilityFactors: 0, escalatedPetitions: 1, criminalCases: 5, telecomFraud: 2, disputes: 10, productionAccidents: 0,
      fires: 1, trafficAccidents: 3, foodSamplingFailRate: 2, drugComplaints: 0, environmentComplaints: 2, airQualityGoodRate: 80,
    },
    level,
    updatedAt,
  });

  it('keep every version a record was held in, once, whatever order copies arrive in', () => {
    cache = openCache(join(tempDir('history-'), 'c.db'));
    cache.applyFeedPage('s', 'riskPeriods', [period('2026-10-05T00:00:00+08:00', 'blue')], [], 'c1');
    cache.applyFeedPage('s', 'riskPeriods', [period('2026-10-12T08:30:00+08:00', 'orange')], [], 'c2');
    cache.applyFeedPage('s', 'riskPeriods', [period('2026-10-05T00:00:00+08:00', 'blue')], [], 'c3');
    const versions = cache.db.prepare('SELECT level, updated_at FROM risk_period_versions ORDER BY updated_at').all();
    expect(versions).toEqual([
      { level: 'blue', updated_at: Date.parse('2026-10-05T00:00:00+08:00') },
      { level: 'orange', updated_at: Date.parse('2026-10-12T08:30:00+08:00') },
    ]);
    cache.applyFeedPage('s', 'warnings', [warningRecord('w1', 'open', '2026-10-01T09:00:00+08:00')], [], 'w1');
    cache.applyFeedPage('s', 'warnings', [warningRecord('w1', 'rectifying', '2026-10-03T09:00:00+08:00')], [], 'w2');
    expect(cache.db.prepare('SELECT status FROM warning_versions ORDER BY updated_at').pluck().all()).toEqual(['open', 'rectifying']);
  });

  it('retention drops versions replaced before the cutoff but keeps the last one before it, and a removed dispute’s history', () => {
    const now = Date.parse('2026-12-01T00:00:00+08:00');
    cache = openCache(join(tempDir('history-'), 'c.db'), { now: () => now, retentionDays: 30 });
    const day = 86_400_000;
    for (const d of [60, 45, 40, 10]) {
      cache.applyFeedPage('s', 'warnings', [warningRecord('w1', d === 10 ? 'closed' : 'rectifying', iso(now - d * day))], [], `c${d}`);
    }
    const dispute = (received: number, updated: number) => ({
      id: 'd1', townCode: '330113004', community: '星桥社区', category: 'neighbour' as const, receivedAt: iso(received),
      level: 'community' as const, status: 'resolved' as const, resolvedAt: iso(updated), resolvedAtSource: true, updatedAt: iso(updated),
    });
    cache.applyFeedPage('s', 'disputes', [dispute(now - 50 * day, now - 49 * day)], [], 'd');
    const result = cache.runRetention({ force: true })!;
    expect(result.deleted.disputes).toBe(1);
    expect(cache.db.prepare('SELECT updated_at FROM warning_versions ORDER BY updated_at').pluck().all()).toEqual([
      now - 40 * day,
      now - 10 * day,
    ]);
    expect(cache.db.prepare('SELECT count(*) FROM dispute_versions').pluck().get()).toBe(0);
    expect(result.deleted.versions).toBe(2);
  });
});
