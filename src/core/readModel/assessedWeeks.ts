/**
 * Every town-week of risk data, assessed once per change of the data: the source's own level
 * where it gives one (levelFrom 'source'), the risk engine's otherwise ('engine'). Baselines,
 * indicator levels and contributors always come from the engine, so every colour can be
 * explained. The result is memoised on a cheap fingerprint of risk_periods and towns (a few
 * hundred rows), so screens that ask again between syncs pay nothing. Looking back, the same is
 * built from the versions the cache held at that instant (risk_period_versions).
 */
import type { DimensionId, IndicatorValues, Level, Vocabulary } from '../../shared/contract';
import { DIMENSION_IDS, describeIssues, levelSchema, riskPeriodSchema } from '../../shared/contract';
import type { Explanation, Forecast, TownRisk, WarningView } from '../../shared/readModel';
import {
  assessHistory,
  forecastTown,
  levelForScore,
  predictiveWarnings,
  type AssessedPeriod,
  type PeriodValues,
  type RiskModelConfig,
  type TownForecast,
} from '../../shared/risk';
import { LEFT_OUT_MAX, type ReadContext } from './context';
import { SOURCE_FILTER } from './sources';
import { isoTime } from '../../shared/districtTime';

/** A week the engine can count days across (the contract's own bound is the cockpit's clock + a day). */
const COUNTABLE_WEEK = /^2[01]\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

interface PeriodRow {
  town_code: string;
  week_start: string;
  indicators: string;
  dimension_scores: string | null;
  composite_score: number | null;
  level: string | null;
  updated_at: number;
}

export interface AssessedWeek {
  risk: TownRisk;
  explanation: Explanation;
  engine: AssessedPeriod;
}

export interface AssessedWeeks {
  /** Week starts with data, oldest first. */
  weeks: string[];
  /** weekStart → town code → assessed week. */
  byWeek: Map<string, Map<string, AssessedWeek>>;
  /** Latest updated_at of each week's periods: when the picture of that week was last revised. */
  revisedAt: Map<string, number>;
  periods: PeriodValues[];
  vocabulary: Vocabulary;
}

/** Histories as of past instants kept at once: a replay steps through a few dozen weeks. */
const AS_OF_MEMO = 40;

