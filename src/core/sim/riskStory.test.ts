import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STANDARD_VOCABULARY, riskPeriodSchema, warningSchema, type Town } from '../../shared/contract';
import { DEFAULT_RISK_MODEL, applyRiskModelOverrides, assessHistory, severity } from '../../shared/risk';
import { SIM_TIME } from './time';
import { LINPING } from './districts/linping';
import { tellRiskStory } from './riskStory';

const towns: Town[] = LINPING.towns.map((t) => ({ code: t.code, name: t.name, kind: t.kind, seat: t.seat, population: t.population }));
const communitiesByTown = Object.fromEntries(LINPING.towns.map((t) => [t.code, t.communities.map((c) => c.name)]));
const now = new Date('2026-11-27T07:53:00Z');
const XQ = '330113004';
const QS = '330113006';
const ARTICLE =
  '从发案地区分析,4个社区案件高发,其中工业园区发案占比最高。目前都市产业园区域防诈工作管理主体无法明确,相关宣传力度偏小,问题整改较难,需对责任主体进行明确。';

const run = (seed = 42, computeLevels = true) => tellRiskStory({ seed, anchor: now, towns, communitiesByTown, cast: LINPING.storyCast, computeLevels });

describe('tellRiskStory', () => {
  const { periods, warnings } = run();
  const weeks = [...new Set(periods.map((p) => p.weekStart))].sort();
  const series = (code: string) => weeks.map((w) => periods.find((p) => p.townCode === code && p.weekStart === w)!);

  it('is deterministic for (seed, anchor) and differs with the seed', () => {
    expect(run()).toEqual({ periods, warnings });
    expect(run(43).periods.map((p) => p.indicators)).not.toEqual(periods.map((p) => p.indicators));
  });

  it('covers 26 ISO weeks (Mondays) ending with the week containing now, every town each week', () => {
    expect(weeks).toHaveLength(26);
    expect(weeks[25]).toBe(SIM_TIME.weekStartOf(now.getTime()));
    expect(weeks.every((w) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(periods).toHaveLength(26 * towns.length);
    expect(new Set(periods.map((p) => p.id)).size).toBe(periods.length);
    expect(periods[0].id).toBe(`${periods[0].townCode}-${periods[0].weekStart}`);
  });

  it('produces records valid against the contract, none from the future', () => {
    for (const p of periods) expect(riskPeriodSchema.safeParse(p).error).toBeUndefined();
    for (const w of warnings) expect(warningSchema.safeParse(w).error).toBeUndefined();
    const times = [...periods.map((p) => p.updatedAt), ...warnings.flatMap((w) => [w.issuedAt, w.updatedAt, ...w.history.map((h) => h.at)])];
    for (const t of times) expect(Date.parse(t)).toBeLessThanOrEqual(now.getTime());
    expect(times.every((t) => t.endsWith('+08:00'))).toBe(true);
  });

  it('fills levels with the engine exactly as the cockpit would compute them', () => {
    const bare = run(42, false).periods;
    expect(bare.every((p) => p.level === undefined && p.compositeScore === undefined)).toBe(true);
    const engine = assessHistory({ towns, periods: bare, vocabulary: STANDARD_VOCABULARY, model: DEFAULT_RISK_MODEL });
    engine.forEach((a, i) => {
      expect(periods[i].indicators).toEqual(bare[i].indicators);
      expect(periods[i].level).toBe(a.assessment.level);
      expect(periods[i].compositeScore).toBe(a.assessment.compositeScore);
      expect(periods[i].dimensionScores).toEqual(a.assessment.dimensionScores);
    });
  });

  it('tells the 星桥 story: fraud surge → orange warning with the article’s analysis → rectified → lower level', () => {
    const xq = series(XQ);
    const w = warnings.find((x) => x.townCode === XQ && x.level === 'orange')!;
    expect(w).toMatchObject({ kind: 'assessed', dimension: 'publicOrder', indicator: 'telecomFraud', causeAnalysis: ARTICLE, status: 'closed' });
    expect(w.rectification).toMatch(/明确.*责任主体/);
    expect(w.rectification).toContain('宣传');
    expect(w.communities).toHaveLength(4);
    expect(w.communities[0]).toBe('都市产业园区');
    for (const c of w.communities) expect(communitiesByTown[XQ]).toContain(c);
    expect(w.history.map((h) => h.status)).toEqual(['open', 'rectifying', 'rectifying', 'closed']);

    // Issued about 20 weeks ago, for the week the map first showed 星桥 orange.
    const issuedWeek = weeks.findIndex((wk) => w.id.includes(wk));
    expect(25 - issuedWeek).toBeGreaterThanOrEqual(15);
    expect(25 - issuedWeek).toBeLessThanOrEqual(20);
    expect(xq[issuedWeek].level).toBe('orange');
    expect(xq.slice(0, issuedWeek).every((p) => p.level !== 'orange' && p.level !== 'red')).toBe(true);
    // Fraud well above where it was before the surge, and below it again at the end.
    const fraud = (from: number, to: number) => xq.slice(from, to).reduce((s, p) => s + p.indicators.telecomFraud, 0) / (to - from);
    expect(fraud(issuedWeek - 2, issuedWeek + 4)).toBeGreaterThan(2.5 * fraud(0, 4));
    expect(fraud(20, 26)).toBeLessThan(fraud(0, 4) * 1.2);
    // Closed when the level had come down; blue or green over the last six weeks.
    const closedAt = Date.parse(w.history[3].at);
    const closedWeek = weeks.findIndex((wk) => Date.parse(`${wk}T00:00:00+08:00`) > closedAt) - 2;
    expect(severity(xq[closedWeek].level!)).toBeLessThanOrEqual(severity('blue'));
    for (const p of xq.slice(20)) expect(severity(p.level!)).toBeLessThanOrEqual(severity('blue'));
  });

  it('has one red episode under multi-department joint supervision', () => {
    const red = warnings.filter((x) => x.level === 'red');
    expect(red).toHaveLength(1);
    expect(red[0].townCode).toBe(QS);
    expect(red[0].jointSupervision!.departments.length).toBeGreaterThanOrEqual(2);
    const week = weeks.findIndex((wk) => red[0].id.includes(wk));
    expect(series(QS)[week].level).toBe('red');
  });

  it('has targeted warnings for other towns and 1–3 still live', () => {
    const targeted = warnings.filter((x) => x.level === 'yellow' || x.level === 'blue');
    expect(targeted.length).toBeGreaterThanOrEqual(3);
    expect(new Set(targeted.map((x) => x.townCode)).size).toBeGreaterThanOrEqual(3);
    const live = warnings.filter((x) => x.status !== 'closed');
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(live.length).toBeLessThanOrEqual(3);
  });

  it('colours a quiet district mostly blue and green this week, with no more than two yellow', () => {
    for (const seed of [42, 1, 2]) {
      const latest = run(seed).periods.filter((p) => p.weekStart === weeks[25]);
      const calm = latest.filter((p) => p.level === 'blue' || p.level === 'green').length;
      expect(calm).toBeGreaterThanOrEqual(6);
      expect(latest.filter((p) => severity(p.level!) >= severity('orange'))).toEqual([]);
    }
  });

  it('still gives valid records for a short history', () => {
    for (const weeks of [1, 4, 12]) {
      const r = tellRiskStory({ seed: 42, anchor: now, towns, communitiesByTown, cast: LINPING.storyCast, weeks, computeLevels: true });
      expect(new Set(r.periods.map((p) => p.weekStart)).size).toBe(weeks);
      for (const p of r.periods) expect(riskPeriodSchema.safeParse(p).error).toBeUndefined();
      for (const w of r.warnings) expect(warningSchema.safeParse(w).error).toBeUndefined();
    }
  });

  it('keeps the 星桥 and 乔司 episodes at orange and red for other seeds too', () => {
    for (const seed of [1, 2, 3]) {
      const r = run(seed);
      const xqMax = Math.max(...r.periods.filter((p) => p.townCode === XQ).map((p) => severity(p.level!)));
      expect(xqMax).toBeGreaterThanOrEqual(severity('orange'));
      const wq = r.warnings.find((x) => x.level === 'red')!;
      expect(r.periods.find((p) => p.townCode === QS && wq.id.includes(p.weekStart))!.level).toBe('red');
    }
  });
});

describe('the story as the clock moves on', () => {
  const DAY = 86_400_000;
  const at = (days: number) =>
    tellRiskStory({ seed: 42, anchor: now, now: new Date(now.getTime() + days * DAY), towns, communitiesByTown, cast: LINPING.storyCast, computeLevels: true });
  const start = at(0);
  const later = at(35);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));

  it('adds the new weeks and never retells a week that was already published', () => {
    const weeks = [...new Set(later.periods.map((p) => p.weekStart))].sort();
    expect(weeks).toHaveLength(31);
    expect(weeks[30]).toBe(SIM_TIME.weekStartOf(now.getTime() + 35 * DAY));
    const after = byId(later.periods);
    const anchorWeek = SIM_TIME.weekStartOf(now.getTime());
    for (const p of start.periods) {
      const q = after.get(p.id)!;
      expect(q.indicators, p.id).toEqual(p.indicators);
      expect(q.level, p.id).toBe(p.level);
      // Published weeks keep their copy; the anchor's week was a running copy, now published.
      if (p.weekStart < anchorWeek) expect(q.updatedAt, p.id).toBe(p.updatedAt);
    }
    for (const p of later.periods) expect(Date.parse(p.updatedAt)).toBeLessThanOrEqual(now.getTime() + 35 * DAY);
  });

  it('is the same story whichever clock it is told at: a later telling filtered back equals the earlier one', () => {
    const mid = at(10);
    const cut = now.getTime() + 10 * DAY;
    for (const w of later.warnings) {
      const steps = w.history.filter((h) => Date.parse(h.at) <= cut);
      const then = mid.warnings.find((x) => x.id === w.id);
      if (steps.length === 0) expect(then).toBeUndefined();
      else expect(then!.history).toEqual(steps);
    }
  });

  it('rectifies and closes the warnings live at the anchor, and raises and closes a new one after it', () => {
    const live = start.warnings.filter((w) => w.status !== 'closed').map((w) => w.id);
    expect(live.length).toBeGreaterThanOrEqual(1);
    const after = byId(later.warnings);
    for (const id of live) expect(after.get(id)!.status, id).toBe('closed');
    const fresh = later.warnings.filter((w) => !start.warnings.some((x) => x.id === w.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0].history.map((h) => h.status)).toEqual(['open', 'rectifying', 'closed']);
    expect(Date.parse(fresh[0].issuedAt)).toBeGreaterThan(now.getTime());
  });
});

describe('docs/risk-model.md', () => {
  it('shows a riskModel config example the engine accepts', () => {
    const doc = readFileSync(new URL('../../../docs/risk-model.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(doc)![1];
    const m = applyRiskModelOverrides(JSON.parse(block).riskModel);
    expect(m.thresholds.red).toBe(68);
    expect(m.baselines.overrides['330113008']).toEqual({ productionAccidents: 0.6 });
    expect(m.baselines.windowWeeks).toBe(DEFAULT_RISK_MODEL.baselines.windowWeeks);
  });
});
