/**
 * A deterministic generator of valid DistrictEvent records (基层治理四平台 events) for
 * benchmarks and cache tests. Same (count, options) → the same records, byte for byte.
 * Every record passes `eventSchema`; ids are zero-padded so they sort in generation order,
 * and reportedAt/updatedAt grow with the index, as a real feed's backfill would.
 */
import { EVENT_TYPES, type DistrictEvent, type EventStatus, type EventType } from '..';

/** Linping's town codes (330113005 is unused). */
export const LINPING_TOWN_CODES = [
  '330113001',
  '330113002',
  '330113003',
  '330113004',
  '330113006',
  '330113007',
  '330113008',
  '330113102',
] as const;

const COMMUNITIES = ['龙船坞社区', '星桥社区', '临平社区', '南苑社区', '运河村', '塘栖村', '乔司社区', '崇贤村', '东湖社区', '藕花洲社区'];
const DEPARTMENTS = ['司法所', '派出所', '综合执法中队', '市场监管所', '生态环境分局', '住建局', '人社局', '信访办'];
const TITLES: Record<EventType, string> = {
  dispute: '邻里噪音纠纷',
  rental: '房屋租赁押金纠纷',
  propertyMgmt: '小区物业服务投诉',
  wageArrears: '工地拖欠农民工工资',
  environment: '企业夜间排放异味',
  cityAppearance: '占道经营',
  safetyHazard: '出租房电动车违规充电',
  trafficOrder: '路口车辆乱停放',
  petition: '群众来访诉求',
  other: '其他事项',
};
const ORIGINS = ['grid', 'hotline', 'app', 'patrol', 'walkIn'] as const;
const STATUSES: EventStatus[] = ['reported', 'accepted', 'dispatched', 'handled', 'closed', 'rated'];

export interface SyntheticEventOptions {
  /** PRNG seed; default 1. */
  seed?: number;
  /** reportedAt of the first event, ms UTC; default 2025-01-01T00:00:00Z. */
  startMs?: number;
  /** Mean gap between consecutive reports, ms; default 30 s. */
  spacingMs?: number;
  /** Id prefix; default 'evt-'. Ids are prefix + 9-digit index (1-based, offset by `firstIndex`). */
  idPrefix?: string;
  /** Index of the first record, for generating a continuation; default 0. */
  firstIndex?: number;
}

/** mulberry32: small, fast, good enough for test data; never Math.random (not reproducible). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Yields `count` valid events, lazily (1,000,000 need not sit in memory at once). */
export function* generateSyntheticEvents(count: number, options: SyntheticEventOptions = {}): Generator<DistrictEvent> {
  const {
    seed = 1,
    startMs = Date.UTC(2025, 0, 1),
    spacingMs = 30_000,
    idPrefix = 'evt-',
    firstIndex = 0,
  } = options;
  // Mix the first index into the seed so a continuation is not a copy of the first batch.
  const rand = prng(seed ^ Math.imul(firstIndex + 1, 0x9e3779b1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const minutes = (lo: number, hi: number) => Math.round((lo + rand() * (hi - lo)) * 60_000);

  for (let k = 0; k < count; k++) {
    const index = firstIndex + k;
    const type = pick(EVENT_TYPES);
    const reportedAt = startMs + index * spacingMs + Math.floor(rand() * spacingMs);
    // Most events run the whole course; a share is still in progress.
    const stage = rand() < 0.85 ? 5 : Math.floor(rand() * 5);
    const status = STATUSES[stage];
    const acceptedAt = stage >= 1 ? reportedAt + minutes(1, 20) : null;
    const dispatchedAt = stage >= 2 && acceptedAt !== null ? acceptedAt + minutes(1, 60) : null;
    const handledAt = stage >= 3 && dispatchedAt !== null ? dispatchedAt + minutes(10, 600) : null;
    const closedAt = stage >= 4 && handledAt !== null ? handledAt + minutes(5, 120) : null;
    const last = closedAt ?? handledAt ?? dispatchedAt ?? acceptedAt ?? reportedAt;
    const nDepartments = stage >= 2 ? 1 + Math.floor(rand() * 3) : 0;
    const departments: string[] = [];
    for (let d = 0; d < nDepartments; d++) departments.push(pick(DEPARTMENTS));
    const handlers: string[] = [];
    for (let h = 0; h < (stage >= 3 ? 1 + Math.floor(rand() * 3) : 0); h++) {
      handlers.push(`per-${String(1 + Math.floor(rand() * 871)).padStart(5, '0')}`);
    }
    const rated = stage === 5;
    const r = rand();
    yield {
      id: `${idPrefix}${String(index + 1).padStart(9, '0')}`,
      type,
      title: TITLES[type],
      townCode: pick(LINPING_TOWN_CODES),
      community: pick(COMMUNITIES),
      source: pick(ORIGINS),
      status,
      reportedAt: iso(reportedAt),
      acceptedAt: acceptedAt === null ? null : iso(acceptedAt),
      dispatchedAt: dispatchedAt === null ? null : iso(dispatchedAt),
      handledAt: handledAt === null ? null : iso(handledAt),
      closedAt: closedAt === null ? null : iso(closedAt),
      departments,
      handlers,
      acceptOverdue: false,
      handleOverdue: rand() < 0.03,
      satisfaction: rated ? (r < 0.8 ? 'satisfied' : r < 0.97 ? 'basicallySatisfied' : 'dissatisfied') : null,
      updatedAt: iso(last + (rated ? minutes(10, 1440) : 0)),
    };
  }
}

/** `count` valid events as an array. */
export function syntheticEvents(count: number, options: SyntheticEventOptions = {}): DistrictEvent[] {
  return Array.from(generateSyntheticEvents(count, options));
}
