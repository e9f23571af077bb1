/**
 * Child process for bulkTallies.test.ts: backfills events into the cache at argv[2] in bulk-sized
 * pages, resuming after the last committed page, and prints "page N" after each commit, until
 * killed. Every third page re-sends some events already stored with a newer copy (updates).
 */
import { openCache } from '../../../cache';
import { syntheticEvents } from '../../../../shared/contract/testing/syntheticEvents';

const PAGE = 300;
const cache = openCache(process.argv[2]);
let page = Number(cache.endpointState('s1', 'events')?.cursor ?? 0);
for (;;) {
  page += 1;
  const fresh = syntheticEvents(PAGE, { seed: page, firstIndex: page * PAGE, idPrefix: 'k-' });
  const again =
    page % 3 === 0 && page > 1
      ? syntheticEvents(50, { seed: page + 1000, firstIndex: (page - 1) * PAGE, idPrefix: 'k-' }).map((e) => ({
          ...e,
          updatedAt: new Date(Date.parse(e.updatedAt) + 86_400_000).toISOString(),
        }))
      : [];
  cache.applyFeedPage('s1', 'events', [...fresh, ...again], [], String(page));
  process.stdout.write(`page ${page}\n`);
}
