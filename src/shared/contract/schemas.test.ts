import { describe, expect, it } from 'vitest';
import {
  FEEDS,
  FEED_NAMES,
  SNAPSHOTS,
  SNAPSHOT_NAMES,
  STANDARD_VOCABULARY,
  apiErrorSchema,
  consultationSchema,
  describeIssues,
  disputeSchema,
  eventSchema,
  feedPageSchema,
  kpisSchema,
  personSchema,
  ratePct,
  riskPeriodSchema,
  vocabularySchema,
  warningSchema,
} from './index';

/**
 * The District API v1 schemas on their own (no server): representative valid records pass,
 * and each kind of breakage is rejected with a message that names the field.
 * The simulator's responses are checked against the same schemas in src/core/sim.
 */

const T = '2026-11-27T15:30:00+08:00';

const event = {
  id: 'SJ202611270001', type: 'rental', title: '龙船坞社区房屋租赁纠纷', townCode: '330113003', community: '龙船坞社区',
  source: 'grid', status: 'closed', reportedAt: '2026-11-21T10:12:00+08:00', acceptedAt: '2026-11-21T10:14:00+08:00',
  dispatchedAt: '2026-11-21T10:17:00+08:00', handledAt: '2026-11-21T10:38:00+08:00', closedAt: '2026-11-21T10:42:00+08:00',
  departments: ['东湖司法所'], handlers: ['RY00001'], acceptOverdue: false, handleOverdue: false, satisfaction: null, updatedAt: T,
};
const person = {
  id: 'RY00001', name: '沈建华', role: 'dispatched', townCode: '330113003', department: '东湖司法所', registeredAt: T, active: true,
  metrics: { eventsHandled: 12, onTimeRate: 1, satisfactionRate: 0.9, patrolDays: 14 }, score: 91.5, updatedAt: T,
};
const consultation = {
  id: 'YSBD2026112701', topic: '农贸市场运营模式评议直播会', category: 'marketOperation', townCode: '330113002', community: '南苑社区',
  scheduledAt: T, startedAt: T, endedAt: T, status: 'ended', viewers: 1200, experts: ['王伟（执业律师）'], outcome: 'agreed',
  replayUrl: 'https://example.cn/replay/1', updatedAt: T,
};
const dispute = {
  id: 'MD20261127001', townCode: '330113001', community: '西大街社区', category: 'neighbour', receivedAt: T, level: 'community',
  status: 'resolved', resolvedAt: T, resolvedAtSource: true, updatedAt: T,
};
const period = {
  id: '330113004-2026-11-23', townCode: '330113004', weekStart: '2026-11-23',
  indicators: Object.fromEntries(STANDARD_VOCABULARY.indicators.map((i) => [i.id, 1])), updatedAt: T,
};
const warning = {
  id: 'w-1', townCode: '330113004', level: 'orange', kind: 'assessed', dimension: 'publicOrder', indicator: 'telecomFraud',
  title: '星桥街道橙色预警', issuedAt: T, causeAnalysis: '4个社区案件高发', rectification: '明确责任主体', communities: ['都市产业园区'],
  status: 'open', history: [{ status: 'open', at: T, note: '' }], updatedAt: T,
};

const rejects = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown): string => {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return describeIssues(r.error as Parameters<typeof describeIssues>[0]);
};

