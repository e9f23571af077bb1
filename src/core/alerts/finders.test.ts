import { describe, expect, it } from 'vitest';
import { alertsConfigSchema } from '../../shared/alerts/config';
import type { AlertFact } from '../../shared/alerts/types';
import type { Explanation, SourceHealth, TownRisk } from '../../shared/readModel';
import { warningRecord } from '../cache/testing/fixtures';
import { causeOf, findKpiCrossings, findLevelRises, findNewWarnings, findSourcesDown, firstSentence, type FinderContext } from './finders';
import { acceptFact, kpiRulesOfAll } from './rules';

const NOW = Date.parse('2026-11-20T12:00:00+08:00');

function context(now = NOW): FinderContext & { memory: Map<string, unknown> } {
  const memory = new Map<string, unknown>();
  return {
    memory,
    now,
    watch: {
      get: <T>(k: string) => (memory.has(k) ? (memory.get(k) as T) : null),
      set: (k, v) => void memory.set(k, v),
      delete: (k) => void memory.delete(k),
    },
    townRef: (code) => ({ code, name: code === '330113004' ? '星桥街道' : code }),
    explanationOf: (code) => (code === '330113004' ? EXPLANATION : undefined),
  };
}

const EXPLANATION: Explanation = {
  townCode: '330113004',
  weekStart: '2026-11-16',
  level: 'orange',
  score: 61,
  contributors: [
    { indicator: 'criminalCases', dimension: 'publicOrder', value: 9, baseline: 4, ratio: 2.25, contribution: 9 },
    { indicator: 'telecomFraud', dimension: 'publicOrder', value: 15, baseline: 3, ratio: 5, contribution: 7 },
  ],
};

const town = (code: string, level: TownRisk['level'], weekStart = '2026-11-16') => ({ code, name: code, level, weekStart }) as TownRisk;

describe('findNewWarnings', () => {
  it('remembers every warning; only a synced source with an open one makes news', () => {
    const ctx = context();
    const unseen = [
      { sourceId: 'a', warning: warningRecord('w1', 'open', '2026-11-20T11:00:00+08:00') },
      { sourceId: 'a', warning: warningRecord('w2', 'closed', '2026-11-20T11:00:00+08:00') },
      { sourceId: 'b', warning: warningRecord('w3', 'open', '2026-11-20T11:00:00+08:00') },
    ];
    const facts = findNewWarnings(ctx, unseen, new Set(['a']));
    expect(facts.map((f) => f.key)).toEqual(['warning:a:w1']);
    expect(facts[0]).toMatchObject({ kind: 'warning', level: 'orange', town: { name: '星桥街道' } });
    expect([...ctx.memory.keys()]).toEqual(['w:a:w1', 'w:a:w2', 'w:b:w3']);
  });
});

describe('causeOf', () => {
  it('prefers the indicator a warning names, else the top contributor, and cuts the text to a sentence', () => {
    expect(causeOf(EXPLANATION, 'telecomFraud', null).contributor).toEqual({ indicator: 'telecomFraud', value: 15, baseline: 3, ratio: 5 });
    expect(causeOf(EXPLANATION, null, null).contributor?.indicator).toBe('criminalCases');
    expect(causeOf(undefined, 'telecomFraud', '原因一。原因二').text).toBe('原因一');
    expect(firstSentence('x'.repeat(100))).toHaveLength(80);
  });
});

describe('findLevelRises', () => {
  it('learns the first picture, then reports a rise (not a fall, not the same level again)', () => {
    const ctx = context();
    expect(findLevelRises(ctx, [town('330113004', 'yellow'), town('330113001', 'orange')], true)).toEqual([]);
    const facts = findLevelRises(ctx, [town('330113004', 'orange'), town('330113001', 'yellow')], true);
    expect(facts).toEqual([
      expect.objectContaining({ kind: 'levelRise', key: 'rise:330113004:2026-11-16:orange', level: 'orange', from: 'yellow' }),
    ]);
    expect((facts[0] as Extract<AlertFact, { kind: 'levelRise' }>).cause.contributor?.indicator).toBe('criminalCases');
    expect(findLevelRises(ctx, [town('330113004', 'orange')], true)).toEqual([]);
    // A new week at a riskier level than last week's is a rise too.
    expect(findLevelRises(ctx, [town('330113004', 'red', '2026-11-23')], true).map((f) => f.key)).toEqual(['rise:330113004:2026-11-23:red']);
  });

  it('while not alerting (a backfill) it only learns', () => {
    const ctx = context();
    findLevelRises(ctx, [town('330113004', 'green')], false);
    expect(findLevelRises(ctx, [town('330113004', 'red')], false)).toEqual([]);
    expect(ctx.memory.get('level:330113004')).toEqual({ level: 'red', weekStart: '2026-11-16' });
  });
});

