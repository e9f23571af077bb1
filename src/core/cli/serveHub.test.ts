import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../core';
import type { Logger } from '../log/logger';
import { serveHub, type ServingHub } from './serveHub';

/** Keeps every log line, so the tests can check what an operator would read. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => lines.push(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

/** One browser's change stream, held open across configuration changes. */
function openStream(url: string): { events: Array<{ event: string; data: string }>; closed: () => boolean; req: ClientRequest } {
  const { hostname, port } = new URL(url);
  const events: Array<{ event: string; data: string }> = [];
  let ended = false;
  const req = request({ hostname, port, path: '/api/changes' }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        events.push({ event: /^event: (.*)$/m.exec(frame)?.[1] ?? 'message', data: /^data: (.*)$/m.exec(frame)?.[1] ?? '' });
      }
    });
    res.on('close', () => (ended = true));
  });
  req.on('error', () => (ended = true));
  req.end();
  return { events, closed: () => ended, req };
}

async function title(url: string): Promise<string | null> {
  const res = await fetch(`${url}/api/query/config`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { title: string | null }).title;
}

const WAIT = { timeout: 20_000, interval: 50 };

describe('serve: the hub follows its configuration file', () => {
  let dir: string;
  let configPath: string;
  let serving: ServingHub;
  const logger = recordingLogger();
  const writeConfig = (config: unknown): void => writeFileSync(configPath, typeof config === 'string' ? config : JSON.stringify(config));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-serve-'));
    configPath = join(dir, 'cockpit.json');
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>cockpit</title>');
    // hub.port 0: the hub listens on a free port, and a later edit of hub.port is a real change.
    writeConfig({ title: '临平 A', simulator: { seed: 7 }, hub: { port: 0 } });
    serving = await serveHub({
      configPath,
      configDir: dir,
      dataDir: join(dir, 'data'),
      staticDir,
      logger,
      debounceMs: 50,
      heartbeatMs: 200,
      // The real cockpit, except that one title stands for a configuration that fails to build
      // (every part of the real one degrades instead of throwing: cache, map, sync).
      createCore: async (o) => {
        if (o.config.title === 'UNBUILDABLE') throw new Error('cannot build this one');
        return createCore(o);
      },
    });
  }, 60_000);

  afterAll(async () => {
    await serving?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies a valid edit: new cockpit on the same server, old one closed, browsers told to refetch', async () => {
    const { url } = serving.hub;
    expect(await title(url)).toBe('临平 A');
    const before = serving.core;
    const oldSimulator = before.simulator!.url;
    const stream = openStream(url);
    await vi.waitFor(() => expect(serving.hub.streamCount).toBe(1), WAIT);

    writeConfig({ title: '临平 B', simulator: { seed: 7 }, hub: { port: 0 } });
    await vi.waitFor(async () => expect(await title(url)).toBe('临平 B'), WAIT);
    await serving.settled();

    expect(serving.hub.url).toBe(url);
    expect(serving.core).not.toBe(before);
    expect(serving.config.title).toBe('临平 B');
    // The browser's stream survived the swap and was told that everything changed.
    await vi.waitFor(() => expect(stream.events.some((e) => e.event === 'change' && JSON.parse(e.data).changed[0] === '*')).toBe(true), WAIT);
    expect(stream.closed()).toBe(false);
    expect(serving.hub.streamCount).toBe(1);
    // The old cockpit's embedded simulator is gone; the new one runs its own.
    await expect(fetch(`${oldSimulator}/v1/meta`)).rejects.toThrow();
    expect(serving.core.simulator!.url).not.toBe(oldSimulator);
    // Data queries are answered by the new cockpit, from the same cache.
    const meta = (await (await fetch(`${url}/api/query/meta`)).json()) as { towns: unknown[] };
    expect(meta.towns.length).toBeGreaterThan(0);
    stream.req.destroy();
  }, 60_000);

  it('refuses a bad edit with one line naming file and field, and keeps serving the last good configuration', async () => {
    const running = serving.core;
    const errorsBefore = logger.lines.filter((l) => l.startsWith('error')).length;
    writeConfig({ title: '', simulator: { seed: 7 }, hub: { port: 0 } });
    await vi.waitFor(() => expect(logger.lines.filter((l) => l.startsWith('error')).length).toBe(errorsBefore + 1), WAIT);
    const line = logger.lines.filter((l) => l.startsWith('error')).at(-1)!;
    expect(line).toContain(`${configPath}: title: expected at least 1 character`);
    expect(line).toContain('keeping the configuration loaded at');
    await serving.settled();
    expect(await title(serving.hub.url)).toBe('临平 B');
    expect(serving.core).toBe(running);
  }, 30_000);

  it('says that hub.port needs a restart instead of ignoring it, and keeps listening where it was', async () => {
    const { url } = serving.hub;
    const running = serving.core;
    writeConfig({ title: '临平 B', simulator: { seed: 7 }, hub: { port: 7455 } });
    await vi.waitFor(() => expect(logger.lines.some((l) => l.includes('hub.port changed (0 → 7455)'))).toBe(true), WAIT);
    await serving.settled();
    const line = logger.lines.find((l) => l.includes('hub.port changed'))!;
    expect(line).toMatch(/^warn /);
    expect(line).toContain(`${configPath}: hub.port changed (0 → 7455): restart "npm run serve" to apply it; still serving on ${url}`);
    // Nothing the core uses changed: no rebuild, same server.
    expect(serving.core).toBe(running);
    expect(await title(url)).toBe('临平 B');
  }, 30_000);

  it('goes back to the previous configuration when a valid one cannot be built', async () => {
    writeConfig({ title: 'UNBUILDABLE', simulator: { seed: 7 }, hub: { port: 7455 } });
    await vi.waitFor(() => expect(logger.lines.some((l) => l.includes('the new configuration could not be applied'))).toBe(true), WAIT);
    await serving.settled();
    expect(logger.lines.find((l) => l.includes('could not be applied'))).toBe(
      `error ${configPath}: the new configuration could not be applied (cannot build this one); going back to the previous one`,
    );
    expect(await title(serving.hub.url)).toBe('临平 B');
    expect(serving.config.title).toBe('临平 B');
    // …and the next good edit still applies.
    writeConfig({ title: '临平 D', simulator: { seed: 7 }, hub: { port: 7455 } });
    await vi.waitFor(async () => expect(await title(serving.hub.url)).toBe('临平 D'), WAIT);
  }, 60_000);
});

describe('serve: start-up', () => {
  it('refuses to start on an invalid configuration file, naming file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cockpit-serve-bad-'));
    const configPath = join(dir, 'cockpit.json');
    writeFileSync(configPath, JSON.stringify({ playlist: { intervalSec: 1 } }));
    try {
      await expect(
        serveHub({ configPath, configDir: dir, dataDir: join(dir, 'data'), staticDir: dir, logger: recordingLogger(), port: 0 }),
      ).rejects.toThrow(`${configPath}: playlist.intervalSec: expected a number ≥ 5, got 1`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
