import type { IndicatorValues, Vocabulary } from '../contract';
import { INDICATOR_IDS } from '../contract';
import { assessTownWeek, type TownAssessment } from './assess';
import { BaselineIndex, type PeriodValues, type TownPopulation } from './baselines';
import { forecastNext } from './forecast';
import type { RiskModelConfig } from './model';
import { addDays } from '../districtTime';
import { nextWeekStart } from './weeks';

/** Mean of each indicator over the given weeks' values (the assessed value of a week). */
export function meanValues(weeks: IndicatorValues[]): IndicatorValues {
  if (weeks.length === 0) throw new Error('meanValues: no weeks');
  const out = {} as IndicatorValues;
  for (const id of INDICATOR_IDS) out[id] = weeks.reduce((s, v) => s + v[id], 0) / weeks.length;
  return out;
}

/**
 * The values a town-week is assessed on: the mean over the `assessmentWeeks` weeks ending with
 * it (weeks missing from the history are skipped, not counted as zero).
 */
export function assessedValuesFor(
  townPeriods: PeriodValues[],
  weekStart: string,
  model: RiskModelConfig,
): IndicatorValues {
  const from = addDays(weekStart, -7 * (model.assessmentWeeks - 1));
  const inWindow = townPeriods.filter((p) => p.weekStart >= from && p.weekStart <= weekStart);
  // The week itself is always in its window, unless its date cannot be counted in days (a week
  // the contract's bounds now refuse): then its own values, never an exception that fails a screen.
  return meanValues((inWindow.length ? inWindow : townPeriods.slice(-1)).map((p) => p.indicators));
}

function byTown(periods: PeriodValues[]): Map<string, PeriodValues[]> {
  const out = new Map<string, PeriodValues[]>();
  for (const p of periods) {
    const list = out.get(p.townCode);
    if (list) list.push(p);
    else out.set(p.townCode, [p]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0));
  return out;
}

export interface AssessedPeriod {
  townCode: string;
  weekStart: string;
  /** The week's own values, as reported. */
  weekValues: IndicatorValues;
  /** What was scored: the mean over the assessment window (see assessedValuesFor). */
  values: IndicatorValues;
  baselines: IndicatorValues;
  assessment: TownAssessment;
}

/**
 * Assesses every period of a history (all towns, all weeks) in input order. The simulator's
 * `computeLevels` path and the cockpit's own computation both go through here, so a source's
 * levels and the engine's agree whenever they share the model.
 */
export function assessHistory(input: {
  towns: TownPopulation[];
  periods: PeriodValues[];
  vocabulary: Vocabulary;
  model: RiskModelConfig;
}): AssessedPeriod[] {
  const index = new BaselineIndex(input.towns, input.periods, input.vocabulary, input.model);
  const series = byTown(input.periods);
  return input.periods.map((p) => {
    const baselines = index.baselinesFor(p.townCode, p.weekStart);
    const values = assessedValuesFor(series.get(p.townCode)!, p.weekStart, input.model);
    return {
      townCode: p.townCode,
      weekStart: p.weekStart,
      weekValues: p.indicators,
      values,
      baselines,
      assessment: assessTownWeek(values, baselines, input.vocabulary, input.model),
    };
  });
}

/**
 * A forecast week, assessed like a reported one: `weekStart` is the week after the town's last
 * week up to `upTo`, `weekValues` the forecast of that week's own values, and `values` the
 * assessment window with the forecast week in it.
 */
export interface TownForecast extends AssessedPeriod {
  method: string;
}

/**
 * Forecasts of the next week for many towns at once (one baseline index for all of them): for
 * each town, from its weeks up to and including `upTo` (default: its latest), assessed like any
 * week — over its assessment window, against the baselines that week will have. Towns without
 * data are left out.
 */
export function forecastTowns(input: {
  towns: TownPopulation[];
  periods: PeriodValues[];
  vocabulary: Vocabulary;
  model: RiskModelConfig;
  upTo?: string;
  /** Only these towns (default: every town with data). */
  townCodes?: string[];
}): Map<string, TownForecast> {
  const known = input.upTo === undefined ? input.periods : input.periods.filter((p) => p.weekStart <= input.upTo!);
  const series = byTown(known);
  const index = new BaselineIndex(input.towns, known, input.vocabulary, input.model);
  const out = new Map<string, TownForecast>();
  for (const townCode of input.townCodes ?? [...series.keys()]) {
    const own = series.get(townCode);
    if (!own || own.length === 0) continue;
    const weekStart = nextWeekStart(own[own.length - 1].weekStart);
    const { values: weekValues, method } = forecastNext(
      own.map((p) => p.indicators),
      input.model,
      input.vocabulary,
    );
    const baselines = index.baselinesFor(townCode, weekStart, weekStart);
    const values = assessedValuesFor([...own, { townCode, weekStart, indicators: weekValues }], weekStart, input.model);
    out.set(townCode, {
      townCode,
      weekStart,
      weekValues,
      values,
      baselines,
      assessment: assessTownWeek(values, baselines, input.vocabulary, input.model),
      method,
    });
  }
  return out;
}

/** One town's forecast (see forecastTowns); null when the town has no data. */
export function forecastTown(input: {
  townCode: string;
  towns: TownPopulation[];
  periods: PeriodValues[];
  vocabulary: Vocabulary;
  model: RiskModelConfig;
  upTo?: string;
}): TownForecast | null {
  const { townCode, ...rest } = input;
  return forecastTowns({ ...rest, townCodes: [townCode] }).get(townCode) ?? null;
}
