import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CockpitConfig } from '../../shared/config';
import { silentLogger } from '../log/logger';
import { LiveConfig } from './live';

const open: LiveConfig[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function setup(initial: unknown | null, required = true) {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-live-'));
  const path = join(dir, 'config.json');
  if (initial !== null) writeFileSync(path, JSON.stringify(initial));
  const changes: CockpitConfig[] = [];
  const live = new LiveConfig({ path, required, logger: silentLogger, debounceMs: 50, onChange: (c) => changes.push(c) });
  open.push(live);
  return { dir, path, live, changes };
}

describe('LiveConfig', () => {
  it('uses the defaults without an error when the default file does not exist', () => {
    const { live } = setup(null, false);
    expect(live.lastError).toBeNull();
    expect(live.loadedAt).toBeNull();
    expect(live.current.sources).toEqual([]);
  });

  it('reports a missing file the operator named, and runs on the defaults', () => {
    const { live, path } = setup(null, true);
    expect(live.lastError?.message).toBe(`${path}: file not found`);
    expect(live.current.playlist.intervalSec).toBe(30);
  });

  it('keeps the last valid configuration when the file turns invalid, and names the field', () => {
    const { live, path, changes } = setup({ playlist: { intervalSec: 20 } });
    writeFileSync(path, JSON.stringify({ playlist: { intervalSec: 20 }, wall: { displays: [0, 'two'] } }));
    expect(live.reload()).toBe(false);
    expect(live.current.playlist.intervalSec).toBe(20);
    expect(live.lastError?.message).toContain(`${path}: wall.displays`);
    expect(changes).toEqual([]);
    // A valid file clears the error and is applied.
    writeFileSync(path, JSON.stringify({ playlist: { intervalSec: 45 } }));
    expect(live.reload()).toBe(true);
    expect(live.lastError).toBeNull();
    expect(changes.map((c) => c.playlist.intervalSec)).toEqual([45]);
  });

  it('keeps the unknown-field warnings of the file in use', () => {
    const { live, path } = setup({ wall: { kiosK: true } });
    expect(live.warnings).toEqual([`${path}: wall.kiosK: unknown field, ignored`]);
    writeFileSync(path, JSON.stringify({ wall: { kiosk: true } }));
    live.reload();
    expect(live.warnings).toEqual([]);
  });

  it('does not report a change when the file is rewritten with the same content', () => {
    const { live, path, changes } = setup({ locale: 'en' });
    writeFileSync(path, JSON.stringify({ locale: 'en' }, null, 2));
    expect(live.reload()).toBe(false);
    expect(changes).toEqual([]);
  });

  it('watches the file: applies a valid edit, rejects a bad one, follows an atomic replace', async () => {
    const { live, path, dir, changes } = setup({ wall: { hideCursorAfterSec: 5 } });
    live.watch();
    writeFileSync(path, JSON.stringify({ wall: { hideCursorAfterSec: 9 } }));
    await vi.waitFor(() => expect(live.current.wall.hideCursorAfterSec).toBe(9), { timeout: 5000, interval: 20 });

    writeFileSync(path, '{"wall": {"hideCursorAfterSec": -3}}');
    await vi.waitFor(() => expect(live.lastError?.message).toContain('wall.hideCursorAfterSec: expected a number ≥ 0, got -3'), { timeout: 5000, interval: 20 });
    expect(live.current.wall.hideCursorAfterSec).toBe(9);

    // Deploy tools write a temporary file and rename it over the old one.
    const tmp = join(dir, 'config.json.tmp');
    writeFileSync(tmp, JSON.stringify({ wall: { hideCursorAfterSec: 12 } }));
    renameSync(tmp, path);
    await vi.waitFor(() => expect(live.current.wall.hideCursorAfterSec).toBe(12), { timeout: 5000, interval: 20 });
    expect(live.lastError).toBeNull();
    expect(changes.map((c) => c.wall.hideCursorAfterSec)).toEqual([9, 12]);

    rmSync(path);
    await vi.waitFor(() => expect(live.lastError?.message).toBe(`${path}: file not found`), { timeout: 5000, interval: 20 });
    expect(live.current.wall.hideCursorAfterSec).toBe(12);
  });
});
