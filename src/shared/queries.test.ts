import { describe, expect, it } from 'vitest';
import { isAffected, isQueryName, parseQueryParams, QUERY_NAMES } from './queries';

describe('query params', () => {
  it.each([
    ['town', { code: '330113001' }],
    ['town', { code: '330113001', week: '2028-02-29' }],
    ['overview', { week: '2026-11-16' }],
    ['overview', undefined],
    ['map', { level: 'city' }],
  ] as const)('accepts %s %o', (name, params) => {
    expect(parseQueryParams(name, params).ok).toBe(true);
  });

  it.each([
    ['town', { code: 'ABC' }, /code: a 9-digit town code/],
    ['town', { code: '330113' }, /code: a 9-digit town code/],
    ['town', { code: '330113001000' }, /code/],
    ['town', {}, /code/],
    ['overview', { week: '2026-13-45' }, /week: expected a date YYYY-MM-DD that exists/],
    ['overview', { week: '2026-02-29' }, /week/],
    ['overview', { week: '2026-11-16T00:00:00Z' }, /week/],
    ['risk', { week: 20261116 }, /week/],
    ['meta', { sql: 'drop' }, /sql/],
    ['events', null, /expected object/],
    ['events', [], /expected object/],
    ['map', { level: 'world' }, /level/],
  ] as const)('refuses %s %o', (name, params, reason) => {
    const r = parseQueryParams(name, params);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toMatch(reason);
  });

  it('knows only its own names, not what every object has', () => {
    expect(QUERY_NAMES.every(isQueryName)).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'secrets', '', 42, null]) expect(isQueryName(name)).toBe(false);
  });
});

describe('isAffected', () => {
  it('refetches a screen only for the data it reads', () => {
    expect(isAffected('events', ['events'])).toBe(true);
    expect(isAffected('events', ['followers'])).toBe(false);
    expect(isAffected('map', ['events'])).toBe(false);
    expect(isAffected('consultation', ['followers'])).toBe(true);
    expect(isAffected('overview', ['kpis'])).toBe(false);
  });
  it('refetches health on anything, and everything on a sync-health change or a name it does not know', () => {
    expect(isAffected('health', ['followers'])).toBe(true);
    expect(isAffected('overview', ['health'])).toBe(true);
    expect(isAffected('map', ['somethingNew'])).toBe(true);
    expect(isAffected('config', ['*'])).toBe(true);
    expect(isAffected('config', ['events'])).toBe(false);
  });
});