describe('findKpiCrossings', () => {
  const rules = alertsConfigSchema.parse({}).kpis;
  it('reports a crossing once per breach, not a breach already there at the first look', () => {
    const ctx = context();
    expect(findKpiCrossings(ctx, { acceptOverdueRatePct: 0, satisfactionRatePct: 90 }, rules, true)).toEqual([]);
    const crossed = findKpiCrossings(ctx, { acceptOverdueRatePct: 0.4, satisfactionRatePct: 90 }, rules, true);
    expect(crossed).toEqual([
      expect.objectContaining({ kind: 'kpi', kpi: 'acceptOverdueRatePct', value: 0.4, threshold: 0, direction: 'above', level: 'orange' }),
    ]);
    expect(findKpiCrossings(ctx, { acceptOverdueRatePct: 0.5 }, rules, true)).toEqual([]);
    // Back under, then over again: a new breach.
    findKpiCrossings(ctx, { acceptOverdueRatePct: 0 }, rules, true);
    expect(findKpiCrossings(ctx, { acceptOverdueRatePct: 1 }, rules, true)).toHaveLength(1);
  });

  it('a missing value is no crossing', () => {
    const ctx = context();
    findKpiCrossings(ctx, { satisfactionRatePct: 99 }, rules, true);
    expect(findKpiCrossings(ctx, {}, rules, true)).toEqual([]);
  });
});

describe('findSourcesDown and the walls that take it', () => {
  const down = (since: string | null): SourceHealth => ({
    sourceId: 'a',
    url: 'http://a',
    state: 'down',
    lastSuccessAt: since,
    lastAttemptAt: null,
    lastError: 'ECONNREFUSED',
    consecutiveFailures: 3,
    nextAttemptAt: null,
    endpoints: [],
  });

  it('a wall takes an outage only once it is longer than its own rule', () => {
    const ctx = context();
    const [fact] = findSourcesDown(ctx, [down(new Date(NOW - 6 * 60_000).toISOString())]);
    expect(fact).toMatchObject({ kind: 'sourceDown', source: 'a', lastError: 'ECONNREFUSED', key: `down:a:${NOW - 6 * 60_000}` });
    const strict = alertsConfigSchema.parse({ sourceDown: { afterMin: 5 } });
    const lenient = alertsConfigSchema.parse({});
    expect(acceptFact(strict, fact, NOW)).toEqual(fact);
    expect(acceptFact(lenient, fact, NOW)).toBeNull();
    expect(acceptFact(lenient, fact, NOW + 4 * 60_000)).toEqual(fact);
  });

  it('a source never reached is down since the engine first saw it so; recovery forgets it', () => {
    const ctx = context();
    expect(findSourcesDown(ctx, [down(null)])[0].key).toBe(`down:a:${NOW}`);
    expect(findSourcesDown({ ...ctx, now: NOW + 60_000 }, [down(null)])[0].key).toBe(`down:a:${NOW}`);
    findSourcesDown(ctx, [{ ...down(null), state: 'ok' }]);
    expect(ctx.memory.size).toBe(0);
  });
});

describe('acceptFact', () => {
  const rules = alertsConfigSchema.parse({ levelRise: { atLeast: 'orange' }, kpis: [{ kpi: 'satisfactionRatePct', below: 95, level: 'red' }] });
  const ctx = context();

  it('filters by level, kind and the wall switch, and lets a KPI rule set the level', () => {
    const [w] = findNewWarnings(ctx, [{ sourceId: 'a', warning: { ...warningRecord('w9', 'open', '2026-11-20T11:00:00+08:00'), level: 'yellow' } }], new Set(['a']));
    expect(acceptFact(rules, w, NOW)).toBeNull();
    const rise = (level: TownRisk['level']) => ({ ...w, kind: 'levelRise', level, from: 'green', weekStart: '2026-11-16' }) as AlertFact;
    expect(acceptFact(rules, rise('yellow'), NOW)).toBeNull();
    expect(acceptFact(rules, rise('orange'), NOW)).not.toBeNull();
    expect(acceptFact({ ...rules, enabled: false }, rise('red'), NOW)).toBeNull();
    const kpi: AlertFact = { kind: 'kpi', key: 'kpi:satisfactionRatePct:below:95:1', level: 'orange', at: '', kpi: 'satisfactionRatePct', value: 90, threshold: 95, direction: 'below' };
    expect(acceptFact(rules, kpi, NOW)?.level).toBe('red');
    expect(acceptFact(alertsConfigSchema.parse({ kpis: [] }), kpi, NOW)).toBeNull();
    expect(kpiRulesOfAll([rules, alertsConfigSchema.parse({})])).toHaveLength(2);
  });
});
