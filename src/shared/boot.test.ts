import { describe, expect, it } from 'vitest';
import { BOOT_ELEMENT_ID, bootElement, bootQueries, parseBoot, withBootElement } from './boot';

const hostile = '</script><script>alert(1)</script><!-- & \u2028 \u2029 </SCRIPT >';

describe('boot data in the page', () => {
  it('asks every query that needs no params, and none that does', () => {
    const names = bootQueries();
    expect(names).toEqual(expect.arrayContaining(['config', 'meta', 'health', 'overview', 'risk', 'events', 'consultation', 'map']));
    expect(names).not.toContain('town');
  });

  it('cannot be closed or changed by what the data says: every < > & is escaped, and it reads back the same', () => {
    const data = { at: '2026-12-04T00:00:00Z', answers: [{ name: 'meta' as const, result: { district: { name: hostile }, towns: [] } }] };
    const el = bootElement(data);
    const inner = el.slice(el.indexOf('>') + 1, el.lastIndexOf('</script>'));
    expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
    expect(el.match(/<\/script/gi)).toHaveLength(1);
    expect(el.startsWith(`<script type="application/json" id="${BOOT_ELEMENT_ID}">`)).toBe(true);
    expect(parseBoot(inner)).toEqual(data.answers);
  });

  it('goes into the head of the page', () => {
    const html = withBootElement('<html><head><title>x</title></head><body></body></html>', { at: 'x', answers: [] });
    expect(html).toMatch(/<title>x<\/title><script type="application\/json" id="cockpit-boot">.*<\/script><\/head>/);
  });

  it('keeps only well-formed answers to known queries', () => {
    expect(parseBoot('not json')).toEqual([]);
    expect(parseBoot('{"answers": 3}')).toEqual([]);
    expect(parseBoot(JSON.stringify({ answers: [{ name: 'meta', result: { a: 1 } }, { name: 'dropTables', result: {} }, { name: 'risk', result: null }, 7] }))).toEqual([
      { name: 'meta', result: { a: 1 } },
    ]);
  });
});
