import { describe, expect, it } from 'vitest';
import type { Consultation, DistrictEvent, Person } from '../../shared/contract';
import { FEEDS, consultationSchema, eventSchema, feedPageSchema, kpisSchema, metaSchema, personSchema } from '../../shared/contract';
import { startSimulator } from './index';
import { endCursor, getJson, readFeed } from './testSupport';

/** Live time: with speed, a simulated day passes in seconds and the district keeps moving. */

const NOW = new Date('2026-11-27T15:30:00+08:00');
const STEPS = ['reportedAt', 'acceptedAt', 'dispatchedAt', 'handledAt', 'closedAt'] as const;
const STATUS_ORDER = ['reported', 'accepted', 'dispatched', 'handled', 'closed', 'rated'];

describe('live district', () => {
  it('speed makes a simulated day pass in a few seconds, with valid, progressing records', async () => {
    const sim = await startSimulator({ now: NOW, seed: 42, speed: 40_000 });
    try {
      const start: Record<string, string> = {};
      for (const feed of ['events', 'consultations', 'personnel', 'disputes', 'riskPeriods'] as const) {
        start[feed] = await endCursor(sim.url, feed);
      }
      const kpisBefore = kpisSchema.parse(await getJson(`${sim.url}/v1/kpis`));
      await new Promise((r) => setTimeout(r, 2600));
      const meta = metaSchema.parse(await getJson(`${sim.url}/v1/meta`));
      const elapsedH = (Date.parse(meta.generatedAt) - NOW.getTime()) / 3_600_000;
      expect(elapsedH).toBeGreaterThan(20);

      const changed = (await readFeed(sim.url, 'events', 5000, start.events)).items as DistrictEvent[];
      for (const e of changed) {
        const parsed = eventSchema.safeParse(e);
        expect(parsed.success, `${e.id}`).toBe(true);
      }
      const fresh = changed.filter((e) => Date.parse(e.reportedAt) > NOW.getTime());
      // ~100 reports a day on average; a Friday evening to Saturday afternoon brings fewer.
      expect(fresh.length).toBeGreaterThan(30);
      expect(fresh.every((e) => Date.parse(e.reportedAt) <= Date.parse(meta.generatedAt))).toBe(true);
      expect(fresh.some((e) => e.status !== 'reported' && e.status !== 'accepted')).toBe(true);
      // Events open at the start moved on.
      expect(changed.some((e) => Date.parse(e.reportedAt) < NOW.getTime())).toBe(true);

      // Follow one new event: its steps only move forward.
      const pick = fresh.find((e) => e.status !== 'rated')!;
      await new Promise((r) => setTimeout(r, 800));
      const later = ((await readFeed(sim.url, 'events', 5000, start.events)).items as DistrictEvent[]).find((e) => e.id === pick.id)!;
      expect(Date.parse(later.updatedAt)).toBeGreaterThanOrEqual(Date.parse(pick.updatedAt));
      expect(STATUS_ORDER.indexOf(later.status)).toBeGreaterThanOrEqual(STATUS_ORDER.indexOf(pick.status));
      for (const step of STEPS) if (pick[step] !== null) expect(later[step]).toBe(pick[step]);

      // The session on air at 15:30 ended; the 02:00 assessment re-scored people.
      const sessions = (await readFeed(sim.url, 'consultations', 5000, start.consultations)).items as Consultation[];
      expect(sessions.every((c) => consultationSchema.safeParse(c).success)).toBe(true);
      expect(sessions.some((c) => c.status === 'ended' && Date.parse(c.endedAt!) > NOW.getTime())).toBe(true);
      const people = (await readFeed(sim.url, 'personnel', 5000, start.personnel)).items as Person[];
      expect(people.length).toBeGreaterThan(10);
      expect(people.every((p) => personSchema.safeParse(p).success && p.updatedAt.endsWith('T02:00:00+08:00'))).toBe(true);
      expect((await readFeed(sim.url, 'disputes', 5000, start.disputes)).items.length).toBeGreaterThan(5);
      // A week's 五色图 changes only when a new week begins or its final copy is published on the
      // Monday after: a Friday afternoon to Saturday re-sends nothing (no churn of equal copies).
      expect((await readFeed(sim.url, 'riskPeriods', 5000, start.riskPeriods)).items).toEqual([]);

      const kpis = kpisSchema.parse(await getJson(`${sim.url}/v1/kpis`));
      expect(kpis.eventsAccepted).toBeGreaterThan(kpisBefore.eventsAccepted);
      expect(kpis.consultationsHeld).toBeGreaterThan(kpisBefore.consultationsHeld);
      expect(kpis.consultationFollowers).toBeGreaterThan(kpisBefore.consultationFollowers);
    } finally {
      await sim.stop();
    }
  });

  it('a new week brings new risk periods for every town; every feed stays valid', async () => {
    const sim = await startSimulator({ now: NOW, live: false });
    try {
      // Friday 15:30 → Monday 15:30: across the ISO week boundary.
      sim.tick(3 * 86_400_000);
      for (const feed of Object.keys(FEEDS) as Array<keyof typeof FEEDS>) {
        const { items } = await readFeed(sim.url, feed);
        const bad = items.filter((r) => !FEEDS[feed].record.safeParse(r).success);
        expect(bad, feed).toEqual([]);
      }
      const periods = (await readFeed(sim.url, 'riskPeriods')).items as Array<{ townCode: string; weekStart: string; level?: string }>;
      const thisWeek = periods.filter((p) => p.weekStart === '2026-11-30');
      expect(thisWeek.map((p) => p.townCode).sort()).toEqual([
        '330113001', '330113002', '330113003', '330113004', '330113006', '330113007', '330113008', '330113102',
      ]);
      expect(thisWeek.every((p) => p.level !== undefined)).toBe(true);
    } finally {
      await sim.stop();
    }
  });

  it('without live, nothing moves until tick()', async () => {
    const sim = await startSimulator({ now: NOW, live: false });
    try {
      const end = await endCursor(sim.url, 'events');
      await new Promise((r) => setTimeout(r, 300));
      let page = feedPageSchema.parse(await getJson(`${sim.url}${FEEDS.events.path}?cursor=${end}`));
      expect(page.items).toHaveLength(0);
      sim.tick(2 * 3_600_000);
      page = feedPageSchema.parse(await getJson(`${sim.url}${FEEDS.events.path}?cursor=${end}`));
      expect(page.items.length).toBeGreaterThan(5);
      const meta = metaSchema.parse(await getJson(`${sim.url}/v1/meta`));
      expect(meta.generatedAt).toBe('2026-11-27T17:30:00+08:00');
    } finally {
      await sim.stop();
    }
  });
});
