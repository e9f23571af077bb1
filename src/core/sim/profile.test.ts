import { describe, expect, it } from 'vitest';
import type { DistrictEvent, Person } from '../../shared/contract';
import { FEEDS, FEED_NAMES, divisionsSchema, kpisSchema } from '../../shared/contract';
import { LINPING } from './districts/linping';
import type { DistrictProfile } from './districts/types';
import { startSimulator } from './index';
import { getJson, readFeed } from './testSupport';

/** A district is data: another profile gives another district with its own headline figures. */

const TOY: DistrictProfile = {
  code: '330110',
  name: '示例区',
  areaKm2: 120,
  districtCentre: '示例区矛调中心',
  departmentName: (town, kind) => `${town.short}${kind === 'justice' ? '司法所' : kind === 'police' ? '派出所' : `${kind}站`}`,
  figures: { dispatchedActive: 40, eventsAccepted: 600, followers: 1200, consultationsHeld: 50, consultationsAgreed: 41 },
  showcaseEvents: [],
  showcaseConsultations: [],
  towns: [
    { ...LINPING.towns[0], code: '330110001', name: '甲街道', short: '甲', communities: [{ name: '一社区', kind: '社区' }, { name: '二村', kind: '村' }] },
    { ...LINPING.towns[7], code: '330110101', name: '乙镇', short: '乙', communities: [{ name: '三村', kind: '村' }] },
  ],
};

describe('district profiles', () => {
  it('simulates any profile and reproduces its own figures', async () => {
    const sim = await startSimulator({ profile: TOY, now: new Date('2026-03-02T09:00:00+08:00'), live: false });
    try {
      const divisions = divisionsSchema.parse(await getJson(`${sim.url}/v1/divisions`));
      expect(divisions.district).toMatchObject({ code: '330110', name: '示例区' });
      expect(divisions.communities.map((c) => c.code)).toEqual(['330110001001', '330110001201', '330110101201']);
      const kpis = kpisSchema.parse(await getJson(`${sim.url}/v1/kpis`));
      expect(kpis).toMatchObject({
        dispatchedPersonnel: 40, eventsAccepted: 600, consultationFollowers: 1200, consultationsHeld: 50, consultationSuccessRatePct: 82,
      });
      for (const feed of FEED_NAMES) {
        const { items } = await readFeed(sim.url, feed);
        expect(items.filter((r) => !FEEDS[feed].record.safeParse(r).success), feed).toEqual([]);
        for (const r of items as Array<{ townCode: string }>) expect(['330110001', '330110101']).toContain(r.townCode);
      }
      const events = (await readFeed(sim.url, 'events')).items as DistrictEvent[];
      const people = new Map(((await readFeed(sim.url, 'personnel')).items as Person[]).map((p) => [p.id, p]));
      // Handlers are people of the event's own town.
      for (const e of events) for (const h of e.handlers) expect(people.get(h)?.townCode).toBe(e.townCode);
    } finally {
      await sim.stop();
    }
  });
});
