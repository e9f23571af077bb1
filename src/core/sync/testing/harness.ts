/** Shared set-up for the sync tests: a real simulator, a backfilled template cache, polling helpers. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { districtApiSourceSchema, type DistrictApiSourceConfig } from '../../../shared/sources';
import type { DistrictEvent } from '../../../shared/contract';
import { openCache, type Cache } from '../../cache';
import { generateSyntheticEvents } from '../../../shared/contract/testing/syntheticEvents';
import { createSyncEngine } from '../engine';
import { removeTempDirs, tempDir } from '../../cache/testing/tempDir';

export { removeTempDirs, tempDir };

export const SIM_NOW = new Date('2026-11-20T10:00:00+08:00');

export function testSource(url: string, overrides: Partial<DistrictApiSourceConfig> = {}): DistrictApiSourceConfig {
  return districtApiSourceSchema.parse({
    id: 'sim',
    url,
    intervalSec: 0.2,
    timeoutMs: 400,
    maxBodyBytes: 512 * 1024,
    ...overrides,
  });
}

/** Backfills the simulator once into a file; tests start from copies of it. */
export async function backfillTemplate(url: string, pageLimit: number): Promise<string> {
  const path = join(tempDir('sync-template-'), 'template.db');
  const cache = openCache(path);
  const engine = createSyncEngine({ cache, sources: [testSource(url, { timeoutMs: 10_000 })], pageLimit });
  const summary = await engine.syncOnce();
  const failed = summary.sources[0].endpoints.filter((e) => e.outcome === 'failed');
  if (failed.length) throw new Error(`template backfill failed: ${JSON.stringify(failed)}`);
  cache.db.pragma('wal_checkpoint(TRUNCATE)');
  cache.close();
  return path;
}

export function cacheFromTemplate(template: string): Cache {
  const path = join(tempDir(), 'cache.db');
  copyFileSync(template, path);
  return openCache(path);
}

export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let injected = 0;
/** Valid new events with ids no other test uses, updated "now" (after everything in the sim). */
export function freshEvents(count: number): DistrictEvent[] {
  const firstIndex = 500_000 + injected;
  // Reported within the hour before SIM_NOW, whatever the index.
  const startMs = SIM_NOW.getTime() - 3_600_000 - firstIndex * 1000;
  const list = [...generateSyntheticEvents(count, { seed: 99, firstIndex, idPrefix: 'inj-', startMs, spacingMs: 1000 })];
  injected += count;
  return list;
}
