import type { Consultation, ConsultationCategory } from '../../../shared/contract';
import { CONSULTATION_CATEGORIES } from '../../../shared/contract';
import type { DistrictProfile, TownProfile } from '../districts/types';
import { personName } from '../names';
import { Rng, hashSeed } from '../prng';
import { DAY, HOUR, MINUTE, isoLocal, localDate, localMidnight, localWeekday, toSecond } from '../time';
import { townByCode } from './context';
import type { Revealed } from './events';

/**
 * 云上板凳 sessions: announced a few days ahead, live-streamed, then ended with an outcome
 * and a replay. The default history holds exactly the profile's held and agreed sessions
 * (the article's 938 and 900).
 */

/** How far back the history of sessions (and of followers) goes. */
export const CONSULTATION_HISTORY_DAYS = 540;
const REPLAY_BASE = 'https://yunshangbandeng.example.cn/replay/';

const CATEGORY_WEIGHTS: Record<ConsultationCategory, number> = {
  wageArrears: 14, neighbourDispute: 20, marketOperation: 5, wasteSorting: 10, propertyMgmt: 16,
  elderlyCare: 8, parking: 10, renovation: 11, other: 6,
};

const TOPICS: Record<ConsultationCategory, string[]> = {
  wageArrears: ['企业欠薪问题协商会', '工程款拖欠农民工工资协商', '劳务纠纷云上调解'],
  neighbourDispute: ['邻里噪音纠纷云上调解', '楼道堆物邻里协商', '相邻采光纠纷议事会'],
  marketOperation: ['菜场摊位租金调整议事', '农贸市场早市秩序评议'],
  wasteSorting: ['垃圾分类桶边督导协商', '垃圾分类定时定点投放议事'],
  propertyMgmt: ['小区物业选聘议事会', '物业服务费调整协商', '小区公共收益使用议事'],
  elderlyCare: ['居家养老服务中心运营议事', '老年食堂就餐协商'],
  parking: ['小区停车位分配协商', '非机动车棚建设议事'],
  renovation: ['老旧小区加装电梯协商', '老旧小区改造方案评议'],
  other: ['社区公共空间改造议事', '口袋公园建设意见征集'],
};

/** Invited experts (专家评议) suited to the topic. */
const EXPERT_TITLES: Record<ConsultationCategory, string[]> = {
  wageArrears: ['区人力社保局劳动监察员', '执业律师', '劳动争议仲裁员'],
  neighbourDispute: ['人民调解员', '执业律师', '社区法律顾问'],
  marketOperation: ['区市场监管局专家', '农贸市场运营顾问', '人大代表'],
  wasteSorting: ['垃圾分类指导员', '区城管局专家', '妇联执委'],
  propertyMgmt: ['物业管理专家', '执业律师', '区住建局专家'],
  elderlyCare: ['区民政局专家', '养老服务机构负责人', '社区医生'],
  parking: ['交警中队民警', '规划设计师', '人大代表'],
  renovation: ['规划设计师', '区住建局专家', '电梯安全工程师'],
  other: ['社区营造顾问', '高校社会学教师', '政协委员'],
};

const SLOTS_MIN = [9 * 60 + 30, 10 * 60, 14 * 60, 14 * 60 + 30, 15 * 60, 19 * 60, 19 * 60 + 30];

export interface ConsultationPlan {
  id: string;
  topic: string;
  category: ConsultationCategory;
  townCode: string;
  community: string;
  /** When it first appears in the feed. */
  announcedAt: number;
  scheduledAt: number;
  startedAt: number;
  endedAt: number;
  cancelledAt: number | null;
  peakViewers: number;
  totalViewers: number;
  experts: string[];
  outcome: NonNullable<Consultation['outcome']>;
}

export function planConsultation(
  profile: DistrictProfile,
  rng: Rng,
  id: string,
  day: number,
  outcome: ConsultationPlan['outcome'],
  fixed?: { town: TownProfile; community: string; category: ConsultationCategory; topic: string; slotMin?: number },
): ConsultationPlan {
  const town =
    fixed?.town ??
    rng.weighted(profile.towns, profile.towns.map((t) => t.population * (t.code === profile.consultationHubTown ? 2.5 : 1)));
  const community = fixed?.community ?? rng.pick(town.communities).name;
  const category = fixed?.category ?? rng.weighted(CONSULTATION_CATEGORIES, CONSULTATION_CATEGORIES.map((c) => CATEGORY_WEIGHTS[c]));
  const topic = fixed?.topic ?? `${community}${rng.pick(TOPICS[category])}`;
  const scheduledAt = day + (fixed?.slotMin ?? rng.pick(SLOTS_MIN)) * MINUTE;
  const startedAt = toSecond(scheduledAt + rng.range(0, 5) * MINUTE);
  const peakViewers = Math.round(rng.logNormal(180, 0.7));
  const titles = EXPERT_TITLES[category];
  const experts = rng.sample(titles.length, rng.weighted([0, 1, 2, 3], [2, 4, 3, 1])).map((i) => `${personName(rng)}（${titles[i]}）`);
  return {
    id,
    topic,
    category,
    townCode: town.code,
    community,
    // Announced by the community office a few days ahead, in office hours.
    announcedAt: toSecond(localMidnight(scheduledAt) - rng.int(2, 6) * DAY + rng.range(8.5, 17.5) * HOUR),
    scheduledAt,
    startedAt,
    endedAt: toSecond(startedAt + rng.range(45, 120) * MINUTE),
    cancelledAt: null,
    peakViewers,
    totalViewers: Math.round(peakViewers * rng.range(2.5, 6)),
    experts,
    outcome,
  };
}

/** Live sessions report their peak audience every 15 minutes. */
const VIEWER_STEP_MS = 15 * MINUTE;

