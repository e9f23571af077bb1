import type { Dispute } from '../../../shared/contract';
import type { TownCharacter } from '../districts/types';
import type { Rng } from '../prng';
import { DAY, HOUR, MINUTE, isoLocal, localDate, localMidnight, toSecond } from '../time';
import type { Revealed } from './events';
import type { SimContext } from './context';
import { pickPlace } from './events';

/**
 * 矛盾纠纷"一件事"源头化解: disputes taken by a community, a town's or the district's
 * mediation centre (矛调中心) and how they ended. Most are resolved where they arose.
 */

/** Disputes per day per million residents, on average (about 22 a day in Linping). */
export const DISPUTES_PER_MILLION_PER_DAY = 19.5;

type Category = Dispute['category'];
const CATEGORIES: Category[] = ['neighbour', 'family', 'labour', 'rental', 'property', 'contract', 'land', 'other'];
const MIX: Record<TownCharacter, number[]> = {
  oldCentre: [26, 14, 6, 16, 20, 8, 1, 9],
  newTown: [22, 12, 12, 14, 18, 10, 3, 9],
  industrial: [14, 8, 30, 18, 6, 12, 3, 9],
  villages: [24, 16, 12, 5, 4, 8, 22, 9],
};

export interface DisputePlan {
  id: string;
  townCode: string;
  community: string;
  category: Category;
  receivedAt: number;
  level: Dispute['level'];
  /** When mediation ends, and how. */
  endsAt: number;
  finalStatus: Exclude<Dispute['status'], 'mediating'>;
}

export function planDispute(ctx: SimContext, rng: Rng, id: string, receivedAt: number): DisputePlan {
  const { town, community } = pickPlace(ctx, rng);
  const category = rng.weighted(CATEGORIES, MIX[town.character]);
  const level = rng.weighted(['community', 'townCentre', 'districtCentre'] as const, [64, 31, 5]);
  const finalStatus = rng.weighted(['resolved', 'failed', 'referred'] as const, level === 'districtCentre' ? [80, 8, 12] : [91, 3, 6]);
  const medianH = level === 'community' ? 20 : level === 'townCentre' ? 60 : 150;
  return {
    id,
    townCode: town.code,
    community,
    category,
    receivedAt: toSecond(receivedAt),
    level,
    endsAt: toSecond(inOfficeHours(receivedAt + Math.max(HOUR, rng.logNormal(medianH * HOUR, 0.9)), rng)),
    finalStatus,
  };
}

/** Mediation sessions end in the daytime: a time outside 8:30–20:00 moves to the next morning. */
function inOfficeHours(ms: number, rng: Rng): number {
  const midnight = localMidnight(ms);
  const minute = (ms - midnight) / MINUTE;
  if (minute >= 8.5 * 60 && minute < 20 * 60) return ms;
  const nextMorning = minute < 8.5 * 60 ? midnight : midnight + DAY;
  return nextMorning + (8.5 * 60 + rng.range(0, 150)) * MINUTE;
}

export function viewDispute(p: DisputePlan, t: number): Revealed<Dispute> {
  const ended = t >= p.endsAt;
  const status = ended ? p.finalStatus : 'mediating';
  return {
    record: {
      id: p.id,
      townCode: p.townCode,
      community: p.community,
      category: p.category,
      receivedAt: isoLocal(p.receivedAt),
      level: p.level,
      status,
      resolvedAt: status === 'resolved' ? isoLocal(p.endsAt) : null,
      // Resolved without going up to the district (源头化解).
      resolvedAtSource: status === 'resolved' && p.level !== 'districtCentre',
      updatedAt: isoLocal(ended ? p.endsAt : p.receivedAt),
    },
    nextChangeAt: ended ? null : p.endsAt,
  };
}

export class DisputeIds {
  private readonly perDay = new Map<string, number>();

  next(receivedAt: number): string {
    const date = localDate(receivedAt);
    const n = (this.perDay.get(date) ?? 0) + 1;
    this.perDay.set(date, n);
    return `MD${date.replaceAll('-', '')}${String(n).padStart(3, '0')}`;
  }
}
