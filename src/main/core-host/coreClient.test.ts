import { describe, expect, it } from 'vitest';
import { CoreClient } from './coreClient';
import type { MainToCore } from './messages';

describe('CoreClient', () => {
  it('matches answers to queries by id, in any order', async () => {
    const c = new CoreClient();
    const sent: MainToCore[] = [];
    c.attach((m) => sent.push(m));
    const a = c.query('meta', {});
    const b = c.query('town', { code: '330113001' });
    expect(sent).toEqual([
      { type: 'query', id: 1, name: 'meta', params: {} },
      { type: 'query', id: 2, name: 'town', params: { code: '330113001' } },
    ]);
    c.handle({ type: 'result', id: 2, ok: false, error: 'unknown town 330113001' });
    c.handle({ type: 'result', id: 1, ok: true, value: { district: 'x' } });
    await expect(a).resolves.toEqual({ district: 'x' });
    await expect(b).rejects.toThrow('unknown town 330113001');
  });

  it('holds queries asked while the core restarts and sends them when it is ready', async () => {
    const c = new CoreClient();
    const q = c.query('overview', {});
    const sent: MainToCore[] = [];
    c.attach((m) => sent.push(m));
    expect(sent).toHaveLength(1);
    c.handle({ type: 'result', id: 1, ok: true, value: 42 });
    await expect(q).resolves.toBe(42);
  });

  it('fails queries in flight when the process dies, but keeps those not yet sent', async () => {
    const c = new CoreClient();
    c.attach(() => {});
    const inFlight = c.query('events', {});
    c.detach('exit code 9');
    const later = c.query('events', {});
    await expect(inFlight).rejects.toThrow('core process stopped before answering (exit code 9)');
    const sent: MainToCore[] = [];
    c.attach((m) => sent.push(m));
    expect(sent.map((m) => m.type === 'query' && m.id)).toEqual([2]);
    c.handle({ type: 'result', id: 2, ok: true, value: 'ok' });
    await expect(later).resolves.toBe('ok');
  });

  it('times out a query the core never answers', async () => {
    const c = new CoreClient(30);
    c.attach(() => {});
    await expect(c.query('risk', {})).rejects.toThrow('query risk: no answer from the core within 30 ms');
    expect(c.handle({ type: 'result', id: 1, ok: true, value: 1 })).toBe(true); // late answer ignored
  });
});
