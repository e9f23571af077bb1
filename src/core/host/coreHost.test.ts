/**
 * The core host's one policy, through the hub as a browser sees it: a new configuration
 * replaces the core while requests wait; one that does not start leaves the previous one
 * running and is named in health; a change the core does not read restarts nothing.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type CockpitConfig } from '../../shared/config';
import type { ChangeNotice, HealthModel } from '../../shared/readModel';
import { createCore, type Core } from '../core';
import { startHub, type Hub } from '../hub';
import { silentLogger } from '../log/logger';
import { coreSectionsChanged, startCoreHost, type CoreHost } from './coreHost';

describe('core host', () => {
  let dir: string;
  let hub: Hub;
  let host: CoreHost<Core>;
  const built: Core[] = [];
  const notices: ChangeNotice[] = [];
  /** A build waits on this while set (to hold a swap open). */
  let gate: Promise<void> | null = null;
  /** Every build fails (a cache moved away, a port taken). */
  let nothingStarts = false;
  const config = (fields: object): CockpitConfig => configSchema.parse({ simulator: { seed: 7 }, ...fields });
  const title = async (): Promise<string | null> => ((await (await fetch(`${hub.url}/api/query/config`)).json()) as { title: string | null }).title;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-host-'));
    mkdirSync(join(dir, 'renderer'));
    host = await startCoreHost({
      config: config({ title: '第一' }),
      logger: silentLogger,
      // Real cores on one cache, not syncing (queries answer from the cache); the title
      // 'UNBUILDABLE' stands for a configuration that fails to start.
      build: async (c) => {
        if (gate) await gate;
        if (c.title === 'UNBUILDABLE' || nothingStarts) throw new Error(`cannot start "${c.title}"`);
        const core = await createCore({ config: c, dataDir: join(dir, 'data'), logger: silentLogger });
        built.push(core);
        return core;
      },
    });
    host.onChange((n) => notices.push(n));
    hub = await startHub({ core: host, staticDir: join(dir, 'renderer'), port: 0 });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds requests while the core is replaced, then answers them from the new one', async () => {
    expect(await title()).toBe('第一');
    const first = host.core;
    let release!: () => void;
    gate = new Promise<void>((r) => (release = r));
    const swapped = host.reconfigure(config({ title: '第二' }));
    let answered: string | null | undefined;
    const pending = title().then((t) => (answered = t));
    await new Promise((r) => setTimeout(r, 150));
    // The old core is closed and the new one not ready: the request waits rather than fail.
    expect(answered).toBeUndefined();
    gate = null;
    release();
    await expect(swapped).resolves.toEqual({ outcome: 'applied' });
    await pending;
    expect(answered).toBe('第二');
    expect(host.core).not.toBe(first);
    expect(notices.at(-1)?.changed).toEqual(['*']);
    // Health is asked of the new core too, not of the closed one.
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { config: { rejected: unknown } }).config.rejected).toBeNull();
  });

  it('keeps the previous configuration running when a new one does not start, and names it in health', async () => {
    const result = await host.reconfigure(config({ title: 'UNBUILDABLE' }));
    expect(result).toEqual({ outcome: 'rejected', error: 'cannot start "UNBUILDABLE"' });
    expect(await title()).toBe('第二');
    expect(host.config.title).toBe('第二');
    const probe = (await (await fetch(`${hub.url}/healthz`)).json()) as { config: { rejected: { error: string; at: string } | null } };
    expect(probe.config.rejected?.error).toBe('cannot start "UNBUILDABLE"');
    const health = (await (await fetch(`${hub.url}/api/query/health`)).json()) as HealthModel;
    expect(health.config?.rejected?.error).toBe('cannot start "UNBUILDABLE"');
    expect(Date.parse(health.config!.rejected!.at)).toBeGreaterThan(Date.parse(health.config!.appliedAt));
    // The next configuration that starts clears it.
    await expect(host.reconfigure(config({ title: '第三' }))).resolves.toEqual({ outcome: 'applied' });
    expect(await title()).toBe('第三');
    expect(host.status().rejected).toBeNull();
  });

  it('restarts nothing for a change the core does not read', async () => {
    const running = host.core;
    const count = built.length;
    await expect(host.reconfigure(config({ title: '第三', wall: { kiosk: true }, hub: { port: 9999 } }))).resolves.toEqual({ outcome: 'recorded' });
    expect(host.core).toBe(running);
    expect(built.length).toBe(count);
    expect(host.config.wall.kiosk).toBe(true);
  });

  it('says so when neither the new nor the previous configuration starts', async () => {
    nothingStarts = true;
    await expect(host.reconfigure(config({ title: '第四' }))).rejects.toThrow('cannot start "第三"');
    nothingStarts = false;
  });
});

describe('coreSectionsChanged', () => {
  const base = configSchema.parse({});
  it('ignores the wall, links and the hub address, which the core does not read', () => {
    expect(coreSectionsChanged(base, configSchema.parse({ wall: { kiosk: true, displays: [0, 1] }, links: { allowedHosts: ['a.example'] }, hub: { port: 1 } }))).toEqual([]);
  });
  it('reports source, simulator, playlist, map and time-zone changes', () => {
    expect(coreSectionsChanged(base, configSchema.parse({ sources: [{ id: 'linping', url: 'https://data.example/' }] }))).toEqual(['sources']);
    expect(coreSectionsChanged(base, configSchema.parse({ simulator: { seed: 7 }, playlist: { intervalSec: 60 } }))).toEqual(['simulator', 'playlist']);
    expect(coreSectionsChanged(base, configSchema.parse({ map: { enable3d: false }, district: { timeZone: 'Asia/Urumqi' } }))).toEqual(['district', 'map']);
  });
});
