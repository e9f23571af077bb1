import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../cache';
import { assessHistory } from '../../shared/risk';
import { STANDARD_VOCABULARY } from '../../shared/contract';
import { createReadModel, UnknownTownError } from './index';
import { NOW, SOURCE, TEST_MODEL, TOWNS, WEEKS, event, fillScreens, openTestCache, riskPeriods } from './testing/fixtures';

// Worked by hand with TEST_MODEL (50 points at the baseline, +25 per doubling of (v+1)/(b+1)):
// town 001, last week: telecom fraud 31 vs a baseline of ~3 → ratio 8 → 125 → 100 points (red);
// 社会治安 = 0.35·50 + 0.4·100 + 0.25·50 = 70 (red); composite = 0.35·70 + 0.65·50 = 57 (yellow).
// Every other town-week of ordinary values scores 50 (blue).
const LAST = WEEKS[WEEKS.length - 1];

describe('risk, overview and town queries', () => {
  let cache: Cache;
  beforeEach(() => {
    cache = openTestCache();
    fillScreens(cache);
    cache.applyFeedPage(SOURCE, 'riskPeriods', riskPeriods(), [], 'c-risk');
  });
  afterEach(() => cache.close());
  const rm = () => createReadModel(cache.db, { now: () => NOW, riskModel: TEST_MODEL });

  it('computes levels with the engine when the source gives none', () => {
    const m = rm().query('risk', {});
    expect(m.weekStart).toBe(LAST);
    const t1 = m.towns.find((t) => t.code === '330113001')!;
    expect(t1).toMatchObject({ name: '测试街道1', level: 'yellow', score: 57, levelFrom: 'engine' });
    expect(t1.dimensionScores.publicOrder).toBe(70);
    expect(t1.dimensionLevels).toMatchObject({ publicOrder: 'red', political: 'blue' });
    expect(t1.indicatorLevels.telecomFraud).toBe('red');
    expect(t1.indicators.telecomFraud).toBe(31);
    expect(t1.baselines.telecomFraud).toBeCloseTo(3, 3);
    for (const code of TOWNS.slice(1)) expect(m.towns.find((t) => t.code === code)).toMatchObject({ level: 'blue', score: 50 });
  });

  it('explains a colour by its biggest contributors', () => {
    const e = rm().query('risk', {}).explanations.find((x) => x.townCode === '330113001')!;
    expect(e).toMatchObject({ level: 'yellow', score: 57, weekStart: LAST });
    expect(e.contributors[0]).toMatchObject({ indicator: 'telecomFraud', dimension: 'publicOrder', value: 31 });
    // 0.35 × 0.4 × 100 = 14 of a raw total of 57: 14 points of the composite 57.
    expect(e.contributors[0].contribution).toBeCloseTo(14, 6);
    expect(e.contributors[0].ratio).toBeCloseTo(8, 3);
    expect(e.contributors.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(57, 6);
  });

  it('gives trends, forecasts and the engine’s predictive warnings', () => {
    const m = rm().query('risk', {});
    const trend1 = m.trends.find((t) => t.town.code === '330113001')!;
    expect(trend1.series.map((s) => [s.weekStart, s.score, s.level])).toEqual([
      ...WEEKS.slice(0, 5).map((w) => [w, 50, 'blue']),
      [LAST, 57, 'yellow'],
    ]);
    // Holt (α 0.5, β 0.3, φ 0.8) on 3,3,3,3,3,31: level 17, trend 4.2 → 17 + 0.8 × 4.2 = 20.36.
    expect(trend1.forecast).toMatchObject({ townCode: '330113001', weekStart: '2026-11-16' });
    expect(trend1.forecast!.indicators.telecomFraud).toBeCloseTo(20.36, 6);
    expect(trend1.forecast!.method).toMatch(/Holt/);
    // Town 002 is back to 3 cases, but the forecast (9.8 of each) carries the rise: blue → yellow.
    const trend2 = m.trends.find((t) => t.town.code === '330113002')!;
    expect(trend2.series.at(-1)).toMatchObject({ level: 'blue' });
    expect(trend2.forecast!.indicators.criminalCases).toBeCloseTo(9.805, 3);
    expect(trend2.forecast!.level).toBe('yellow');
    expect(m.predictiveWarnings).toHaveLength(1);
    expect(m.predictiveWarnings[0]).toMatchObject({
      town: { code: '330113002', name: '测试街道2' },
      kind: 'predictive',
      level: 'yellow',
      dimension: 'publicOrder',
      indicator: 'criminalCases',
      status: 'open',
      fromEngine: true,
      jointSupervision: null,
      issuedAt: new Date(`${LAST}T12:00:00+08:00`).toISOString(),
    });
  });

  it('shows any past week as it was', () => {
    const m = rm().query('risk', { week: WEEKS[1] });
    expect(m.weekStart).toBe(WEEKS[1]);
    expect(m.towns.every((t) => t.level === 'blue')).toBe(true);
    expect(m.trends[0].series.map((s) => s.weekStart)).toEqual(WEEKS.slice(0, 2));
    expect(m.trends[0].forecast!.weekStart).toBe(WEEKS[2]);
    // A week without data falls back to the latest, and says so in weekStart.
    expect(rm().query('overview', { week: '2020-01-06' }).weekStart).toBe(LAST);
  });

  it('uses the source’s level where it gives one, with the same figures as the engine', () => {
    // A second source serving the same weeks with levels computed by the same engine.
    const towns = TOWNS.map((code, i) => ({ code, population: 50_000 + i }));
    const input = riskPeriods();
    const assessed = assessHistory({ towns, periods: input, vocabulary: STANDARD_VOCABULARY, model: TEST_MODEL });
    // Revised an hour later than the plain rows, so they are the ones shown.
    const withLevels = input.map((p, i) => ({
      ...p,
      updatedAt: p.updatedAt.replace('T12:', 'T13:'),
      level: assessed[i].assessment.level,
      compositeScore: assessed[i].assessment.compositeScore,
      dimensionScores: assessed[i].assessment.dimensionScores,
    }));
    cache.applyFeedPage('levels', 'riskPeriods', withLevels, [], 'c');
    const engine = createReadModel(cache.db, { riskModel: TEST_MODEL, sourceIds: [SOURCE] }).query('risk', {});
    const both = createReadModel(cache.db, { riskModel: TEST_MODEL }).query('risk', {});
    expect(engine.towns.every((t) => t.levelFrom === 'engine')).toBe(true);
    expect(both.towns.every((t) => t.levelFrom === 'source')).toBe(true);
    const strip = (m: typeof engine) => m.towns.map(({ levelFrom: _, ...t }) => t);
    expect(strip(both)).toEqual(strip(engine));

    // A source's own verdict wins over the engine's, and is marked as the source's.
    cache.applyFeedPage('levels', 'riskPeriods', [{ ...withLevels[withLevels.length - 3], level: 'red', compositeScore: 75, updatedAt: '2026-11-15T12:00:00+08:00' }], [], 'c2');
    const t2 = createReadModel(cache.db, { riskModel: TEST_MODEL }).query('overview', {}).towns.find((t) => t.code === '330113002')!;
    expect(t2).toMatchObject({ level: 'red', score: 75, levelFrom: 'source' });
  });

  it('shows a revision of a past week at once, even one older than the latest data', () => {
    const model = rm();
    expect(model.query('risk', { week: WEEKS[4] }).towns.find((t) => t.code === '330113003')!.level).toBe('blue');
    const revised = riskPeriods().find((p) => p.townCode === '330113003' && p.weekStart === WEEKS[4])!;
    cache.applyFeedPage(SOURCE, 'riskPeriods', [{
      ...revised,
      indicators: { ...revised.indicators, telecomFraud: 31 },
      updatedAt: `${WEEKS[4]}T18:00:00+08:00`, // later than its first copy, earlier than the last week's
    }], [], 'c-rev');
    const t3 = model.query('risk', { week: WEEKS[4] }).towns.find((t) => t.code === '330113003')!;
    expect(t3).toMatchObject({ level: 'yellow', score: 57 });
  });

  it('puts the overview together: level counts, district indicators, warnings, KPIs', () => {
    const o = rm().query('overview', {});
    expect(o.levelCounts).toEqual({ red: 0, orange: 0, yellow: 1, blue: 3, green: 0 });
    const ind = (id: string) => o.indicators.find((i) => i.id === id)!;
    expect(ind('telecomFraud')).toEqual({ id: 'telecomFraud', value: 40, previous: 27, worstTown: { code: '330113001', name: '测试街道1' } });
    expect(ind('airQualityGoodRate')).toMatchObject({ value: 90, previous: 90 });
    expect(o.indicators).toHaveLength(12);
    // The rectifying source warning, then the engine's predictive one, then the closed one.
    expect(o.warnings.map((w) => [w.id, w.status, w.fromEngine])).toEqual([
      ['w2', 'rectifying', false],
      ['pw-330113002-2026-11-16', 'open', true],
      ['w1', 'closed', false],
    ]);
    expect(o.warnings[2].history.map((h) => h.status)).toEqual(['open', 'closed']);
    expect(o.events.accepted).toBe(5);
    expect(o.consultations.held).toBe(3);
  });

  it('merges a warning’s own history with every status the cache has seen', () => {
    // The source re-sends w2 closed, with a history that has dropped the rectifying step.
    cache.applyFeedPage(SOURCE, 'warnings', [{
      ...JSON.parse(cache.db.prepare("SELECT json FROM warnings WHERE id = 'w2'").pluck().get() as string),
      status: 'closed',
      history: [
        { status: 'open', at: '2026-10-01T09:00:00+08:00', note: '发布橙色预警' },
        { status: 'closed', at: '2026-11-15T09:00:00+08:00', note: '风险等级下降,销号' },
      ],
      updatedAt: '2026-11-15T09:00:00+08:00',
    }], [], 'c3');
    const w2 = rm().query('town', { code: '330113004' }).warnings.find((w) => w.id === 'w2')!;
    expect(w2.status).toBe('closed');
    expect(w2.history.map((h) => [h.status, h.note])).toEqual([
      ['open', '发布橙色预警'],
      ['rectifying', '开始整改'],
      ['closed', '风险等级下降,销号'],
    ]);
    expect(w2.town).toEqual({ code: '330113004', name: '测试街道4' });
  });

  it('leaves out and logs rows a damaged cache can no longer parse, instead of failing the screen', () => {
    cache.db.prepare(`UPDATE warnings SET json = '{"id":' WHERE id = 'w1'`).run();
    cache.db.prepare(`UPDATE risk_periods SET indicators = 'not json' WHERE town_code = '330113004' AND week_start = ?`).run(LAST);
    const warned: string[] = [];
    const logger = { info() {}, error() {}, warn: (m: string) => void warned.push(m) };
    const o = createReadModel(cache.db, { now: () => NOW, riskModel: TEST_MODEL, logger }).query('overview', {});
    expect(o.warnings.map((w) => w.id)).not.toContain('w1');
    expect(o.warnings.map((w) => w.id)).toContain('w2');
    expect(o.towns.map((t) => t.code)).toEqual(['330113001', '330113002', '330113003']);
    expect(warned).toEqual(expect.arrayContaining(['read model: unreadable warning row skipped', 'read model: unreadable risk period skipped']));
  });

  it('gives a town’s detail and refuses an unknown town', () => {
    const d = rm().query('town', { code: '330113001' });
    expect(d.town).toEqual({ code: '330113001', name: '测试街道1', kind: '街道', population: 50_000 });
    expect(d.risk).toMatchObject({ level: 'yellow', score: 57 });
    expect(d.explanation!.contributors[0].indicator).toBe('telecomFraud');
    expect(d.trend).toHaveLength(6);
    expect(d.forecast!.weekStart).toBe('2026-11-16');
    expect(d.recentEvents.map((e) => e.id)).toEqual(['e1', 'e2', 'e6']);
    expect(d.recentConsultations.map((c) => c.id)).toEqual(['c5', 'c4', 'c6', 'c3', 'c1']);
    expect(() => rm().query('town', { code: '330113999' })).toThrow(UnknownTownError);
  });

  it('lists a town’s events of the last 90 days only, along the time index', () => {
    const old = event('e-old', { type: 'dispute', townCode: '330113001', status: 'reported', reportedAt: '2026-08-20T08:00:00+08:00' });
    const edge = event('e-edge', { type: 'dispute', townCode: '330113001', status: 'reported', reportedAt: '2026-08-23T08:00:00+08:00' });
    cache.applyFeedPage(SOURCE, 'events', [old, edge], [], 'c-old');
    const ids = rm().query('town', { code: '330113001' }).recentEvents.map((e) => e.id);
    expect(ids).toContain('e-edge'); // 89 days before NOW
    expect(ids).not.toContain('e-old'); // 92 days before NOW
    // One index on events by time (migration 021) serves this query: no separate town index.
    const indexes = cache.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL`).pluck().all();
    expect(indexes).toEqual(['events_reported']);
  });

  it('gives meta: district, towns with seats, vocabulary and weeks', () => {
    const m = rm().query('meta', {});
    expect(m.district).toEqual({ code: '330113', name: '临平区' });
    expect(m.towns[0]).toEqual({ code: '330113001', name: '测试街道1', kind: '街道', seat: [120.2, 30.4], population: 50_000 });
    expect(m.vocabulary).toEqual(STANDARD_VOCABULARY);
    expect(m.weeks).toEqual(WEEKS);
  });
});
