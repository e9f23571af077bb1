import type { IndicatorId, IndicatorValues, Level, RiskPeriod, Town, Warning } from '../../shared/contract';
import { INDICATOR_IDS, STANDARD_VOCABULARY } from '../../shared/contract';
import { addDays } from '../../shared/districtTime';
import { DEFAULT_RISK_MODEL, assessHistory, severity } from '../../shared/risk';
import { Rng, hashSeed } from './prng';
import type { StoryRole } from './districts/types';
import { DAY, HOUR, MINUTE, SIM_TIME, isoLocal } from './time';

/**
 * The simulated district's 五色图 history: weekly indicator values per town and the warnings
 * issued on them, including the article's 星桥街道 story (telecom fraud → orange warning →
 * rectification → lower level). The story sits at fixed weeks around an anchor (the
 * simulator's start): as the clock moves on, new weeks are added and the story's later steps
 * happen, but a week already told never changes — looking back at a week and replaying a range
 * of weeks see the same story live time showed. Deterministic for (seed, anchor, now).
 */

export interface RiskStoryInput {
  seed: number;
  /** Where the story is anchored: the week containing it is the history's last default week. */
  anchor: Date;
  /** The clock: weeks up to the one containing it, and only what has happened by then. Default: the anchor. */
  now?: Date;
  towns: Town[];
  /** Community names per town code, used to name the communities a warning concerns. */
  communitiesByTown: Record<string, string[]>;
  /** The town each episode happens in (the district profile's storyCast). */
  cast: Record<StoryRole, string>;
  /** Weeks of history ending with the week containing the anchor; default 26. */
  weeks?: number;
  /** Fill scores and levels with the engine (a source that computes its own levels). */
  computeLevels: boolean;
}

/**
 * Typical weekly count per 10,000 residents, or the district's typical rate in % (food sampling
 * failures). Good air-quality days are drawn per day instead (see goodAirProbability).
 */
const TYPICAL: Record<Exclude<IndicatorId, 'airQualityGoodRate'>, number> = {
  instabilityFactors: 0.02,
  escalatedPetitions: 0.03,
  criminalCases: 0.7,
  telecomFraud: 0.15,
  disputes: 1.5,
  productionAccidents: 0.015,
  fires: 0.05,
  trafficAccidents: 0.35,
  foodSamplingFailRate: 2.5,
  drugComplaints: 0.04,
  environmentComplaints: 0.4,
};

/**
 * Seasonal factor for a day of the year: peaks at `peakDay` with ±`amplitude`. Fires and bad
 * air peak in winter (heating, dry air, inversions), food failures and environmental
 * complaints in summer (heat, odours, noise), disputes before the Spring Festival (wages).
 */
const SEASON: Partial<Record<IndicatorId, { peakDay: number; amplitude: number }>> = {
  fires: { peakDay: 15, amplitude: 0.35 },
  foodSamplingFailRate: { peakDay: 200, amplitude: 0.3 },
  drugComplaints: { peakDay: 200, amplitude: 0.1 },
  environmentComplaints: { peakDay: 200, amplitude: 0.25 },
  disputes: { peakDay: 20, amplitude: 0.1 },
  trafficAccidents: { peakDay: 30, amplitude: 0.1 },
};

function dayOfYear(isoDate: string): number {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  return Math.floor((t - Date.UTC(new Date(t).getUTCFullYear(), 0, 1)) / DAY);
}

function seasonal(id: IndicatorId, isoDate: string): number {
  const s = SEASON[id];
  if (!s) return 1;
  return 1 + s.amplitude * Math.cos((2 * Math.PI * (dayOfYear(isoDate) - s.peakDay)) / 365);
}

/** Share of good-air days: ~88 % in summer, ~70 % in winter (Hangzhou's pattern). */
function goodAirProbability(isoDate: string): number {
  return 0.79 + 0.09 * Math.cos((2 * Math.PI * (dayOfYear(isoDate) - 200)) / 365);
}

