import { describe, expect, it } from 'vitest';
import { AnswerCache, gzipOf } from './answerCache';
import { gunzipSync } from 'node:zlib';

describe('AnswerCache', () => {
  it('answers the same question once until a change notice clears it', async () => {
    const cache = new AnswerCache(60_000);
    let computed = 0;
    const compute = () => ({ n: ++computed });
    const [a, b] = await Promise.all([cache.get('overview{}', compute), cache.get('overview{}', compute)]);
    expect(a).toBe(b);
    expect(JSON.parse(a.text)).toEqual({ n: 1 });
    expect(JSON.parse((await cache.get('events{}', compute)).text)).toEqual({ n: 2 });
    cache.clear();
    expect(JSON.parse((await cache.get('overview{}', compute)).text)).toEqual({ n: 3 });
  });

  it('holds an answer no longer than maxAgeMs, and never a failure', async () => {
    const cache = new AnswerCache(30);
    let computed = 0;
    await cache.get('health{}', () => ++computed);
    await new Promise((r) => setTimeout(r, 40));
    await cache.get('health{}', () => ++computed);
    expect(computed).toBe(2);
    await expect(cache.get('town{"code":"x"}', () => Promise.reject(new Error('unknown town')))).rejects.toThrow('unknown town');
    await new Promise((r) => setTimeout(r, 0));
    expect(JSON.parse((await cache.get('town{"code":"x"}', () => 'ok')).text)).toBe('ok');
  });

  it('is off at 0, and compresses an answer once', async () => {
    expect(new AnswerCache(0).enabled).toBe(false);
    const answer = await new AnswerCache(1000).get('k', () => ({ big: 'x'.repeat(5000) }));
    const z = gzipOf(answer);
    expect(gzipOf(answer)).toBe(z);
    expect(JSON.parse(gunzipSync(z).toString())).toEqual({ big: 'x'.repeat(5000) });
  });
});
