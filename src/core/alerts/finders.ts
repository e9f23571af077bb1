/**
 * Fact finders: each compares what the cache says now with what the engine remembered last
 * time (its watch) and returns what is news. With `alerting` false (the first evaluation of
 * a cache, or a source still backfilling) a finder only learns the current picture, so a
 * fresh install does not greet the operator with every warning in its history.
 */
import type { Level, Warning } from '../../shared/contract';
import { LEVELS } from '../../shared/contract';
import type { AlertCause, AlertFact } from '../../shared/alerts/types';
import type { AlertKpi, KpiRule } from '../../shared/alerts/config';
import type { Explanation, SourceHealth, TownRef, TownRisk } from '../../shared/readModel';
import { WARNING_WATCH_PREFIX, type UnseenWarning } from './cacheReads';

export interface Watch {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Lower is riskier: red 0 … green 4. */
export const levelRank = (level: Level): number => LEVELS.indexOf(level);

const iso = (ms: number): string => new Date(ms).toISOString();

/** The first sentence of a source's cause analysis, at most 80 characters. */
export function firstSentence(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const end = line.search(/[。；;！!？?]|\.\s/);
  const sentence = end > 0 ? line.slice(0, end) : line;
  return sentence.length > 80 ? `${sentence.slice(0, 79)}…` : sentence;
}

/** The risk engine's reason, preferring the indicator a warning names. */
export function causeOf(explanation: Explanation | undefined, indicator: string | null, text: string | null): AlertCause {
  const contributors = explanation?.contributors ?? [];
  const c = (indicator ? contributors.find((x) => x.indicator === indicator) : undefined) ?? contributors[0];
  return {
    contributor: c ? { indicator: c.indicator, value: c.value, baseline: c.baseline, ratio: c.ratio } : null,
    text: text ? firstSentence(text) : null,
  };
}

export interface FinderContext {
  now: number;
  watch: Watch;
  townRef(code: string): TownRef;
  explanationOf(townCode: string): Explanation | undefined;
}

/** New warnings that are not closed. Every warning is remembered, news or not. */
export function findNewWarnings(ctx: FinderContext, unseen: UnseenWarning[], alertingSources: Set<string>): AlertFact[] {
  const facts: AlertFact[] = [];
  for (const { sourceId, warning } of unseen) {
    const key = `${WARNING_WATCH_PREFIX}${sourceId}:${warning.id}`;
    ctx.watch.set(key, { level: warning.level });
    if (!alertingSources.has(sourceId) || warning.status === 'closed') continue;
    facts.push(warningFact(ctx, sourceId, warning));
  }
  return facts;
}

function warningFact(ctx: FinderContext, sourceId: string, w: Warning): AlertFact {
  return {
    kind: 'warning',
    key: `warning:${sourceId}:${w.id}`,
    level: w.level,
    at: iso(ctx.now),
    town: ctx.townRef(w.townCode),
    warningId: w.id,
    title: w.title,
    cause: causeOf(ctx.explanationOf(w.townCode), w.indicator ?? null, w.causeAnalysis),
  };
}

const LEVEL_WATCH_PREFIX = 'level:';

/** Towns whose level is now riskier than the last level the engine saw for them. */
export function findLevelRises(ctx: FinderContext, towns: TownRisk[], alerting: boolean): AlertFact[] {
  const facts: AlertFact[] = [];
  for (const t of towns) {
    const key = `${LEVEL_WATCH_PREFIX}${t.code}`;
    const last = ctx.watch.get<{ level: Level; weekStart: string }>(key);
    if (last && last.level === t.level && last.weekStart === t.weekStart) continue;
    ctx.watch.set(key, { level: t.level, weekStart: t.weekStart });
    if (!alerting || !last || levelRank(t.level) >= levelRank(last.level)) continue;
    facts.push({
      kind: 'levelRise',
      key: `rise:${t.code}:${t.weekStart}:${t.level}`,
      level: t.level,
      at: iso(ctx.now),
      town: { code: t.code, name: t.name },
      from: last.level,
      weekStart: t.weekStart,
      cause: causeOf(ctx.explanationOf(t.code), null, null),
    });
  }
  return facts;
}

const DOWN_WATCH_PREFIX = 'down:';

/**
 * Sources the sync engine has marked down, with the time they went down (their last success;
 * for a source never reached, when the engine first saw it down). Each wall's rule decides
 * after how many minutes that interrupts; the fact is the same for all of them.
 */
export function findSourcesDown(ctx: FinderContext, sources: SourceHealth[]): AlertFact[] {
  const facts: AlertFact[] = [];
  for (const s of sources) {
    const key = `${DOWN_WATCH_PREFIX}${s.sourceId}`;
    if (s.state !== 'down') {
      if (ctx.watch.get(key)) ctx.watch.delete(key);
      continue;
    }
    let since = s.lastSuccessAt ? Date.parse(s.lastSuccessAt) : null;
    if (since === null) {
      const seen = ctx.watch.get<{ since: number }>(key);
      since = seen?.since ?? ctx.now;
      if (!seen) ctx.watch.set(key, { since });
    }
    facts.push({
      kind: 'sourceDown',
      key: `down:${s.sourceId}:${since}`,
      level: 'orange',
      at: iso(ctx.now),
      source: s.sourceId,
      downSince: iso(since),
      lastError: s.lastError,
    });
  }
  return facts;
}

/** The identity of a KPI rule: walls with the same rule share its breaches. */
export function kpiRuleSignature(rule: KpiRule): string {
  return rule.above !== undefined ? `kpi:${rule.kpi}:above:${rule.above}` : `kpi:${rule.kpi}:below:${rule.below}`;
}

/** KPI rules (each signature once) that have just gone past their threshold. */
export function findKpiCrossings(ctx: FinderContext, values: Partial<Record<AlertKpi, number>>, rules: KpiRule[], alerting: boolean): AlertFact[] {
  const facts: AlertFact[] = [];
  for (const rule of rules) {
    const value = values[rule.kpi];
    if (value === undefined || !Number.isFinite(value)) continue;
    const sig = kpiRuleSignature(rule);
    const breached = rule.above !== undefined ? value > rule.above : value < rule.below!;
    const last = ctx.watch.get<{ since: number | null }>(sig);
    if (!breached) {
      if (!last || last.since !== null) ctx.watch.set(sig, { since: null });
      continue;
    }
    if (last?.since != null) continue; // a breach already under way
    ctx.watch.set(sig, { since: ctx.now });
    // Breached at the first look (or while still backfilling): the state of things, not news.
    if (!alerting || !last) continue;
    facts.push({
      kind: 'kpi',
      key: `${sig}:${ctx.now}`,
      level: rule.level,
      at: iso(ctx.now),
      kpi: rule.kpi,
      value,
      threshold: rule.above ?? rule.below!,
      direction: rule.above !== undefined ? 'above' : 'below',
    });
  }
  return facts;
}
