import { describe, expect, it } from 'vitest';
import { isoMs } from './isoMs';

/** isoMs must be Date.parse for every input: same number, same NaN. */
function expectSameAsDateParse(texts: string[]): void {
  const differ = texts.filter((t) => !Object.is(isoMs(t), Date.parse(t)));
  expect(differ.map((t) => [t, isoMs(t), Date.parse(t)])).toEqual([]);
}

/** mulberry32, so a failure is reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('isoMs', () => {
  it('equals Date.parse on the shapes servers send, across the whole 4-digit year range', () => {
    const rand = prng(7);
    const texts: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const ms = Math.floor((rand() * 2 - 1) * 62_000_000_000_000) + 1_000_000_000_000; // ≈ year 0 to 3900
      const utc = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ (years 0–9999 here)
      const offsetMin = Math.floor(rand() * (2 * 23 * 60 + 119)) - (23 * 60 + 59);
      const sign = offsetMin < 0 ? '-' : '+';
      const off = `${sign}${pad(Math.floor(Math.abs(offsetMin) / 60), 2)}:${pad(Math.abs(offsetMin) % 60, 2)}`;
      texts.push(utc, utc.slice(0, 19) + 'Z', utc.slice(0, 19) + off, utc.slice(0, 23) + off, utc.slice(0, 19) + '+08:00');
    }
    expectSameAsDateParse(texts);
  });

  it('equals Date.parse on every day of every month, leap years and their exceptions included', () => {
    const texts: string[] = [];
    for (const year of [0, 4, 100, 400, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          texts.push(`${date}T00:00:00Z`, `${date}T23:59:59.999+08:00`, `${date}T12:00:00-00:00`);
        }
      }
    }
    expectSameAsDateParse(texts);
  });

  it('equals Date.parse (NaN or otherwise) on fields out of range and on other shapes', () => {
    const base = '2026-11-27T15:30:00';
    const texts = [
      `${base}Z`, `${base}.000Z`, `${base}.5Z`, `${base}.12Z`, `${base}.1234Z`, `${base}.123456789+08:00`,
      `${base}+08:00`, `${base}+0800`, `${base}+08`, `${base}+24:00`, `${base}+23:59`, `${base}-23:59`, `${base}+08:60`,
      `${base}z`, `${base}`, `${base} Z`, `${base}Z `, ` ${base}Z`, `${base}+08:00Z`, `${base}.Z`, `${base}.12a+08:00`,
      '2026-11-27T24:00:00Z', '2026-11-27T24:00:00.000Z', '2026-11-27T23:60:00Z', '2026-11-27T23:59:60Z',
      '2026-11-27T15:30Z', '2026-11-27 15:30:00Z', '2026-11-27t15:30:00Z', '2026/11/27T15:30:00Z',
      '+02026-11-27T15:30:00Z', '-000001-01-01T00:00:00Z', '2026-1a-27T15:30:00Z', '2026-11-2xT15:30:00Z',
      '2026-11-27T1x:30:00Z', '20x6-11-27T15:30:00Z', '2026-11-27T15:30:0xZ', '2026-11-27T15:30:00.00xZ',
      '2026-11-27T15:30:00+0x:00', '2026-11-27T15:30:00+08:0x', '', '2026', '2026-11-27', 'not a time at all, no',
      '9999-12-31T23:59:59.999-23:59', '0000-01-01T00:00:00.000+23:59',
    ];
    expectSameAsDateParse(texts);
  });
});