describe('District API v1 schemas', () => {
  it('accept representative records of every feed', () => {
    const samples = { events: event, personnel: person, consultations: consultation, disputes: dispute, riskPeriods: period, warnings: warning };
    for (const feed of FEED_NAMES) {
      const r = FEEDS[feed].record.safeParse(samples[feed]);
      expect(r.success ? 'ok' : describeIssues(r.error), feed).toBe('ok');
    }
    expect(vocabularySchema.parse(STANDARD_VOCABULARY)).toEqual(STANDARD_VOCABULARY);
  });

  it('name the field and the reason when a record is broken', () => {
    expect(rejects(eventSchema, { ...event, townCode: '3301130' })).toBe('townCode: a 9-digit town code');
    expect(rejects(eventSchema, { ...event, type: 'alien' })).toMatch(/^type: /);
    expect(rejects(eventSchema, { ...event, reportedAt: '2026-11-27 15:30' })).toMatch(/^reportedAt: /);
    expect(rejects(eventSchema, { ...event, handledAt: '2026-11-21T10:00:00+08:00' })).toBe('handledAt: handledAt is earlier than the step before it');
    expect(rejects(personSchema, { ...person, metrics: { ...person.metrics, onTimeRate: 1.5 } })).toMatch(/^metrics\.onTimeRate: /);
    expect(rejects(personSchema, { ...person, score: 101 })).toMatch(/^score: /);
    expect(rejects(consultationSchema, { ...consultation, replayUrl: 'http://example.cn/replay/1' })).toMatch(/^replayUrl: /);
    expect(rejects(disputeSchema, { ...dispute, level: 'province' })).toMatch(/^level: /);
    const { telecomFraud: _dropped, ...indicators } = period.indicators;
    expect(rejects(riskPeriodSchema, { ...period, indicators })).toMatch(/^indicators\.telecomFraud: /);
    expect(rejects(warningSchema, { ...warning, history: [] })).toMatch(/^history: /);
    expect(rejects(warningSchema, { ...warning, jointSupervision: { departments: ['区应急管理局'], startedAt: T } })).toMatch(/^jointSupervision\.departments: /);
  });

  it('strip bidi controls and invisible characters from text, and refuse text that is not well-formed', () => {
    const parsed = eventSchema.parse({ ...event, community: '龙船坞\u202E社区\u200B', departments: ['东湖\u2066司法所'] });
    expect(parsed.community).toBe('龙船坞社区');
    expect(parsed.departments).toEqual(['东湖司法所']);
    expect(rejects(eventSchema, { ...event, title: '\u202E\u200B' })).toMatch(/^title: /); // nothing visible left
    expect(rejects(personSchema, { ...person, name: '沈\uD800建华' })).toBe('name: not well-formed Unicode (a lone surrogate)');
    expect(rejects(eventSchema, { ...event, id: 'SJ\uDC00' })).toMatch(/^id: not well-formed/);
  });

  it('keep feed items opaque at page level, so one bad record does not sink the page', () => {
    const page = feedPageSchema.parse({ items: [event, { id: 42 }], cursor: '17', hasMore: false });
    expect(page.items).toHaveLength(2);
    expect(rejects(feedPageSchema, { items: [], cursor: '', hasMore: false })).toMatch(/^cursor: /);
    expect(apiErrorSchema.safeParse({ error: { code: 'badRequest', message: 'limit: …', details: { parameter: 'limit' } } }).success).toBe(true);
    expect(rejects(apiErrorSchema, { message: 'flat' })).toMatch(/^error: /);
  });

  it('register each endpoint once, under /v1', () => {
    const paths = [...FEED_NAMES.map((f) => FEEDS[f].path), ...SNAPSHOT_NAMES.map((s) => SNAPSHOTS[s].path)];
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.every((p) => p.startsWith('/v1/'))).toBe(true);
  });

  it('round rates the way the article does', () => {
    expect(ratePct(900, 938)).toBe(96);
    expect(ratePct(0, 15_291)).toBe(0);
    expect(ratePct(0, 0)).toBe(0);
    expect(kpisSchema.safeParse({
      asOf: T, dispatchedPersonnel: 871, eventsAccepted: 15_291, acceptOverdueRatePct: 0, satisfactionRatePct: 100,
      consultationFollowers: 14_341, consultationsHeld: 938, consultationSuccessRatePct: 96, disputesReceived: 0,
      disputesResolvedAtSource: 0, warningsOpen: 0,
    }).success).toBe(true);
  });
});
