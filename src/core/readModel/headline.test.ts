/**
 * The whole read path on real parts: the simulator (seed 42, fixed clock, no live trickle)
 * served over HTTP on 127.0.0.1, synced by the real sync engine into a real cache file, read
 * by the read model. The screens must tell the article's story to the unit, and agree with
 * the source's own /v1/kpis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceConfigSchema } from '../../shared/config';
import { kpisSchema, type Kpis } from '../../shared/contract';
import { openCache, type Cache } from '../cache';
import { startSimulator, type RunningSimulator } from '../sim';
import { createSyncEngine } from '../sync';
import { createReadModel, type ReadModel } from './index';

const NOW = new Date('2026-11-20T04:00:00Z');

interface Synced {
  sim: RunningSimulator;
  cache: Cache;
  rm: ReadModel;
  kpis: Kpis;
}

async function syncedSimulator(dir: string, name: string, computeLevels: boolean): Promise<Synced> {
  const sim = await startSimulator({ port: 0, seed: 42, now: NOW, live: false, computeLevels });
  const cache = openCache(join(dir, `${name}.db`), { now: () => NOW.getTime() });
  const engine = createSyncEngine({
    cache,
    sources: [sourceConfigSchema.parse({ id: name, url: sim.url, timeoutMs: 60_000 })],
    now: () => NOW.getTime(),
  });
  const summary = await engine.syncOnce();
  const failed = summary.sources.flatMap((s) => s.endpoints.filter((e) => e.error));
  if (failed.length) throw new Error(`sync failed: ${JSON.stringify(failed)}`);
  const kpis = kpisSchema.parse(await (await fetch(new URL('/v1/kpis', sim.url))).json());
  return { sim, cache, rm: createReadModel(cache.db, { now: () => NOW.getTime() }), kpis };
}

describe('a synced cache reproduces the headline figures', () => {
  let dir: string;
  let withLevels: Synced;
  let withoutLevels: Synced;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'readmodel-headline-'));
    withLevels = await syncedSimulator(dir, 'sim', true);
    withoutLevels = await syncedSimulator(dir, 'simnolevels', false);
  }, 120_000);

  afterAll(async () => {
    for (const s of [withLevels, withoutLevels]) {
      if (!s) continue;
      s.cache.close();
      await s.sim.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the article’s figures on the overview, events and consultation screens', () => {
    const { rm } = withLevels;
    const overview = rm.query('overview', {});
    const events = rm.query('events', {});
    const consultation = rm.query('consultation', {});
    for (const k of [overview.events, events.kpis]) {
      expect(k.dispatchedPersonnel).toBe(871);
      expect(k.accepted).toBe(15_291);
      expect(k.acceptOverdueRatePct).toBe(0);
      expect(k.satisfactionRatePct).toBe(100);
    }
    for (const k of [overview.consultations, consultation.kpis]) {
      expect(k.followers).toBe(14_341);
      expect(k.held).toBe(938);
      expect(k.successRatePct).toBe(96);
    }
  });

  it('agrees with the source’s own /v1/kpis', () => {
    const { rm, kpis } = withLevels;
    const events = rm.query('events', {}).kpis;
    const consultation = rm.query('consultation', {});
    expect({
      dispatchedPersonnel: events.dispatchedPersonnel,
      eventsAccepted: events.accepted,
      acceptOverdueRatePct: events.acceptOverdueRatePct,
      satisfactionRatePct: events.satisfactionRatePct,
      consultationFollowers: consultation.kpis.followers,
      consultationsHeld: consultation.kpis.held,
      consultationSuccessRatePct: consultation.kpis.successRatePct,
      disputesReceived: consultation.disputes.received,
      disputesResolvedAtSource: consultation.disputes.resolvedAtSource,
    }).toEqual({
      dispatchedPersonnel: kpis.dispatchedPersonnel,
      eventsAccepted: kpis.eventsAccepted,
      acceptOverdueRatePct: kpis.acceptOverdueRatePct,
      satisfactionRatePct: kpis.satisfactionRatePct,
      consultationFollowers: kpis.consultationFollowers,
      consultationsHeld: kpis.consultationsHeld,
      consultationSuccessRatePct: kpis.consultationSuccessRatePct,
      disputesReceived: kpis.disputesReceived,
      disputesResolvedAtSource: kpis.disputesResolvedAtSource,
    });
  });

  it('gives the same colours whether the source computes levels or the engine does', () => {
    const weeks = withLevels.rm.query('meta', {}).weeks;
    expect(weeks.length).toBeGreaterThan(4);
    expect(withoutLevels.rm.query('meta', {}).weeks).toEqual(weeks);
    for (const week of weeks) {
      const source = withLevels.rm.query('risk', { week }).towns;
      const engine = withoutLevels.rm.query('risk', { week }).towns;
      expect(source.every((t) => t.levelFrom === 'source')).toBe(true);
      expect(engine.every((t) => t.levelFrom === 'engine')).toBe(true);
      const strip = (ts: typeof source) => ts.map(({ levelFrom: _, ...t }) => t);
      expect(strip(engine), `week ${week}`).toEqual(strip(source));
    }
  });

  it('answers every screen, each saying when its data is from', () => {
    const { rm } = withLevels;
    const asOf = NOW.toISOString();
    for (const q of ['meta', 'overview', 'risk', 'events', 'consultation'] as const) expect(rm.query(q, {}).asOf, q).toBe(asOf);
    const overview = rm.query('overview', {});
    expect(overview.towns).toHaveLength(8);
    expect(Object.values(overview.levelCounts).reduce((s, n) => s + n, 0)).toBe(8);
    expect(rm.query('meta', {}).district).toEqual({ code: '330113', name: '临平区' });
    const town = rm.query('town', { code: '330113004' });
    expect(town.town.name).toBe('星桥街道');
    expect(town.asOf).toBe(asOf);
    // The article's story: 星桥街道's orange telecom-fraud warning, rectified and closed.
    const story = town.warnings.find((w) => w.level === 'orange' && w.indicator === 'telecomFraud');
    const steps = story?.history.map((h) => h.status) ?? [];
    expect(steps[0]).toBe('open');
    expect(steps).toContain('rectifying');
    expect(steps.at(-1)).toBe('closed');
    expect(story?.causeAnalysis).toContain('社区');
    expect(rm.query('health', {}).freshness.map((f) => f.state)).toEqual(['fresh']);
  });
});
