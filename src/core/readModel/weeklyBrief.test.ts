/**
 * The weekly brief told from the simulator's 26 weeks (real simulator over HTTP, the sync engine
 * into a real cache file, the read model): its sentences tell the simulator's known story —
 * 星桥 orange (a warning raised) → rectification → a lower level and the warning closed;
 * 乔司 red under multi-department joint supervision. Every sentence carries figures with unit
 * and as-of, in both languages, and the brief is the same when asked again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceConfigSchema } from '../../shared/config';
import type { WeeklyBriefModel } from '../../shared/weeklyBrief/types';
import { BRIEF_EN, BRIEF_ZH } from '../../shared/weeklyBrief/messages';
import { catalogueProblems } from '../../shared/i18n';
import { openCache, type Cache } from '../cache';
import { startSimulator, type RunningSimulator } from '../sim';
import { createSyncEngine } from '../sync';
import { createReadModel, type ReadModel } from './index';

const START = Date.parse('2026-11-20T10:00:00+08:00');
const XQ = '330113004';
const QS = '330113006';

let dir: string;
let sim: RunningSimulator;
let cache: Cache;
let rm: ReadModel;
let weeks: string[];
let briefs: WeeklyBriefModel[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'brief-'));
  sim = await startSimulator({ port: 0, seed: 42, now: new Date(START), live: false });
  const now = () => sim.now();
  cache = openCache(join(dir, 'cache.db'), { now });
  const engine = createSyncEngine({ cache, sources: [sourceConfigSchema.parse({ id: 'sim', url: sim.url, timeoutMs: 60_000 })], now });
  const summary = await engine.syncOnce();
  expect(summary.sources.flatMap((s) => s.endpoints.filter((e) => e.error))).toEqual([]);
  rm = createReadModel(cache.db, { now });
  weeks = rm.query('meta', {}).weeks;
  briefs = weeks.map((week) => rm.query('weeklyBrief', { week }));
}, 120_000);

afterAll(async () => {
  await sim?.stop();
  cache?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ids = (b: WeeklyBriefModel) => b.sentences.map((s) => s.id);
const weekOf = (pred: (b: WeeklyBriefModel) => boolean) => briefs.findIndex(pred);

const sentence = (b: WeeklyBriefModel | undefined, id: string) => b?.sentences.find((s) => s.id === id);
const warningIds = (level: string, town: string) =>
  [...new Set(briefs.flatMap((b) => ids(b)).filter((id) => id.startsWith('warnings.raised.')).map((id) => id.slice('warnings.raised.'.length)))]
    .filter((id) => briefs.some((b) => sentence(b, `warnings.raised.${id}`)?.text.en.startsWith(`New ${level} warning: ${town}`)));

describe('the weekly brief on the simulator', () => {
  it('tells 星桥: up to orange, the orange warning raised and rectified, then a lower level and the warning closed', () => {
    const orange = weekOf((b) => /rose from \w+ to orange/.test(sentence(b, `risk.change.${XQ}`)?.text.en ?? ''));
    expect(orange, 'a week 星桥 rose to orange').toBeGreaterThanOrEqual(0);
    expect(sentence(briefs[orange], `risk.change.${XQ}`)!.text['zh-CN']).toMatch(/^星桥街道 由.色升为橙色.*电信网络诈骗/);
    const [warning] = warningIds('orange', '星桥街道');
    expect(warning, 'an orange warning raised for 星桥').toBeDefined();
    const raised = weekOf((b) => ids(b).includes(`warnings.raised.${warning}`));
    const rectified = weekOf((b) => ids(b).includes(`warnings.rectified.${warning}`));
    const closed = weekOf((b) => ids(b).includes(`warnings.closed.${warning}`));
    // Issued on the week's map, the Monday after the week it was orange; rectified, then closed.
    expect(raised).toBeGreaterThan(orange - 1);
    expect(raised).toBeLessThanOrEqual(orange + 1);
    expect(rectified).toBeGreaterThanOrEqual(raised);
    expect(closed).toBeGreaterThan(rectified);
    const lower = weekOf((b) => b.weekStart > briefs[orange].weekStart && /fell from orange to \w+/.test(sentence(b, `risk.change.${XQ}`)?.text.en ?? ''));
    expect(lower, 'a later week 星桥 fell from orange').toBeGreaterThan(orange);
    expect(lower).toBeLessThanOrEqual(closed);
    // Each week's counts say the same as its lines.
    expect(sentence(briefs[raised], 'warnings.summary')!.figures.find((f) => f.id === 'raised')!.value).toBeGreaterThanOrEqual(1);
    expect(sentence(briefs[closed], 'warnings.summary')!.figures.find((f) => f.id === 'closed')!.value).toBeGreaterThanOrEqual(1);
  });

  it('tells 乔司: up to red, and the red warning under multi-department joint supervision', () => {
    const red = weekOf((b) => /rose from \w+ to red/.test(sentence(b, `risk.change.${QS}`)?.text.en ?? ''));
    expect(red, 'a week 乔司 rose to red').toBeGreaterThanOrEqual(0);
    const [warning] = warningIds('red', '乔司街道');
    expect(warning).toBeDefined();
    const joint = briefs.map((b) => sentence(b, `warnings.joint.${warning}`)).find(Boolean)!;
    expect(joint.text['zh-CN']).toMatch(/^乔司街道红色预警启动多部门联合督办/);
    expect(joint.figures[0].value).toBeGreaterThanOrEqual(2);
    expect(joint.page).toBe('overview');
  });

  it('gives every sentence figures with unit and as-of, each printed in both languages', () => {
    for (const b of briefs) {
      expect(b.sentences.length).toBeGreaterThan(5);
      expect(new Set(ids(b)).size, `ids unique in ${b.weekStart}`).toBe(b.sentences.length);
      for (const s of b.sentences) {
        expect(s.figures.length, s.id).toBeGreaterThan(0);
        expect(['overview', 'risk', 'events', 'consultation']).toContain(s.page);
        for (const f of s.figures) {
          expect(f.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(f.asOf <= b.weekEnd).toBe(true);
          expect(Number.isFinite(f.value)).toBe(true);
          expect(f.unit['zh-CN'].length + f.unit.en.length).toBeGreaterThan(0);
          for (const text of Object.values(s.text)) expect(text, `${s.id} says ${f.id}`).toContain(String(f.value));
        }
        expect(s.text['zh-CN']).toContain(`截至 ${b.weekEnd}`);
        expect(s.text.en).toContain(`as of ${b.weekEnd}`);
        expect(s.text.en).not.toMatch(/\{\w+\}/);
        expect(s.text['zh-CN']).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('counts the week from the events, sessions and disputes the pages show', () => {
    const busy = briefs[briefs.length - 2];
    const intake = sentence(busy, 'events.intake')!.figures;
    expect(intake.find((f) => f.id === 'reported')!.value).toBeGreaterThan(100);
    // The cumulative figures of the events page at the two ends of the week.
    const atEnd = rm.query('events', { asOf: busy.weekEnd }).flow.reported;
    const atStart = rm.query('events', { asOf: addDaysIso(busy.weekStart, -1) }).flow.reported;
    expect(intake.find((f) => f.id === 'reported')!.value).toBe(atEnd - atStart);
    expect(sentence(busy, 'consult.sessions')!.figures.find((f) => f.id === 'held')!.value).toBeGreaterThan(0);
    expect(sentence(busy, 'consult.disputes')!.figures.find((f) => f.id === 'received')!.value).toBeGreaterThan(0);
  });

  it('is the same when asked again, and counts a running week only up to the as-of day', () => {
    expect(weeks.map((week) => rm.query('weeklyBrief', { week }))).toEqual(briefs);
    const week = briefs[briefs.length - 3].weekStart;
    const midweek = addDaysIso(week, 2);
    const partial = rm.query('weeklyBrief', { week, asOf: midweek });
    expect(partial.weekEnd).toBe(midweek);
    expect(partial.lookback?.date).toBe(midweek);
    const reported = (b: WeeklyBriefModel) => sentence(b, 'events.intake')!.figures.find((f) => f.id === 'reported')!.value;
    expect(reported(partial)).toBeLessThan(reported(briefs[briefs.length - 3]));
    // Any day of the week names the same week.
    expect(rm.query('weeklyBrief', { week: addDaysIso(week, 4) }).weekStart).toBe(week);
  });

  it('has every text in both catalogues with the same parameters', () => {
    expect(catalogueProblems({ 'zh-CN': BRIEF_ZH, en: BRIEF_EN })).toEqual([]);
  });
});

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
