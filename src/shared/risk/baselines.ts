import type { IndicatorId, IndicatorValues, Vocabulary } from '../contract';
import type { RiskModelConfig } from './model';

export interface TownPopulation {
  code: string;
  population: number;
}

/** The part of a risk period the engine needs. */
export interface PeriodValues {
  townCode: string;
  /** ISO date of the week's Monday. */
  weekStart: string;
  indicators: IndicatorValues;
}

/** Indicators measured in % are rates: compared as they are, never scaled by population. */
export function isRateIndicator(vocabulary: Vocabulary, id: IndicatorId): boolean {
  return vocabulary.indicators.find((i) => i.id === id)?.unitEn === '%';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * Baselines for every town and week of a history, computed once. Per week, the reference
 * window is the `windowWeeks` weeks before it (never the week itself, so an episode does not
 * raise its own bar); for the first weeks of a history with fewer than `minWeeks` prior weeks,
 * the first `minWeeks` weeks of the history stand in, which stays stable as the history grows.
 */
export class BaselineIndex {
  private readonly weeks: string[];
  private readonly byTown = new Map<string, Map<string, IndicatorValues>>();
  private readonly population = new Map<string, number>();
  private readonly rate: Record<IndicatorId, boolean>;
  private readonly normCache = new Map<string, IndicatorValues>();

  constructor(
    towns: TownPopulation[],
    periods: PeriodValues[],
    private readonly vocabulary: Vocabulary,
    private readonly model: RiskModelConfig,
  ) {
    for (const t of towns) this.population.set(t.code, t.population);
    const weeks = new Set<string>();
    for (const p of periods) {
      let own = this.byTown.get(p.townCode);
      if (!own) this.byTown.set(p.townCode, (own = new Map()));
      own.set(p.weekStart, p.indicators);
      weeks.add(p.weekStart);
    }
    this.weeks = [...weeks].sort();
    this.rate = Object.fromEntries(vocabulary.indicators.map((i) => [i.id, isRateIndicator(vocabulary, i.id)])) as Record<
      IndicatorId,
      boolean
    >;
  }

  /**
   * The weeks whose values set the baseline of `weekStart`. `horizon` (exclusive) hides later
   * weeks from the start-of-history fallback, for forecasts made as of an earlier week.
   */
  referenceWeeks(weekStart: string, horizon?: string): string[] {
    const { windowWeeks, minWeeks } = this.model.baselines;
    const prior = this.weeks.filter((w) => w < weekStart).slice(-windowWeeks);
    if (prior.length >= minWeeks) return prior;
    const known = horizon === undefined ? this.weeks : this.weeks.filter((w) => w < horizon);
    return known.slice(0, Math.min(minWeeks, known.length));
  }

  baselinesFor(townCode: string, weekStart: string, horizon?: string): IndicatorValues {
    const ref = this.referenceWeeks(weekStart, horizon);
    const norms = this.normsFor(ref);
    const { ownHistoryWeight, overrides } = this.model.baselines;
    const pop = this.population.get(townCode) ?? 0;
    const ownMean = this.townMean(townCode, ref);
    const out = {} as IndicatorValues;
    for (const ind of this.vocabulary.indicators) {
      const id = ind.id;
      // A town without a population cannot use a per-capita norm: its own history stands in.
      let fromNorm: number | null = this.rate[id] ? norms[id] : pop > 0 ? norms[id] * pop : null;
      if (fromNorm === null || Number.isNaN(fromNorm)) fromNorm = ownMean?.[id] ?? 0;
      const blended = ownMean === null ? fromNorm : (1 - ownHistoryWeight) * fromNorm + ownHistoryWeight * ownMean[id];
      out[id] = overrides[townCode]?.[id] ?? blended;
    }
    return out;
  }

  /** A town's mean weekly values over the weeks it has data for; null when it has none. */
  private townMean(townCode: string, ref: string[]): IndicatorValues | null {
    const own = this.byTown.get(townCode);
    const rows = own ? ref.map((w) => own.get(w)).filter((v): v is IndicatorValues => !!v) : [];
    if (rows.length === 0) return null;
    const out = {} as IndicatorValues;
    for (const ind of this.vocabulary.indicators) out[ind.id] = mean(rows.map((r) => r[ind.id]));
    return out;
  }

  /**
   * District norm per indicator for a reference window: each town's mean over the window
   * (per person for counts), then the median town — one town's episode cannot move it.
   */
  private normsFor(ref: string[]): IndicatorValues {
    const key = ref.join(',');
    const hit = this.normCache.get(key);
    if (hit) return hit;
    const perTown = new Map<IndicatorId, number[]>(this.vocabulary.indicators.map((i) => [i.id, []]));
    for (const code of this.byTown.keys()) {
      const m = this.townMean(code, ref);
      if (!m) continue;
      const pop = this.population.get(code) ?? 0;
      for (const ind of this.vocabulary.indicators) {
        if (this.rate[ind.id]) perTown.get(ind.id)!.push(m[ind.id]);
        else if (pop > 0) perTown.get(ind.id)!.push(m[ind.id] / pop);
      }
    }
    const norms = {} as IndicatorValues;
    for (const [id, xs] of perTown) norms[id] = xs.length ? median(xs) : Number.NaN;
    this.normCache.set(key, norms);
    return norms;
  }
}

/** Baselines (expected weekly values) of one town for one week; see BaselineIndex. */
export function computeBaselines(input: {
  townCode: string;
  weekStart: string;
  towns: TownPopulation[];
  periods: PeriodValues[];
  vocabulary: Vocabulary;
  model: RiskModelConfig;
}): IndicatorValues {
  return new BaselineIndex(input.towns, input.periods, input.vocabulary, input.model).baselinesFor(input.townCode, input.weekStart);
}
