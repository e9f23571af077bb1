/**
 * The query registry: every query either front door answers, defined once — its name, its
 * params (zod, strict), its result type and the source data it reads. Everything else is
 * derived from this table: the hub's parsing, main's IPC validation, the core's dispatch, the
 * renderer's refetch after a change notice and the read model's `asOf` of each screen.
 *
 * Adding a query: one entry here, its result type in ./readModel.ts, and its answer in the
 * core (src/core/queryAnswers.ts does not type-check until it has one).
 * Adding a param every query takes (e.g. an as-of for looking back): one field in COMMON_PARAMS.
 */
import { z } from 'zod';
import { FEED_NAMES, SNAPSHOT_NAMES, townCode, type FeedName, type SnapshotName } from './contract';
import type { AlertsModel } from './alerts/types';
import type { WeeklyBriefModel } from './weeklyBrief/types';
import { wallIdSchema, type WallMomentModel } from './wall/history';
import type { WallProfileModel } from './wall/profile';
import type {
  ConsultationModel,
  EventsModel,
  HealthModel,
  MapModel,
  MetaModel,
  OverviewModel,
  RiskModel,
  TownDetailModel,
  UiConfigModel,
} from './readModel';

/** A source's data a query can read: a feed or a snapshot. Change notices name these. */
export type DataName = FeedName | SnapshotName;
export const DATA_NAMES: readonly DataName[] = [...FEED_NAMES, ...SNAPSHOT_NAMES];

/**
 * What the core itself announces in change notices, beside source data: 'alerts' when an
 * alert is raised, grows, is acknowledged or runs out.
 */
export const CORE_NOTICES = ['alerts'] as const;
export type CoreNotice = (typeof CORE_NOTICES)[number];
/** Everything a query can read, and a change notice can name. */
export type NoticeName = DataName | CoreNotice;

/**
 * Data that names things (towns, indicator labels) rather than dating a screen's figures: a
 * query reads it, but its age is not the screen's age.
 */
const REFERENCE_DATA: ReadonlySet<DataName> = new Set<DataName>(['divisions', 'vocabulary']);

/** Carries a query's result type in the table; there is no value. */
declare const RESULT: unique symbol;
export interface Returns<T> {
  readonly [RESULT]?: T;
}
const returns = <T>(): Returns<T> => ({});

/**
 * Params every query takes. `asOf` looks back (回看, src/shared/lookback.ts): the picture at the
 * end of that local day; absent, or today or later, is live. Queries about now (health, config,
 * alerts) answer the same either way.
 */
export const COMMON_PARAMS = {
  asOf: z.iso.date({ error: 'expected a date YYYY-MM-DD that exists' }).optional(),
} satisfies z.ZodRawShape;

/** A query's params: COMMON_PARAMS plus its own, strict (an unknown key is refused, not ignored). */
function params<S extends z.ZodRawShape>(own: S) {
  return z.strictObject({ ...COMMON_PARAMS, ...own });
}

/** A week, named by its first day: a real calendar date (2026-02-29 and 2026-13-45 are refused). */
const week = z.iso.date({ error: 'expected a date YYYY-MM-DD that exists' });

interface QueryDef {
  params: z.ZodType<object, unknown>;
  result: Returns<unknown>;
  /**
   * The source data the answer depends on: a change notice naming one of these refetches the
   * query. 'everything' for a query about the sync itself. Checked against the read model's
   * real behaviour (src/core/queryReads.test.ts).
   */
  reads: readonly NoticeName[] | 'everything';
}

