/**
 * Any JSON HTTP API, mapped onto the contract's feeds and snapshots (docs/connecting-data.md):
 * where the records are, how the API pages, how to ask for what changed, how to sign in.
 */
import { z } from 'zod';
import { FEED_NAMES, SNAPSHOT_NAMES, type FeedName, type SnapshotName } from '../contract';
import { commonSourceFields, secretRefSchema, utcOffsetSchema } from './common';
import { maxBodyBytesSchema } from './districtApi';
import { checkMappedFields, expressionSchema, fieldsSchema } from './mapping';

const paramName = z.string().min(1).max(100);
const headerName = z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name (letters, digits, dashes)');
/** A path below the base URL ("/api/events"), optionally with a fixed query. */
const apiPath = z.string().regex(/^\/[^\s#]*$/, 'a path starting with /');
const queryParams = z.record(paramName, z.union([z.string().max(1000), z.number(), z.boolean()])).default({});

export const pagingSchema = z.discriminatedUnion('style', [
  /** One response holds everything. */
  z.strictObject({ style: z.literal('none') }),
  /** ?offset=0&limit=500, then offset=500… until a short page (or `total` is reached). */
  z.strictObject({
    style: z.literal('offset'),
    offsetParam: paramName.default('offset'),
    limitParam: paramName.default('limit'),
    limit: z.number().int().min(1).max(10_000).default(500),
    /** Expression giving the total count, when the API says it. */
    total: expressionSchema.optional(),
  }),
  /** ?page=1&size=100, then page=2… until a short page (or `total`/`pages` is reached). */
  z.strictObject({
    style: z.literal('page'),
    pageParam: paramName.default('page'),
    sizeParam: paramName.default('size'),
    size: z.number().int().min(1).max(10_000).default(100),
    firstPage: z.number().int().min(0).max(1).default(1),
    total: expressionSchema.optional(),
    pages: expressionSchema.optional(),
  }),
  /** The response names the next cursor; passed back as ?cursor=… until it is empty. */
  z.strictObject({
    style: z.literal('cursor'),
    cursorParam: paramName.default('cursor'),
    next: expressionSchema,
    limitParam: paramName.optional(),
    limit: z.number().int().min(1).max(10_000).default(500),
  }),
  /** The response holds the next page's URL (same origin only), until it is empty. */
  z.strictObject({ style: z.literal('nextLink'), next: expressionSchema }),
]);
export type PagingConfig = z.infer<typeof pagingSchema>;

/** Asking only for what changed since the last poll. */
export const incrementalSchema = z.strictObject({
  /** The mapped record's field whose largest value is remembered: updatedAt or id. */
  by: z.enum(['updatedAt', 'id']),
  /** Query parameter that takes it. */
  param: paramName,
  /** How to write an updatedAt into the parameter: ISO 8601, local "YYYY-MM-DD HH:mm:ss", epoch ms or s. */
  format: z.enum(['iso', 'local', 'epochMs', 'epochS']).default('iso'),
});
export type IncrementalConfig = z.infer<typeof incrementalSchema>;

export const jsonFeedSchema = z.strictObject({
  path: apiPath,
  query: queryParams,
  /** Expression for the list of records in a response; default: the response itself. */
  items: expressionSchema.default('$'),
  paging: pagingSchema.default({ style: 'none' }),
  incremental: incrementalSchema.optional(),
  /** The response is an error when this expression is true (APIs that answer 200 with {"code": 500}). */
  errorWhen: expressionSchema.optional(),
  fields: fieldsSchema,
});
export type JsonFeedConfig = z.infer<typeof jsonFeedSchema>;

export const jsonSnapshotSchema = z.strictObject({
  path: apiPath,
  query: queryParams,
  /** Expression for the object the fields are read from; default: the response itself. */
  select: expressionSchema.default('$'),
  errorWhen: expressionSchema.optional(),
  fields: fieldsSchema,
});
export type JsonSnapshotConfig = z.infer<typeof jsonSnapshotSchema>;

/** Placeholders of a signed request's canonical string; see signedAuthSchema. */
export const SIGN_PLACEHOLDERS = ['method', 'path', 'query', 'appKey', 'timestamp', 'nonce', 'bodySha256'] as const;

export const authSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('bearer'), token: secretRefSchema }),
  z.strictObject({ type: z.literal('basic'), username: z.string().min(1).max(200), password: secretRefSchema }),
  z.strictObject({ type: z.literal('apiKey'), header: headerName.default('X-Api-Key'), key: secretRefSchema }),
  /**
   * The data-sharing gateway style (数据共享网关): each request carries the app key, a timestamp,
   * a fresh nonce and HMAC-SHA256(appSecret, canonical string). The canonical string is a
   * template over {method} {path} {query} (sorted, encoded) {appKey} {timestamp} {nonce}
   * {bodySha256} and {header:Name}; "\n" in JSON is a newline.
   */
  z.strictObject({
    type: z.literal('signed'),
    appKey: z.string().min(1).max(200),
    appSecret: secretRefSchema,
    canonical: z.string().min(1).max(1000).default('{method}\n{path}\n{query}\n{appKey}\n{timestamp}\n{nonce}'),
    /** Where the four values go: request headers (names below) or query parameters (same names). */
    in: z.enum(['header', 'query']).default('header'),
    names: z
      .strictObject({
        appKey: paramName.default('X-App-Key'),
        timestamp: paramName.default('X-Timestamp'),
        nonce: paramName.default('X-Nonce'),
        signature: paramName.default('X-Signature'),
      })
      .prefault({}),
    timestamp: z.enum(['ms', 's', 'iso']).default('ms'),
    encoding: z.enum(['hex', 'base64']).default('hex'),
  }),
]);
export type AuthConfig = z.infer<typeof authSchema>;

export const jsonSourceSchema = z
  .object({
    kind: z.literal('json'),
    ...commonSourceFields,
    /** The API's base URL; every path is below it. */
    url: z.url({ protocol: /^https?$/ }),
    maxBodyBytes: maxBodyBytesSchema,
    auth: authSchema.default({ type: 'none' }),
    /** Extra request headers (no secrets here: use auth). */
    headers: z.record(headerName, z.string().max(1000)).default({}),
    /** How local times without an offset are read. */
    timezone: utcOffsetSchema,
    feeds: z.partialRecord(z.enum(FEED_NAMES as [FeedName, ...FeedName[]]), jsonFeedSchema).default({}),
    snapshots: z.partialRecord(z.enum(SNAPSHOT_NAMES as [SnapshotName, ...SnapshotName[]]), jsonSnapshotSchema).default({}),
  })
  .superRefine((s, ctx) => {
    for (const [feed, f] of Object.entries(s.feeds)) if (f) checkMappedFields({ feed: feed as FeedName }, f.fields, ctx, ['feeds', feed, 'fields']);
    for (const [snap, f] of Object.entries(s.snapshots)) if (f) checkMappedFields({ snapshot: snap as SnapshotName }, f.fields, ctx, ['snapshots', snap, 'fields']);
    if (Object.keys(s.feeds).length + Object.keys(s.snapshots).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['feeds'], message: 'map at least one feed or snapshot' });
    }
  });
export type JsonSourceConfig = z.infer<typeof jsonSourceSchema>;
