/**
 * The read model: every screen's query (except 'map', see src/core/geo) computed from the SQLite
 * cache, live or as of the end of a past day (`asOf`, src/shared/lookback.ts). One small module per screen; statements are prepared once here; a query slower than
 * SLOW_QUERY_MS is logged with its name so a slow wall can be traced to its cause.
 */
import type { Database } from 'better-sqlite3';
import type { QueryName, QueryParams, QueryResult } from '../../shared/queries';
import { districtTime } from '../../shared/districtTime';
import { DEFAULT_RISK_MODEL, type RiskModelConfig } from '../../shared/risk';
import { silentLogger, type Logger } from '../log/logger';
import { resolveAsOf, createLookbackReader, type AsOfPoint } from './asOf';
import { createConsultationQuery } from './consultation';
import { createConsultationsAtReader } from './consultationsAt';
import { createConsultationTotalsReader } from './consultationTotals';
import { createContext } from './context';
import { createEventsQuery } from './events';
import { createEventTotalsReader } from './eventTotals';
import { createHealthQuery } from './health';
import { createMetaQuery } from './meta';
import { createOverviewQuery } from './overview';
import { createRiskQuery } from './risk';
import { createAssessedWeeksReader } from './assessedWeeks';
import { createTownQuery } from './town';
import { createVocabularyReader } from './vocabulary';
import { createWarningsReader } from './warnings';
import { createWeeklyBriefQuery } from './weeklyBrief';

export { UnknownTownError } from './town';

export const SLOW_QUERY_MS = 50;

export interface ReadModelOptions {
  /** The risk engine's parameters when a source gives no levels (default DEFAULT_RISK_MODEL). */
  riskModel?: RiskModelConfig;
  /** Clock for "today" and freshness; tests fix it. */
  now?: () => number;
  /** The district's time zone (config district.timeZone): what "today" and a local day are. */
  timeZone?: string;
  /** Only these sources' rows (the configured ones); default every source in the cache. */
  sourceIds?: string[];
  /** The cache file, for the size shown in health; default db.name. */
  dbPath?: string;
  /** Where the cache moved an unusable file on open (Cache.rebuiltFrom), shown in health. */
  rebuiltFrom?: string | null;
  /** Poll interval per source id, seconds, for freshness (default 30 s). */
  intervalsSec?: Record<string, number>;
  logger?: Logger;
}

/**
 * 'map' is answered by src/core/geo, 'config' by the cockpit composition from its config, the
 * wall queries by src/core/walls.
 */
export type ReadQueryName = Exclude<QueryName, 'map' | 'config' | 'wallProfile' | 'alerts' | 'wallHistory'>;

export type ReadModelAnswers = { [K in ReadQueryName]: (params: QueryParams<K>) => QueryResult<K> };

export interface ReadModel {
  /** One answer per query, each in its own read transaction; the core's dispatch table takes these. */
  readonly answers: ReadModelAnswers;
  query<K extends ReadQueryName>(name: K, params: QueryParams<K>): QueryResult<K>;
}

export function createReadModel(db: Database, opts: ReadModelOptions = {}): ReadModel {
  const logger = opts.logger ?? silentLogger;
  const ctx = createContext(db, opts.sourceIds, opts.now ?? Date.now, districtTime(opts.timeZone), logger);
  const vocabulary = createVocabularyReader(db);
  const risk = createAssessedWeeksReader(ctx, vocabulary, opts.riskModel ?? DEFAULT_RISK_MODEL);
  const warnings = createWarningsReader(ctx);
  const eventTotals = createEventTotalsReader(ctx);
  const consultationTotals = createConsultationTotalsReader(ctx);
  const consultationsAt = createConsultationsAtReader(ctx);
  const lookback = createLookbackReader(ctx);

  const health = createHealthQuery(ctx, { intervalsSec: opts.intervalsSec, dbPath: opts.dbPath, rebuiltFrom: opts.rebuiltFrom ?? null });
  const handlers: { [K in ReadQueryName]: (params: QueryParams<K>, point: AsOfPoint) => QueryResult<K> } = {
    meta: createMetaQuery(ctx, vocabulary),
    // Sync health is always now: syncing goes on underneath a look back.
    health: () => health(),
    overview: createOverviewQuery(ctx, { risk, vocabulary, warnings, events: eventTotals, consultations: consultationTotals, consultationsAt, lookback }),
    risk: createRiskQuery(ctx, risk, lookback),
    events: createEventsQuery(ctx, eventTotals, lookback),
    consultation: createConsultationQuery(ctx, { totals: consultationTotals, at: consultationsAt, lookback }),
    town: createTownQuery(ctx, { risk, warnings, consultationsAt, lookback }),
    weeklyBrief: createWeeklyBriefQuery(ctx, { risk, vocabulary, warnings, events: eventTotals, consultationsAt, lookback }),
  };

  const answer = <K extends ReadQueryName>(name: K): ReadModelAnswers[K] => {
    const handler = handlers[name] as (params: QueryParams<K>, point: AsOfPoint) => QueryResult<K>;
    return ((params: QueryParams<K>) => {
      const started = performance.now();
      ctx.beginQuery();
      const point = resolveAsOf(ctx.time, params?.asOf, ctx.now());
      // One read transaction per query: every figure on a screen comes from the same snapshot,
      // even when another connection (a sync in another process) commits mid-query.
      const result = db.transaction(() => handler(params ?? ({} as QueryParams<K>), point))();
      const ms = performance.now() - started;
      if (ms > SLOW_QUERY_MS) logger.warn('read model: slow query', { query: name, ms: Math.round(ms) });
      return result;
    }) as ReadModelAnswers[K];
  };
  const answers = Object.fromEntries(
    (Object.keys(handlers) as ReadQueryName[]).map((name) => [name, answer(name)]),
  ) as unknown as ReadModelAnswers;

  return {
    answers,
    query(name, params) {
      if (!Object.hasOwn(answers, name)) throw new Error(`read model: unknown query "${String(name)}"`);
      return answers[name](params);
    },
  };
}
