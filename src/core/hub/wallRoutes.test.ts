import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../shared/config';
import type { WallPairing, WallState } from '../../shared/control/types';
import { createCore, type Core } from '../core';
import { silentLogger } from '../log/logger';
import { startHub, type Hub } from './index';

function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: data ? (JSON.parse(data) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Opens a wall stream and collects its events until closed. */
function openStream(url: string, path: string) {
  const { hostname, port } = new URL(url);
  const events: Array<{ event: string; data: unknown }> = [];
  const waiters: Array<() => void> = [];
  const req = request({ hostname, port, path }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
        for (const w of waiters.splice(0)) w();
      }
    });
  });
  req.end();
  return {
    events,
    async until(pred: (e: { event: string; data: unknown }) => boolean, timeoutMs = 3000): Promise<{ event: string; data: unknown }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.find(pred);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no such event; saw ${JSON.stringify(events)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    },
    close: () => req.destroy(),
  };
}

describe('hub wall control routes', () => {
  let core: Core;
  let hub: Hub;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-wall-'));
    core = await createCore({ config: configSchema.parse({}), dataDir: dir, logger: silentLogger });
    hub = await startHub({ core, staticDir: dir, port: 0, logger: silentLogger, heartbeatMs: 60_000 });
  });
  afterAll(async () => {
    await hub.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unpaired client, then a paired one drives the wall and every stream follows', async () => {
    const display = openStream(hub.url, '/api/wall/main/stream?display=1');
    const watcher = openStream(hub.url, '/api/wall/main/stream');
    const first = (await display.until((e) => e.event === 'state')).data as WallState;
    expect(first).toMatchObject({ wall: 'main', held: false, asOf: null });

    const refused = await post(hub.url, '/api/wall/main/act', { action: { type: 'page.next' } });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatch(/not paired with wall main/);
    const wrong = await post(hub.url, '/api/wall/main/pair', { code: '000000' === hub.control.pairing('main').code ? '111111' : '000000' });
    expect(wrong.status).toBe(403);

    // Only the display on this machine is told the code; the plain watcher never is.
    const pairing = (await display.until((e) => e.event === 'pairing')).data as WallPairing;
    const paired = await post(hub.url, '/api/wall/main/pair', { code: pairing.code });
    expect(paired.status).toBe(200);
    const setCookie = String(paired.headers['set-cookie']);
    expect(setCookie).toMatch(/^cockpit_pair=[\w-]+; HttpOnly; SameSite=Strict; Path=\/api\/wall\/main\//);
    const cookie = setCookie.split(';')[0];
    // The display gets the next code at once.
    await display.until((e) => e.event === 'pairing' && (e.data as WallPairing).code !== pairing.code);

    const t0 = Date.now();
    const acted = await post(hub.url, '/api/wall/main/act', { action: { type: 'page.go', page: 'risk' }, via: 'remote' }, { cookie });
    expect(acted.status).toBe(200);
    expect(acted.json).toMatchObject({ page: 'risk', held: true, by: 'remote' });
    const seen = (await watcher.until((e) => e.event === 'state' && (e.data as WallState).page === 'risk')).data as WallState;
    expect(Date.now() - t0).toBeLessThan(300);
    expect(seen.rev).toBe(acted.json.rev);
    expect(watcher.events.some((e) => e.event === 'pairing')).toBe(false);

    // The session is this wall's only, and ends on unpair.
    expect((await post(hub.url, '/api/wall/lobby/act', { action: { type: 'page.next' } }, { cookie })).status).toBe(403);
    expect((await post(hub.url, '/api/wall/main/unpair', {}, { cookie })).status).toBe(200);
    expect((await post(hub.url, '/api/wall/main/act', { action: { type: 'page.next' } }, { cookie })).status).toBe(403);
    display.close();
    watcher.close();
  });

  it('refuses what it does not expect, naming it', async () => {
    const code = hub.control.pairing('main').code;
    const cookie = String((await post(hub.url, '/api/wall/main/pair', { code })).headers['set-cookie']).split(';')[0];
    const cases: Array<[string, unknown, Record<string, string>, number, RegExp]> = [
      ['/api/wall/main/act', { action: { type: 'page.go', page: 'kitchen' } }, { cookie }, 400, /act: action\.page/],
      ['/api/wall/main/act', { action: { type: 'rm -rf' } }, { cookie }, 400, /act: action/],
      ['/api/wall/main/act', 'not json', { cookie }, 400, /not valid JSON/],
      ['/api/wall/main/act', { action: { type: 'page.next' } }, { cookie, 'content-type': 'text/plain' }, 415, /application\/json/],
      ['/api/wall/main/act', { action: { type: 'page.next' } }, { cookie, origin: 'http://evil.example' }, 403, /cross-origin/],
      ['/api/wall/main/act', { action: { type: 'page.next' }, pad: 'x'.repeat(5000) }, { cookie }, 413, /over 4096 bytes/],
      ['/api/wall/Main!/act', { action: { type: 'page.next' } }, { cookie }, 400, /wall id/],
      ['/api/wall/main/pair', { code: '12' }, {}, 400, /pair: code/],
    ];
    for (const [path, body, headers, status, error] of cases) {
      const r = await post(hub.url, path, body, headers);
      expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(status);
      expect(String(r.json.error)).toMatch(error);
    }
    // Other API routes still take GET only.
    expect((await post(hub.url, '/api/query/meta', {})).status).toBe(405);
  });
});

describe('wall control on a hub beyond loopback', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
  let core: Core;
  let hub: Hub;
  let dir: string;
  const token = 'a-token-of-at-least-16-chars';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-wall-token-'));
    core = await createCore({ config: configSchema.parse({}), dataDir: dir, logger: silentLogger });
    hub = await startHub({ core, staticDir: dir, host: '0.0.0.0', port: 0, token, logger: silentLogger, heartbeatMs: 60_000 });
  });
  afterAll(async () => {
    await hub.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!external)('keeps the token rule for every wall route, and tells the code to no display on another machine', async () => {
    const base = `http://${external}:${hub.port}`;
    const host = { host: `${external}:${hub.port}` };
    // Without the token: nothing, not even pairing.
    const code = hub.control.pairing('main').code;
    expect((await post(base, '/api/wall/main/pair', { code }, host)).status).toBe(401);
    expect((await post(base, '/api/wall/main/act', { action: { type: 'page.next' } }, host)).status).toBe(401);
    // With it, a client elsewhere may pair and act…
    const auth = { ...host, authorization: `Bearer ${token}` };
    const paired = await post(base, '/api/wall/main/pair', { code }, auth);
    expect(paired.status).toBe(200);
    const cookie = String(paired.headers['set-cookie']).split(';')[0];
    expect((await post(base, '/api/wall/main/act', { action: { type: 'page.go', page: 'risk' } }, { ...auth, cookie })).status).toBe(200);
    // …but asking to be the wall's display does not reveal the code to it.
    const { hostname, port } = new URL(base);
    const events = await new Promise<string>((resolve, reject) => {
      const req = request({ hostname, port, path: '/api/wall/main/stream?display=1', headers: auth }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        setTimeout(() => {
          req.destroy();
          resolve(text);
        }, 300);
      });
      req.on('error', reject);
      req.end();
    });
    expect(events).toContain('event: state');
    expect(events).not.toContain('event: pairing');
  });
});
