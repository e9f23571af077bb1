import type {
  Divisions,
  FeedName,
  Followers,
  Kpis,
  Meta,
  Town,
  Vocabulary,
} from '../../shared/contract';
import { API_VERSION, FEED_NAMES, SNAPSHOT_NAMES, STANDARD_VOCABULARY } from '../../shared/contract';
import { buildDivisions, contractTowns } from './divisions';
import { countKpis } from './kpis';
import type { DistrictProfile } from './districts/types';
import type { SimContext } from './model/context';
import {
  CONSULTATION_HISTORY_DAYS,
  type ConsultationPlan,
  consultationId,
  planConsultation,
  planConsultationHistory,
  viewConsultation,
} from './model/consultations';
import { DISPUTES_PER_MILLION_PER_DAY, DisputeIds, type DisputePlan, planDispute, viewDispute } from './model/disputes';
import { EventIds, type EventPlan, pickPlace, planEvent, planShowcaseEvent, viewEvent } from './model/events';
import { FollowerSeries } from './model/followers';
import { type PersonPlan, assessPerson, lastAssessmentAt, planPersonnel, staffIndex } from './model/personnel';
import { Rng, hashSeed } from './prng';
import { hourlyWeights, intensityAt } from './rhythm';
import { RiskFeeds } from './riskFeeds';
import { DueQueue } from './dueQueue';
import { FeedStore } from './store';
import { DAY, HOUR, MINUTE, isoLocal, localDate, localMidnight, toSecond } from './time';

/** Days of event and dispute history ending at `now`. */
export const HISTORY_DAYS = 150;

export interface WorldOptions {
  seed: number;
  now: number;
  computeLevels: boolean;
  profile: DistrictProfile;
}

/** A record whose later steps are still to come, revealed as the clock passes them. */
interface OpenPlan {
  feed: 'events' | 'consultations' | 'disputes';
  nextChangeAt: number;
  /** When it was first tracked: breaks ties between changes due at the same moment. */
  order?: number;
  reveal(t: number): { record: unknown; nextChangeAt: number | null } | null;
}

/**
 * The simulated district's state: every feed's records, the snapshots, and a clock that
 * only moves forward. Everything it generates derives from the seed, the start time and
 * the sequence of clock advances.
 */
export class SimWorld {
  readonly stores: Record<FeedName, FeedStore>;
  readonly seed: number;
  readonly startedAt: number;
  readonly computeLevels: boolean;
  private readonly profile: DistrictProfile;
  private readonly ctx: SimContext;
  private readonly people: PersonPlan[];
  private readonly handledBy = new Map<string, EventPlan[]>();
  private readonly open = new Map<string, OpenPlan>();
  /** The open plans' next changes, earliest first (revealDue would otherwise scan them all every minute). */
  private readonly due = new DueQueue();
  private tracked = 0;
  private readonly eventIds = new EventIds();
  private readonly disputeIds = new DisputeIds();
  private readonly consultationsPerDay = new Map<number, number>();
  private readonly followers: FollowerSeries;
  private readonly risk: RiskFeeds;
  private clock: number;
  /** Last minute whose arrivals have been generated (they are revealed as the clock reaches them). */
  private lastMinute: number;
  private changedAt: number;
  private followersChangedAt: number;
  private kpiCache: { version: string; kpis: Kpis } | null = null;
  /** The history's average daily rates, kept up in live time. */
  private readonly eventsPerDay: number;
  private readonly disputesPerDay: number;

