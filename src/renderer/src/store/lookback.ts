/**
 * Looking back (回看): the one as-of of the whole cockpit. The core owns it per wall (WallState
 * asOf, src/shared/control); this store is the wall's copy, kept in step by control/follow.ts.
 * Every page query is asked as of this day (data/useQuery.ts); null is live.
 * A replay steps it a week at a time over a range of weeks, then stops where it ended.
 */
import { create } from 'zustand';
import { addDays, districtTime } from '../../../shared/districtTime';
import { stepAsOf } from '../../../shared/lookback';
import type { IsoDate } from '../../../shared/readModel';
import { DISTRICT_TIME_ZONE } from '../i18n';

export const WEEK_DAYS = 7;
/** The wall's days are the district's (as every date on it: i18n). */
const TIME = districtTime(DISTRICT_TIME_ZONE);
/** A replay's pace: one week on screen this long (the 星桥 story's ~12 weeks in under 30 s). */
export const REPLAY_STEP_MS = 2_000;

export interface Replay {
  /** The as-of dates still to show, in order. */
  queue: IsoDate[];
  stepMs: number;
}

interface LookbackState {
  asOf: IsoDate | null;
  replay: Replay | null;
  setAsOf(asOf: IsoDate | null): void;
  setReplay(replay: Replay | null): void;
}

export const useLookback = create<LookbackState>()((set) => ({
  asOf: null,
  replay: null,
  setAsOf: (asOf) => set({ asOf }),
  setReplay: (replay) => set({ replay }),
}));

/** The as-of `days` from the one shown (live = today); today or later is live (null). */
export function steppedAsOf(days: number, nowMs = Date.now()): IsoDate | null {
  return stepAsOf(TIME, useLookback.getState().asOf, days, nowMs);
}

/** The local date today, in the district. */
export function todayInDistrict(nowMs = Date.now()): IsoDate {
  return TIME.localDate(nowMs);
}

/** The Sundays from the week of `from` to the week of `to` (each a week shown whole); past ones only. */
export function replayDates(from: IsoDate, to: IsoDate | null, nowMs = Date.now()): IsoDate[] {
  const time = TIME;
  const today = time.localDate(nowMs);
  const last = to && to < today ? to : addDays(today, -1);
  const out: IsoDate[] = [];
  for (let d = addDays(time.weekStartOf(Date.parse(`${from}T12:00:00${time.offsetText}`)), 6); d <= last; d = addDays(d, WEEK_DAYS)) out.push(d);
  if (!out.length || out[out.length - 1] < last) out.push(last);
  return out;
}

/** Act on the cockpit's as-of: everything a key, a button or (later) a presenter does. */
export const lookbackActions = {
  /** Look back to a day (or live with null); a replay under way stops. */
  set(asOf: IsoDate | null): void {
    useLookback.setState({ asOf, replay: null });
  },
  /** A week back (-1) or forward (+1) from what is shown. */
  stepWeeks(weeks: number): void {
    lookbackActions.set(steppedAsOf(weeks * WEEK_DAYS));
  },
  live(): void {
    lookbackActions.set(null);
  },
  /** Play the weeks from `from` to `to` (default: up to yesterday) on the wall, one per stepMs. */
  replay(from: IsoDate, to: IsoDate | null = null, stepMs = REPLAY_STEP_MS): void {
    const [first, ...queue] = replayDates(from, to);
    if (!first) return;
    useLookback.setState({ asOf: first, replay: queue.length ? { queue, stepMs } : null });
  },
  /** The replay's next week, or its end (the last week stays on screen). */
  advanceReplay(): void {
    const { replay } = useLookback.getState();
    if (!replay) return;
    const [next, ...queue] = replay.queue;
    useLookback.setState({ asOf: next ?? useLookback.getState().asOf, replay: queue.length ? { ...replay, queue } : null });
  },
};

/**
 * The cockpit's as-of, and what can be done with it. This store mirrors the core-owned wall
 * state (control/follow.ts): a presenter's or phone's `asOf.set` / `live` lands here, and a
 * change made here (keys, header, replay) is sent to the core as the same actions.
 */
export function useAsOf(): { asOf: IsoDate | null; replaying: boolean } & typeof lookbackActions {
  const asOf = useLookback((s) => s.asOf);
  const replaying = useLookback((s) => s.replay !== null);
  return { asOf, replaying, ...lookbackActions };
}

/** The instant figures are shown for: the end of the as-of day, or now when live (for "today"/"old" labels). */
export function referenceNow(asOf: IsoDate | null, nowMs = Date.now()): number {
  if (!asOf) return nowMs;
  const time = TIME;
  return Math.min(nowMs, Date.parse(`${asOf}T00:00:00${time.offsetText}`) + 86_400_000 - 1);
}
