import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiErrorSchema, eventSchema, feedPageSchema, kpisSchema, metaSchema } from '../../shared/contract';
import { parseFaultFlag } from './faults';
import { type RunningSimulator, startSimulator } from './index';
import { getJson, postJson, rawGet } from './testSupport';

/** Every fault kind, observed the way a plain HTTP client sees it. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: new Date('2026-11-27T15:30:00+08:00'), live: false });
});
afterAll(() => sim.stop());
beforeEach(() => sim.clearFaults());

interface Streamed {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  body: Buffer | null;
  chunks: number;
  error: string | null;
  ms: number;
}

/** Read a response chunk by chunk; stop (and drop the connection) after maxBytes. */
function stream(url: string, maxBytes = Infinity): Promise<Streamed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      const parts: Buffer[] = [];
      let bytes = 0;
      let chunks = 0;
      const done = (error: string | null) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, chunks, error, body: bytes <= 16 * 1024 * 1024 ? Buffer.concat(parts) : null, ms: performance.now() - started });
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        chunks++;
        if (bytes <= 16 * 1024 * 1024) parts.push(c);
        if (bytes > maxBytes) {
          done('stopped');
          res.destroy();
        }
      });
      res.on('end', () => done(null));
      res.on('aborted', () => done('aborted'));
      res.on('error', (e) => done(e.message));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('faults', () => {
  it('latency delays, then answers normally', async () => {
    sim.setFault('kpis', { kind: 'latency', latencyMs: 400 });
    const t = performance.now();
    const kpis = kpisSchema.parse(await getJson(`${sim.url}/v1/kpis`));
    expect(performance.now() - t).toBeGreaterThanOrEqual(390);
    expect(kpis.eventsAccepted).toBe(15_291);
  });

  it('http5xx answers with the status and the error shape', async () => {
    sim.setFault('events', { kind: 'http5xx' });
    let res = await rawGet(`${sim.url}/v1/events`);
    expect(res.status).toBe(503);
    expect(apiErrorSchema.parse(JSON.parse(res.body)).error.code).toBe('unavailable');
    sim.setFault('events', { kind: 'http5xx', status: 502 });
    res = await rawGet(`${sim.url}/v1/events`);
    expect(res.status).toBe(502);
    // Other endpoints are untouched.
    expect((await rawGet(`${sim.url}/v1/personnel?limit=1`)).status).toBe(200);
  });

  it('reset drops the connection without a response', async () => {
    sim.setFault('meta', { kind: 'reset' });
    await expect(rawGet(`${sim.url}/v1/meta`)).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|EPIPE/) });
  });

  it('malformed sends 200 with text that is not JSON', async () => {
    sim.setFault('divisions', { kind: 'malformed' });
    const res = await rawGet(`${sim.url}/v1/divisions`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(() => JSON.parse(res.body)).toThrow(SyntaxError);
  });

  it('invalidRecords breaks a share of a page; the other records stay intact', async () => {
    const good = feedPageSchema.parse(await getJson(`${sim.url}/v1/events?limit=200`));
    sim.setFault('events', { kind: 'invalidRecords', invalidRatio: 0.3 });
    const res = await rawGet(`${sim.url}/v1/events?limit=200`);
    expect(res.headers.etag).toBeUndefined();
    const bad = feedPageSchema.parse(JSON.parse(res.body));
    expect(bad.cursor).toBe(good.cursor);
    let invalid = 0;
    bad.items.forEach((item, i) => {
      if (eventSchema.safeParse(item).success) expect(item).toEqual(good.items[i]);
      else invalid++;
    });
    expect(invalid).toBeGreaterThan(30);
    expect(invalid).toBeLessThan(90);
    // On a snapshot: the document fails its schema.
    sim.setFault('kpis', { kind: 'invalidRecords' });
    expect(kpisSchema.safeParse(await getJson(`${sim.url}/v1/kpis`)).success).toBe(false);
  });

  it('truncated declares the full length and closes mid-body', async () => {
    sim.setFault('personnel', { kind: 'truncated' });
    const r = await stream(`${sim.url}/v1/personnel?limit=100`);
    const declared = Number(r.headers['content-length']);
    expect(declared).toBeGreaterThan(1000);
    expect(r.bytes).toBeLessThan(declared);
    expect(r.error).not.toBeNull();
  });

  it('slowDrip trickles a correct body at the given rate', async () => {
    sim.setFault('kpis', { kind: 'slowDrip', bytesPerSec: 1000 });
    const r = await stream(`${sim.url}/v1/kpis`);
    expect(r.error).toBeNull();
    expect(r.chunks).toBeGreaterThanOrEqual(3);
    expect(r.ms).toBeGreaterThanOrEqual((r.bytes / 1000) * 1000 * 0.7);
    expect(kpisSchema.parse(JSON.parse(r.body!.toString())).eventsAccepted).toBe(15_291);
  });

  it('oversized streams a valid-looking body past the limit without a length', async () => {
    sim.setFault('events', { kind: 'oversized', oversizeBytes: 3 * 1024 * 1024 });
    const r = await stream(`${sim.url}/v1/events`);
    expect(r.headers['content-length']).toBeUndefined();
    expect(r.bytes).toBeGreaterThan(3 * 1024 * 1024);
    const page = feedPageSchema.parse(JSON.parse(r.body!.toString()));
    expect(page.items.length).toBeGreaterThan(3000);
    expect(eventSchema.safeParse(page.items[1234]).success).toBe(true);

    sim.setFault('meta', { kind: 'oversized', oversizeBytes: 1024 * 1024 });
    const m = await stream(`${sim.url}/v1/meta`);
    expect(m.bytes).toBeGreaterThan(1024 * 1024);
    expect(metaSchema.safeParse(JSON.parse(m.body!.toString())).success).toBe(true);

    // The default 64 MiB: a client that gives up at 4 MiB leaves the simulator healthy.
    sim.setFault('events', { kind: 'oversized' });
    const cut = await stream(`${sim.url}/v1/events`, 4 * 1024 * 1024);
    expect(cut.error).toBe('stopped');
    sim.clearFaults();
    expect((await rawGet(`${sim.url}/v1/events?limit=1`)).status).toBe(200);
  });

  it("'*' applies to every endpoint; an endpoint's own fault takes precedence", async () => {
    sim.setFault('*', { kind: 'http5xx', status: 500 });
    sim.setFault('kpis', { kind: 'http5xx', status: 504 });
    expect((await rawGet(`${sim.url}/v1/meta`)).status).toBe(500);
    expect((await rawGet(`${sim.url}/v1/warnings`)).status).toBe(500);
    expect((await rawGet(`${sim.url}/v1/kpis`)).status).toBe(504);
    sim.setFault('*', null);
    expect((await rawGet(`${sim.url}/v1/meta`)).status).toBe(200);
    expect(() => sim.setFault('nope', { kind: 'reset' })).toThrow(/unknown fault endpoint 'nope'/);
    expect(() => sim.setFault('events', { kind: 'http5xx', status: 404 })).toThrow(/status/);
  });
});

