/**
 * A database view or query per feed (PostgreSQL), read over a read-only connection and
 * incrementally by a column.
 */
import { z } from 'zod';
import { FEED_NAMES, SNAPSHOT_NAMES, type FeedName, type SnapshotName } from '../contract';
import { commonSourceFields, secretRefSchema, utcOffsetSchema } from './common';
import { checkMappedFields, expressionSchema, fieldsSchema } from './mapping';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a column name (letters, digits, _)');

export const dbFeedSchema = z.strictObject({
  /** One SELECT (or a view's name); its columns are the fields' names in the mapping. */
  query: z.string().min(1).max(20_000),
  /**
   * The column that grows with every change (e.g. updated_at, or an id) and the tie-breaking
   * unique column: rows are read in (column, key) order from where the last poll stopped.
   */
  incremental: z.strictObject({ column: identifier, key: identifier.default('id') }),
  /** Contract field → expression over a row's columns; a field left out is read from the column of the same name. */
  fields: fieldsSchema.default({}),
});
export type DbFeedConfig = z.infer<typeof dbFeedSchema>;

export const dbSnapshotSchema = z.strictObject({
  query: z.string().min(1).max(20_000),
  /** Expression over the rows (an array) for the object fields are read from. */
  select: expressionSchema.default('$'),
  fields: fieldsSchema,
});
export type DbSnapshotConfig = z.infer<typeof dbSnapshotSchema>;

export const postgresSourceSchema = z
  .object({
    kind: z.literal('postgres'),
    ...commonSourceFields,
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(5432),
    database: z.string().min(1).max(63),
    user: z.string().min(1).max(63),
    password: secretRefSchema.optional(),
    /** TLS to the server: 'require' verifies nothing but encrypts; 'verify' checks the certificate. */
    ssl: z.enum(['off', 'require', 'verify']).default('off'),
    /** Rows per page of a backfill. */
    pageRows: z.number().int().min(100).max(50_000).default(5000),
    timezone: utcOffsetSchema,
    feeds: z.partialRecord(z.enum(FEED_NAMES as [FeedName, ...FeedName[]]), dbFeedSchema).default({}),
    snapshots: z.partialRecord(z.enum(SNAPSHOT_NAMES as [SnapshotName, ...SnapshotName[]]), dbSnapshotSchema).default({}),
  })
  .superRefine((s, ctx) => {
    for (const [snap, f] of Object.entries(s.snapshots)) if (f) checkMappedFields({ snapshot: snap as SnapshotName }, f.fields, ctx, ['snapshots', snap, 'fields']);
    for (const [feed, f] of Object.entries(s.feeds)) {
      // Unmapped fields are read from columns of their own name, so none is missing here.
      if (f) checkMappedFields({ feed: feed as FeedName }, f.fields, ctx, ['feeds', feed, 'fields'], 'all');
    }
    if (Object.keys(s.feeds).length + Object.keys(s.snapshots).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['feeds'], message: 'map at least one feed or snapshot' });
    }
  });
export type PostgresSourceConfig = z.infer<typeof postgresSourceSchema>;
