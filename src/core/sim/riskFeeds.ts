import type { RiskPeriod, Town, Warning } from '../../shared/contract';
import { generateRiskHistory } from './riskHistory';
import type { FeedStore } from './store';
import { DAY, HOUR } from './time';

/**
 * The 五色图 feeds (risk periods and warnings) from the risk history model. Live time
 * re-runs the model (at most once per simulated hour) and re-sends what changed: the
 * current week's running values, the final values published the Monday after, and
 * warning progress.
 */
export interface RiskFeedInput {
  seed: number;
  now: number;
  towns: Town[];
  communitiesByTown: Record<string, string[]>;
  computeLevels: boolean;
}

export class RiskFeeds {
  private readonly input: RiskFeedInput;
  private readonly startWeek: string;
  private lastRunHour: number;
  private lastRunAt: number;

  constructor(input: RiskFeedInput) {
    this.input = input;
    this.startWeek = weekOf(input.now);
    this.lastRunHour = Math.floor(input.now / HOUR);
    this.lastRunAt = input.now;
  }

  private generate(now: number): { periods: RiskPeriod[]; warnings: Warning[] } {
    return generateRiskHistory({
      seed: this.input.seed,
      now: new Date(now),
      towns: this.input.towns,
      communitiesByTown: this.input.communitiesByTown,
      computeLevels: this.input.computeLevels,
    });
  }

  /** The default history, oldest change first. */
  fill(periods: FeedStore, warnings: FeedStore): void {
    const history = this.generate(this.input.now);
    putInOrder(periods, history.periods);
    putInOrder(warnings, history.warnings);
  }

  /**
   * Re-run the model at t when a simulated hour has begun since the last run. Within the
   * starting week everything it returns is taken (the story keeps its anchor). Later, the
   * model re-anchors its story on the current week, so only the weeks since the previous
   * run (and the one before, published on Monday) are taken; older weeks stay as published
   * and warnings keep their last status.
   */
  advanceTo(t: number, periods: FeedStore, warnings: FeedStore): boolean {
    const hour = Math.floor(t / HOUR);
    if (hour <= this.lastRunHour) return false;
    const previousRun = this.lastRunAt;
    this.lastRunHour = hour;
    this.lastRunAt = t;
    const next = this.generate(t);
    const inStartWeek = weekOf(t) === this.startWeek;
    const keepFrom = inStartWeek ? '' : weekOf(Date.parse(`${weekOf(previousRun)}T00:00:00+08:00`) - DAY);
    let changed = false;
    for (const p of next.periods) {
      if (p.weekStart >= keepFrom) changed = putIfChanged(periods, p) || changed;
    }
    if (inStartWeek) {
      for (const w of next.warnings) changed = putIfChanged(warnings, w) || changed;
    }
    return changed;
  }
}

function putInOrder(store: FeedStore, records: Array<{ id: string; updatedAt: string }>): void {
  const sorted = [...records].sort(
    (a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const r of sorted) store.put(r.id, r);
}

function putIfChanged(store: FeedStore, record: { id: string }): boolean {
  const before = store.get(record.id);
  if (before !== undefined && JSON.stringify(before) === JSON.stringify(record)) return false;
  store.put(record.id, record);
  return true;
}

/** Monday (local date) of the ISO week containing t. */
function weekOf(t: number): string {
  const local = new Date(t + 8 * HOUR);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(t + 8 * HOUR - weekday * DAY).toISOString().slice(0, 10);
}