/** An episode multiplies a town's expected values by week (index 0 = the oldest week). */
type Episode = (weekIndex: number) => Partial<Record<IndicatorId, number>>;

/** The engine's level of a town in a week (by index): warnings follow what the map showed. */
type LevelOf = (townCode: string, weekIndex: number) => Level;

/** A warning with every step it will ever take; `warning()` tells it as of an instant. */
interface Told {
  base: Parameters<typeof warning>[0];
  steps: Parameters<typeof warning>[1];
}

interface Story {
  episodes: Map<string, Episode[]>;
  /** The warnings issued, once the weeks have been generated and assessed. */
  warnings: (levelOf: LevelOf) => Told[];
}

function told(base: Told['base'], steps: Told['steps']): Told {
  return { base, steps };
}

/** First week index in [from, to] satisfying `ok`, else `fallback` (kept inside [0, to]). */
function firstWeek(from: number, to: number, ok: (w: number) => boolean, fallback: number): number {
  for (let w = Math.max(0, from); w <= to; w++) if (ok(w)) return w;
  return Math.max(0, Math.min(to, fallback));
}

/** Town by name (the article's story), falling back to a position so any district works. */
function castTown(towns: Town[], cast: Record<StoryRole, string>, role: StoryRole): Town {
  const town = towns.find((t) => t.code === cast[role]);
  if (!town) throw new Error(`risk story: the profile casts "${role}" in town ${cast[role]}, which the district does not have`);
  return town;
}

/** Monday 10:00 local time of the week after `weekStart`: when a week's 五色图 is issued. */
function issueTime(weekStart: string): number {
  return Date.parse(`${addDays(weekStart, 7)}T10:00:00+08:00`);
}

/** Builds a warning whose history stops at `now` (later steps have not happened yet). */
function warning(
  base: Omit<Warning, 'status' | 'history' | 'updatedAt' | 'issuedAt' | 'jointSupervision'> & {
    jointSupervision?: { departments: string[]; startedAt: number; note?: string };
  },
  steps: Array<{ status: Warning['status']; at: number; note: string }>,
  now: number,
): Warning | null {
  const happened = steps.filter((s) => s.at <= now);
  if (happened.length === 0) return null;
  const last = happened[happened.length - 1];
  const { jointSupervision, ...rest } = base;
  return {
    ...rest,
    issuedAt: isoLocal(happened[0].at),
    status: last.status,
    history: happened.map((s) => ({ status: s.status, at: isoLocal(s.at), note: s.note })),
    ...(jointSupervision && jointSupervision.startedAt <= now
      ? { jointSupervision: { ...jointSupervision, startedAt: isoLocal(jointSupervision.startedAt) } }
      : {}),
    updatedAt: isoLocal(last.at),
  };
}

/**
 * Every week's episode multipliers and the warnings issued on them. Week indices count from the
 * history's first week; `anchor` is the index of the anchor's week. Searches for a week stop at
 * the anchor, so the story told up to it never depends on how far the clock has moved since;
 * steps after the anchor are at fixed weeks and simply have not happened yet until the clock
 * passes them.
 */
