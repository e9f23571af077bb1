import type { DistrictEvent, EventType } from '../../../shared/contract';
import { EVENT_TYPES } from '../../../shared/contract';
import type { DepartmentKind, ShowcaseEvent, TownProfile } from '../districts/types';
import type { Rng } from '../prng';
import { HOUR, MINUTE, isoLocal, localDate, toSecond, withinHours } from '../time';
import { type SimContext, townByCode } from './context';

/**
 * 基层治理四平台 events. Each event is planned whole when it is reported (every step's time,
 * departments, handlers, rating) and revealed step by step as simulated time passes: the
 * feed shows only what has happened by then.
 */

/** Acceptance time limit (受理时限). Planned acceptance never exceeds it: the article's 0%. */
export const ACCEPT_LIMIT_MS = 30 * MINUTE;
const ACCEPT_MAX_MS = 25 * MINUTE;

interface TypeRule {
  departments: DepartmentKind[];
  /** Median and spread of dispatch → handled, hours. */
  handleMedianH: number;
  /** Handling time limit from acceptance, hours. */
  limitH: number;
  titles: string[];
}

const TYPE_RULES: Record<EventType, TypeRule> = {
  dispute: { departments: ['justice'], handleMedianH: 6, limitH: 72,
    titles: ['楼上楼下噪音扰民纠纷', '邻里漏水赔偿纠纷', '相邻通道占用纠纷', '宠物扰民引发邻里矛盾', '装修施工扰民纠纷'] },
  rental: { departments: ['justice', 'police'], handleMedianH: 4, limitH: 48,
    titles: ['出租房押金退还纠纷', '租赁合同提前解约争议', '出租房屋维修费用争议', '群租房退租纠纷'] },
  propertyMgmt: { departments: ['construction'], handleMedianH: 20, limitH: 168,
    titles: ['小区电梯故障维修不及时', '物业费收缴争议', '小区公共收益分配争议', '地下车库渗水未处理', '小区门禁损坏'] },
  wageArrears: { departments: ['labour', 'justice'], handleMedianH: 40, limitH: 240,
    titles: ['工地农民工工资拖欠', '企业拖欠员工工资', '外包工程款拖欠引发欠薪', '服装加工厂拖欠计件工资'] },
  environment: { departments: ['ecology', 'enforcement'], handleMedianH: 18, limitH: 168,
    titles: ['企业废气异味扰民', '河道漂浮物及水质发黑', '夜间施工噪声超标', '露天焚烧垃圾', '养殖污水直排'] },
  cityAppearance: { departments: ['enforcement'], handleMedianH: 3, limitH: 24,
    titles: ['占道经营', '乱堆乱放', '违规户外广告', '垃圾桶满溢未清运', '共享单车乱停放'] },
  safetyHazard: { departments: ['emergency', 'market'], handleMedianH: 10, limitH: 72,
    titles: ['电动自行车楼道充电', '消防通道堵塞', '厂房违规住人（“三合一”）', '燃气管道老化', '仓库消防设施缺失', '工地临边防护缺失'] },
  trafficOrder: { departments: ['police'], handleMedianH: 2, limitH: 24,
    titles: ['路口车辆乱停占道', '学校周边接送拥堵', '非机动车逆行频发', '货车违停影响通行'] },
  petition: { departments: ['petition'], handleMedianH: 96, limitH: 360,
    titles: ['反映征迁补偿问题', '反映老旧小区改造进度', '反映社保待遇问题', '反映历史遗留产权问题'] },
  other: { departments: ['enforcement'], handleMedianH: 8, limitH: 72,
    titles: ['流浪犬伤人隐患', '路灯损坏', '窨井盖缺失', '独居老人求助'] },
};

const SOURCES = ['grid', 'hotline', 'app', 'patrol', 'walkIn'] as const;
/** How each type usually reaches the platform: grid workers find most, residents phone 12345. */
const SOURCE_WEIGHTS: Record<EventType, number[]> = {
  dispute: [45, 25, 10, 5, 15],
  rental: [40, 30, 15, 5, 10],
  propertyMgmt: [30, 40, 25, 0, 5],
  wageArrears: [25, 35, 10, 5, 25],
  environment: [30, 35, 25, 10, 0],
  cityAppearance: [55, 15, 10, 20, 0],
  safetyHazard: [55, 15, 10, 20, 0],
  trafficOrder: [35, 25, 10, 30, 0],
  petition: [10, 30, 20, 0, 40],
  other: [45, 30, 15, 5, 5],
};

