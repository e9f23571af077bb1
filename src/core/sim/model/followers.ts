import type { Rng } from '../prng';
import { DAY, localDate, localMidnight } from '../time';

/**
 * 云上板凳 followers. The history is built backwards from the headline figure at `now`
 * (the article's 14,341), so the last point is exact whatever the seed; live time adds
 * new followers on top.
 */

export class FollowerSeries {
  /** date → followers at the end of that day (today: so far). */
  private readonly byDate = new Map<string, number>();
  private current: number;

  constructor(rng: Rng, atNow: number, now: number, days: number, sessionsPerDay: Map<string, number>) {
    const today = localMidnight(now);
    const increments: number[] = [];
    for (let i = 0; i <= days; i++) {
      const date = localDate(today - (days - i) * DAY);
      const sessions = sessionsPerDay.get(date) ?? 0;
      // Slow growth, jumps on days with sessions (people follow after watching one).
      increments.push(rng.range(2, 8) + sessions * rng.range(4, 14));
    }
    // Start the series at about a fifth of today's figure whatever the draws were.
    const sum = increments.reduce((a, b) => a + b, 0);
    const scale = (atNow * 0.8) / sum;
    for (let i = 0; i <= days; i++) increments[i] = Math.round(increments[i] * scale);
    let value = atNow;
    for (let i = days; i >= 0; i--) {
      this.byDate.set(localDate(today - (days - i) * DAY), value);
      value -= increments[i];
    }
    this.current = atNow;
  }

  get value(): number {
    return this.current;
  }

  add(at: number, n: number): void {
    this.current += n;
    this.byDate.set(localDate(at), this.current);
  }

  /** Daily series in date order. */
  series(): Array<{ date: string; followers: number }> {
    return [...this.byDate.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([date, followers]) => ({ date, followers }));
  }
}
