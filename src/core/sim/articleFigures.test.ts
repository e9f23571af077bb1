import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consultation, Dispute, DistrictEvent, Divisions, Followers, Person } from '../../shared/contract';
import { kpisSchema, ratePct } from '../../shared/contract';
import { type RunningSimulator, startSimulator } from './index';
import { getJson, readFeed } from './testSupport';

/**
 * The default history tells the article's story: its headline figures, exact, both as the
 * source reports them (/v1/kpis) and as a client counts them from the feeds.
 */

const NOW = new Date('2026-11-27T15:30:00+08:00');
let sim: RunningSimulator;
let events: DistrictEvent[];
let personnel: Person[];
let consultations: Consultation[];
let disputes: Dispute[];

beforeAll(async () => {
  sim = await startSimulator({ now: NOW, live: false, seed: 42 });
  events = (await readFeed(sim.url, 'events')).items as DistrictEvent[];
  personnel = (await readFeed(sim.url, 'personnel')).items as Person[];
  consultations = (await readFeed(sim.url, 'consultations')).items as Consultation[];
  disputes = (await readFeed(sim.url, 'disputes')).items as Dispute[];
});
afterAll(() => sim.stop());

const DAY = 86_400_000;
const localHour = (iso: string) => Number(iso.slice(11, 13));

