import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../shared/config';
import { createCore, type Core } from '../core';
import { silentLogger } from '../log/logger';
import { parseBoot } from '../../shared/boot';
import { startHub, type Hub } from './index';

/** Raw HTTP, because fetch() normalises "../" out of paths before they reach the server. */
function raw(
  url: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads SSE frames from /api/changes until `until` accepts one, then disconnects. */
function readEvents(url: string, until: (event: string, data: string) => boolean, timeoutMs: number): Promise<Array<{ event: string; data: string }>> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const seen: Array<{ event: string; data: string }> = [];
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const req = request({ hostname, port, path: '/api/changes' }, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(frame)?.[1] ?? '';
          seen.push({ event, data });
          if (until(event, data)) {
            clearTimeout(timer);
            req.destroy();
            resolve(seen);
            return;
          }
        }
      });
    });
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
    req.end();
  });
}

describe('hub', () => {
  let dir: string;
  let staticDir: string;
  let cockpit: Core;
  let hub: Hub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-hub-'));
    staticDir = join(dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>cockpit</title>');
    mkdirSync(join(staticDir, 'map3d'));
    writeFileSync(join(staticDir, 'map3d', 'index.html'), '<!doctype html><title>3d</title>');
    writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1);\n'.repeat(500));
    writeFileSync(join(staticDir, 'assets', 'font-abc123.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
    const config = configSchema.parse({ simulator: { seed: 7 } });
    cockpit = await createCore({ config, dataDir: join(dir, 'data'), logger: silentLogger });
    await cockpit.start();
    hub = await startHub({ core: cockpit, staticDir, port: 0, heartbeatMs: 200 });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
    await cockpit?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the renderer with strict security headers and never caches the document', async () => {
    const res = await fetch(`${hub.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("writes the answers of every page's first questions into the cockpit's page", async () => {
    const html = await (await fetch(`${hub.url}/`)).text();
    const m = /<script type="application\/json" id="cockpit-boot">([^<]*)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    const answers = parseBoot(m![1]);
    const names = answers.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['config', 'meta', 'health', 'overview', 'risk', 'events', 'consultation', 'map']));
    expect(names).not.toContain('town'); // it needs a town code
    const meta = answers.find((a) => a.name === 'meta')!.result as { towns: unknown[] };
    expect(meta.towns).toEqual(((await (await fetch(`${hub.url}/api/query/meta`)).json()) as { towns: unknown[] }).towns);
    // The 3D frame's page is served as built.
    expect(await (await fetch(`${hub.url}/map3d/`)).text()).not.toContain('cockpit-boot');
  });

  it('gives hashed assets their MIME type and a long cache; only the 3D frame may eval', async () => {
    const js = await fetch(`${hub.url}/assets/app-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const font = await fetch(`${hub.url}/assets/font-abc123.woff2`);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    // The sandboxed 3D frame (opaque origin) loads its module scripts with CORS.
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
    const frame = await fetch(`${hub.url}/map3d/`);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('<title>3d</title>');
    const frameCsp = frame.headers.get('content-security-policy') ?? '';
    expect(frameCsp).toContain("'unsafe-eval'");
    expect(frameCsp).toContain("connect-src 'none'");
    // …and nothing else does.
    const doc = await fetch(`${hub.url}/index.html`);
    expect(doc.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(doc.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gzips code and query answers for clients that take it', async () => {
    const js = await raw(hub.url, '/assets/app-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(js.headers['content-encoding']).toBe('gzip');
    const plain = await raw(hub.url, '/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1);\n'.repeat(500));
    // fetch() asks for gzip and inflates: the JSON arrives intact.
    const res = await fetch(`${hub.url}/api/query/meta`);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as { towns: unknown[] }).towns.length).toBeGreaterThan(0);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%5c..%5csecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('does not serve files outside the renderer: %s', async (path) => {
    const res = await raw(hub.url, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('TOP-SECRET');
  });

  it('answers queries as JSON', async () => {
    const res = await fetch(`${hub.url}/api/query/config?params=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { locale: string; playlist: { pages: string[] } };
    expect(body.locale).toBe('zh-CN');
    expect(body.playlist.pages).toEqual(['overview', 'risk', 'events', 'consultation']);
    const meta = await fetch(`${hub.url}/api/query/meta`);
    expect(meta.status).toBe(200);
    expect(await meta.json()).toHaveProperty('towns');
  });

  it.each([
    ['/api/query/secrets', /unknown query "secrets"/],
    ['/api/query/town?params=' + encodeURIComponent('{'), /params is not valid JSON/],
    ['/api/query/town?params=' + encodeURIComponent('{}'), /code/],
    ['/api/query/overview?params=' + encodeURIComponent('{"week":"last tuesday"}'), /week: expected a date/],
    ['/api/query/meta?params=' + encodeURIComponent('{"sql":"drop"}'), /sql/],
    ['/api/query/map?params=' + encodeURIComponent('{"level":"world"}'), /level/],
  ])('rejects a bad query with 400 and a reason: %s', async (path, reason) => {
    const res = await fetch(hub.url + path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(reason);
  });

  it('answers 404 for a town the district does not have', async () => {
    const res = await fetch(`${hub.url}/api/query/town?params=${encodeURIComponent('{"code":"999999999"}')}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('999999999');
  });

  it('answers only GET and HEAD, and unknown API paths with 404', async () => {
    expect((await fetch(`${hub.url}/api/query/meta`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${hub.url}/api/nothing`)).status).toBe(404);
  });

  it('refuses a foreign Host header on loopback (DNS rebinding)', async () => {
    const res = await raw(hub.url, '/api/query/config', { Host: 'evil.example:80' });
    expect(res.status).toBe(421);
  });

  it('reports health for probes', async () => {
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; sources: Array<{ id: string }> };
    expect(['ok', 'degraded']).toContain(body.status);
    expect(body.sources.map((s) => s.id)).toEqual(['sim']);
  });

  it('streams heartbeats, and change notices when the simulator adds records', async () => {
    const beats = await readEvents(hub.url, (e) => e === 'heartbeat', 5_000);
    expect(beats[0].event).toBe('heartbeat');
    await expect.poll(() => hub.streamCount, { timeout: 2_000 }).toBe(0);

    const waiting = readEvents(hub.url, (e, data) => e === 'change' && (JSON.parse(data) as { changed: string[] }).changed.includes('events'), 20_000);
    const now = new Date().toISOString();
    cockpit.simulator!.inject('events', {
      id: 'hub-test-1', type: 'rental', title: '租赁纠纷', townCode: '330113001', community: '龙船坞社区',
      source: 'grid', status: 'reported', reportedAt: now, acceptedAt: null, dispatchedAt: null, handledAt: null,
      closedAt: null, departments: [], handlers: [], acceptOverdue: false, handleOverdue: false, satisfaction: null,
      updatedAt: now,
    });
    const seen = await waiting;
    const last = seen[seen.length - 1];
    expect(last.event).toBe('change');
    expect(JSON.parse(last.data)).toMatchObject({ at: expect.any(String), changed: expect.arrayContaining(['events']) });
    // The stream is dropped as soon as the client goes.
    await expect.poll(() => hub.streamCount, { timeout: 2_000 }).toBe(0);
  }, 30_000);
});

describe('hub beyond loopback', () => {
  const TOKEN = 'a-long-enough-test-token-123';
  let dir: string;
  let cockpit: Core;
  let hub: Hub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cockpit-hub-token-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>cockpit</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app-1.js'), 'console.log(1)');
    cockpit = await createCore({ config: configSchema.parse({}), dataDir: join(dir, 'data'), logger: silentLogger });
    hub = await startHub({ core: cockpit, staticDir: join(dir, 'renderer'), host: '0.0.0.0', port: 0, token: TOKEN });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
    await cockpit?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on a non-loopback address without a token', async () => {
    await expect(startHub({ core: cockpit, staticDir: dir, host: '0.0.0.0', port: 0 })).rejects.toThrow(/without a token/);
  });

  it('requires the token on every path', async () => {
    for (const path of ['/', '/api/query/config', '/api/changes', '/healthz']) {
      const res = await raw(hub.url, path, { Host: 'wall.example:7320' });
      expect(res.status, path).toBe(401);
    }
    expect((await raw(hub.url, '/api/query/config', { Authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
  });

  it('serves built assets (code, no data) without the token, for the cookie-less 3D frame', async () => {
    expect((await raw(hub.url, '/assets/app-1.js')).status).toBe(200);
    expect((await raw(hub.url, '/assets/../index.html')).status).toBe(401);
  });

  it('accepts Authorization: Bearer', async () => {
    const res = await raw(hub.url, '/api/query/config', { Authorization: `Bearer ${TOKEN}`, Host: 'wall.example:7320' });
    expect(res.status).toBe(200);
  });

  it('exchanges ?token= for an HttpOnly cookie and drops the token from the address', async () => {
    const res = await raw(hub.url, `/?token=${TOKEN}&page=risk`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/?page=risk');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0];
    const page = await raw(hub.url, '/', { Cookie: session });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>cockpit</title>');
    expect((await raw(hub.url, '/', { Cookie: 'cockpit_session=forged' })).status).toBe(401);
    expect((await raw(hub.url, '/?token=not-the-token')).status).toBe(401);
  });
});
