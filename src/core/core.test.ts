import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../shared/config';
import type { ChangeNotice } from '../shared/readModel';
import { createCore, SIMULATOR_INTERVAL_SEC } from './core';
import { silentLogger } from './log/logger';
import { startSimulator } from './sim';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cockpit-core-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function until<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('createCore', () => {
  it('with no sources runs the built-in simulator, syncs from it and stops it on close', async () => {
    const cockpit = await createCore({
      config: configSchema.parse({ title: '演示驾驶舱', playlist: { pages: ['risk', 'events'], intervalSec: 12 } }),
      dataDir: tempDir(),
      logger: silentLogger,
    });
    const notices: ChangeNotice[] = [];
    cockpit.onChange((n) => notices.push(n));
    try {
      expect(cockpit.simulator).not.toBeNull();
      expect(cockpit.sources).toEqual([expect.objectContaining({ id: 'sim', url: cockpit.simulator!.url, intervalSec: SIMULATOR_INTERVAL_SEC })]);
      // The renderer's config: only the non-secret parts.
      expect(await cockpit.query('config', {})).toEqual({
        title: '演示驾驶舱',
        locale: 'zh-CN',
        timeZone: 'Asia/Shanghai',
        playlist: { pages: ['risk', 'events'], intervalSec: 12, autoplay: true },
        map: { enable3d: true, city: false },
        pollIntervalSec: SIMULATOR_INTERVAL_SEC,
      });
      await cockpit.start();
      const meta = await until(() => cockpit.query('meta', {}), (m) => m.towns.length > 0 && m.weeks.length > 0);
      expect(meta.district?.name).toBe('临平区');
      expect(notices.length).toBeGreaterThan(0);
      // The map comes from the geo provider with the towns the cache holds.
      const map = await cockpit.query('map', {});
      expect(map.kind).toBe('schematic');
      expect(map.geojson.features.map((f) => f.properties.code).sort()).toEqual(meta.towns.map((t) => t.code).sort());
      const health = await until(() => cockpit.health(), (h) => h.status === 'ok');
      expect(health.sources).toEqual([expect.objectContaining({ id: 'sim', state: 'ok' })]);
    } finally {
      await cockpit.close();
    }
    await expect(fetch(`${cockpit.simulator!.url}/v1/meta`)).rejects.toThrow();
  }, 60_000);

  it('with sources configured syncs from them and starts no simulator; a failing source reads degraded', async () => {
    const sim = await startSimulator({ port: 0, seed: 3 });
    const cockpit = await createCore({
      config: configSchema.parse({ sources: [{ id: 'district', url: sim.url, intervalSec: 1 }] }),
      dataDir: tempDir(),
      logger: silentLogger,
    });
    try {
      expect(cockpit.simulator).toBeNull();
      expect((await cockpit.query('config', {})).pollIntervalSec).toBe(1);
      await cockpit.start();
      await until(() => cockpit.health(), (h) => h.status === 'ok');
      await sim.stop();
      const h = await until(() => cockpit.health(), (x) => x.status === 'degraded', 15_000);
      expect(h.sources[0]).toMatchObject({ id: 'district' });
      expect(h.sources[0].state).not.toBe('ok');
      // The last good picture is still answered from the cache.
      expect((await cockpit.query('meta', {})).towns.length).toBeGreaterThan(0);
    } finally {
      await cockpit.close();
    }
  }, 60_000);
});
