import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDays, districtTime, timeZoneProblem } from './districtTime';

const shanghai = districtTime('Asia/Shanghai');
const at = (iso: string) => Date.parse(iso);

describe('district time', () => {
  it('counts days, hours and weeks in the district, not in UTC', () => {
    // Sunday 2026-11-29 20:00 UTC is Monday 2026-11-30 04:00 in Shanghai.
    expect(shanghai.localDate(at('2026-11-29T20:00:00Z'))).toBe('2026-11-30');
    expect(shanghai.weekStartOf(at('2026-11-29T20:00:00Z'))).toBe('2026-11-30');
    expect(shanghai.weekStartOf(at('2026-11-29T15:59:00Z'))).toBe('2026-11-23');
    expect(shanghai.weekStartOf(at('2026-11-27T07:53:00Z'))).toBe('2026-11-23');
    expect(shanghai.localHour(at('2026-11-29T20:00:00Z'))).toBe(4);
    expect(shanghai.localWeekday(at('2026-11-29T20:00:00Z'))).toBe(1);
    expect(shanghai.localMidnight(at('2026-11-29T20:00:00Z'))).toBe(at('2026-11-30T00:00:00+08:00'));
    expect(shanghai.isoLocal(at('2026-11-27T01:05:00.750Z'))).toBe('2026-11-27T09:05:00+08:00');
    expect(shanghai.lastLocalDates(at('2026-03-01T00:30:00+08:00'), 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('takes the offset from the zone: another fixed zone is another offset', () => {
    const kolkata = districtTime('Asia/Kolkata');
    expect(kolkata.offsetText).toBe('+05:30');
    expect(kolkata.localDate(at('2026-11-29T18:29:00Z'))).toBe('2026-11-29');
    expect(kolkata.localDate(at('2026-11-29T18:30:00Z'))).toBe('2026-11-30');
    expect(districtTime('America/Bogota').offsetText).toBe('-05:00');
  });

  it('gives SQLite the same local date as TypeScript, before and after midnight and before 1970', () => {
    const db = new Database(':memory:');
    for (const zone of ['Asia/Shanghai', 'Asia/Kolkata', 'America/Bogota']) {
      const time = districtTime(zone);
      const stmt = db.prepare(`SELECT ${time.sqlLocalDate(':ms')} AS d`);
      for (const ms of [at('2026-11-29T15:59:59.999Z'), at('2026-11-29T16:00:00Z'), at('2026-11-30T02:59:00Z'), at('1969-12-31T23:00:00Z'), 0]) {
        expect((stmt.get({ ms }) as { d: string }).d, `${zone} ${new Date(ms).toISOString()}`).toBe(time.localDate(ms));
      }
    }
    db.close();
  });

  it('refuses zones it cannot count days in, saying why', () => {
    expect(timeZoneProblem('Asia/Shanghai')).toBeNull();
    expect(timeZoneProblem('Europe/Berlin')).toMatch(/daylight saving/);
    expect(timeZoneProblem('Mars/Olympus')).toMatch(/not a time zone/);
    expect(() => districtTime('Europe/Berlin')).toThrow(/district time zone: "Europe\/Berlin" changes its UTC offset/);
  });
});