describe('the article’s figures', () => {
  it('/v1/kpis reports them exactly', async () => {
    const kpis = kpisSchema.parse(await getJson(`${sim.url}/v1/kpis`));
    expect(kpis).toMatchObject({
      dispatchedPersonnel: 871,
      eventsAccepted: 15_291,
      acceptOverdueRatePct: 0,
      satisfactionRatePct: 100,
      consultationFollowers: 14_341,
      consultationsHeld: 938,
      consultationSuccessRatePct: 96,
    });
    expect(kpis.asOf).toBe('2026-11-27T15:30:00+08:00');
  });

  it('counting the feeds gives the same figures', async () => {
    const dispatched = personnel.filter((p) => p.role === 'dispatched');
    expect(dispatched.filter((p) => p.active)).toHaveLength(871);
    expect(dispatched.some((p) => !p.active), 'some dispatched staff have rotated out').toBe(true);
    expect(personnel.filter((p) => p.role !== 'dispatched').length).toBeGreaterThan(300);

    const accepted = events.filter((e) => e.acceptedAt !== null);
    expect(accepted).toHaveLength(15_291);
    // Reports from the last minutes wait for acceptance; they do not count yet.
    const waiting = events.filter((e) => e.acceptedAt === null);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const e of waiting) {
      expect(e.status).toBe('reported');
      expect(NOW.getTime() - Date.parse(e.reportedAt)).toBeLessThan(30 * 60_000);
    }
    expect(accepted.filter((e) => e.acceptOverdue)).toHaveLength(0);
    const rated = events.filter((e) => e.satisfaction !== null);
    expect(rated.length).toBeGreaterThan(10_000);
    expect(rated.every((e) => e.satisfaction === 'satisfied' || e.satisfaction === 'basicallySatisfied')).toBe(true);
    expect(rated.every((e) => e.status === 'rated')).toBe(true);

    const held = consultations.filter((c) => c.status === 'ended');
    expect(held).toHaveLength(938);
    const agreed = held.filter((c) => c.outcome === 'agreed');
    expect(agreed).toHaveLength(900);
    expect(ratePct(agreed.length, held.length)).toBe(96);

    const followers = (await getJson(`${sim.url}/v1/consultations/followers`)) as Followers;
    expect(followers.series.at(-1)).toEqual({ date: '2026-11-27', followers: 14_341 });
    expect(followers.series[0].followers).toBeGreaterThan(0);
    for (let i = 1; i < followers.series.length; i++) {
      expect(followers.series[i].followers).toBeGreaterThanOrEqual(followers.series[i - 1].followers);
    }
  });

  it('events span about 150 days ending now, and recent ones are still in progress', () => {
    const reported = events.map((e) => Date.parse(e.reportedAt)).sort((a, b) => a - b);
    const span = (NOW.getTime() - reported[0]) / DAY;
    expect(span).toBeGreaterThan(148);
    expect(span).toBeLessThanOrEqual(150);
    expect(NOW.getTime() - reported.at(-1)!).toBeLessThan(3 * 3_600_000);
    for (const e of events) expect(Date.parse(e.updatedAt)).toBeLessThanOrEqual(NOW.getTime());
    const open = events.filter((e) => e.status !== 'closed' && e.status !== 'rated');
    expect(open.length).toBeGreaterThan(20);
    expect(open.every((e) => NOW.getTime() - Date.parse(e.reportedAt) < 25 * DAY)).toBe(true);
  });

  it('includes the 龙船坞社区 rental dispute, settled within 30 minutes by the right people', () => {
    const matches = events.filter((e) => e.community === '龙船坞社区' && e.type === 'rental' && e.departments.includes('东湖司法所'));
    const quick = matches.filter((e) => e.closedAt && Date.parse(e.closedAt) - Date.parse(e.acceptedAt!) < 30 * 60_000);
    expect(quick).toHaveLength(1);
    const event = quick[0];
    expect(event.townCode).toBe('330113003');
    const handlers = event.handlers.map((id) => personnel.find((p) => p.id === id)!);
    expect(handlers.map((p) => [p.role, p.department])).toEqual([
      ['dispatched', '东湖司法所'],
      ['communityStaff', '龙船坞社区'],
      ['gridWorker', '龙船坞社区'],
    ]);
    expect(event.satisfaction).toBe('satisfied');
  });

  it('includes the 南苑街道 sessions from the article, with experts and https replays', () => {
    const market = consultations.find((c) => c.topic.includes('农贸市场运营模式评议'));
    expect(market).toMatchObject({ townCode: '330113002', category: 'marketOperation', status: 'ended' });
    const waste = consultations.find((c) => c.topic.includes('云畅聊') && c.topic.includes('巾帼志愿者'));
    expect(waste).toMatchObject({ townCode: '330113002', category: 'wasteSorting', status: 'ended' });
    const ended = consultations.filter((c) => c.status === 'ended');
    expect(ended.every((c) => c.replayUrl?.startsWith('https://'))).toBe(true);
    expect(ended.filter((c) => c.experts.length > 0).length).toBeGreaterThan(ended.length / 2);
    expect(consultations.some((c) => c.status === 'scheduled')).toBe(true);
    expect(consultations.some((c) => c.status === 'live'), '15:30 on a weekday: a session is on air').toBe(true);
  });

  it('disputes carry outcomes, most resolved at source', () => {
    expect(disputes.length).toBeGreaterThan(2000);
    const statuses = new Set(disputes.map((d) => d.status));
    expect([...statuses].sort()).toEqual(['failed', 'mediating', 'referred', 'resolved']);
    const resolved = disputes.filter((d) => d.status === 'resolved');
    expect(resolved.every((d) => d.resolvedAt !== null)).toBe(true);
    expect(resolved.filter((d) => d.resolvedAtSource).length / resolved.length).toBeGreaterThan(0.85);
    // Mediation ends in the daytime.
    expect(resolved.every((d) => localHour(d.resolvedAt!) >= 8 && localHour(d.resolvedAt!) < 20)).toBe(true);
  });
});

