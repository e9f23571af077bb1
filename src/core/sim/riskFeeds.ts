import type { StoryRole } from './districts/types';
import type { RiskPeriod, Town, Warning } from '../../shared/contract';
import { planRiskStory, tellPlannedStory, type RiskStoryPlan } from './riskStory';
import type { FeedStore } from './store';
import { HOUR, SIM_TIME } from './time';

/**
 * The 五色图 feeds (risk periods and warnings) from the risk history model, its story anchored
 * on the simulator's start. Live time re-runs the model (at most once per simulated hour) and
 * re-sends what changed: a new week's running values, the final values published the Monday
 * after, and warning progress. Since the story sits at fixed weeks, a re-run only ever adds
 * what has happened since; it never retells a week.
 */
export interface RiskFeedInput {
  seed: number;
  now: number;
  towns: Town[];
  communitiesByTown: Record<string, string[]>;
  cast: Record<StoryRole, string>;
  computeLevels: boolean;
}

export class RiskFeeds {
  private readonly input: RiskFeedInput;
  private lastRunHour: number;

  constructor(input: RiskFeedInput) {
    this.input = input;
    this.lastRunHour = Math.floor(input.now / HOUR);
  }

  /** The story's plan through the current week: the costly part, made once a week. */
  private plan: { through: string; plan: RiskStoryPlan } | null = null;

  private generate(now: number): { periods: RiskPeriod[]; warnings: Warning[] } {
    const through = SIM_TIME.weekStartOf(Math.max(now, this.input.now));
    if (this.plan?.through !== through) {
      const plan = planRiskStory(
        {
          seed: this.input.seed,
          anchor: new Date(this.input.now),
          towns: this.input.towns,
          communitiesByTown: this.input.communitiesByTown,
          cast: this.input.cast,
          computeLevels: this.input.computeLevels,
        },
        through,
      );
      this.plan = { through, plan };
    }
    return tellPlannedStory(this.plan.plan, now);
  }

  /** The default history, oldest change first. */
  fill(periods: FeedStore, warnings: FeedStore): void {
    const history = this.generate(this.input.now);
    putInOrder(periods, history.periods);
    putInOrder(warnings, history.warnings);
  }

  /** Re-run the model at t when a simulated hour has begun since the last run; true if anything changed. */
  advanceTo(t: number, periods: FeedStore, warnings: FeedStore): boolean {
    const hour = Math.floor(t / HOUR);
    if (hour <= this.lastRunHour) return false;
    this.lastRunHour = hour;
    const next = this.generate(t);
    let changed = false;
    // Oldest change first, as the feeds are read: a week's running copy before its published one.
    for (const p of sortByChange(next.periods)) changed = putIfChanged(periods, p) || changed;
    for (const w of sortByChange(next.warnings)) changed = putIfChanged(warnings, w) || changed;
    return changed;
  }
}

function sortByChange<T extends { id: string; updatedAt: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function putInOrder(store: FeedStore, records: Array<{ id: string; updatedAt: string }>): void {
  for (const r of sortByChange(records)) store.put(r.id, r);
}

function putIfChanged(store: FeedStore, record: { id: string }): boolean {
  const before = store.get(record.id);
  if (before !== undefined && JSON.stringify(before) === JSON.stringify(record)) return false;
  store.put(record.id, record);
  return true;
}