export const QUERIES = {
  /** The non-secret part of the configuration (title, locale, playlist). */
  config: { params: params({}), result: returns<UiConfigModel>(), reads: [] },
  meta: { params: params({}), result: returns<MetaModel>(), reads: ['divisions', 'vocabulary', 'riskPeriods'] },
  health: { params: params({}), result: returns<HealthModel>(), reads: 'everything' },
  overview: {
    params: params({ week: week.optional() }),
    result: returns<OverviewModel>(),
    reads: ['divisions', 'vocabulary', 'riskPeriods', 'warnings', 'events', 'personnel', 'consultations', 'followers'],
  },
  risk: { params: params({ week: week.optional() }), result: returns<RiskModel>(), reads: ['divisions', 'vocabulary', 'riskPeriods'] },
  events: { params: params({}), result: returns<EventsModel>(), reads: ['divisions', 'events', 'personnel'] },
  consultation: { params: params({}), result: returns<ConsultationModel>(), reads: ['divisions', 'consultations', 'followers', 'disputes'] },
  town: {
    params: params({ code: townCode, week: week.optional() }),
    result: returns<TownDetailModel>(),
    reads: ['divisions', 'vocabulary', 'riskPeriods', 'warnings', 'events', 'consultations'],
  },
  map: { params: params({ level: z.enum(['city', 'district']).optional() }), result: returns<MapModel>(), reads: ['divisions'] },
  /**
   * The weekly brief (本周简报) of the risk week containing `week`: sentences in zh-CN and English,
   * each with its figures (value, unit, as-of) and the page it belongs to (src/shared/weeklyBrief/types.ts).
   */
  weeklyBrief: {
    params: params({ week }),
    result: returns<WeeklyBriefModel>(),
    reads: ['divisions', 'vocabulary', 'riskPeriods', 'warnings', 'events', 'consultations', 'disputes'],
  },
  /** A wall profile as the wall needs it; without `wall`, the desktop app's (config wall.profile). */
  wallProfile: { params: params({ wall: wallIdSchema.optional() }), result: returns<WallProfileModel>(), reads: [] },
  /** The alert a wall shows now, and its recent ones. */
  alerts: { params: params({ wall: wallIdSchema }), result: returns<AlertsModel>(), reads: ['alerts'] },
  /** What was on a wall at a moment ("the lobby wall at 03:12"). */
  wallHistory: {
    params: params({ wall: wallIdSchema, at: z.iso.datetime({ offset: true, error: 'expected an ISO time such as 2026-12-04T03:12:00+08:00' }) }),
    result: returns<WallMomentModel>(),
    reads: ['alerts'],
  },
} as const satisfies Record<string, QueryDef>;

export type QueryName = keyof typeof QUERIES;
export type QueryParams<K extends QueryName> = z.output<(typeof QUERIES)[K]['params']>;
export type QueryResult<K extends QueryName> = (typeof QUERIES)[K]['result'] extends Returns<infer T> ? T : never;
export const QUERY_NAMES = Object.keys(QUERIES) as QueryName[];

export function isQueryName(name: unknown): name is QueryName {
  return typeof name === 'string' && Object.hasOwn(QUERIES, name);
}

export type ParsedParams<K extends QueryName> = { ok: true; params: QueryParams<K> } | { ok: false; error: z.ZodError };

/** Validates a query's params; `undefined` means none were given. Both front doors call this. */
export function parseQueryParams<K extends QueryName>(name: K, raw: unknown): ParsedParams<K> {
  const result = (QUERIES[name].params as z.ZodType).safeParse(raw === undefined ? {} : raw);
  return result.success ? { ok: true, params: result.data as QueryParams<K> } : { ok: false, error: result.error };
}

/**
 * The data whose oldest last success is the `asOf` of `name`'s answer: what it reads, except
 * reference data (unless it reads nothing else).
 */
export function datedBy(name: QueryName): readonly DataName[] {
  const reads: QueryDef['reads'] = QUERIES[name].reads;
  if (reads === 'everything') return DATA_NAMES;
  const data = reads.filter(isDataName);
  const dating = data.filter((d) => !REFERENCE_DATA.has(d));
  return dating.length ? dating : data;
}

export function isDataName(name: string): name is DataName {
  return (DATA_NAMES as readonly string[]).includes(name);
}

const KNOWN_NAMES: ReadonlySet<string> = new Set<string>([...DATA_NAMES, ...CORE_NOTICES]);

/**
 * Whether a change notice naming `changed` may change `name`'s answer. '*' (a new
 * configuration), 'health' (a source's sync state moved, and with it every screen's asOf) and
 * any name this registry does not know refetch everything: better a spare request than a
 * stale panel.
 */
export function isAffected(name: QueryName, changed: readonly string[]): boolean {
  const reads: QueryDef['reads'] = QUERIES[name].reads;
  if (reads === 'everything') return true;
  return changed.some((c) => c === '*' || !KNOWN_NAMES.has(c) || (reads as readonly string[]).includes(c));
}
