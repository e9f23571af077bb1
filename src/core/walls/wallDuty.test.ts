/**
 * The alert engine and the wall history over the real path: the simulator as source, the sync
 * engine filling a cache, the cockpit evaluating every change notice. The core's clock is
 * offset by the test where time must pass (rate limit, outages).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warning } from '../../shared/contract';
import { configSchema } from '../../shared/config';
import type { AlertsModel } from '../../shared/alerts/types';
import { createCore, type Core } from '../core';
import { silentLogger } from '../log/logger';
import { startSimulator, type RunningSimulator } from '../sim';

const XINGQIAO = '330113004';
let dir: string;
let sim: RunningSimulator;
let cockpit: Core;
let offsetMs = 0;
const clock = () => Date.now() + offsetMs;

function warning(id: string, level: Warning['level'], townCode = XINGQIAO): Warning {
  const at = new Date().toISOString();
  return {
    id,
    townCode,
    level,
    kind: 'assessed',
    dimension: 'publicOrder',
    indicator: 'telecomFraud',
    title: `测试预警 ${id}`,
    issuedAt: at,
    causeAnalysis: '电信诈骗集中在4个社区，工业园区占比最高。防范责任不清',
    rectification: '明确防范责任',
    communities: [],
    status: 'open',
    history: [{ status: 'open', at, note: '发布' }],
    updatedAt: at,
  };
}

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(v).slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const alerts = (wall = 'main'): AlertsModel => cockpit.walls.alerts(wall);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cockpit-walls-'));
  sim = await startSimulator({ port: 0, seed: 42, speed: 1 });
  const config = configSchema.parse({
    sources: [{ id: 'sim', url: sim.url, intervalSec: 1 }],
    alerts: { coalesceSec: 20, maxPerHour: 12 },
    walls: {
      lobby: { pages: ['overview'], alerts: { kpis: [], maxPerHour: 1, levelRise: { enabled: false }, newWarning: { levels: ['red'] } } },
    },
  });
  cockpit = await createCore({ config, dataDir: dir, logger: silentLogger, now: clock });
  await cockpit.start();
  // The first whole sync: warnings synced, and one more evaluation after it.
  await until(async () => (await cockpit.query('health', {})).sources[0]?.state, (s) => s === 'ok', 'first sync', 60_000);
  await new Promise((r) => setTimeout(r, 2500));
}, 90_000);

afterAll(async () => {
  await cockpit?.close();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the alert engine', () => {
  it('raises nothing for the history a first sync brings', async () => {
    expect((await cockpit.query('overview', {})).warnings.length).toBeGreaterThan(0);
    expect(alerts().recent).toEqual([]);
    expect(alerts('lobby').recent).toEqual([]);
  });

  it('interrupts a wall for a new red warning, naming the town with the cause from the explanation', async () => {
    sim.inject('warnings', warning('t-red-1', 'red'));
    const model = await until(alerts, (a) => a.active !== null, 'alert on main');
    const a = model.active!;
    expect(a).toMatchObject({ level: 'red', count: 1, state: 'open', subjects: ['星桥街道'], ack: null });
    const fact = a.facts[0];
    expect(fact).toMatchObject({ kind: 'warning', warningId: 't-red-1', town: { code: XINGQIAO, name: '星桥街道' } });
    if (fact.kind !== 'warning') throw new Error('not a warning');
    // The indicator the warning names, with its value against the town's baseline.
    expect(fact.cause.contributor).toMatchObject({ indicator: 'telecomFraud' });
    expect(fact.cause.contributor!.baseline).toBeGreaterThan(0);
    expect(fact.cause.text).toBe('电信诈骗集中在4个社区，工业园区占比最高');
    // The lobby's rules take red warnings too.
    await until(() => alerts('lobby').active, (x) => x !== null, 'alert on lobby');
  });

  it('an orange warning joins the alert on screen (coalesced) where the rules take it, and nowhere else', async () => {
    const before = alerts().active!;
    sim.inject('warnings', warning('t-orange-1', 'orange', '330113001'));
    const merged = await until(alerts, (a) => a.active?.count === 2, 'coalesced');
    expect(merged.active!.id).toBe(before.id);
    expect(merged.active!.level).toBe('red');
    expect(merged.active!.subjects).toEqual(['星桥街道', '临平街道']);
    // The lobby only takes red ones.
    expect(alerts('lobby').active!.count).toBe(1);
  });

  it('acknowledging is recorded with time, wall and control, once', () => {
    const id = alerts().active!.id;
    const acked = cockpit.walls.acknowledge('main', id, 'clicker');
    expect(acked).toMatchObject({ id, state: 'acknowledged', ack: { via: 'clicker' } });
    expect(alerts().active).toBeNull();
    // A second acknowledgement (another control, a moment later) changes nothing.
    expect(cockpit.walls.acknowledge('main', id, 'remote').ack!.via).toBe('clicker');
    expect(() => cockpit.walls.acknowledge('lobby', id, 'keyboard')).toThrow(/wall "lobby" has no alert/);
    expect(() => cockpit.walls.acknowledge('office', id, 'keyboard')).toThrow(/unknown wall profile "office"/);
    cockpit.walls.acknowledge('lobby', alerts('lobby').active!.id, 'keyboard');
  });

  it('50 warnings at once make one summary alert', async () => {
    for (let i = 0; i < 50; i++) sim.inject('warnings', warning(`t-burst-${i}`, i % 5 === 0 ? 'red' : 'orange', i % 2 ? XINGQIAO : '330113001'));
    const model = await until(alerts, (a) => a.active?.count === 50, 'summary of 50');
    expect(model.recent.filter((a) => a.state === 'open')).toHaveLength(1);
    expect(model.active!.byLevel).toEqual({ red: 10, orange: 40 });
    expect(model.active!.facts[0].level).toBe('red');
    expect(model.active!.subjects).toEqual(['临平街道', '星桥街道']);
    expect(model.waiting).toBe(0);
  });

  it('past maxPerHour facts wait, and come as one summary when the hour allows', async () => {
    // The lobby (1 an hour) already had its alert: its 10 red ones of the burst are held.
    const lobby = await until(() => alerts('lobby'), (a) => a.held === 10, 'held on lobby');
    expect(lobby.active).toBeNull();
    expect(lobby.recent).toHaveLength(1);
    offsetMs += 61 * 60_000;
    sim.inject('warnings', warning('t-red-later', 'red'));
    // Released by the next look (a tick or that warning's notice); the later one joins it.
    const released = await until(() => alerts('lobby'), (a) => a.active?.count === 11, 'released summary');
    expect(released.held).toBe(0);
    expect(released.recent).toHaveLength(2);
  });

  it('records alerts and acknowledgements in the wall history, and what the wall reported it showed', () => {
    const t0 = clock();
    cockpit.walls.report({ wall: 'lobby', kind: 'state', page: 'overview', town: null, asOf: null, slot: { index: -1, name: null }, dim: false, playing: true, alertId: null, reason: null });
    offsetMs += 60_000;
    const moment = cockpit.walls.moment('lobby', clock());
    expect(moment.shown).toMatchObject({ page: 'overview', town: null, playing: true });
    expect(moment.silentMin).toBe(1);
    expect(moment.alert).toMatchObject({ level: 'red', count: 11 });
    const kinds = moment.entries.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['alert', 'ack', 'state']));
    // Before the wall first reported, nothing is claimed about what it showed.
    expect(cockpit.walls.moment('lobby', t0 - 3 * 3_600_000).shown).toBeNull();
    expect(() => cockpit.walls.moment('office', t0)).toThrow(/unknown wall profile/);
  });

  it('a source down longer than the rule says interrupts the wall', async () => {
    for (const a of alerts().recent.filter((x) => x.state === 'open')) cockpit.walls.acknowledge('main', a.id, 'keyboard');
    await sim.stop();
    offsetMs += 11 * 60_000;
    const model = await until(alerts, (a) => a.active?.facts.some((f) => f.kind === 'sourceDown') ?? false, 'source down alert', 30_000);
    expect(model.active!.subjects).toContain('sim');
  }, 40_000);

  it('alerts and acknowledgements survive a restart, and nothing is raised twice', async () => {
    const before = alerts().recent;
    await cockpit.close();
    sim = await startSimulator({ port: 0, seed: 42, speed: 1 });
    const config = configSchema.parse({ sources: [{ id: 'sim', url: sim.url, intervalSec: 1 }], walls: { lobby: {} } });
    cockpit = await createCore({ config, dataDir: dir, logger: silentLogger, now: clock });
    expect(alerts().recent.map((a) => [a.id, a.state, a.ack?.via ?? null])).toEqual(before.map((a) => [a.id, a.state, a.ack?.via ?? null]));
    expect(alerts().recent.find((a) => a.count === 2)?.ack?.via).toBe('clicker');
    await cockpit.start();
    await until(async () => (await cockpit.query('health', {})).sources[0]?.state, (s) => s === 'ok', 'sync after restart', 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    // The source is back: no outage, and the warnings seen before are not news again.
    expect(alerts().recent.length).toBe(before.length);
  }, 60_000);
});
