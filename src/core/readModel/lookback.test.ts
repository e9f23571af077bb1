/**
 * Looking back is exact: what a past day shows equals what the cockpit showed live at the end of
 * that day. Real parts throughout — the simulator over HTTP (no live trickle, its clock moved by
 * tick), the sync engine polling it every few simulated hours into a real cache file, the read
 * model with its clock tied to the simulator's. At the end of three days every screen is
 * recorded live; four weeks later each is asked for as of that day and must be equal, figure for
 * figure (only `asOf`, the freshness stamp, and `lookback` may differ).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceConfigSchema } from '../../shared/config';
import { endOfLocalDay as endOfDay } from '../../shared/lookback';
import { districtTime } from '../../shared/districtTime';
import type { QueryResult } from '../../shared/queries';
import { openCache, type Cache } from '../cache';
import { startSimulator, type RunningSimulator } from '../sim';
import { createSyncEngine, type SyncEngine } from '../sync';
import { createReadModel, type ReadModel, type ReadQueryName } from './index';

const START = Date.parse('2026-11-20T10:00:00+08:00');
/** Days recorded live: a Sunday, a Wednesday, and the Monday a week's 五色图 is published. */
const DAYS = ['2026-11-22', '2026-11-25', '2026-11-30'];
const STEP_MS = 12 * 3_600_000;
const DAY_MS = 86_400_000;
const TIME = districtTime();
const endOfLocalDay = (day: string) => endOfDay(TIME, day);

type Screens = Record<string, unknown>;

let dir: string;
let sim: RunningSimulator;
let cache: Cache;
let engine: SyncEngine;
let rm: ReadModel;
let towns: string[];
const live = new Map<string, Screens>();

async function sync(): Promise<void> {
  const summary = await engine.syncOnce();
  const failed = summary.sources.flatMap((s) => s.endpoints.filter((e) => e.error));
  if (failed.length) throw new Error(`sync failed: ${JSON.stringify(failed)}`);
}

/** Move the simulator to `to` in steps, syncing after each, as a running cockpit would. */
async function runUntil(to: number, step = STEP_MS): Promise<void> {
  while (sim.now() < to) {
    sim.tick(Math.min(step, to - sim.now()));
    await sync();
  }
}

/** Every screen's answer, without the freshness stamp and the look-back note. */
function screens(asOf?: string): Screens {
  const p = asOf ? { asOf } : {};
  const ask = <K extends ReadQueryName>(name: K, params: object): unknown => {
    const { asOf: _stamp, lookback: _note, ...figures } = rm.query(name, params as never) as QueryResult<K> & { asOf?: unknown; lookback?: unknown };
    return figures;
  };
  const out: Screens = {
    meta: ask('meta', p),
    overview: ask('overview', p),
    risk: ask('risk', p),
    events: ask('events', p),
    consultation: ask('consultation', p),
  };
  for (const code of towns) out[`town ${code}`] = ask('town', { ...p, code });
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lookback-'));
  sim = await startSimulator({ port: 0, seed: 42, now: new Date(START), live: false });
  const now = () => sim.now();
  cache = openCache(join(dir, 'cache.db'), { now });
  engine = createSyncEngine({ cache, sources: [sourceConfigSchema.parse({ id: 'sim', url: sim.url, timeoutMs: 60_000 })], now });
  rm = createReadModel(cache.db, { now });
  await sync();
  towns = rm.query('meta', {}).towns.map((t) => t.code);
  for (const day of DAYS) {
    // The last instant of the day: everything of that day has happened and been synced.
    await runUntil(endOfLocalDay(day));
    live.set(day, screens());
  }
  await runUntil(endOfLocalDay(DAYS[DAYS.length - 1]) + 28 * DAY_MS, DAY_MS);
}, 240_000);

afterAll(async () => {
  await sim?.stop();
  cache?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('looking back four weeks', () => {
  for (const day of DAYS) {
    it(`shows ${day} exactly as it was live at the end of that day, on every screen and every town`, () => {
      const then = live.get(day)!;
      const back = screens(day);
      for (const name of Object.keys(then)) expect(back[name], `${name} as of ${day}`).toEqual(then[name]);
    });
  }

  it('is not the live picture: four weeks on, warnings, events and the map have moved', () => {
    const then = live.get(DAYS[0])! as Record<string, { [k: string]: unknown }>;
    const now = screens() as Record<string, { [k: string]: unknown }>;
    expect(now.overview.weekStart).not.toBe(then.overview.weekStart);
    expect(now.overview.warnings).not.toEqual(then.overview.warnings);
    expect(now.events.flow).not.toEqual(then.events.flow);
    expect(now.consultation.kpis).not.toEqual(then.consultation.kpis);
  });

  it('says what it answered for, and how far back the cache holds data', () => {
    const r = rm.query('overview', { asOf: DAYS[0] });
    expect(r.lookback).toEqual({ date: DAYS[0], at: new Date(endOfLocalDay(DAYS[0])).toISOString(), heldSince: expect.any(String) });
    expect(r.lookback!.heldSince! < DAYS[0]).toBe(true);
    expect(r.asOf! <= r.lookback!.at).toBe(true);
    // Today or later is live.
    const today = new Date(sim.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(rm.query('overview', { asOf: today }).lookback).toBeNull();
    expect(rm.query('events', { asOf: '2099-01-01' }).lookback).toBeNull();
  });

  it('shows nothing from before the cache holds data, and says so', () => {
    const r = rm.query('overview', { asOf: '2020-01-01' });
    expect(r.weekStart).toBeNull();
    expect(r.events.accepted).toBe(0);
    expect(r.lookback!.heldSince! > '2020-01-01').toBe(true);
    expect(rm.query('events', { asOf: '2020-01-01' }).flow.reported).toBe(0);
  });
});
