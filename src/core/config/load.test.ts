import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfigFile, parseConfigText } from './load';

describe('parseConfigText', () => {
  it('accepts {} as the built-in simulated district with every default', () => {
    const r = parseConfigText('{}', 'config.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.sources).toEqual([]);
      expect(r.config.wall.displays).toBe('primary');
      expect(r.config).toEqual(defaultConfig());
    }
  });

  it('names the file and the field of a wrong value', () => {
    const r = parseConfigText(JSON.stringify({ wall: { displays: [0, -1] } }), 'config.json');
    expect(r).toEqual({ ok: false, missing: false, error: 'config.json: wall.displays[1]: expected a number ≥ 0, got -1' });
  });

  it('explains a wrong type with what it got', () => {
    const r = parseConfigText('{"wall":{"kiosk":"yes"}}', '/etc/cockpit.json');
    expect(!r.ok && r.error).toBe('/etc/cockpit.json: wall.kiosk: expected true or false, got "yes"');
  });

  it('lists several problems, each with its path', () => {
    const r = parseConfigText(JSON.stringify({ sources: [{ id: 'Bad ID', url: 'ftp://x' }], playlist: { pages: ['nope'] } }), 'c.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('sources[0].id: lower-case letters, digits and dashes, got "Bad ID"');
      expect(r.error).toContain('sources[0].url: expected an http:// or https:// URL');
      expect(r.error).toContain('playlist.pages[0]: expected one of "overview", "risk", "events", "consultation", got "nope"');
    }
  });

  it('reports broken JSON with its position, and an empty file', () => {
    const broken = parseConfigText('{\n  "wall": { "kiosk": true,\n}', 'c.json');
    expect(!broken.ok && broken.error).toMatch(/^c\.json: not valid JSON: .*line 3/);
    expect(parseConfigText('  \n', 'c.json')).toMatchObject({ ok: false, error: 'c.json: the file is empty (write {} for the defaults)' });
  });

  it('loads a file written by Notepad (byte-order mark) and warns about unknown fields', () => {
    const r = parseConfigText('\uFEFF{"$schema":"./config.schema.json","wal":{},"wall":{"kiosK":true}}', 'c.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual(['c.json: wal: unknown field, ignored', 'c.json: wall.kiosK: unknown field, ignored']);
  });
});

describe('loadConfigFile', () => {
  it('reads a real file, and says when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-config-'));
    const file = join(dir, 'config.json');
    expect(loadConfigFile(file)).toEqual({ ok: false, missing: true, error: `${file}: file not found` });
    writeFileSync(file, JSON.stringify({ wall: { displays: [1, 0], kiosk: true } }));
    const r = loadConfigFile(file);
    expect(r.ok && r.config.wall).toMatchObject({ displays: [1, 0], kiosk: true });
  });
});
