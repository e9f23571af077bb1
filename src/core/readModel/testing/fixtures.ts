/**
 * Hand-built cache contents for read-model tests, written through the real cache write path
 * (openCache + applyFeedPage/applySnapshot), so the tallies' triggers run as in production.
 */
import { openCache, type Cache } from '../../cache';
import { divisionsDoc, followersDoc, kpisDoc, warningRecord } from '../../cache/testing/fixtures';
import type {
  Consultation,
  DistrictEvent,
  Dispute,
  IndicatorValues,
  Person,
  RiskPeriod,
} from '../../../shared/contract';
import { INDICATOR_IDS, STANDARD_VOCABULARY, type Vocabulary } from '../../../shared/contract';
import type { DataName } from '../../../shared/queries';
import { DEFAULT_RISK_MODEL, type RiskModelConfig } from '../../../shared/risk';

export const SOURCE = 'test';
/** Friday 2026-11-20 12:00 in Shanghai. */
export const NOW = Date.parse('2026-11-20T12:00:00+08:00');

export function openTestCache(now = NOW, retentionDays = 400): Cache {
  const cache = openCache(':memory:', { now: () => now, retentionDays });
  cache.applySnapshot(SOURCE, 'divisions', divisionsDoc(4), null);
  return cache;
}

const t = (local: string) => `${local}:00+08:00`;

export function event(
  id: string,
  fields: Partial<DistrictEvent> & Pick<DistrictEvent, 'type' | 'townCode' | 'status' | 'reportedAt'>,
): DistrictEvent {
  return {
    id,
    title: `事件 ${id}`,
    community: '龙船坞社区',
    source: 'grid',
    acceptedAt: null,
    dispatchedAt: null,
    handledAt: null,
    closedAt: null,
    departments: [],
    handlers: [],
    acceptOverdue: false,
    handleOverdue: false,
    satisfaction: null,
    updatedAt: fields.closedAt ?? fields.acceptedAt ?? fields.reportedAt,
    ...fields,
  };
}

/** Six events whose figures are worked out by hand in events.test.ts. */
export const EVENTS: DistrictEvent[] = [
  event('e1', {
    type: 'dispute', townCode: '330113001', status: 'rated', reportedAt: t('2026-11-20T08:00'),
    acceptedAt: t('2026-11-20T08:05'), dispatchedAt: t('2026-11-20T08:10'), handledAt: t('2026-11-20T09:00'),
    closedAt: t('2026-11-20T10:00'), satisfaction: 'satisfied', departments: ['司法所', '综治中心'],
  }),
  event('e2', {
    type: 'rental', townCode: '330113001', status: 'closed', reportedAt: t('2026-11-19T10:00'),
    acceptedAt: t('2026-11-19T10:20'), closedAt: t('2026-11-19T16:00'), acceptOverdue: true,
  }),
  event('e3', {
    type: 'rental', townCode: '330113002', status: 'accepted', reportedAt: t('2026-11-20T09:00'),
    acceptedAt: t('2026-11-20T09:10'),
  }),
  event('e4', { type: 'other', townCode: '330113003', status: 'reported', reportedAt: t('2026-11-10T09:00'), handleOverdue: true }),
  event('e5', {
    type: 'environment', townCode: '330113002', status: 'rated', reportedAt: t('2026-10-01T09:00'),
    acceptedAt: t('2026-10-01T09:30'), closedAt: t('2026-10-02T09:00'), satisfaction: 'dissatisfied',
  }),
  event('e6', {
    type: 'dispute', townCode: '330113001', status: 'rated', reportedAt: t('2026-11-18T09:00'),
    acceptedAt: t('2026-11-18T09:01'), closedAt: t('2026-11-18T13:00'), satisfaction: 'basicallySatisfied',
  }),
];

export function person(id: string, role: Person['role'], active: boolean, score: number, townCode = '330113001'): Person {
  return {
    id,
    name: `人员${id}`,
    role,
    townCode,
    department: role === 'dispatched' ? '司法所' : '星桥社区',
    registeredAt: t('2026-01-05T09:00'),
    active,
    metrics: { eventsHandled: Math.round(score), onTimeRate: 1, satisfactionRate: 1, patrolDays: 20 },
    score,
    updatedAt: t('2026-11-01T09:00'),
  };
}