function buildStory(
  towns: Town[],
  communitiesByTown: Record<string, string[]>,
  cast: Record<StoryRole, string>,
  weekStartAt: (w: number) => string,
  anchor: number,
  anchorAt: number,
): Story {
  const last = anchor;
  const at = (weeksAgo: number) => Math.max(0, Math.min(last, last - weeksAgo));
  const episodes = new Map<string, Episode[]>();
  const add = (town: Town, e: Episode) => episodes.set(town.code, [...(episodes.get(town.code) ?? []), e]);
  const warnings: Array<(levelOf: LevelOf) => Told> = [];

  // 星桥街道: telecom fraud rises sharply about 20 weeks ago, concentrated in 4 communities
  // with the 都市产业园 the highest share; the orange warning leads to rectification and the
  // level falls back. Fraud is also counted in 刑事警情, so criminal cases rise with it.
  const xq = castTown(towns, cast, 'telecomFraud');
  const fraud = [1.8, 3.4, 4.6, 5.0, 5.0, 4.6, 4.2, 3.5, 2.6, 1.9, 1.4, 1.1];
  const fraudStart = at(20);
  add(xq, (w) => {
    const k = w - fraudStart;
    const m = k >= 0 && k < fraud.length ? fraud[k] : k >= fraud.length ? 0.75 : 1;
    // How far into the episode's peak this week is, 0–1: the side effects follow it.
    const heat = Math.max(0, (m - 1) / 4);
    return {
      telecomFraud: m,
      criminalCases: 1 + 0.5 * heat,
      disputes: 1 + 0.4 * heat,
      escalatedPetitions: 1 + 1.2 * heat,
      productionAccidents: 1 + 1.2 * heat,
      fires: 1 + 0.8 * heat,
      environmentComplaints: 1 + 0.3 * heat,
    };
  });
  const xqCommunities = pickCommunities(communitiesByTown[xq.code] ?? [], 4);
  warnings.push((levelOf) => {
    // Issued on the first week the engine coloured 星桥 orange; closed once it is back to blue.
    const orangeWeek = firstWeek(fraudStart, last, (w) => severity(levelOf(xq.code, w)) >= severity('orange'), at(18));
    const blueWeek = firstWeek(orangeWeek + 4, last, (w) => severity(levelOf(xq.code, w)) <= severity('blue'), at(9));
    const xqIssued = issueTime(weekStartAt(orangeWeek));
    return told(
      {
        id: `w-${xq.code}-${weekStartAt(orangeWeek)}-fraud`,
        townCode: xq.code,
        level: 'orange',
        kind: 'assessed',
        dimension: 'publicOrder',
        indicator: 'telecomFraud',
        title: `${xq.name}平安建设“五色图”橙色预警：电信网络诈骗案件高发`,
        causeAnalysis:
          '从发案地区分析,4个社区案件高发,其中工业园区发案占比最高。目前都市产业园区域防诈工作管理主体无法明确,相关宣传力度偏小,问题整改较难,需对责任主体进行明确。',
        rectification:
          '明确都市产业园区域防诈工作责任主体，落实园区企业和物业的防范责任；加强反诈宣传，进企业、进宿舍、进社区开展集中宣传，推广国家反诈中心App；对4个高发社区开展重点劝阻和回访，每周研判发案情况。',
        communities: xqCommunities,
      },
      [
        { status: 'open', at: xqIssued, note: '区平安办下发橙色预警，要求街道开展原因自查。' },
        { status: 'rectifying', at: xqIssued + 2 * DAY + 6 * HOUR, note: '街道完成原因自查，报送整改方案：明确园区防诈管理主体，开展集中宣传。' },
        { status: 'rectifying', at: xqIssued + 21 * DAY + 3 * HOUR, note: '园区防诈工作由街道平安办牵头、园区管委会落实，宣传覆盖企业员工。' },
        { status: 'closed', at: issueTime(weekStartAt(blueWeek)) + 5 * HOUR, note: '发案持续回落，风险等级降为蓝色，预警销号。' },
      ],
    );
  });

  // 乔司街道: a warehouse fire with a chemical spill about 11 weeks ago — production and
  // ecology up together, petitions and disputes over compensation — red, joint supervision.
  const qs = castTown(towns, cast, 'warehouseFire');
  const fireStart = at(11);
  const fireShape = [3.0, 4.2, 4.2, 3.4, 2.4, 1.5];
  add(qs, (w) => {
    const k = w - fireStart;
    if (k < 0 || k >= fireShape.length) return {};
    const m = fireShape[k];
    return {
      productionAccidents: m * 2,
      fires: m * 2.5,
      environmentComplaints: m * 1.5,
      airQualityGoodRate: 0.8,
      escalatedPetitions: m * 1.5,
      instabilityFactors: m,
      disputes: 1 + (m - 1) * 0.7,
      criminalCases: 1.5,
      trafficAccidents: 1.3,
    };
  });
  warnings.push((levelOf) => {
    // Issued on the first red week (the peak if the noise kept it just short of red).
    const episodeEnd = Math.min(last, fireStart + fireShape.length);
    const peak = firstWeek(fireStart, episodeEnd, (w) => levelOf(qs.code, w) === 'red', fireStart + 2);
    const calm = firstWeek(peak + 1, last, (w) => severity(levelOf(qs.code, w)) <= severity('yellow'), at(5));
    const qsIssued = issueTime(weekStartAt(peak));
    return told(
      {
        id: `w-${qs.code}-${weekStartAt(peak)}-safety`,
        townCode: qs.code,
        level: 'red',
        kind: 'assessed',
        dimension: 'production',
        indicator: 'fires',
        title: `${qs.name}平安建设“五色图”红色预警：仓储企业火灾及次生环境问题`,
        causeAnalysis:
          '辖区一仓储企业发生火灾并伴有化学品泄漏，当周火灾和生产安全事故明显高于基线，周边环境投诉和越级信访随之上升。小微仓储企业消防安全主体责任落实不到位，违规存放危化品问题突出。',
        rectification:
          '开展仓储企业消防和危化品专项整治；落实企业安全生产主体责任；做好周边群众诉求回应和补偿协商，防止矛盾升级；加强环境监测并公开结果。',
        communities: pickCommunities(communitiesByTown[qs.code] ?? [], 2),
        jointSupervision: {
          departments: ['区应急管理局', '区消防救援大队', '区生态环境分局', '区信访局'],
          startedAt: qsIssued + DAY,
          note: '多部门联合督导组进驻，每周通报整改进度。',
        },
      },
      [
        { status: 'open', at: qsIssued, note: '区平安办下发红色预警，启动多部门联合督导。' },
        { status: 'rectifying', at: qsIssued + DAY + 2 * HOUR, note: '联合督导组进驻，专项整治开始。' },
        { status: 'closed', at: issueTime(weekStartAt(calm)) + 4 * HOUR, note: '整治验收通过，风险等级回落，预警销号。' },
      ],
    );
  });

  // 点穴式 targeted warnings for towns at medium or low risk.
  const yh = castTown(towns, cast, 'riverOdour');
  const odourStart = at(16);
  add(yh, (w) => (w >= odourStart && w < odourStart + 3 ? { environmentComplaints: 2.6 } : {}));
  const yhIssued = issueTime(weekStartAt(odourStart));
  warnings.push(() =>
    told(
      {
        id: `w-${yh.code}-${weekStartAt(odourStart)}-odour`,
        townCode: yh.code,
        level: 'yellow',
        kind: 'assessed',
        dimension: 'ecology',
        indicator: 'environmentComplaints',
        title: `${yh.name}点穴式预警：环境信访投诉上升`,
        causeAnalysis: '夏季养殖场和河道异味投诉集中，投诉量约为基线的2倍以上。',
        rectification: '对养殖场开展排查整治，落实河道保洁，投诉件限时回复。',
        communities: pickCommunities(communitiesByTown[yh.code] ?? [], 2),
      },
      [
        { status: 'open', at: yhIssued, note: '下发点穴式预警。' },
        { status: 'rectifying', at: yhIssued + DAY, note: '街道组织排查整治。' },
        { status: 'closed', at: issueTime(weekStartAt(at(12))) + 3 * HOUR, note: '投诉量回落，预警销号。' },
      ],
    ),
  );

  const dh = castTown(towns, cast, 'foodSampling');
  const foodWeek = at(7);
  add(dh, (w) => (w === foodWeek ? { foodSamplingFailRate: 2.4 } : {}));
  const dhIssued = issueTime(weekStartAt(foodWeek));
  warnings.push(() =>
    told(
      {
        id: `w-${dh.code}-${weekStartAt(foodWeek)}-food`,
        townCode: dh.code,
        level: 'blue',
        kind: 'assessed',
        dimension: 'foodDrug',
        indicator: 'foodSamplingFailRate',
        title: `${dh.name}点穴式预警：食品抽检不合格率偏高`,
        causeAnalysis: '农贸市场蔬菜农残抽检不合格批次增多，集中在个别经营户。',
        rectification: '对不合格经营户下架处置并追溯进货来源，加密市场快检频次。',
        communities: pickCommunities(communitiesByTown[dh.code] ?? [], 1),
      },
      [
        { status: 'open', at: dhIssued, note: '下发点穴式预警。' },
        { status: 'rectifying', at: dhIssued + DAY, note: '市场监管所完成处置。' },
        { status: 'closed', at: issueTime(weekStartAt(at(5))) + 2 * HOUR, note: '复检合格，预警销号。' },
      ],
    ),
  );

  // Live at the anchor: 塘栖镇 traffic accidents (rectifying) and 南苑街道 disputes (just issued).
  // Both are told on past the anchor, so live time and a replay see them rectified and closed.
  const tq = castTown(towns, cast, 'trafficAccidents');
  const trafficStart = at(3);
  const trafficEnd = anchor + 1;
  add(tq, (w) => (w >= trafficStart && w <= trafficEnd ? { trafficAccidents: 2.3, fires: 1.5 } : {}));
  const tqIssued = issueTime(weekStartAt(trafficStart));
  warnings.push(() =>
    told(
      {
        id: `w-${tq.code}-${weekStartAt(trafficStart)}-traffic`,
        townCode: tq.code,
        level: 'yellow',
        kind: 'assessed',
        dimension: 'production',
        indicator: 'trafficAccidents',
        title: `${tq.name}点穴式预警：道路交通事故增多`,
        causeAnalysis: '古镇景区周边和国道路口交通事故增多，电动自行车事故占比较高。',
        rectification: '在事故多发路口增设警示和信号设施，开展电动自行车头盔和交通安全宣传。',
        communities: pickCommunities(communitiesByTown[tq.code] ?? [], 2),
      },
      [
        { status: 'open', at: tqIssued, note: '下发点穴式预警。' },
        { status: 'rectifying', at: tqIssued + DAY + 3 * HOUR, note: '交警中队和镇平安办开展路口整治。' },
        { status: 'closed', at: issueTime(weekStartAt(trafficEnd + 1)) + 3 * HOUR, note: '事故多发路口整治完成，事故量回落，预警销号。' },
      ],
    ),
  );

  const ny = castTown(towns, cast, 'neighbourDisputes');
  const disputeWeek = at(1);
  add(ny, (w) => (w >= at(2) && w <= disputeWeek ? { disputes: 1.8 } : {}));
  // Issued on the anchor week's Monday; if the anchor is earlier than 10:00 on Monday, a minute before it.
  const nyIssued = Math.min(issueTime(weekStartAt(disputeWeek)), anchorAt - MINUTE);
  warnings.push(() =>
    told(
      {
        id: `w-${ny.code}-${weekStartAt(disputeWeek)}-disputes`,
        townCode: ny.code,
        level: 'blue',
        kind: 'assessed',
        dimension: 'publicOrder',
        indicator: 'disputes',
        title: `${ny.name}点穴式预警：矛盾纠纷上升`,
        causeAnalysis: '老旧小区加装电梯和物业费纠纷集中，周纠纷量高于基线。',
        rectification: '发挥社区调委会和“云上板凳”议事作用，源头化解加装电梯和物业纠纷。',
        communities: pickCommunities(communitiesByTown[ny.code] ?? [], 2),
      },
      [
        { status: 'open', at: nyIssued, note: '下发点穴式预警。' },
        { status: 'rectifying', at: Math.max(nyIssued, anchorAt) + 2 * DAY + 4 * HOUR, note: '社区调委会和“云上板凳”介入，逐户协商加装电梯和物业费问题。' },
        { status: 'closed', at: issueTime(weekStartAt(anchor + 2)) + 2 * HOUR, note: '纠纷量回落至基线，预警销号。' },
      ],
    ),
  );

  // After the anchor: 崇贤街道 enterprises' safety hazards rise, a targeted warning is raised,
  // rectified and closed — a warning that appears in live time.
  const cx = castTown(towns, cast, 'enterpriseHazards');
  const hazardStart = anchor + 1;
  const hazardShape = [2.2, 2.6];
  add(cx, (w) => {
    const k = w - hazardStart;
    return k >= 0 && k < hazardShape.length ? { productionAccidents: hazardShape[k], fires: 1 + hazardShape[k] / 2 } : {};
  });
  const cxIssued = issueTime(weekStartAt(hazardStart));
  warnings.push(() =>
    told(
      {
        id: `w-${cx.code}-${weekStartAt(hazardStart)}-hazard`,
        townCode: cx.code,
        level: 'yellow',
        kind: 'assessed',
        dimension: 'production',
        indicator: 'productionAccidents',
        title: `${cx.name}点穴式预警：企业安全生产事故上升`,
        causeAnalysis: '工业园区小微企业生产安全事故和火情增多，“三合一”场所和电动车违规充电问题突出。',
        rectification: '对园区小微企业开展安全生产和消防隐患排查，整治“三合一”场所，落实企业主体责任。',
        communities: pickCommunities(communitiesByTown[cx.code] ?? [], 2),
      },
      [
        { status: 'open', at: cxIssued, note: '下发点穴式预警。' },
        { status: 'rectifying', at: cxIssued + DAY + 2 * HOUR, note: '街道安监和消防开展园区专项排查。' },
        { status: 'closed', at: issueTime(weekStartAt(hazardStart + 3)) + 4 * HOUR, note: '隐患整改完成，事故量回落，预警销号。' },
      ],
    ),
  );

  return {
    episodes,
    warnings: (levelOf) => warnings.map((make) => make(levelOf)),
  };
}

