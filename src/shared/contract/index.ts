import { z } from 'zod';
import { API_VERSION, isoTime, nonEmpty, divisionCode } from './common';
import { divisionsSchema } from './divisions';
import { vocabularySchema } from './vocabulary';
import { riskPeriodSchema, warningSchema } from './risk';
import { eventSchema } from './events';
import { personSchema } from './personnel';
import { consultationSchema, disputeSchema, followersSchema } from './consultations';
import { kpisSchema } from './kpis';

export * from './common';
export * from './divisions';
export * from './vocabulary';
export * from './risk';
export * from './events';
export * from './personnel';
export * from './consultations';
export * from './kpis';

/**
 * Feeds: lists of records that change over time, synced incrementally with `?cursor=` and
 * backfilled page by page (`?limit=`). Each record carries `id` and `updatedAt`; a record
 * re-sent with the same id replaces the earlier one.
 */
export const FEEDS = {
  riskPeriods: { path: '/v1/risk/periods', record: riskPeriodSchema },
  warnings: { path: '/v1/warnings', record: warningSchema },
  events: { path: '/v1/events', record: eventSchema },
  personnel: { path: '/v1/personnel', record: personSchema },
  consultations: { path: '/v1/consultations', record: consultationSchema },
  disputes: { path: '/v1/disputes', record: disputeSchema },
} as const;
export type FeedName = keyof typeof FEEDS;
export const FEED_NAMES = Object.keys(FEEDS) as FeedName[];

/** Snapshots: whole documents, fetched with If-None-Match; 304 when unchanged. */
export const SNAPSHOTS = {
  divisions: { path: '/v1/divisions', schema: divisionsSchema },
  vocabulary: { path: '/v1/risk/vocabulary', schema: vocabularySchema },
  followers: { path: '/v1/consultations/followers', schema: followersSchema },
  kpis: { path: '/v1/kpis', schema: kpisSchema },
} as const;
export type SnapshotName = keyof typeof SNAPSHOTS;
export const SNAPSHOT_NAMES = Object.keys(SNAPSHOTS) as SnapshotName[];

/** GET /v1/meta — what the source is and what it serves. */
export const metaSchema = z.object({
  apiVersion: z.literal(API_VERSION),
  district: z.object({ code: divisionCode, name: nonEmpty }),
  generatedAt: isoTime,
  feeds: z.array(z.string()),
  snapshots: z.array(z.string()),
  /** True when the source computes scores and levels itself. */
  computesLevels: z.boolean(),
});
export type Meta = z.infer<typeof metaSchema>;

/** A readable one-line account of why a value failed its schema: field path and reason. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