describe('admin endpoints', () => {
  it('set and clear faults over HTTP, and reject bad specs naming the field', async () => {
    let res = await postJson(`${sim.url}/admin/faults`, { endpoint: 'events', kind: 'http5xx', status: 502 });
    expect(res.status).toBe(200);
    expect((await rawGet(`${sim.url}/v1/events`)).status).toBe(502);
    // Admin is never faulted, even with '*'.
    await postJson(`${sim.url}/admin/faults`, { endpoint: '*', kind: 'reset' });
    expect(JSON.parse((await rawGet(`${sim.url}/admin/faults`)).body).faults).toMatchObject({ '*': { kind: 'reset' } });

    res = await postJson(`${sim.url}/admin/faults`, { endpoint: 'events', kind: 'boom' });
    expect(res.status).toBe(400);
    expect(apiErrorSchema.parse(JSON.parse(res.body)).error.message).toMatch(/^body: kind: /);
    res = await postJson(`${sim.url}/admin/faults`, { endpoint: 'nowhere', kind: 'reset' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain("unknown fault endpoint 'nowhere'");

    res = await postJson(`${sim.url}/admin/faults`, {}, 'DELETE');
    expect(res.status).toBe(200);
    expect((await rawGet(`${sim.url}/v1/events?limit=1`)).status).toBe(200);
  });

  it('refuses requests a web page could forge (Origin header, non-JSON body)', async () => {
    const body = JSON.stringify({ endpoint: '*', kind: 'reset' });
    let res = await rawGet(`${sim.url}/admin/faults`, { origin: 'https://evil.example', 'content-type': 'application/json' }, 'POST', body);
    expect(res.status).toBe(403);
    res = await rawGet(`${sim.url}/admin/faults`, { 'content-type': 'text/plain' }, 'POST', body);
    expect(res.status).toBe(415);
    expect(apiErrorSchema.parse(JSON.parse(res.body)).error.code).toBe('unsupportedMediaType');
    expect((await rawGet(`${sim.url}/v1/meta`)).status).toBe(200);
  });

  it('inject stores hostile and invalid records as given; tick advances time', async () => {
    const hostile = { id: 'SJ-EVIL', title: '<img src=x onerror=alert(1)>\u202e', townCode: 'DROP TABLE' };
    let res = await postJson(`${sim.url}/admin/inject`, { feed: 'events', record: hostile });
    expect(res.status).toBe(200);
    const last = feedPageSchema.parse(await getJson(`${sim.url}/v1/events?cursor=${JSON.parse(res.body).lastSeq - 1}`));
    expect(last.items).toEqual([hostile]);

    res = await postJson(`${sim.url}/admin/inject`, { feed: 'gossip', record: {} });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/^body: feed: /);

    const before = metaSchema.parse(await getJson(`${sim.url}/v1/meta`)).generatedAt;
    res = await postJson(`${sim.url}/admin/tick`, { ms: 3_600_000 });
    expect(res.status).toBe(200);
    const after = metaSchema.parse(await getJson(`${sim.url}/v1/meta`)).generatedAt;
    expect(Date.parse(after) - Date.parse(before)).toBe(3_600_000);
    expect((await postJson(`${sim.url}/admin/tick`, { ms: -5 })).status).toBe(400);
    expect((await rawGet(`${sim.url}/admin/tick`)).status).toBe(405);
  });
});

describe('start-up faults and stopping', () => {
  it('takes faults at start (as the CLI does) and refuses connections once stopped', async () => {
    const other = await startSimulator({ live: false, faults: { [parseFaultFlag('kpis=http5xx:500').endpoint]: parseFaultFlag('kpis=http5xx:500').fault } });
    expect((await rawGet(`${other.url}/v1/kpis`)).status).toBe(500);
    await Promise.all([other.stop(), other.stop()]);
    await expect(rawGet(`${other.url}/v1/meta`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('parses CLI fault flags and explains bad ones', () => {
    expect(parseFaultFlag('kpis=latency:2000')).toEqual({ endpoint: 'kpis', fault: { kind: 'latency', latencyMs: 2000 } });
    expect(parseFaultFlag('*=reset')).toEqual({ endpoint: '*', fault: { kind: 'reset' } });
    expect(() => parseFaultFlag('events')).toThrow(/ENDPOINT=KIND/);
    expect(() => parseFaultFlag('events=explode')).toThrow(/unknown kind 'explode'/);
    expect(() => parseFaultFlag('events=reset:5')).toThrow(/takes no number/);
  });
});