  constructor(opts: WorldOptions) {
    this.seed = opts.seed;
    this.startedAt = toSecond(opts.now);
    this.clock = this.startedAt;
    this.changedAt = this.startedAt;
    this.followersChangedAt = this.startedAt;
    this.lastMinute = Math.floor(this.startedAt / MINUTE);
    this.computeLevels = opts.computeLevels;
    this.profile = opts.profile;
    this.eventsPerDay = this.profile.figures.eventsAccepted / HISTORY_DAYS;
    this.disputesPerDay = (DISPUTES_PER_MILLION_PER_DAY * this.profile.towns.reduce((a, t) => a + t.population, 0)) / 1e6;
    this.stores = Object.fromEntries(FEED_NAMES.map((f) => [f, new FeedStore()])) as Record<FeedName, FeedStore>;

    this.people = planPersonnel(this.profile, this.seed, this.startedAt);
    this.ctx = {
      seed: this.seed,
      profile: this.profile,
      townWeights: this.profile.towns.map((t) => t.population * t.eventIntensity),
      staff: staffIndex(this.people),
    };
    this.buildEventHistory();
    this.assessPersonnel(lastAssessmentAt(this.startedAt), true);
    const consultations = this.buildConsultationHistory();
    this.buildDisputeHistory();
    this.followers = new FollowerSeries(
      new Rng(hashSeed(this.seed, 'followers')),
      this.profile.figures.followers,
      this.startedAt,
      CONSULTATION_HISTORY_DAYS,
      sessionsByDate(consultations, this.startedAt),
    );
    this.risk = new RiskFeeds({
      seed: this.seed,
      now: this.startedAt,
      towns: this.towns(),
      communitiesByTown: Object.fromEntries(this.profile.towns.map((t) => [t.code, t.communities.map((c) => c.name)])),
      cast: this.profile.storyCast,
      computeLevels: this.computeLevels,
    });
    this.risk.fill(this.stores.riskPeriods, this.stores.warnings);
  }

  get now(): number {
    return this.clock;
  }

  // ---- history -------------------------------------------------------------------------

  private buildEventHistory(): void {
    const rng = new Rng(hashSeed(this.seed, 'events'));
    const now = this.startedAt;
    const from = now - HISTORY_DAYS * DAY;
    const options = { dissatisfiedShare: 0 };
    // The last 30 minutes first: some of those reports are accepted by now, some not yet.
    const recentFrom = now - 30 * MINUTE;
    const recent: EventPlan[] = [];
    const expected = (this.eventsPerDay * intensityAt(now) * 30) / (24 * 60);
    for (let i = 0, n = Math.max(2, rng.poisson(expected)); i < n; i++) {
      recent.push(planEvent(this.ctx, rng, '', recentFrom + rng.next() * 30 * MINUTE, pickPlace(this.ctx, rng), options));
    }
    // Two reports from the last minutes still wait for acceptance, so the flow shows them.
    for (let i = 0; i < 2; i++) {
      const p = planEvent(this.ctx, rng, '', now - rng.range(20_000, 150_000), pickPlace(this.ctx, rng), options);
      if (p.acceptedAt <= now) shiftFromAcceptance(p, now + rng.range(60_000, 240_000) - p.acceptedAt);
      recent.push(p);
    }
    const recentAccepted = recent.filter((p) => p.acceptedAt <= now).length;
    // The source's showcase events as told (the article's 龙船坞社区 rental dispute).
    const showcase = this.profile.showcaseEvents.map((spec) =>
      planShowcaseEvent(this.ctx, spec, '', localMidnight(now) - spec.daysAgo * DAY + spec.atMinute * MINUTE),
    );
    // Everything else reported earlier, so accepted by now: exactly the headline figure in all.
    const { starts, cumulative } = hourlyWeights(from, recentFrom);
    const total = cumulative[cumulative.length - 1];
    const plans: EventPlan[] = [...showcase, ...recent];
    for (let i = 0; i < this.profile.figures.eventsAccepted - recentAccepted - showcase.length; i++) {
      const hour = upperBound(cumulative, rng.next() * total);
      const start = starts[hour];
      const end = Math.min(localHourEnd(start), recentFrom);
      plans.push(planEvent(this.ctx, rng, '', start + rng.next() * (end - start), pickPlace(this.ctx, rng), options));
    }
    plans.sort((a, b) => a.reportedAt - b.reportedAt);
    for (const p of plans) {
      p.id = this.eventIds.next(p.reportedAt);
      for (const h of p.handlers) this.noteHandler(h, p);
    }
    this.putInChangeOrder('events', plans.map((p) => this.trackEvent(p, now)));
  }

