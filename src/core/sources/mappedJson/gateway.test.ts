/**
 * The walkthrough's gateway (docs/examples/gateway-source.json) through the real sync engine:
 * a signed, page-numbered, Chinese-named API on loopback feeding the events feed — backfill,
 * incremental polls, ETags, a record that cannot be mapped, a wrong secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sourceConfigSchema, type SourceConfig } from '../../../shared/config';
import { generateSyntheticEvents } from '../../../shared/contract/testing/syntheticEvents';
import { openCache, type Cache } from '../../cache';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';
import { createSyncEngine, type SyncEngine } from '../../sync';
import { createSourceReader } from '..';
import { startGateway, toGatewayRecord, type RunningGateway } from '../testing/gateway';

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../docs/examples/gateway-source.json'), 'utf8'));
const SECRET = 'gw-secret-0123456789abcdef';
const events = [...generateSyntheticEvents(2500, { seed: 7, startMs: Date.UTC(2026, 9, 1) })];

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway({ appKey: 'linping-cockpit', appSecret: SECRET, records: events.map(toGatewayRecord) });
  process.env.GATEWAY_APP_SECRET = SECRET;
});
afterAll(async () => {
  await gateway.close();
  removeTempDirs();
});

function source(overrides: Record<string, unknown> = {}): SourceConfig {
  return sourceConfigSchema.parse({ ...EXAMPLE, url: gateway.url, timeoutMs: 10_000, ...overrides });
}

let open: Array<{ engine: SyncEngine; cache: Cache }> = [];
function engineFor(src: SourceConfig) {
  const cache = openCache(join(tempDir(), 'c.db'));
  const engine = createSyncEngine({ cache, sources: [src], readerFor: createSourceReader });
  open.push({ engine, cache });
  return { cache, engine };
}
afterEach(async () => {
  for (const { engine, cache } of open) {
    await engine.stop();
    cache.close();
  }
  open = [];
});

const row = (cache: Cache, id: string) =>
  cache.db.prepare('SELECT * FROM events WHERE source_id = ? AND id = ?').get('jczl-gateway', id) as Record<string, unknown> | undefined;

describe('a signed, page-numbered gateway API feeds the events feed', () => {
  it('backfills every record, identical to what the system holds, then asks only for what changed', async () => {
    const { cache, engine } = engineFor(source());
    const first = await engine.syncOnce();
    const ev = first.sources[0].endpoints.find((e) => e.name === 'events')!;
    expect(ev).toMatchObject({ outcome: 'updated', pages: 3, stored: 2500, quarantined: 0, error: null });
    expect(first.sources[0].endpoints.map((e) => e.name)).toEqual(['events']); // no /v1/meta to ask
    expect(cache.tableCounts().events).toBe(2500);
    const sample = events[1234];
    // The system keeps whole seconds of Beijing time.
    const sec = (iso: string | null) => (iso === null ? null : Math.floor(Date.parse(iso) / 1000) * 1000);
    expect(row(cache, sample.id)).toMatchObject({
      title: sample.title,
      type: sample.type,
      town_code: sample.townCode,
      community: sample.community,
      origin: sample.source,
      status: sample.status,
      reported_at: sec(sample.reportedAt),
      accepted_at: sec(sample.acceptedAt),
      closed_at: sec(sample.closedAt),
      departments: JSON.stringify(sample.departments),
      handlers: JSON.stringify(sample.handlers),
      accept_overdue: sample.acceptOverdue ? 1 : 0,
      satisfaction: sample.satisfaction,
      updated_at: sec(sample.updatedAt),
    });

    // Nothing new: the watermark's own records come back once (changing nothing) and that
    // request's ETag is kept; from then on "nothing new" is one 304.
    const settle = await engine.syncOnce();
    expect(settle.sources[0].endpoints[0]).toMatchObject({ outcome: 'unchanged', pages: 1, changed: 0 });
    const before = { ...gateway.stats };
    const idle = await engine.syncOnce();
    expect(idle.sources[0].endpoints[0]).toMatchObject({ outcome: 'unchanged', pages: 0 });
    expect(gateway.stats.requests - before.requests).toBe(1);
    expect(gateway.stats.notModified - before.notModified).toBe(1);

    // One record moves on and one is new: only the records at or after the watermark come back.
    const newest = Math.max(...events.map((e) => Date.parse(e.updatedAt)));
    const later = new Date(Math.ceil(newest / 1000) * 1000 + 60_000).toISOString();
    const closed = { ...events[10], status: 'closed' as const, closedAt: later, handledAt: later, dispatchedAt: events[10].dispatchedAt ?? later, acceptedAt: events[10].acceptedAt ?? later, updatedAt: later };
    const fresh = { ...events[0], id: 'evt-new-1', reportedAt: later, acceptedAt: null, dispatchedAt: null, handledAt: null, closedAt: null, status: 'reported' as const, satisfaction: null, updatedAt: later };
    gateway.put([toGatewayRecord(closed), toGatewayRecord(fresh)]);
    const next = await engine.syncOnce();
    expect(next.sources[0].endpoints[0]).toMatchObject({ outcome: 'updated', pages: 1, changed: 2 });
    expect(next.sources[0].endpoints[0].stored).toBeLessThan(10);
    expect(row(cache, events[10].id)).toMatchObject({ status: 'closed', closed_at: Date.parse(later) });
    expect(row(cache, 'evt-new-1')).toMatchObject({ status: 'reported' });
    expect(engine.health()[0]).toMatchObject({ state: 'ok', url: gateway.url });
  });

  it('quarantines a record it cannot map, naming record, field and expression, and keeps the rest of the page', async () => {
    const { cache, engine } = engineFor(source());
    const odd = { ...toGatewayRecord({ ...events[5], id: 'evt-odd-1', updatedAt: '2027-01-01T00:00:00Z' }), 办理状态: '挂起' };
    const late = { ...toGatewayRecord({ ...events[6], id: 'evt-odd-2', updatedAt: '2027-01-01T00:00:00Z' }) };
    (late['时间节点'] as Record<string, unknown>)['上报时间'] = '2027-13-45 99:00:00';
    gateway.put([odd, late]);
    const summary = await engine.syncOnce();
    expect(summary.sources[0].endpoints[0]).toMatchObject({ outcome: 'updated', quarantined: 2 });
    const q = cache.db.prepare('SELECT record_id, reason FROM quarantine ORDER BY seq').all() as Array<{ record_id: string; reason: string }>;
    expect(q).toHaveLength(2);
    expect(q[0].record_id).toBe('evt-odd-1');
    expect(q[0].reason).toMatch(/^GET \/gateway\/api\/v2\/jczl\/shijian\/list\?pageNo=3&pageSize=1000 record \d+: field status \(from `办理状态`\): "挂起" is not in its values table/);
    expect(q[1].reason).toMatch(/record \d+: field reportedAt \(from `时间节点.上报时间`\): "2027-13-45 99:00:00" is not a real date and time/);
    expect(cache.tableCounts().events).toBe(gateway.size - 2); // the two bad records' page was kept
    expect(engine.health()[0].endpoints[0]).toMatchObject({ state: 'degraded', quarantined: 2 });
  });

  it('a wrong secret is the gateway refusing: health says so, without the secret, and the data stays', async () => {
    const { cache, engine } = engineFor(source());
    await engine.syncOnce();
    const count = cache.tableCounts().events;
    process.env.GATEWAY_WRONG_SECRET = 'not-the-secret-0123456789';
    const wrong = source({ auth: { ...EXAMPLE.auth, appSecret: { env: 'GATEWAY_WRONG_SECRET' } } });
    await engine.stop();
    // The same cache, now polled with the wrong secret.
    const e2 = createSyncEngine({ cache, sources: [wrong], readerFor: createSourceReader });
    const r = await e2.syncOnce();
    await e2.stop();
    expect(r.sources[0].endpoints[0].error).toMatch(/^HTTP 401/);
    expect(r.sources[0].endpoints[0].error).not.toContain('not-the-secret');
    expect(gateway.stats.lastRefusal).toBe('signature does not match');
    expect(cache.tableCounts().events).toBe(count);
  });

  it('an error answered as HTTP 200 stores nothing and says what the API said', async () => {
    const { cache, engine } = engineFor(source({ feeds: { events: { ...EXAMPLE.feeds.events, paging: { ...EXAMPLE.feeds.events.paging, size: 9999 } } } }));
    const r = await engine.syncOnce();
    expect(r.sources[0].endpoints[0].error).toContain('the API answered with an error: {"code":"40001","msg":"分页参数错误');
    expect(cache.tableCounts().events).toBe(0);
  });
});