export function createAssessedWeeksReader(
  ctx: ReadContext,
  vocabulary: (sources: string | null) => Vocabulary,
  model: RiskModelConfig,
) {
  const periodsStmt = ctx.db.prepare(
    `SELECT town_code, week_start, indicators, dimension_scores, composite_score, level, updated_at
     FROM risk_periods WHERE ${SOURCE_FILTER} ORDER BY week_start, town_code, updated_at`,
  );
  // As of an instant: each period's latest version by then (migration 041). A version made
  // later is a revision nobody had seen yet, or a period not published yet.
  const periodsAtStmt = ctx.db.prepare(
    `SELECT town_code, week_start, indicators, dimension_scores, composite_score, level, max(updated_at) AS updated_at
     FROM risk_period_versions WHERE updated_at <= :at AND ${SOURCE_FILTER}
     GROUP BY source_id, id ORDER BY week_start, town_code, updated_at`,
  );
  const townsFingerprint = `(SELECT coalesce(group_concat(code || '=' || population || '=' || name), '') FROM towns WHERE ${SOURCE_FILTER})`;
  // Any revision raises its row's updated_at (the cache only replaces a row with a newer copy),
  // so the exact integer sum changes with every insert, revision or delete.
  const fingerprintStmt = ctx.db.prepare(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(updated_at), 0) FROM risk_periods WHERE ${SOURCE_FILTER}) || '|' || ${townsFingerprint}`,
  ).pluck();
  const fingerprintAtStmt = ctx.db.prepare(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(updated_at), 0) FROM risk_period_versions
             WHERE updated_at <= :at AND ${SOURCE_FILTER}) || '|' || ${townsFingerprint}`,
  ).pluck();

  interface Memo {
    key: string;
    vocabulary: Vocabulary;
    history: AssessedWeeks;
  }
  let memo: Memo | null = null;
  /** As-of histories by instant, most recently used last. */
  const memoAt = new Map<number, Memo>();
  // Forecasts and 预测预警 belong to one history: they go when it goes.
  const derived = new WeakMap<AssessedWeeks, { forecasts: Map<string, TownForecast | null>; predictive: Map<string, WarningView[]> }>();
  const derivedOf = (h: AssessedWeeks) => {
    let d = derived.get(h);
    if (!d) derived.set(h, (d = { forecasts: new Map(), predictive: new Map() }));
    return d;
  };

  /** Every town-week as the cache holds it now, or, given `at` (ms), as it held them at that instant. */
  function history(at?: number): AssessedWeeks {
    const vocab = vocabulary(ctx.sources);
    if (at === undefined) {
      const key = fingerprintStmt.get({ sources: ctx.sources }) as string;
      if (memo && memo.key === key && memo.vocabulary === vocab) return memo.history;
      memo = { key, vocabulary: vocab, history: build(vocab, periodsStmt.all({ sources: ctx.sources }) as PeriodRow[]) };
      return memo.history;
    }
    const key = fingerprintAtStmt.get({ sources: ctx.sources, at }) as string;
    const hit = memoAt.get(at);
    memoAt.delete(at);
    if (hit && hit.key === key && hit.vocabulary === vocab) {
      memoAt.set(at, hit);
      return hit.history;
    }
    const entry = { key, vocabulary: vocab, history: build(vocab, periodsAtStmt.all({ sources: ctx.sources, at }) as PeriodRow[]) };
    memoAt.set(at, entry);
    if (memoAt.size > AS_OF_MEMO) memoAt.delete(memoAt.keys().next().value!);
    return entry.history;
  }

  function build(vocab: Vocabulary, periodRows: PeriodRow[]): AssessedWeeks {
    // Several sources may cover the same town-week: the most recently revised row wins
    // (rows arrive ordered by updated_at, so a later one replaces an earlier one).
    const latest = new Map<string, PeriodRow>();
    for (const r of periodRows) latest.set(`${r.week_start}|${r.town_code}`, r);
    // Rows whose JSON no longer parses (a damaged file), or that break today's bounds of the
    // contract (stored before them: a week in 9999, a count of 1e308), are left out and logged:
    // one row never makes a screen fail, and a cache holding one heals without a rebuild.
    const rows: PeriodRow[] = [];
    const periods: PeriodValues[] = [];
    for (const key of ctx.leftOut.keys()) if (key.startsWith('riskPeriods ')) ctx.leftOut.delete(key);
    for (const r of latest.values()) {
      try {
        if (!COUNTABLE_WEEK.test(r.week_start)) throw new Error(`weekStart: ${r.week_start} is not a week from 2000 to 2199`);
        const values = riskPeriodSchema.shape.indicators.safeParse(JSON.parse(r.indicators));
        if (!values.success) throw new Error(`indicators: ${describeIssues(values.error)}`);
        const indicators = values.data as IndicatorValues;
        if (r.dimension_scores) JSON.parse(r.dimension_scores);
        periods.push({ townCode: r.town_code, weekStart: r.week_start, indicators });
        rows.push(r);
      } catch (err) {
        ctx.logger.warn('read model: unreadable risk period skipped', { town: r.town_code, week: r.week_start, error: (err as Error).message });
        if (ctx.leftOut.size < LEFT_OUT_MAX) ctx.leftOut.set(`riskPeriods ${r.town_code} ${r.week_start.slice(0, 12)}`, (err as Error).message.slice(0, 300));
      }
    }
    const towns = ctx.towns().map((t) => ({ code: t.code, population: t.population }));
    const assessed = assessHistory({ towns, periods, vocabulary: vocab, model });
    const byWeek = new Map<string, Map<string, AssessedWeek>>();
    const revisedAt = new Map<string, number>();
    rows.forEach((row, i) => {
      const week = byWeek.get(row.week_start) ?? new Map<string, AssessedWeek>();
      week.set(row.town_code, toAssessedWeek(row, periods[i].indicators, assessed[i]));
      byWeek.set(row.week_start, week);
      revisedAt.set(row.week_start, Math.max(revisedAt.get(row.week_start) ?? 0, row.updated_at));
    });
    return { weeks: [...byWeek.keys()].sort(), byWeek, revisedAt, periods, vocabulary: vocab };
  }

  /** `indicators` are the week's own values as the source gave them (the engine may assess a mean). */
  function toAssessedWeek(row: PeriodRow, indicators: IndicatorValues, engine: AssessedPeriod): AssessedWeek {
    const a = engine.assessment;
    const sourceLevel = levelSchema.safeParse(row.level);
    const fromSource = sourceLevel.success;
    const sourceDims = row.dimension_scores ? (JSON.parse(row.dimension_scores) as Record<DimensionId, number>) : null;
    const dimensionScores = fromSource && sourceDims ? sourceDims : a.dimensionScores;
    const dimensionLevels = Object.fromEntries(
      DIMENSION_IDS.map((d) => [d, fromSource && sourceDims ? levelForScore(sourceDims[d], model.thresholds) : a.dimensionLevels[d]]),
    ) as Record<DimensionId, Level>;
    const level: Level = fromSource ? sourceLevel.data : a.level;
    const score = fromSource && row.composite_score !== null ? row.composite_score : a.compositeScore;
    const ref = ctx.townRef(row.town_code);
    return {
      engine,
      risk: {
        ...ref,
        weekStart: row.week_start,
        level,
        score,
        dimensionScores,
        dimensionLevels,
        indicators,
        baselines: engine.baselines,
        indicatorLevels: a.indicatorLevels,
        levelFrom: fromSource ? 'source' : 'engine',
      },
      explanation: { townCode: row.town_code, weekStart: row.week_start, level, score, contributors: a.contributors },
    };
  }

  /** The chosen week if it has data, else the latest week; null when there is no risk data. */
  function resolveWeek(h: AssessedWeeks, week: string | undefined): string | null {
    if (week && h.byWeek.has(week)) return week;
    return h.weeks.length ? h.weeks[h.weeks.length - 1] : null;
  }

  /** Next week's forecast for a town from its weeks up to `upTo` (memoised with the history). */
  function engineForecast(h: AssessedWeeks, townCode: string, upTo: string): TownForecast | null {
    const key = `${townCode}|${upTo}`;
    const { forecasts } = derivedOf(h);
    if (!forecasts.has(key)) {
      const towns = ctx.towns().map((t) => ({ code: t.code, population: t.population }));
      forecasts.set(key, forecastTown({ townCode, towns, periods: h.periods, vocabulary: h.vocabulary, model, upTo }));
    }
    return forecasts.get(key)!;
  }

  function forecast(h: AssessedWeeks, townCode: string, upTo: string): Forecast | null {
    const f = engineForecast(h, townCode, upTo);
    if (!f) return null;
    return {
      townCode,
      weekStart: f.weekStart,
      score: f.assessment.compositeScore,
      level: f.assessment.level,
      method: f.method,
      indicators: f.values,
    };
  }

  /** 预测预警 the engine raises for the week after `weekStart`, for every town assessed that week. */
  function predictiveFor(h: AssessedWeeks, weekStart: string): WarningView[] {
    const { predictive } = derivedOf(h);
    const hit = predictive.get(weekStart);
    if (hit) return hit;
    const week = h.byWeek.get(weekStart) ?? new Map<string, AssessedWeek>();
    const inputs = [...week.values()].flatMap((w) => {
      const f = engineForecast(h, w.risk.code, weekStart);
      return f ? [{ town: { code: w.risk.code, name: w.risk.name }, current: { weekStart, assessment: w.engine.assessment }, forecast: f }] : [];
    });
    const issuedAt = isoTime(h.revisedAt.get(weekStart) ?? 0);
    const views: WarningView[] = predictiveWarnings(inputs, h.vocabulary, model, issuedAt).map((d) => ({
      id: d.id,
      town: ctx.townRef(d.townCode),
      level: d.level,
      kind: 'predictive',
      dimension: d.dimension,
      indicator: d.indicator ?? null,
      title: d.title,
      issuedAt: d.issuedAt,
      causeAnalysis: d.causeAnalysis,
      rectification: d.rectification,
      communities: d.communities,
      status: d.status,
      history: d.history,
      jointSupervision: null,
      fromEngine: true,
    }));
    predictive.set(weekStart, views);
    return views;
  }

  return { history, resolveWeek, forecast, predictiveFor };
}

export type AssessedWeeksReader = ReturnType<typeof createAssessedWeeksReader>;
