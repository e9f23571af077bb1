import { describe, expect, it } from 'vitest';
import type { DistrictEvent, Person } from '../../shared/contract';
import { FEEDS, FEED_NAMES, divisionsSchema, kpisSchema } from '../../shared/contract';
import { configSchema } from '../../shared/config';
import { QUERY_NAMES } from '../../shared/queries';
import { createCore } from '../core';
import { tempDir } from '../cache/testing/tempDir';
import { silentLogger } from '../log/logger';
import { LINPING } from './districts/linping';
import { SAMPLE_DISTRICT } from './districts/sample';
import { startSimulator } from './index';
import { getJson, readFeed } from './testSupport';

/** A district is data: another profile file gives another district, with its own figures and story. */

const NOW = new Date('2026-03-02T09:00:00+08:00');
const SAMPLE_TOWNS = SAMPLE_DISTRICT.towns.map((t) => t.code);

describe('district profiles', () => {
  it('simulates another profile and reproduces its own figures', async () => {
    const sim = await startSimulator({ profile: SAMPLE_DISTRICT, now: NOW, live: false });
    try {
      const divisions = divisionsSchema.parse(await getJson(`${sim.url}/v1/divisions`));
      expect(divisions.district).toMatchObject({ code: '330199', name: '示例区' });
      expect(divisions.towns.map((t) => t.code)).toEqual(SAMPLE_TOWNS);
      expect(divisions.communities.map((c) => c.code)).toEqual(['330199001001', '330199001002', '330199002001', '330199002002', '330199101201', '330199101202']);
      const kpis = kpisSchema.parse(await getJson(`${sim.url}/v1/kpis`));
      expect(kpis).toMatchObject({
        dispatchedPersonnel: 40, eventsAccepted: 600, consultationFollowers: 1200, consultationsHeld: 50, consultationSuccessRatePct: 82,
      });
      for (const feed of FEED_NAMES) {
        const { items } = await readFeed(sim.url, feed);
        expect(items.filter((r) => !FEEDS[feed].record.safeParse(r).success), feed).toEqual([]);
        for (const r of items as Array<{ townCode: string }>) expect(SAMPLE_TOWNS).toContain(r.townCode);
      }
      const events = (await readFeed(sim.url, 'events')).items as DistrictEvent[];
      const people = new Map(((await readFeed(sim.url, 'personnel')).items as Person[]).map((p) => [p.id, p]));
      // Handlers are people of the event's own town.
      for (const e of events) for (const h of e.handlers) expect(people.get(h)?.townCode).toBe(e.townCode);
    } finally {
      await sim.stop();
    }
  });

  it('drives every screen of the real core, with nothing of Linping left in any answer', async () => {
    const sim = await startSimulator({ profile: SAMPLE_DISTRICT, now: NOW, live: false });
    const core = await createCore({
      config: configSchema.parse({ sources: [{ id: 'sample', url: sim.url, intervalSec: 60 }] }),
      dataDir: tempDir(),
      logger: silentLogger,
    });
    try {
      await core.start();
      const deadline = Date.now() + 30_000;
      // Towns and warnings arrive by different feeds: wait for both, not for whichever is first.
      const synced = async () => {
        const o = await core.query('overview', {});
        return o.towns.length === SAMPLE_TOWNS.length && o.warnings.length > 0;
      };
      while (!(await synced()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const meta = await core.query('meta', {});
      expect(meta.district).toEqual({ code: '330199', name: '示例区' });
      expect(meta.towns.map((t) => t.code)).toEqual(SAMPLE_TOWNS);
      const overview = await core.query('overview', {});
      expect(overview.towns.map((t) => t.code)).toEqual(SAMPLE_TOWNS);
      // The story's warnings fall on the towns the profile casts.
      const cast = new Set(Object.values(SAMPLE_DISTRICT.storyCast));
      expect(overview.warnings.length).toBeGreaterThan(0);
      for (const w of overview.warnings) expect(cast.has(w.town.code), w.title).toBe(true);
      expect((await core.query('events', {})).byTown.map((t) => t.town.code)).toEqual(SAMPLE_TOWNS);
      const screens = QUERY_NAMES.filter((q) => ['meta', 'overview', 'risk', 'events', 'consultation', 'map'].includes(q));
      const answers = JSON.stringify(await Promise.all(screens.map((q) => core.query(q as 'meta', {}))));
      expect(answers).not.toContain(LINPING.code);
      for (const town of LINPING.towns) expect(answers, town.name).not.toContain(town.name);
      expect(answers).toContain('白塔街道');
    } finally {
      await core.close();
      await sim.stop();
    }
  }, 60_000);

  it('refuses a story cast in a town the district does not have, saying which', async () => {
    const broken = { ...SAMPLE_DISTRICT, storyCast: { ...SAMPLE_DISTRICT.storyCast, warehouseFire: '330113006' } };
    await expect(startSimulator({ profile: broken, now: NOW, live: false })).rejects.toThrow(/casts "warehouseFire" in town 330113006, which the district does not have/);
  });
});