/** An event with every step planned; times in epoch ms, null when the step never comes. */
export interface EventPlan {
  id: string;
  type: EventType;
  title: string;
  townCode: string;
  community: string;
  source: DistrictEvent['source'];
  reportedAt: number;
  acceptedAt: number;
  dispatchedAt: number;
  handledAt: number;
  closedAt: number;
  ratedAt: number | null;
  departments: string[];
  handlers: string[];
  handleLimitMs: number;
  satisfaction: 'satisfied' | 'basicallySatisfied' | 'dissatisfied' | null;
}

export interface PlanOptions {
  /** Share of rated events that are dissatisfied (0 in the default history). */
  dissatisfiedShare: number;
}

/** Pick a town (by volume) and a community in it. */
export function pickPlace(ctx: SimContext, rng: Rng): { town: TownProfile; community: string } {
  const town = rng.weighted(ctx.profile.towns, ctx.townWeights);
  const community = rng.weighted(
    town.communities.map((c) => c.name),
    town.communities.map((c) => (c.kind === '社区' ? 1.2 : 0.8)),
  );
  return { town, community };
}

export function planEvent(
  ctx: SimContext,
  rng: Rng,
  id: string,
  reportedAt: number,
  place: { town: TownProfile; community: string },
  options: PlanOptions,
): EventPlan {
  const { town, community } = place;
  const type = rng.weighted(EVENT_TYPES, EVENT_TYPES.map((t) => town.eventMix[t]));
  const rule = TYPE_RULES[type];
  const acceptedAt = reportedAt + Math.min(ACCEPT_MAX_MS, Math.max(30_000, rng.logNormal(4 * MINUTE, 0.6)));
  const dispatchedAt = acceptedAt + Math.min(3 * HOUR, Math.max(MINUTE, rng.logNormal(12 * MINUTE, 0.7)));
  // Long tails exist, but nothing stays open far past its limit: supervision escalates it.
  const handling = Math.min(1.5 * rule.limitH * HOUR, Math.max(10 * MINUTE, rng.logNormal(rule.handleMedianH * HOUR, 0.9)));
  // Departments handle in the daytime; police, emergency and enforcement also at night.
  const nightShift = rule.departments[0] === 'police' || rule.departments[0] === 'emergency' || rule.departments[0] === 'enforcement';
  const handledRaw = dispatchedAt + handling;
  const handledAt = nightShift && rng.chance(0.4) ? handledRaw : withinHours(handledRaw, 8, 20.5, rng.range(0, 2.5) * HOUR);
  // The platform's staff close cases (结案) in office hours; residents rate from 7 to 23.
  const closedAt = withinHours(handledAt + Math.max(5 * MINUTE, rng.logNormal(90 * MINUTE, 0.8)), 8, 21, rng.range(0, 2) * HOUR);
  const rated = rng.chance(0.82);
  const ratedAt = rated ? withinHours(closedAt + Math.max(10 * MINUTE, rng.logNormal(6 * HOUR, 1)), 7, 23, rng.range(0, 3) * HOUR) : null;
  const kinds = rule.departments.length > 1 && rng.chance(0.45) ? rule.departments : rule.departments.slice(0, 1);
  const handlers = pickHandlers(ctx, rng, town.code, community, kinds, type);
  const satisfaction = !rated
    ? null
    : rng.chance(options.dissatisfiedShare)
      ? 'dissatisfied'
      : rng.chance(0.9)
        ? 'satisfied'
        : 'basicallySatisfied';
  return {
    id,
    type,
    title: `${community}${rng.pick(rule.titles)}`,
    townCode: town.code,
    community,
    source: rng.weighted(SOURCES, SOURCE_WEIGHTS[type]),
    reportedAt: toSecond(reportedAt),
    acceptedAt: toSecond(acceptedAt),
    dispatchedAt: toSecond(dispatchedAt),
    handledAt: toSecond(handledAt),
    closedAt: toSecond(closedAt),
    ratedAt: ratedAt === null ? null : toSecond(ratedAt),
    departments: kinds.map((k) => ctx.profile.departmentName(town, k)),
    handlers,
    handleLimitMs: rule.limitH * HOUR,
    satisfaction,
  };
}

function pickHandlers(
  ctx: SimContext,
  rng: Rng,
  townCode: string,
  community: string,
  kinds: DepartmentKind[],
  type: EventType,
): string[] {
  const ids: string[] = [];
  kinds.forEach((kind, i) => {
    const pool = ctx.staff.dispatched(townCode, kind);
    const n = i === 0 && rng.chance(0.35) ? 2 : 1;
    for (const idx of rng.sample(pool.length, n)) ids.push(pool[idx]);
  });
  const grid = ctx.staff.gridWorkers(townCode, community);
  if (grid.length && rng.chance(0.75)) ids.push(rng.pick(grid));
  const head = ctx.staff.securityHead(townCode, community);
  if (head && (type === 'dispute' || type === 'rental') && rng.chance(0.4)) ids.push(head);
  return ids;
}