export function viewConsultation(p: ConsultationPlan, t: number): Revealed<Consultation> | null {
  if (t < p.announcedAt) return null;
  const base = {
    id: p.id,
    topic: p.topic,
    category: p.category,
    townCode: p.townCode,
    community: p.community,
    scheduledAt: isoLocal(p.scheduledAt),
  };
  if (p.cancelledAt !== null && t >= p.cancelledAt) {
    return {
      record: { ...base, startedAt: null, endedAt: null, status: 'cancelled', viewers: 0, experts: p.experts,
        outcome: null, replayUrl: null, updatedAt: isoLocal(p.cancelledAt) },
      nextChangeAt: null,
    };
  }
  if (t < p.startedAt) {
    return {
      record: { ...base, startedAt: null, endedAt: null, status: 'scheduled', viewers: 0, experts: p.experts,
        outcome: null, replayUrl: null, updatedAt: isoLocal(p.announcedAt) },
      nextChangeAt: p.cancelledAt ?? p.startedAt,
    };
  }
  if (t < p.endedAt) {
    const steps = Math.floor((t - p.startedAt) / VIEWER_STEP_MS);
    const stepAt = p.startedAt + steps * VIEWER_STEP_MS;
    const share = Math.min(1, (stepAt - p.startedAt + VIEWER_STEP_MS) / (p.endedAt - p.startedAt));
    return {
      record: { ...base, startedAt: isoLocal(p.startedAt), endedAt: null, status: 'live',
        viewers: Math.round(p.peakViewers * Math.sqrt(share)), experts: p.experts, outcome: null, replayUrl: null,
        updatedAt: isoLocal(stepAt) },
      nextChangeAt: Math.min(p.endedAt, stepAt + VIEWER_STEP_MS),
    };
  }
  return {
    record: { ...base, startedAt: isoLocal(p.startedAt), endedAt: isoLocal(p.endedAt), status: 'ended',
      viewers: p.totalViewers, experts: p.experts, outcome: p.outcome, replayUrl: `${REPLAY_BASE}${p.id}`,
      updatedAt: isoLocal(p.endedAt) },
    nextChangeAt: null,
  };
}

export function consultationId(day: number, n: number): string {
  return `YSBD${localDate(day).replaceAll('-', '')}${String(n).padStart(2, '0')}`;
}

/**
 * The default history: exactly the profile's held sessions (and agreed ones) over the last
 * 540 days, its showcase sessions among them, a few cancelled, one live now if it is daytime, and
 * some announced for the coming days.
 */
export function planConsultationHistory(profile: DistrictProfile, seed: number, now: number): ConsultationPlan[] {
  const rng = new Rng(hashSeed(seed, 'consultations'));
  const today = localMidnight(now);
  const firstDay = today - CONSULTATION_HISTORY_DAYS * DAY;
  // Days for the held sessions: weekdays twice as likely; busier lately as the platform grew.
  const days: number[] = [];
  const dayWeights: number[] = [];
  for (let d = firstDay; d < today; d += DAY) {
    const wd = localWeekday(d + 12 * HOUR);
    days.push(d);
    dayWeights.push((wd === 0 || wd === 6 ? 0.5 : 1) * (0.6 + (0.8 * (d - firstDay)) / (today - firstDay)));
  }
  const { consultationsHeld: held, consultationsAgreed: agreed } = profile.figures;
  const chosenDays = Array.from({ length: held }, () => rng.weighted(days, dayWeights)).sort((a, b) => a - b);
  const featured = new Map<number, Parameters<typeof planConsultation>[5]>(
    profile.showcaseConsultations.map((c) => [
      Math.min(held - 1, Math.floor(held * c.position)),
      { town: townByCode(profile, c.townCode), community: c.community, category: c.category, topic: c.topic, slotMin: c.slotMin },
    ]),
  );
  // Exactly held − agreed sessions end without full agreement; never a showcase one.
  const notAgreed = new Set<number>();
  while (notAgreed.size < held - agreed) {
    const i = rng.int(0, held - 1);
    if (!featured.has(i)) notAgreed.add(i);
  }
  const perDay = new Map<number, number>();
  const nextId = (day: number) => {
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    return consultationId(day, n);
  };
  const plans: ConsultationPlan[] = chosenDays.map((day, i) => {
    const outcome = notAgreed.has(i) ? (rng.chance(0.68) ? 'partlyAgreed' : 'notAgreed') : 'agreed';
    return planConsultation(profile, rng, nextId(day), day, outcome, featured.get(i));
  });
  // A handful were called off (cancelled) before they started: not counted as held.
  for (let i = 0; i < 7; i++) {
    const day = rng.pick(days);
    const p = planConsultation(profile, rng, nextId(day), day, 'agreed');
    p.cancelledAt = toSecond(p.scheduledAt - rng.range(2, 30) * HOUR);
    plans.push(p);
  }
  // Upcoming sessions, and one under way if it is daytime now.
  for (let i = 1; i <= 6; i++) plans.push(planConsultation(profile, rng, nextId(today + i * DAY), today + i * DAY, rng.chance(0.96) ? 'agreed' : 'partlyAgreed'));
  const hour = (now - today) / HOUR;
  if (hour >= 9 && hour < 20) {
    const p = planConsultation(profile, rng, nextId(today), today, 'agreed');
    const scheduledAt = Math.floor((now - 20 * MINUTE) / (30 * MINUTE)) * 30 * MINUTE;
    const startedAt = scheduledAt + 2 * MINUTE;
    Object.assign(p, { scheduledAt, startedAt, endedAt: startedAt + 80 * MINUTE, announcedAt: localMidnight(now) - 3 * DAY + 10 * HOUR });
    plans.push(p);
  }
  return plans;
}
