/** What the sync engine polls per source: every feed, every snapshot, and /v1/meta. */
import type { z } from 'zod';
import type { SourceConfig } from '../../shared/config';
import { FEEDS, FEED_NAMES, SNAPSHOTS, SNAPSHOT_NAMES, metaSchema, type FeedName, type SnapshotName } from '../../shared/contract';

export type EndpointSpec =
  | { kind: 'feed'; name: FeedName; path: string; record: z.ZodType }
  | { kind: 'snapshot'; name: SnapshotName | 'meta'; path: string; schema: z.ZodType };

export const META_ENDPOINT: EndpointSpec = { kind: 'snapshot', name: 'meta', path: '/v1/meta', schema: metaSchema };

export const DATA_ENDPOINTS: EndpointSpec[] = [
  ...SNAPSHOT_NAMES.map((name): EndpointSpec => ({ kind: 'snapshot', name, path: SNAPSHOTS[name].path, schema: SNAPSHOTS[name].schema })),
  ...FEED_NAMES.map((name): EndpointSpec => ({ kind: 'feed', name, path: FEEDS[name].path, record: FEEDS[name].record })),
];

/** Poll interval for one endpoint, ms: its own override, else the source's. /v1/meta uses the source's. */
export function intervalMs(source: SourceConfig, endpoint: string): number {
  const own = (source.intervalsSec as Record<string, number | undefined>)[endpoint];
  return Math.round((own ?? source.intervalSec) * 1000);
}

/** `url` joined with an API path; a base may carry a path prefix, with or without a trailing slash. */
export function endpointUrl(base: string, path: string, query?: Record<string, string | number | null | undefined>): string {
  const url = new URL(base.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== null && v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/** The base URL as shown in health and logs: never with user:password. */
export function displayUrl(base: string): string {
  const url = new URL(base);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}