describe('a district someone from Linping recognises', () => {
  it('has the eight town-level divisions with their codes, seats and ~1.1 million people', async () => {
    const divisions = (await getJson(`${sim.url}/v1/divisions`)) as Divisions;
    expect(divisions.towns.map((t) => t.code)).toEqual([
      '330113001', '330113002', '330113003', '330113004', '330113006', '330113007', '330113008', '330113102',
    ]);
    expect(divisions.towns.filter((t) => t.kind === '镇').map((t) => t.name)).toEqual(['塘栖镇']);
    expect(divisions.district.population).toBeGreaterThan(1_000_000);
    expect(divisions.district.population).toBeLessThan(1_250_000);
    for (const t of divisions.towns) {
      expect(t.seat[0]).toBeGreaterThan(120.11);
      expect(t.seat[0]).toBeLessThan(120.341);
      expect(t.seat[1]).toBeGreaterThan(30.313);
      expect(t.seat[1]).toBeLessThan(30.524);
    }
    const codes = divisions.communities.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(divisions.communities.every((c) => c.code.startsWith(c.townCode))).toBe(true);
    expect(divisions.communities.find((c) => c.name === '龙船坞社区')?.townCode).toBe('330113003');
    expect(divisions.communities.some((c) => c.townCode === '330113004' && c.name.includes('都市产业园'))).toBe(true);
  });

  it('reports follow the daily rhythm: busy mornings and afternoons, quiet nights and weekends', () => {
    const byHour = new Array(24).fill(0);
    let weekday = 0;
    let weekend = 0;
    for (const e of events) {
      byHour[localHour(e.reportedAt)]++;
      const day = new Date(Date.parse(e.reportedAt) + 8 * 3_600_000).getUTCDay();
      if (day === 0 || day === 6) weekend++;
      else weekday++;
    }
    const peak = byHour[9] + byHour[10] + byHour[14] + byHour[15] + byHour[16];
    const night = byHour[1] + byHour[2] + byHour[3] + byHour[4] + byHour[5];
    expect(peak).toBeGreaterThan(8 * night);
    // ~107 weekdays and ~43 weekend days in 150: per day, weekends see clearly fewer.
    expect(weekend / 43).toBeLessThan(0.75 * (weekday / 107));
    // National Day golden week (国庆, 1–7 October) is as quiet as a weekend.
    const goldenWeek = events.filter((e) => e.reportedAt >= '2026-10-01' && e.reportedAt < '2026-10-08').length;
    expect(goldenWeek / 7).toBeLessThan(0.75 * (weekday / 107));
  });

  it('each town has its own mix: industrial wage arrears, old-centre property, village environment', () => {
    const share = (towns: string[], type: DistrictEvent['type']) => {
      const inTowns = events.filter((e) => towns.includes(e.townCode));
      return inTowns.filter((e) => e.type === type).length / inTowns.length;
    };
    const industrial = ['330113004', '330113006'];
    const oldCentre = ['330113001', '330113002'];
    const tangqi = ['330113102'];
    expect(share(industrial, 'wageArrears')).toBeGreaterThan(3 * share(oldCentre, 'wageArrears'));
    expect(share(industrial, 'safetyHazard')).toBeGreaterThan(1.5 * share(oldCentre, 'safetyHazard'));
    expect(share(oldCentre, 'propertyMgmt')).toBeGreaterThan(2 * share(industrial, 'propertyMgmt'));
    expect(share(tangqi, 'environment')).toBeGreaterThan(2 * share(oldCentre, 'environment'));
  });

  it('personnel come from town departments and have Chinese names', () => {
    const departments = new Set(personnel.filter((p) => p.role === 'dispatched').map((p) => p.department));
    for (const d of ['临平司法所', '星桥派出所', '乔司市场监管所', '塘栖综合执法中队', '东湖街道应急管理站']) {
      expect(departments.has(d), d).toBe(true);
    }
    expect(personnel.every((p) => /^[\u4e00-\u9fff]{2,4}$/.test(p.name))).toBe(true);
    expect(new Set(personnel.map((p) => p.name)).size).toBeGreaterThan(personnel.length / 3);
  });

  it('carries the 星桥街道 orange telecom-fraud warning through to closure', async () => {
    const warnings = (await readFeed(sim.url, 'warnings')).items as Array<{ townCode: string; level: string; status: string; communities: string[] }>;
    const xq = warnings.find((w) => w.townCode === '330113004' && w.level === 'orange');
    expect(xq?.status).toBe('closed');
    expect(xq?.communities.some((c) => c.includes('都市产业园'))).toBe(true);
  });
});