/** Up to k community names, industrial parks (园) first: the article's highest-share area. */
function pickCommunities(names: string[], k: number): string[] {
  const parks = names.filter((n) => /园/.test(n));
  const rest = names.filter((n) => !/园/.test(n));
  return [...parks, ...rest].slice(0, k);
}

function goodAirDays(rng: Rng, p: number): number {
  let good = 0;
  for (let d = 0; d < 7; d++) if (rng.chance(p)) good++;
  return good;
}

/** Everything the story will ever tell through one week: periods with their publication times, warnings with all their steps. */
export interface RiskStoryPlan {
  periods: Array<{ period: Omit<RiskPeriod, 'updatedAt'>; weekBegins: number; published: number }>;
  warnings: Told[];
}

/** The history as it stands at `now`: what tellRiskStory gives, from a plan made through now's week. */
export function tellPlannedStory(plan: RiskStoryPlan, now: number): { periods: RiskPeriod[]; warnings: Warning[] } {
  return {
    // Two versions per town-week, each with the time it was made, so a look back finds the one
    // that was current then.
    periods: plan.periods.map(({ period, weekBegins, published }) => ({
      ...period,
      updatedAt: isoLocal(now >= published ? published : weekBegins),
    })),
    warnings: plan.warnings.map((t) => warning(t.base, t.steps, now)).filter((w): w is Warning => w !== null),
  };
}