  private buildConsultationHistory(): ConsultationPlan[] {
    const plans = planConsultationHistory(this.profile, this.seed, this.startedAt);
    for (const p of plans) {
      const day = localMidnight(p.scheduledAt);
      this.consultationsPerDay.set(day, Math.max(this.consultationsPerDay.get(day) ?? 0, Number(p.id.slice(-2))));
    }
    this.putInChangeOrder('consultations', plans.map((p) => this.trackConsultation(p, this.startedAt)));
    return plans;
  }

  private buildDisputeHistory(): void {
    const rng = new Rng(hashSeed(this.seed, 'disputes'));
    const now = this.startedAt;
    const { starts, cumulative } = hourlyWeights(now - HISTORY_DAYS * DAY, now);
    const total = cumulative[cumulative.length - 1];
    const times = Array.from({ length: Math.round(this.disputesPerDay * HISTORY_DAYS) }, () => {
      const start = starts[upperBound(cumulative, rng.next() * total)];
      return start + rng.next() * (Math.min(localHourEnd(start), now) - start);
    }).sort((a, b) => a - b);
    const plans = times.map((t) => planDispute(this.ctx, rng, this.disputeIds.next(t), t));
    this.putInChangeOrder('disputes', plans.map((p) => this.trackDispute(p, now)));
  }

  private noteHandler(personId: string, p: EventPlan): void {
    const list = this.handledBy.get(personId);
    if (list) list.push(p);
    else this.handledBy.set(personId, [p]);
  }

