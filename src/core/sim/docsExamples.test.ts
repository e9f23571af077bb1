import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedName, SnapshotName } from '../../shared/contract';
import { FEEDS, FEED_NAMES, SNAPSHOTS, SNAPSHOT_NAMES } from '../../shared/contract';
import { type RunningSimulator, startSimulator } from './index';
import { getJson, readFeed } from './testSupport';

/**
 * docs/district-api.md shows responses "taken from the running simulator": every example that
 * is complete JSON (not trimmed with …) must still be exactly what the simulator serves.
 */

const DOC = readFileSync(new URL('../../../docs/district-api.md', import.meta.url), 'utf8');

/** (endpoint path, parsed example) for each complete JSON code block under a `## GET` heading. */
function completeExamples(): Array<{ path: string; example: unknown }> {
  const out: Array<{ path: string; example: unknown }> = [];
  for (const section of DOC.split(/^## GET /m).slice(1)) {
    const path = section.slice(0, section.indexOf('\n')).trim();
    for (const [, block] of section.matchAll(/```json\n([\s\S]*?)```/g)) {
      try {
        out.push({ path, example: JSON.parse(block) });
      } catch {
        // Trimmed with "…": shown for shape, not checked.
      }
    }
  }
  return out;
}

/** Whether `served` shows everything `shown` does: same scalars, arrays as subsets. */
function contains(served: unknown, shown: unknown): boolean {
  if (Array.isArray(shown)) {
    return Array.isArray(served) && shown.every((s) => served.some((x) => contains(x, s)));
  }
  if (shown !== null && typeof shown === 'object') {
    if (served === null || typeof served !== 'object' || Array.isArray(served)) return false;
    return Object.entries(shown).every(([k, v]) => contains((served as Record<string, unknown>)[k], v));
  }
  return Object.is(served, shown);
}

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 42, now: new Date('2026-11-27T15:30:00+08:00'), live: false });
});
afterAll(() => sim.stop());

describe('docs/district-api.md examples', () => {
  it('match what the simulator serves (seed 42, now 2026-11-27T15:30:00+08:00)', async () => {
    const examples = completeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const { path, example } of examples) {
      const feed = FEED_NAMES.find((f: FeedName) => FEEDS[f].path === path);
      if (feed) {
        const served = new Map((await readFeed(sim.url, feed)).items.map((r) => [(r as { id: string }).id, r]));
        const { items } = example as { items: Array<{ id: string }> };
        for (const item of items) expect(served.get(item.id), `${path} ${item.id}`).toEqual(item);
        continue;
      }
      const snapshot = SNAPSHOT_NAMES.find((s: SnapshotName) => SNAPSHOTS[s].path === path);
      expect(snapshot !== undefined || path === '/v1/meta', `a documented endpoint: ${path}`).toBe(true);
      // Examples may list a few of a document's towns or communities: each shown must be served.
      const served = await getJson(`${sim.url}${path}`);
      expect(contains(served, example), `${path}: ${JSON.stringify(example).slice(0, 200)}`).toBe(true);
    }
  });
});
