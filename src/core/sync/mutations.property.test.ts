/**
 * Property (issue #10): random mutations of valid records — numbers, dates, strings, whole
 * values — synced through the real engine (a SourceReader serving them, the contract's
 * validation, quarantine, the cache) never make a screen query fail or show a non-finite
 * number. The valid records come from the simulator; each run mutates a few of one feed or
 * snapshot, syncs them and asks every screen.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS, SNAPSHOTS, type FeedName, type SnapshotName } from '../../shared/contract';
import { districtApiSourceSchema } from '../../shared/sources';
import type { Cache } from '../cache';
import { createReadModel, type ReadModel } from '../readModel';
import { startSimulator, type RunningSimulator } from '../sim';
import { createSyncEngine } from './engine';
import type { SourceReader } from './reader';
import { backfillTemplate, cacheFromTemplate, removeTempDirs, SIM_NOW } from './testing/harness';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

let sim: RunningSimulator;
let cache: Cache;
let rm: ReadModel;
const samples = new Map<FeedName | SnapshotName, Json[]>();

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, now: SIM_NOW, live: false });
  cache = cacheFromTemplate(await backfillTemplate(sim.url, 500));
  rm = createReadModel(cache.db, { now: () => SIM_NOW.getTime() });
  for (const [name, { path }] of Object.entries(FEEDS)) {
    const page = (await (await fetch(`${sim.url}${path}?limit=40`)).json()) as { items: Json[] };
    samples.set(name as FeedName, page.items);
  }
  for (const [name, { path }] of Object.entries(SNAPSHOTS)) samples.set(name as SnapshotName, [(await (await fetch(`${sim.url}${path}`)).json()) as Json]);
}, 120_000);
afterAll(async () => {
  cache?.close();
  await sim?.stop();
  removeTempDirs();
});

/** Every leaf path of a JSON value (arrays by index), at most `max` of them. */
function leafPaths(value: Json, max = 400): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  const walk = (v: Json, path: Array<string | number>) => {
    if (out.length >= max) return;
    if (v !== null && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
      if (entries.length === 0) out.push(path);
      for (const [k, x] of entries) walk(x, [...path, k]);
    } else out.push(path);
  };
  walk(value, []);
  return out;
}

function setAt(value: Json, path: Array<string | number>, leaf: Json): Json {
  if (path.length === 0) return leaf;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  node[path[path.length - 1]] = leaf;
  return copy as Json;
}

const absurdNumbers = fc.constantFrom(1e308, -1e308, 5e-324, -5e-324, 0, -0, 1e-300, 2 ** 53, -1, 1e9, 1e15, 0.5, 100.0001);
const absurdTimes = fc.constantFrom(
  '9999-12-31T23:59:59+08:00',
  '0000-01-01T00:00:00Z',
  '1970-01-01T08:00:00+08:00',
  '1999-12-31T23:59:59Z',
  '2000-01-01T00:00:00Z',
  '9999-12-27',
  '0000-01-03',
  '2026-02-30',
  new Date(SIM_NOW.getTime() + 3 * 86_400_000).toISOString(),
);
const oddStrings = fc.constantFrom('', ' ', '\u202E\u2067', '\u200B', 'x'.repeat(5000), '<b>x</b>', '__proto__', '\uFFFD', '330113001', 'null');
const leafValue: fc.Arbitrary<Json> = fc.oneof(
  absurdNumbers,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  absurdTimes,
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  oddStrings,
  fc.string({ maxLength: 30 }),
  fc.constantFrom<Json>(null, true, false, [], {}),
);

/** One change: where, and a replacement of each kind; the kind that fits the leaf is used (one in eight: any kind). */
const change = fc.record({
  where: fc.nat(),
  number: fc.oneof(absurdNumbers, absurdNumbers, fc.double({ noNaN: true, noDefaultInfinity: true })),
  time: fc.oneof(absurdTimes, absurdTimes, fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString())),
  text: fc.oneof(oddStrings, fc.string({ maxLength: 30 })),
  any: leafValue,
  wild: fc.nat(7),
});
const TIME_LIKE = /^\d{4}-\d{2}-\d{2}/;

function replacement(current: Json, c: { number: Json; time: Json; text: Json; any: Json; wild: number }): Json {
  if (c.wild === 0) return c.any;
  if (typeof current === 'number') return c.number;
  if (typeof current === 'string') return TIME_LIKE.test(current) ? c.time : c.text;
  return c.any;
}

function leafAt(value: Json, path: Array<string | number>): Json {
  let node: Json = value;
  for (const k of path) node = (node as Record<string | number, Json>)[k];
  return node;
}

const NAMES = [...Object.keys(FEEDS), ...Object.keys(SNAPSHOTS)] as Array<FeedName | SnapshotName>;

/** A reader that serves the given records (or document) once, as a District API source would. */
function readerServing(name: FeedName | SnapshotName, records: Json[], run: number): SourceReader {
  return {
    location: 'mutations',
    serves: [name],
    async readFeed() {
      return { status: 200, page: { items: records, cursor: `run-${run}`, hasMore: false }, etag: null };
    },
    async readSnapshot() {
      return { status: 200, doc: records[0], etag: null, text: JSON.stringify(records[0]) };
    },
    secrets: () => [],
  };
}

/** Asks every screen; throws naming the query when one fails or shows a non-finite number. */
function everyScreen(): void {
  const meta = rm.query('meta', {});
  const answers: Array<[string, unknown]> = [['meta', meta]];
  for (const name of ['overview', 'risk', 'events', 'consultation', 'health'] as const) answers.push([name, rm.query(name, {})]);
  for (const t of meta.towns) answers.push([`town ${t.code}`, rm.query('town', { code: t.code })]);
  for (const [name, answer] of answers) {
    const stack: unknown[] = [answer];
    while (stack.length) {
      const v = stack.pop();
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`${name} shows a non-finite number (${v})`);
      if (v && typeof v === 'object') stack.push(...Object.values(v));
    }
  }
}

describe('random mutations of valid records', () => {
  it('never make a screen query fail or show a non-finite number', async () => {
    everyScreen(); // the unmutated picture answers
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...NAMES),
        fc.array(fc.tuple(fc.nat(), fc.array(change, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        async (name, edits) => {
          const pool = samples.get(name)!;
          // Later than anything stored, yet within the bounds of the engine's clock (SIM_NOW).
          const now = new Date(SIM_NOW.getTime() + ++run * 10).toISOString();
          const records = edits.map(([pick, changes]) => {
            let record = pool[pick % pool.length];
            // A later updatedAt, so an accepted mutation replaces the stored record.
            if (record && typeof record === 'object' && !Array.isArray(record) && 'updatedAt' in record) record = { ...record, updatedAt: now };
            for (const c of changes) {
              const paths = leafPaths(record);
              const path = paths[c.where % paths.length];
              record = setAt(record, path, replacement(leafAt(record, path), c));
            }
            return record;
          });
          const source = districtApiSourceSchema.parse({ id: 'sim', url: 'http://127.0.0.1:1' });
          const engine = createSyncEngine({ cache, sources: [source], readerFor: () => readerServing(name, records, run), now: () => SIM_NOW.getTime() });
          await engine.syncOnce();
          await engine.stop();
          everyScreen();
        },
      ),
      { numRuns: 200, seed: 10, endOnFailure: true },
    );
    expect(run).toBeGreaterThanOrEqual(200);
  }, 120_000);
});