export const PERSONNEL: Person[] = [
  person('p1', 'dispatched', true, 95),
  person('p2', 'dispatched', true, 88, '330113002'),
  person('p3', 'dispatched', false, 99),
  person('p4', 'gridWorker', true, 90, '330113003'),
];

export function consultation(
  id: string,
  category: Consultation['category'],
  status: Consultation['status'],
  outcome: Consultation['outcome'],
  scheduledAt: string,
  townCode = '330113001',
): Consultation {
  return {
    id,
    topic: `议题 ${id}`,
    category,
    townCode,
    community: '星桥社区',
    scheduledAt: t(scheduledAt),
    startedAt: status === 'live' || status === 'ended' ? t(scheduledAt) : null,
    endedAt: status === 'ended' ? t(scheduledAt) : null,
    status,
    viewers: 100,
    experts: ['律师'],
    outcome,
    replayUrl: status === 'ended' ? `https://replay.example.org/${id}` : null,
    updatedAt: t(scheduledAt),
  };
}

export const CONSULTATIONS: Consultation[] = [
  consultation('c1', 'wageArrears', 'ended', 'agreed', '2026-11-01T19:00'),
  consultation('c2', 'neighbourDispute', 'ended', 'notAgreed', '2026-11-05T19:00', '330113002'),
  consultation('c3', 'wageArrears', 'ended', 'agreed', '2026-11-10T19:00'),
  consultation('c4', 'wasteSorting', 'live', null, '2026-11-20T11:30'),
  consultation('c5', 'parking', 'scheduled', null, '2026-11-22T19:00'),
  consultation('c6', 'parking', 'cancelled', null, '2026-11-15T19:00'),
];

function dispute(id: string, townCode: string, level: Dispute['level'], category: Dispute['category'], status: Dispute['status'], atSource: boolean): Dispute {
  return {
    id,
    townCode,
    community: '星桥社区',
    category,
    receivedAt: t('2026-11-02T09:00'),
    level,
    status,
    resolvedAt: status === 'resolved' ? t('2026-11-03T09:00') : null,
    resolvedAtSource: atSource,
    updatedAt: t('2026-11-03T09:00'),
  };
}

export const DISPUTES: Dispute[] = [
  dispute('d1', '330113001', 'community', 'neighbour', 'resolved', true),
  dispute('d2', '330113001', 'townCentre', 'rental', 'resolved', false),
  dispute('d3', '330113002', 'community', 'neighbour', 'mediating', false),
  dispute('d4', '330113003', 'districtCentre', 'labour', 'referred', false),
];

/** Everything the Events and Consultation screens read (risk periods are up to each test). */
export function fillScreens(cache: Cache): void {
  for (const name of ['events', 'personnel', 'consultations', 'disputes', 'followers', 'warnings'] as const) DATA_WRITERS[name](cache);
}

/** The same ordinary week for every town: values whose per-capita rates are (almost) equal. */
export const ORDINARY: IndicatorValues = {
  instabilityFactors: 1,
  escalatedPetitions: 1,
  criminalCases: 3,
  telecomFraud: 3,
  disputes: 3,
  productionAccidents: 1,
  fires: 1,
  trafficAccidents: 3,
  foodSamplingFailRate: 2,
  drugComplaints: 1,
  environmentComplaints: 3,
  airQualityGoodRate: 90,
};

export const WEEKS = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09'];
export const TOWNS = ['330113001', '330113002', '330113003', '330113004'];

/**
 * Six ordinary weeks for four towns, except: town 001's last week has 31 telecom-fraud cases
 * (a spike), and town 002's criminal and telecom-fraud cases rise 3 → 10 → 14 → 18 in weeks
 * 3–5 and drop back to 3 in the last week (its forecast still carries the rise).
 */
export const RAMP_002 = [3, 3, 10, 14, 18, 3];
export function riskPeriods(extra: (p: RiskPeriod) => RiskPeriod = (p) => p): RiskPeriod[] {
  return WEEKS.flatMap((weekStart, w) =>
    TOWNS.map((townCode) => {
      const indicators = { ...ORDINARY };
      if (townCode === '330113001' && w === WEEKS.length - 1) indicators.telecomFraud = 31;
      if (townCode === '330113002') indicators.criminalCases = indicators.telecomFraud = RAMP_002[w];
      return extra({ id: `${townCode}-${weekStart}`, townCode, weekStart, indicators, updatedAt: `${weekStart}T12:00:00+08:00` });
    }),
  );
}

