/**
 * The registry's `reads` against what the core really reads: each query is answered from a
 * cache where every endpoint has delivered, then from caches each missing one kind of data.
 * An answer changes without exactly the data its entry lists — so dropping an endpoint from
 * an entry (a screen that would not refetch when that data changes) fails here, and so does
 * listing one it never reads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../shared/config';
import { DATA_NAMES, datedBy, isDataName, QUERIES, QUERY_NAMES, type DataName, type NoticeName, type QueryName, type QueryParams } from '../shared/queries';
import type { Cache } from './cache';
import { uiConfigOf } from './core';
import { createMapProvider } from './geo';
import { createQueryAnswers, type QueryAnswers } from './queryAnswers';
import { createReadModel } from './readModel';
import { NOW, openCacheWithout, SOURCE, TEST_MODEL, TOWNS, WEEKS } from './readModel/testing/fixtures';
import { wallDutyOver } from './walls/testing/wallDuty';

/** The params each query is asked with: enough to reach every part of its answer. */
const ASKED: { [K in QueryName]: Array<QueryParams<K>> } = {
  config: [{}],
  meta: [{}],
  health: [{}],
  overview: [{}, { week: WEEKS[3] }],
  risk: [{}, { week: WEEKS[3] }],
  events: [{}],
  consultation: [{}],
  // Every town: each kind of data is about some towns only.
  town: TOWNS.map((code) => ({ code })),
  map: [{}, { level: 'city' }],
  wallProfile: [{}, { wall: 'main' }],
  alerts: [{ wall: 'main' }],
  wallHistory: [{ wall: 'main', at: new Date(NOW).toISOString() }],
  // The fixtures' last weeks: a change of level, warnings, events and sessions in them.
  weeklyBrief: WEEKS.slice(-3).map((week) => ({ week })),
};

const caches: Cache[] = [];
afterAll(() => caches.forEach((c) => c.close()));

function answersOver(cache: Cache): QueryAnswers {
  caches.push(cache);
  const config = configSchema.parse({});
  const readModel = createReadModel(cache.db, { now: () => NOW, riskModel: TEST_MODEL, sourceIds: [SOURCE] });
  return createQueryAnswers({
    readModel,
    map: createMapProvider(config.map),
    ui: uiConfigOf(config, []),
    walls: wallDutyOver(cache, readModel, () => NOW, config),
  });
}

/** A query's answers as JSON, without `asOf` (when the data arrived is not what it says). */
function answerText(answers: QueryAnswers, name: QueryName): string {
  return JSON.stringify(
    ASKED[name].map((params) => {
      try {
        const { asOf: _, ...rest } = (answers[name] as (p: typeof params) => object)(params) as { asOf?: unknown };
        return rest;
      } catch (err) {
        return { threw: (err as Error).message };
      }
    }),
  );
}

const full = answersOver(openCacheWithout());

describe('the query registry lists exactly the data each query reads', () => {
  const withouts = new Map(DATA_NAMES.map((d) => [d, answersOver(openCacheWithout(d))]));

  // health reports the sync itself ('everything'): it is refetched on any notice.
  const dataQueries = QUERY_NAMES.filter((q) => QUERIES[q].reads !== 'everything');
  it.each(dataQueries)('%s', (name) => {
    // Source data only: what the core announces itself (alerts) is no cache table to leave out.
    const reads = (QUERIES[name].reads as readonly NoticeName[]).filter(isDataName);
    const before = answerText(full, name);
    const readWithout = DATA_NAMES.filter((d) => answerText(withouts.get(d)!, name) !== before);
    expect([...readWithout].sort(), `the data ${name}'s answer changes without`).toEqual([...reads].sort());
  });
});

describe("a screen's asOf is the oldest last success of the data that dates it", () => {
  const HOUR = 3_600_000;
  /** Reference data names things; its age is not a screen's age. */
  const REFERENCE: readonly DataName[] = ['divisions', 'vocabulary'];

  it.each(DATA_NAMES)('when %s is the oldest', (oldest) => {
    const cache = openCacheWithout();
    const row = (at: number) => ({ state: 'ok' as const, lastSuccessAt: at, lastAttemptAt: at, lastError: null, consecutiveFailures: 0, nextAttemptAt: null });
    cache.saveHealth(
      { sourceId: SOURCE, url: 'http://127.0.0.1:9/', ...row(NOW) },
      DATA_NAMES.map((endpoint) => ({ endpoint, ...row(endpoint === oldest ? NOW - HOUR : NOW) })),
    );
    const answers = answersOver(cache);
    for (const name of QUERY_NAMES) {
      const answer = (answers[name] as (p: object) => { asOf?: string | null })(ASKED[name][0]);
      if (!('asOf' in answer)) continue;
      const reads = (QUERIES[name].reads as readonly NoticeName[]).filter(isDataName);
      const dating = reads.filter((d) => !REFERENCE.includes(d));
      const expected = (dating.length ? dating : reads).includes(oldest) ? NOW - HOUR : NOW;
      expect(answer.asOf, `${name}.asOf`).toBe(new Date(expected).toISOString());
      expect(datedBy(name).includes(oldest), `datedBy('${name}')`).toBe(expected !== NOW);
    }
  });
});
