import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../core/core';
import { createFileLogger } from '../../core/log/fileLogger';
import { configSchema } from '../../shared/config';
import type { CoreToMain, MainToCore } from './messages';
import { serveCore } from './serve';

/**
 * The utility process's protocol with the real core: the simulated district, a real SQLite
 * cache in a temporary folder. Only the MessagePort is replaced by an in-process one.
 */
function harness() {
  const toCore = new EventEmitter();
  const received: CoreToMain[] = [];
  const waiters: Array<{ match: (m: CoreToMain) => boolean; resolve: (m: CoreToMain) => void }> = [];
  const exits: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-core-host-'));
  serveCore(
    {
      on: (_e, listener) => void toCore.on('message', listener),
      postMessage: (m) => {
        received.push(m);
        for (const w of waiters.splice(0)) {
          if (w.match(m)) w.resolve(m);
          else waiters.push(w);
        }
      },
    },
    {
      // The real core; a configuration titled 'UNBUILDABLE' stands for one that does not start.
      createCore: async (opts) => {
        if (opts.config.title === 'UNBUILDABLE') throw new Error('this configuration does not start');
        return createCore(opts);
      },
      openLogger: (logDir) => createFileLogger({ dir: logDir, name: 'core' }),
      exit: (code) => exits.push(code),
    },
  );
  const send = (m: MainToCore | unknown) => toCore.emit('message', { data: m });
  const next = (match: (m: CoreToMain) => boolean, ms = 60_000) =>
    new Promise<CoreToMain>((resolve, reject) => {
      const found = received.find(match);
      if (found) return resolve(found);
      waiters.push({ match, resolve });
      setTimeout(() => reject(new Error('timed out waiting for a message from the core')), ms);
    });
  const query = async (id: number, name: string, params: Record<string, unknown> = {}) => {
    send({ type: 'query', id, name, params });
    return next((m) => m.type === 'result' && m.id === id);
  };
  return { dir, send, next, query, received, exits };
}

describe('serveCore (utility process protocol, real core)', () => {
  const h = harness();
  afterAll(() => h.send({ type: 'stop' }));

  it('refuses queries before start, then starts the simulated district and answers', async () => {
    expect(await h.query(1, 'meta')).toEqual({ type: 'result', id: 1, ok: false, error: 'the core is not started yet' });
    h.send({ type: 'start', config: configSchema.parse({ playlist: { intervalSec: 20 } }), dataDir: join(h.dir, 'data'), logDir: join(h.dir, 'logs'), secrets: {} });
    const ready = await h.next((m) => m.type === 'ready');
    expect(ready).toMatchObject({ type: 'ready', versions: { node: process.versions.node, sqlite: expect.stringMatching(/^3\.\d+/) } });
    const config = await h.query(2, 'config');
    expect(config).toMatchObject({ ok: true, value: { playlist: { intervalSec: 20 } } });
    const meta = await h.query(3, 'health');
    expect(meta).toMatchObject({ ok: true, value: { sources: expect.any(Array) } });
  });

  it('pushes change notices as the sync engine writes', async () => {
    const changed = await h.next((m) => m.type === 'changed', 60_000);
    expect(changed).toMatchObject({ type: 'changed', notice: { changed: expect.any(Array) } });
  });

  it('reports a failing query as an error result, not a crash', async () => {
    const r = await h.query(4, 'town', { code: '999999999' });
    expect(r).toMatchObject({ type: 'result', id: 4, ok: false, error: expect.stringContaining('999999999') });
    expect(await h.query(5, 'meta')).toMatchObject({ ok: true, value: { towns: expect.any(Array) } });
    expect(h.exits).toEqual([]);
  });

  it('applies a new configuration by rebuilding the cockpit on the same cache', async () => {
    const readies = h.received.filter((m) => m.type === 'ready').length;
    h.send({ type: 'start', config: configSchema.parse({ playlist: { intervalSec: 90 } }), dataDir: join(h.dir, 'data'), logDir: join(h.dir, 'logs'), secrets: {} });
    // A query sent during the rebuild waits for it and sees the new configuration.
    const config = await h.query(6, 'config');
    expect(config).toMatchObject({ ok: true, value: { playlist: { intervalSec: 90 } } });
    expect(h.received.filter((m) => m.type === 'ready').length).toBe(readies + 1);
    expect(readFileSync(join(h.dir, 'logs', 'core.log'), 'utf8')).toContain('cockpit: syncing');
  });

  it('keeps the running configuration when a new one does not start, and says so', async () => {
    h.send({ type: 'start', config: configSchema.parse({ title: 'UNBUILDABLE' }), dataDir: join(h.dir, 'data'), logDir: join(h.dir, 'logs'), secrets: {} });
    await expect(h.next((m) => m.type === 'configRejected')).resolves.toEqual({ type: 'configRejected', error: 'this configuration does not start' });
    expect(await h.query(7, 'config')).toMatchObject({ ok: true, value: { title: null, playlist: { intervalSec: 90 } } });
    expect(await h.query(8, 'health')).toMatchObject({ ok: true, value: { config: { rejected: { error: 'this configuration does not start' } } } });
    expect(h.exits).toEqual([]);
  });

  it('reports a start-up failure as fatal and exits non-zero', async () => {
    // The core itself now survives an unusable cache (it falls back to memory), so the failure
    // is injected: whatever createCore throws must reach main as 'fatal' and end the process.
    const received: CoreToMain[] = [];
    const exits: number[] = [];
    const toCore = new EventEmitter();
    serveCore(
      { on: (_e, listener) => void toCore.on('message', listener), postMessage: (m) => void received.push(m) },
      {
        createCore: async () => {
          throw new Error('cache: database is locked');
        },
        openLogger: () => createFileLogger({ dir: join(h.dir, 'fatal-logs'), name: 'core' }),
        exit: (code) => exits.push(code),
      },
    );
    toCore.emit('message', { data: { type: 'start', config: configSchema.parse({}), dataDir: h.dir, logDir: join(h.dir, 'fatal-logs'), secrets: {} } });
    await vi.waitFor(() => expect(exits).toEqual([1]), { timeout: 5000, interval: 10 });
    expect(received).toEqual([{ type: 'fatal', error: 'cache: database is locked' }]);
    expect(readFileSync(join(h.dir, 'fatal-logs', 'core.log'), 'utf8')).toContain('core: fatal');
  });
});