/**
 * The risk model the hand-worked numbers in risk.test.ts assume, spelt out so that tuning
 * DEFAULT_RISK_MODEL does not change them: 50 points at the baseline, 25 per doubling.
 */
export const TEST_MODEL: RiskModelConfig = {
  ...DEFAULT_RISK_MODEL,
  indicatorWeights: {
    instabilityFactors: 0.6, escalatedPetitions: 0.4, criminalCases: 0.35, telecomFraud: 0.4, disputes: 0.25,
    productionAccidents: 0.4, fires: 0.3, trafficAccidents: 0.3, foodSamplingFailRate: 0.6, drugComplaints: 0.4,
    environmentComplaints: 0.6, airQualityGoodRate: 0.4,
  },
  dimensionWeights: { political: 0.15, publicOrder: 0.35, production: 0.2, foodDrug: 0.15, ecology: 0.15 },
  thresholds: { red: 70, orange: 62, yellow: 56, blue: 45 },
  indicatorThresholds: { red: 90, orange: 80, yellow: 70, blue: 45 },
  assessmentWeeks: 1,
  scoring: { atBaseline: 50, pointsPerDoubling: 25 },
  smoothing: Object.fromEntries(INDICATOR_IDS.map((id) => [id, 1])) as RiskModelConfig['smoothing'],
  baselines: { method: 'districtNorm', windowWeeks: 13, minWeeks: 4, ownHistoryWeight: 0, overrides: {} },
  forecast: { method: 'holt', alpha: 0.5, beta: 0.3, phi: 0.8 },
  predictive: { minLevel: 'yellow' },
};

/**
 * A source's own vocabulary, unlike the standard one in what its readers use: an indicator's
 * label and the dimension it counts towards.
 */
export const SOURCE_VOCABULARY: Vocabulary = {
  ...STANDARD_VOCABULARY,
  indicators: STANDARD_VOCABULARY.indicators.map((i) =>
    i.id === 'telecomFraud' ? { ...i, zh: '电诈案件（本区口径）', en: 'Telecom fraud (local count)', dimension: 'political' } : i,
  ),
};

/**
 * One writer per kind of source data (every feed and snapshot), each through the real write
 * path: the cache of a district whose every endpoint has delivered. A new feed or snapshot
 * does not type-check until it has one here.
 */
export const DATA_WRITERS: { [D in DataName]: (cache: Cache) => void } = {
  divisions: (c) => c.applySnapshot(SOURCE, 'divisions', divisionsDoc(4), null),
  vocabulary: (c) => c.applySnapshot(SOURCE, 'vocabulary', SOURCE_VOCABULARY, null),
  // 51 days from 2026-10-01: the last is 2026-11-20 with 14 050 followers.
  followers: (c) => c.applySnapshot(SOURCE, 'followers', followersDoc(51), null),
  kpis: (c) => c.applySnapshot(SOURCE, 'kpis', kpisDoc('2026-11-20T11:00:00+08:00'), null),
  riskPeriods: (c) => c.applyFeedPage(SOURCE, 'riskPeriods', riskPeriods(), [], 'c-risk'),
  warnings: (c) =>
    c.applyFeedPage(
      SOURCE,
      'warnings',
      [warningRecord('w1', 'closed', t('2026-10-20T09:00')), warningRecord('w2', 'rectifying', t('2026-11-02T09:00'))],
      [],
      'c-warnings',
    ),
  events: (c) => c.applyFeedPage(SOURCE, 'events', EVENTS, [], 'c-events'),
  personnel: (c) => c.applyFeedPage(SOURCE, 'personnel', PERSONNEL, [], 'c-personnel'),
  consultations: (c) => c.applyFeedPage(SOURCE, 'consultations', CONSULTATIONS, [], 'c-consultations'),
  disputes: (c) => c.applyFeedPage(SOURCE, 'disputes', DISPUTES, [], 'c-disputes'),
};

/** A cache in memory holding every kind of source data except those named. */
export function openCacheWithout(...withheld: DataName[]): Cache {
  const cache = openCache(':memory:', { now: () => NOW, retentionDays: 400 });
  for (const [name, write] of Object.entries(DATA_WRITERS) as Array<[DataName, (c: Cache) => void]>) {
    if (!withheld.includes(name)) write(cache);
  }
  return cache;
}
