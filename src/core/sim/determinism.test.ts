import { describe, expect, it } from 'vitest';
import { FEEDS, FEED_NAMES, SNAPSHOTS, SNAPSHOT_NAMES } from '../../shared/contract';
import { type RunningSimulator, startSimulator } from './index';
import { endCursor, rawGet, readFeed } from './testSupport';

/** Same seed and same `now` → byte-identical responses; live time is deterministic too. */

const NOW = new Date('2026-11-27T15:30:00+08:00');

async function everyBody(sim: RunningSimulator): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const paths = ['/v1/meta', ...SNAPSHOT_NAMES.map((s) => SNAPSHOTS[s].path)];
  for (const f of FEED_NAMES) for (const c of [0, 500, 3000]) paths.push(`${FEEDS[f].path}?cursor=${c}&limit=5000`);
  for (const path of paths) {
    const res = await rawGet(`${sim.url}${path}`);
    bodies.set(path, `${res.status} ${res.headers.etag} ${res.body}`);
  }
  return bodies;
}

/** Every record changed after the given cursors, by feed, as sorted JSON lines. */
async function changesSince(sim: RunningSimulator, cursors: Record<string, string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const f of FEED_NAMES) out[f] = (await readFeed(sim.url, f, 5000, cursors[f])).items.map((r) => JSON.stringify(r)).sort();
  return out;
}

describe('determinism', () => {
  it('two simulators with the same seed and now answer byte for byte the same', async () => {
    const [a, b, c] = await Promise.all([
      startSimulator({ now: NOW, seed: 42, live: false }),
      startSimulator({ now: NOW, seed: 42, live: false }),
      startSimulator({ now: NOW, seed: 7, live: false }),
    ]);
    try {
      const [ba, bb] = [await everyBody(a), await everyBody(b)];
      expect([...ba.keys()].length).toBeGreaterThan(20);
      for (const [path, body] of ba) expect(bb.get(path), path).toBe(body);
      // Another seed is another district history (its figures still match the article).
      const other = await rawGet(`${c.url}/v1/events?limit=1000`);
      expect(other.body).not.toBe((await rawGet(`${a.url}/v1/events?limit=1000`)).body);
      expect(JSON.parse((await rawGet(`${c.url}/v1/kpis`)).body)).toMatchObject({ eventsAccepted: 15_291, dispatchedPersonnel: 871 });

      // Live time: one 6-hour tick and 36 ten-minute ticks bring the same records.
      const cursors = Object.fromEntries(await Promise.all(FEED_NAMES.map(async (f) => [f, await endCursor(a.url, f)] as const)));
      a.tick(6 * 3_600_000);
      for (let i = 0; i < 36; i++) b.tick(10 * 60_000);
      const changed = await changesSince(a, cursors);
      expect(changed.events.length).toBeGreaterThan(20);
      expect(await changesSince(b, cursors)).toEqual(changed);
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });
});
