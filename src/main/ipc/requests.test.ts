import { describe, expect, it } from 'vitest';
import { parseIpcRequest } from './requests';

describe('parseIpcRequest', () => {
  it('accepts each query with its own params', () => {
    expect(parseIpcRequest('cockpit/query', { name: 'overview', params: {} })).toEqual({ ok: true, value: { name: 'overview', params: {} } });
    expect(parseIpcRequest('cockpit/query', { name: 'town', params: { code: '330113003', week: '2026-11-23' } })).toEqual({
      ok: true,
      value: { name: 'town', params: { code: '330113003', week: '2026-11-23' } },
    });
    expect(parseIpcRequest('cockpit/query', { name: 'map', params: { level: 'city' } }).ok).toBe(true);
  });

  it.each([
    [{ name: 'dropTables', params: {} }, /name: Invalid option/],
    [{ name: 'town', params: {} }, /params.code/],
    [{ name: 'town', params: { code: "330113003' OR 1=1" } }, /params.code: a 9-digit town code/],
    [{ name: 'overview', params: { week: 'last week' } }, /params.week/],
    [{ name: 'events', params: { limit: 1e9 } }, /params: Unrecognized key/],
    [{ name: 'meta', params: {}, sql: 'select 1' }, /Unrecognized key/],
    ['overview', /expected object/],
    [null, /expected object/],
  ])('refuses query %o', (payload, error) => {
    const r = parseIpcRequest('cockpit/query', payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('validates the app calls', () => {
    expect(parseIpcRequest('app/diagnostics', undefined)).toEqual({ ok: true, value: null });
    expect(parseIpcRequest('app/diagnostics', { all: true }).ok).toBe(false);
    expect(parseIpcRequest('app/openExternal', { url: 'https://x.example/' })).toEqual({ ok: true, value: { url: 'https://x.example/' } });
    expect(parseIpcRequest('app/openExternal', { url: 42 })).toMatchObject({ ok: false, error: expect.stringMatching(/^app\/openExternal: invalid request: url:/) });
    expect(parseIpcRequest('app/setLocale', { locale: 'en' }).ok).toBe(true);
    expect(parseIpcRequest('app/setLocale', { locale: 'fr' }).ok).toBe(false);
  });
});