export function tellRiskStory(input: RiskStoryInput): { periods: RiskPeriod[]; warnings: Warning[] } {
  const now = (input.now ?? input.anchor).getTime();
  return tellPlannedStory(planRiskStory(input, SIM_TIME.weekStartOf(Math.max(now, input.anchor.getTime()))), now);
}

/** The plan of the story through the week starting `through` (the clock's week). */
export function planRiskStory(input: Omit<RiskStoryInput, 'now'>, through: string): RiskStoryPlan {
  const weeks = input.weeks ?? 26;
  const anchorAt = input.anchor.getTime();
  const first = addDays(SIM_TIME.weekStartOf(input.anchor.getTime()), -7 * (weeks - 1));
  const weekStartAt = (w: number) => addDays(first, 7 * w);
  // Weeks up to `through` (never fewer than the history before the anchor).
  const count = Math.max(weeks, Math.round((Date.parse(`${through}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / (7 * DAY)) + 1);
  const weekStarts = Array.from({ length: count }, (_, i) => weekStartAt(i));
  const story = buildStory(input.towns, input.communitiesByTown, input.cast, weekStartAt, weeks - 1, anchorAt);

  // Structural differences between towns: stable per (seed, town, indicator), ±15 %.
  const factor = (town: string, id: IndicatorId) => new Rng(hashSeed(input.seed, 'risk-town', town, id)).range(0.92, 1.08);

  const periods: Array<Omit<RiskPeriod, 'updatedAt'>> = [];
  const times: Array<{ weekBegins: number; published: number }> = [];
  weekStarts.forEach((weekStart, w) => {
    // Air quality is district-wide: the same good days everywhere, a town differs by a day now and then.
    const districtAir = new Rng(hashSeed(input.seed, 'risk-air', weekStart));
    const airDays = goodAirDays(districtAir, goodAirProbability(weekStart));
    for (const town of input.towns) {
      const rng = new Rng(hashSeed(input.seed, 'risk', town.code, weekStart));
      const mult: Partial<Record<IndicatorId, number>> = {};
      for (const e of story.episodes.get(town.code) ?? []) {
        for (const [id, m] of Object.entries(e(w)) as Array<[IndicatorId, number]>) mult[id] = (mult[id] ?? 1) * m;
      }
      const per10k = town.population / 10_000;
      const indicators = {} as IndicatorValues;
      for (const id of INDICATOR_IDS) {
        const m = mult[id] ?? 1;
        if (id === 'airQualityGoodRate') {
          const shift = rng.chance(0.15) ? (rng.chance(0.5) ? 1 : -1) : 0;
          const days = Math.max(0, Math.min(7, Math.round(airDays * m) + shift));
          indicators[id] = Math.round((1000 * days) / 7) / 10;
        } else if (id === 'foodSamplingFailRate') {
          // Failed batches out of the week's samples (more samples in bigger towns).
          const samples = Math.round(30 + per10k * 4);
          const p = Math.min(1, (TYPICAL[id] / 100) * seasonal(id, weekStart) * factor(town.code, id) * m);
          let failed = 0;
          for (let s = 0; s < samples; s++) if (rng.chance(p)) failed++;
          indicators[id] = Math.round((1000 * failed) / samples) / 10;
        } else {
          indicators[id] = rng.poisson(TYPICAL[id] * per10k * seasonal(id, weekStart) * factor(town.code, id) * m);
        }
      }
      // A week's 五色图 is published the Monday after. Until then the week is a running update
      // (from its Monday) whose values are the week's expected totals, so the latest map is
      // never half empty; the published copy re-sends them.
      periods.push({ id: `${town.code}-${weekStart}`, townCode: town.code, weekStart, indicators });
      times.push({ weekBegins: Date.parse(`${weekStart}T00:00:00+08:00`), published: issueTime(weekStart) - 90 * MINUTE });
    }
  });

  // Always assessed: the warnings follow the colours the engine gives these weeks.
  const assessed = assessHistory({
    towns: input.towns,
    periods,
    vocabulary: STANDARD_VOCABULARY,
    model: DEFAULT_RISK_MODEL,
  });
  const levels = new Map(assessed.map((a) => [`${a.townCode}|${a.weekStart}`, a.assessment.level]));
  const levelOf: LevelOf = (code, w) => levels.get(`${code}|${weekStartAt(w)}`) ?? 'green';
  if (input.computeLevels) {
    assessed.forEach((a, i) => {
      periods[i].dimensionScores = a.assessment.dimensionScores;
      periods[i].compositeScore = a.assessment.compositeScore;
      periods[i].level = a.assessment.level;
    });
  }
  return { periods: periods.map((period, i) => ({ period, ...times[i] })), warnings: story.warnings(levelOf) };
}
