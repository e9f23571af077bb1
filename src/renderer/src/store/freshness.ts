import { create } from 'zustand';
import type { Freshness, FreshnessState, HealthModel } from '../../../shared/readModel';

export interface SourceMark {
  sourceId: string;
  state: FreshnessState;
  asOf: string | null;
  staleSince: string | null;
}

export interface FreshnessView {
  /** The worst state of any source: what every panel's as-of mark shows. */
  overall: FreshnessState;
  /** Earliest time any source stopped being fresh. */
  staleSince: string | null;
  /** Newest time data was confirmed current. */
  asOf: string | null;
  sources: SourceMark[];
}

interface Inputs {
  health: HealthModel | null;
  link: boolean;
  linkDownSince: number | null;
  pollIntervalSec: number;
  now: number;
}

const RANK: Record<FreshnessState, number> = { fresh: 0, stale: 1, offline: 2 };
const minIso = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a < b ? a : b);

/**
 * How fresh the picture on the wall is. The core's own judgement, made stricter: a source
 * whose latest poll failed, a dropped link to the core (everything stale since it dropped)
 * and a confirmation older than two poll intervals (the core itself may be hung).
 */
export function deriveFreshness({ health, link, linkDownSince, pollIntervalSec, now }: Inputs): FreshnessView {
  const graceMs = (2 * pollIntervalSec + 10) * 1000;
  const linkDownIso = linkDownSince != null ? new Date(linkDownSince).toISOString() : null;
  const failing = new Set((health?.sources ?? []).filter((s) => s.consecutiveFailures > 0).map((s) => s.sourceId));
  const sources: SourceMark[] = (health?.freshness ?? []).map((f: Freshness) => {
    let { state, staleSince } = f;
    // The latest poll failed: the data is no longer confirmed current, even inside the
    // core's grace of two intervals. Stale since the last time it was.
    if (state === 'fresh' && failing.has(f.sourceId)) {
      state = 'stale';
      staleSince = f.asOf;
    }
    if (state === 'fresh' && f.asOf && now - Date.parse(f.asOf) > graceMs) {
      state = 'stale';
      staleSince = new Date(Date.parse(f.asOf) + graceMs).toISOString();
    }
    if (!link && state === 'fresh') {
      state = 'stale';
      staleSince = minIso(staleSince, linkDownIso ?? f.asOf);
    }
    return { sourceId: f.sourceId, state, asOf: f.asOf, staleSince };
  });
  if (!health) {
    // Never heard from the core: nothing on screen can be called current.
    return { overall: link ? 'stale' : 'offline', staleSince: linkDownIso, asOf: null, sources };
  }
  let overall: FreshnessState = link ? 'fresh' : 'stale';
  let staleSince: string | null = link ? null : linkDownIso;
  let asOf: string | null = null;
  for (const s of sources) {
    if (RANK[s.state] > RANK[overall]) overall = s.state;
    if (s.state !== 'fresh') staleSince = minIso(staleSince, s.staleSince);
    if (s.asOf && (!asOf || s.asOf > asOf)) asOf = s.asOf;
  }
  return { overall, staleSince, asOf, sources };
}

interface FreshnessStore extends FreshnessView {
  update(inputs: Inputs): void;
}

/** Whether two views say the same (their sources are a handful of short records). */
const sameView = (a: FreshnessView, b: FreshnessView): boolean =>
  a.overall === b.overall && a.staleSince === b.staleSince && a.asOf === b.asOf && JSON.stringify(a.sources) === JSON.stringify(b.sources);

export const useFreshness = create<FreshnessStore>()((set, get) => ({
  overall: 'offline',
  staleSince: null,
  asOf: null,
  sources: [],
  // Judged every second: a judgement that changed nothing leaves the store as it was, so
  // nothing subscribed renders again (an idle wall does no work for the same picture).
  update: (inputs) => {
    const next = deriveFreshness(inputs);
    if (!sameView(get(), next)) set(next);
  },
}));