/**
 * A showcase event as told (the article's 龙船坞社区 rental dispute): the department's staff,
 * the community's 治保主任 and a grid worker settle it within `minutesToClose`.
 */
export function planShowcaseEvent(ctx: SimContext, spec: ShowcaseEvent, id: string, reportedAt: number): EventPlan {
  const town = townByCode(ctx.profile, spec.townCode);
  const handlers = [
    ctx.staff.dispatched(town.code, spec.department)[0],
    ctx.staff.securityHead(town.code, spec.community),
    ctx.staff.gridWorkers(town.code, spec.community)[0],
  ].filter((x): x is string => Boolean(x));
  const acceptedAt = reportedAt + 2 * MINUTE;
  const closedAt = acceptedAt + spec.minutesToClose * MINUTE;
  return {
    id,
    type: spec.type,
    title: spec.title,
    townCode: town.code,
    community: spec.community,
    source: 'grid',
    reportedAt,
    acceptedAt,
    dispatchedAt: acceptedAt + 3 * MINUTE,
    handledAt: closedAt - 4 * MINUTE,
    closedAt,
    ratedAt: closedAt + 2.5 * HOUR,
    departments: [ctx.profile.departmentName(town, spec.department), spec.community],
    handlers,
    handleLimitMs: TYPE_RULES[spec.type].limitH * HOUR,
    satisfaction: 'satisfied',
  };
}

export interface Revealed<T> {
  record: T;
  /** Next time the record will change, or null when it never will again. */
  nextChangeAt: number | null;
}

/** The event as the feed shows it at time t (t ≥ reportedAt). */
export function viewEvent(p: EventPlan, t: number): Revealed<DistrictEvent> {
  const at = (x: number | null) => (x !== null && x <= t ? x : null);
  const acceptedAt = at(p.acceptedAt);
  const dispatchedAt = at(p.dispatchedAt);
  const handledAt = at(p.handledAt);
  const closedAt = at(p.closedAt);
  const ratedAt = at(p.ratedAt);
  const status: DistrictEvent['status'] = ratedAt
    ? 'rated'
    : closedAt
      ? 'closed'
      : handledAt
        ? 'handled'
        : dispatchedAt
          ? 'dispatched'
          : acceptedAt
            ? 'accepted'
            : 'reported';
  // Overdue once the limit has passed without closing; that moment is itself a change.
  const overdueAt = p.acceptedAt + p.handleLimitMs;
  const handleOverdue = p.closedAt > overdueAt && t >= overdueAt;
  const changes = [p.acceptedAt, p.dispatchedAt, p.handledAt, p.closedAt, p.ratedAt, p.closedAt > overdueAt ? overdueAt : null]
    .filter((x): x is number => x !== null);
  const past = changes.filter((x) => x <= t);
  const future = changes.filter((x) => x > t);
  const updatedAt = Math.max(p.reportedAt, ...past);
  return {
    record: {
      id: p.id,
      type: p.type,
      title: p.title,
      townCode: p.townCode,
      community: p.community,
      source: p.source,
      status,
      reportedAt: isoLocal(p.reportedAt),
      acceptedAt: acceptedAt === null ? null : isoLocal(acceptedAt),
      dispatchedAt: dispatchedAt === null ? null : isoLocal(dispatchedAt),
      handledAt: handledAt === null ? null : isoLocal(handledAt),
      closedAt: closedAt === null ? null : isoLocal(closedAt),
      departments: dispatchedAt === null ? [] : p.departments,
      handlers: dispatchedAt === null ? [] : p.handlers,
      acceptOverdue: acceptedAt !== null ? acceptedAt - p.reportedAt > ACCEPT_LIMIT_MS : t - p.reportedAt > ACCEPT_LIMIT_MS,
      handleOverdue,
      satisfaction: ratedAt === null ? null : p.satisfaction,
      updatedAt: isoLocal(updatedAt),
    },
    nextChangeAt: future.length ? Math.min(...future) : null,
  };
}

/** Event ids: SJ + local date + a per-day number, as a 四平台 numbers its cases. */
export class EventIds {
  private readonly perDay = new Map<string, number>();

  next(reportedAt: number): string {
    const date = localDate(reportedAt);
    const n = (this.perDay.get(date) ?? 0) + 1;
    this.perDay.set(date, n);
    return `SJ${date.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
  }
}