  /** Put records oldest change first, so a feed read from the start is chronological. */
  private putInChangeOrder(feed: FeedName, records: Array<{ id: string; updatedAt: string } | null>): void {
    const present = records
      .filter((r): r is { id: string; updatedAt: string } => r !== null)
      .map((r) => ({ r, at: Date.parse(r.updatedAt) }));
    present.sort((a, b) => a.at - b.at || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
    for (const { r } of present) this.stores[feed].put(r.id, r);
  }

  // ---- tracking open records -----------------------------------------------------------

  private trackEvent(p: EventPlan, t: number) {
    const v = viewEvent(p, t);
    if (v.nextChangeAt !== null) {
      this.track(`events|${p.id}`, { feed: 'events', nextChangeAt: v.nextChangeAt, reveal: (at) => viewEvent(p, at) });
    }
    return v.record;
  }

  private trackConsultation(p: ConsultationPlan, t: number) {
    const v = viewConsultation(p, t);
    const next = v ? v.nextChangeAt : p.announcedAt;
    if (next !== null) {
      this.track(`consultations|${p.id}`, { feed: 'consultations', nextChangeAt: next, reveal: (at) => viewConsultation(p, at) });
    }
    return v ? v.record : null;
  }

  private trackDispute(p: DisputePlan, t: number) {
    const v = viewDispute(p, t);
    if (v.nextChangeAt !== null) {
      this.track(`disputes|${p.id}`, { feed: 'disputes', nextChangeAt: v.nextChangeAt, reveal: (at) => viewDispute(p, at) });
    }
    return v.record;
  }

  // ---- personnel assessment -------------------------------------------------------------

  /** The nightly assessment: re-sends each person whose record changed. */
  private assessPersonnel(at: number, initial: boolean): void {
    const records = this.people
      .filter((p) => p.registeredAt <= at)
      .map((p) => assessPerson(p, this.handledBy.get(p.id) ?? [], p.leftAt !== null && p.leftAt < at ? p.leftAt : at, this.seed));
    if (initial) {
      this.putInChangeOrder('personnel', records);
      return;
    }
    const store = this.stores.personnel;
    for (const r of records) {
      const before = store.get(r.id) as typeof r | undefined;
      if (before && sameAssessment(before, r)) continue;
      store.put(r.id, r);
      this.changedAt = this.clock;
    }
  }

  // ---- live time ----------------------------------------------------------------------

  /**
   * Move the clock forward to t, generating what each minute brings as soon as the minute has
   * begun; each record appears once the clock reaches its own time. So at any clock t the feeds
   * hold exactly what happened by t — a day's records are all there at 23:59:59.999, which is
   * what a look back to that day counts.
   */
  advanceTo(t: number): void {
    if (t <= this.clock) return;
    const currentMinute = Math.floor(t / MINUTE);
    for (let k = this.lastMinute + 1; k <= currentMinute; k++) this.liveMinute(k);
    this.lastMinute = Math.max(this.lastMinute, currentMinute);
    this.clock = t;
    this.revealDue(t);
    if (this.risk.advanceTo(t, this.stores.riskPeriods, this.stores.warnings)) this.changedAt = t;
  }

  private liveMinute(k: number): void {
    const start = k * MINUTE;
    const rng = new Rng(hashSeed(this.seed, 'live', k));
    const intensity = intensityAt(start);
    // Reveal what is due before this minute's arrivals so change order follows time.
    this.clock = Math.max(this.clock, start);
    this.revealDue(start);
    for (let i = 0, n = rng.poisson((this.eventsPerDay * intensity) / 1440); i < n; i++) {
      const reportedAt = start + rng.next() * MINUTE;
      const p = planEvent(this.ctx, rng, '', reportedAt, pickPlace(this.ctx, rng), { dissatisfiedShare: 0.005 });
      p.id = this.eventIds.next(p.reportedAt);
      for (const h of p.handlers) this.noteHandler(h, p);
      this.track(`events|${p.id}`, { feed: 'events', nextChangeAt: p.reportedAt, reveal: (at) => viewEvent(p, at) });
    }
    for (let i = 0, n = rng.poisson((this.disputesPerDay * intensity) / 1440); i < n; i++) {
      const receivedAt = start + rng.next() * MINUTE;
      const p = planDispute(this.ctx, rng, this.disputeIds.next(receivedAt), receivedAt);
      this.track(`disputes|${p.id}`, { feed: 'disputes', nextChangeAt: p.receivedAt, reveal: (at) => viewDispute(p, at) });
    }
    const newFollowers = rng.poisson((12 * intensity) / 1440);
    if (newFollowers > 0 || localDate(start) !== localDate(start - MINUTE)) {
      this.followers.add(start, newFollowers);
      this.followersChangedAt = start;
      this.changedAt = start;
    }
    if (start - localMidnight(start) === 2 * HOUR) {
      this.nightlyRun(start, rng);
    }
  }

  /** 02:00: the personnel assessment runs and the coming days' sessions are planned. */
  private nightlyRun(at: number, rng: Rng): void {
    this.assessPersonnel(at, false);
    const sessions = rng.weighted([1, 2, 3], [3, 5, 2]);
    for (let i = 0; i < sessions; i++) {
      const day = localMidnight(at) + rng.int(3, 6) * DAY;
      const n = (this.consultationsPerDay.get(day) ?? 0) + 1;
      this.consultationsPerDay.set(day, n);
      const p = planConsultation(this.profile, rng, consultationId(day, n), day, rng.chance(0.96) ? 'agreed' : 'partlyAgreed');
      // Announced that morning by the community office.
      p.announcedAt = toSecond(at + rng.range(7, 9) * HOUR);
      this.track(`consultations|${p.id}`, { feed: 'consultations', nextChangeAt: p.announcedAt, reveal: (t) => viewConsultation(p, t) });
    }
  }

  private track(key: string, plan: OpenPlan): void {
    plan.order = this.tracked++;
    this.open.set(key, plan);
    this.due.push({ at: plan.nextChangeAt, order: plan.order, key });
  }

  private revealDue(t: number): void {
    // Each plan's change due by t, earliest first; an entry for a plan that moved on or left is stale.
    const due = this.due.popDue(t).flatMap((e) => {
      const o = this.open.get(e.key);
      return o && o.order === e.order && o.nextChangeAt === e.at ? [{ key: e.key, o }] : [];
    });
    for (const { key, o } of due) {
      const v = o.reveal(t);
      if (v) {
        const record = v.record as { id: string };
        this.stores[o.feed].put(record.id, record);
        this.changedAt = Math.max(this.changedAt, Math.min(t, o.nextChangeAt));
      }
      const next = v ? v.nextChangeAt : null;
      if (next === null) this.open.delete(key);
      else {
        o.nextChangeAt = next;
        this.due.push({ at: next, order: o.order!, key });
      }
    }
  }

  /** Add or replace a record as given; it leaves live generation (nothing overwrites it). */
  inject(feed: FeedName, record: unknown): void {
    const id = typeof record === 'object' && record !== null && typeof (record as { id?: unknown }).id === 'string'
      ? (record as { id: string }).id
      : `injected-${this.stores[feed].lastSeq + 1}`;
    this.open.delete(`${feed}|${id}`);
    this.stores[feed].put(id, record);
    this.changedAt = this.clock;
  }

  // ---- snapshots ------------------------------------------------------------------------

  towns(): Town[] {
    return contractTowns(this.profile);
  }

  divisions(): Divisions {
    return buildDivisions(this.profile, isoLocal(this.startedAt));
  }

  vocabulary(): Vocabulary {
    return STANDARD_VOCABULARY;
  }

  followersSnapshot(): Followers {
    return { asOf: isoLocal(this.followersChangedAt), series: this.followers.series() };
  }

  /** KPIs are recounted only when a feed or the follower count changed. */
  kpis(): Kpis {
    const version = `${FEED_NAMES.map((f) => this.stores[f].lastSeq).join('.')}|${this.followers.value}|${this.changedAt}`;
    if (this.kpiCache?.version !== version) {
      this.kpiCache = { version, kpis: countKpis(this.stores, this.followers.value, isoLocal(this.changedAt)) };
    }
    return this.kpiCache.kpis;
  }

  meta(): Meta {
    return {
      apiVersion: API_VERSION,
      district: { code: this.profile.code, name: this.profile.name },
      generatedAt: isoLocal(this.clock),
      feeds: [...FEED_NAMES],
      snapshots: [...SNAPSHOT_NAMES],
      computesLevels: this.computeLevels,
    };
  }
}

/** Delay acceptance and every later step by ms (whole seconds). */
function shiftFromAcceptance(p: EventPlan, ms: number): void {
  const shift = toSecond(ms) + 1000;
  p.acceptedAt += shift;
  p.dispatchedAt += shift;
  p.handledAt += shift;
  p.closedAt += shift;
  if (p.ratedAt !== null) p.ratedAt += shift;
}

function sessionsByDate(plans: ConsultationPlan[], now: number): Map<string, number> {
  const byDate = new Map<string, number>();
  for (const p of plans) {
    if (p.cancelledAt !== null || p.endedAt > now) continue;
    const date = localDate(p.scheduledAt);
    byDate.set(date, (byDate.get(date) ?? 0) + 1);
  }
  return byDate;
}

function sameAssessment(a: { active: boolean; score: number; metrics: object }, b: typeof a): boolean {
  return a.active === b.active && a.score === b.score && JSON.stringify(a.metrics) === JSON.stringify(b.metrics);
}

/** First index whose cumulative weight exceeds u. */
function upperBound(cumulative: number[], u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** End of the local clock hour containing ms (local hours align with UTC hours at +08:00). */
function localHourEnd(ms: number): number {
  return Math.floor(ms / HOUR) * HOUR + HOUR;
}
