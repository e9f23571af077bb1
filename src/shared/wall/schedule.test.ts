import { describe, expect, it } from 'vitest';
import { activeSlot, localClock, msToNextMinute, parseClockTime, type ScheduleEntry } from './schedule';

const TZ = 'Asia/Shanghai';
const at = (local: string): number => Date.parse(`${local}+08:00`);
const FALLBACK = { pages: ['overview', 'risk', 'events', 'consultation'] as ScheduleEntry['pages'], intervalSec: 30 };

// 2026-11-30 is a Monday.
const SCHEDULE: ScheduleEntry[] = [
  { name: 'briefing', days: ['mon'], from: '09:00', to: '10:30', pages: ['overview', 'risk'], intervalSec: 60 },
  { name: 'day', from: '08:00', to: '18:00', pages: ['overview', 'risk', 'events', 'consultation'] },
  { name: 'night', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00', pages: ['overview'], dim: true },
];

describe('localClock', () => {
  it('reads weekday and minute in the district time zone, not the machine one', () => {
    // 2026-11-29T16:30Z is Monday 00:30 in Shanghai (still Sunday in UTC).
    expect(localClock(Date.parse('2026-11-29T16:30:00Z'), TZ)).toEqual({ weekday: 'mon', minutes: 30 });
    expect(localClock(at('2026-12-06T23:59:59'), TZ)).toEqual({ weekday: 'sun', minutes: 23 * 60 + 59 });
  });
});

describe('parseClockTime', () => {
  it('accepts 00:00 to 24:00 and nothing else', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('18:05')).toBe(18 * 60 + 5);
    expect(parseClockTime('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '8:00', '08:60', '0800', '', '08:00 ']) expect(parseClockTime(bad)).toBeNull();
  });
});

describe('activeSlot', () => {
  const slot = (local: string) => activeSlot(SCHEDULE, at(local), TZ, FALLBACK);

  it('switches exactly at the boundaries: from is inside, to is outside', () => {
    expect(slot('2026-12-01T07:59:59').name).toBe('night');
    expect(slot('2026-12-01T08:00:00').name).toBe('day');
    expect(slot('2026-12-01T17:59:59').name).toBe('day');
    expect(slot('2026-12-01T18:00:00').name).toBe('night');
  });

  it('the first matching entry wins: the Monday briefing inside the day rotation', () => {
    expect(slot('2026-11-30T08:59:00').name).toBe('day');
    const briefing = slot('2026-11-30T09:00:00');
    expect(briefing).toEqual({ index: 0, name: 'briefing', pages: ['overview', 'risk'], intervalSec: 60, dim: false });
    expect(slot('2026-11-30T10:30:00').name).toBe('day');
    // Not on a Tuesday.
    expect(slot('2026-12-01T09:30:00').name).toBe('day');
  });

  it('a night entry runs across midnight and belongs to the day it starts on', () => {
    const friNight = slot('2026-12-04T23:00:00');
    expect(friNight).toMatchObject({ name: 'night', pages: ['overview'], dim: true, intervalSec: 30 });
    // Saturday 03:00 is still Friday's night…
    expect(slot('2026-12-05T03:00:00').name).toBe('night');
    // …but Saturday evening is no weekday night: outside every entry, the profile's own playlist.
    expect(slot('2026-12-05T20:00:00')).toEqual({ index: -1, name: null, ...FALLBACK, dim: false });
    // Sunday's small hours: Saturday started no night, so none.
    expect(slot('2026-12-06T03:00:00').index).toBe(-1);
    // Monday's small hours belong to Sunday: no night either; Tuesday's belong to Monday.
    expect(slot('2026-11-30T03:00:00').index).toBe(-1);
    expect(slot('2026-12-01T03:00:00').name).toBe('night');
  });

  it('equal from and to cover the whole day; 24:00 ends at midnight', () => {
    const allDay: ScheduleEntry[] = [{ days: ['sun'], from: '00:00', to: '00:00', pages: ['events'] }];
    expect(activeSlot(allDay, at('2026-12-06T00:00:00'), TZ, FALLBACK).pages).toEqual(['events']);
    expect(activeSlot(allDay, at('2026-12-06T23:59:00'), TZ, FALLBACK).pages).toEqual(['events']);
    expect(activeSlot(allDay, at('2026-12-07T00:00:00'), TZ, FALLBACK).index).toBe(-1);
    const evening: ScheduleEntry[] = [{ from: '20:00', to: '24:00', pages: ['risk'] }];
    expect(activeSlot(evening, at('2026-12-06T23:59:00'), TZ, FALLBACK).pages).toEqual(['risk']);
    expect(activeSlot(evening, at('2026-12-07T00:00:00'), TZ, FALLBACK).index).toBe(-1);
  });

  it('an empty schedule is always the profile playlist', () => {
    expect(activeSlot([], at('2026-12-06T03:00:00'), TZ, FALLBACK).index).toBe(-1);
  });
});

describe('msToNextMinute', () => {
  it('is the time to the next whole minute, a full minute on the boundary itself', () => {
    expect(msToNextMinute(at('2026-12-01T17:59:59.250'))).toBe(750);
    expect(msToNextMinute(at('2026-12-01T18:00:00'))).toBe(60_000);
  });
});
