/**
 * A watched folder of spreadsheets (CSV and XLSX, as offices export them): files matched by
 * name per feed or snapshot, columns mapped by their header text.
 */
import { z } from 'zod';
import { FEED_NAMES, SNAPSHOT_NAMES, type FeedName, type SnapshotName } from '../contract';
import { commonSourceFields, utcOffsetSchema } from './common';
import { checkMappedFields, expressionSchema, fieldsSchema } from './mapping';

/** A file-name pattern: * matches any run of characters, ? one; case-insensitive. */
const fileGlob = z.string().min(1).max(200).regex(/^[^/\\]+$/, 'a file name pattern (no folders)');

const sheetFields = {
  /** Files of this folder this mapping reads, e.g. "人员*.xlsx". */
  files: fileGlob,
  /** XLSX: the sheet by name or 1-based position; default the first. */
  sheet: z.union([z.string().min(1).max(100), z.number().int().min(1)]).optional(),
  /** Row holding the column headers (1-based); data starts below it. */
  headerRow: z.number().int().min(1).max(100).default(1),
};

export const folderFeedSchema = z.strictObject({ ...sheetFields, fields: fieldsSchema });
export type FolderFeedConfig = z.infer<typeof folderFeedSchema>;

export const folderSnapshotSchema = z.strictObject({
  ...sheetFields,
  /** Expression over the rows (an array of {header: value}) for the object fields are read from. */
  select: expressionSchema.default('$'),
  fields: fieldsSchema,
});
export type FolderSnapshotConfig = z.infer<typeof folderSnapshotSchema>;

/** A folder feed's rows may leave updatedAt out: it is then the file's modification time. */
export const FOLDER_IMPLIED_FIELDS = ['updatedAt'] as const;

export const folderSourceSchema = z
  .object({
    kind: z.literal('folder'),
    ...commonSourceFields,
    /** The folder (absolute, or relative to the configuration file). */
    path: z.string().min(1),
    /** CSV text encoding: 'auto' reads UTF-8 when the bytes are valid UTF-8, else GBK (GB 18030). */
    encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
    /** A file is read only once nothing has written to it for this long (half-written files wait). */
    settleMs: z.number().int().min(0).max(600_000).default(3000),
    /**
     * True: the folder is the whole truth, so records of a deleted file (or rows deleted from a
     * file) are removed from the cache. False (default): deleting a file removes nothing.
     */
    wholeTruth: z.boolean().default(false),
    timezone: utcOffsetSchema,
    feeds: z.partialRecord(z.enum(FEED_NAMES as [FeedName, ...FeedName[]]), folderFeedSchema).default({}),
    snapshots: z.partialRecord(z.enum(SNAPSHOT_NAMES as [SnapshotName, ...SnapshotName[]]), folderSnapshotSchema).default({}),
  })
  .superRefine((s, ctx) => {
    for (const [feed, f] of Object.entries(s.feeds)) if (f) checkMappedFields({ feed: feed as FeedName }, f.fields, ctx, ['feeds', feed, 'fields'], FOLDER_IMPLIED_FIELDS);
    for (const [snap, f] of Object.entries(s.snapshots)) if (f) checkMappedFields({ snapshot: snap as SnapshotName }, f.fields, ctx, ['snapshots', snap, 'fields']);
    if (Object.keys(s.feeds).length + Object.keys(s.snapshots).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['feeds'], message: 'map at least one feed or snapshot' });
    }
  });
export type FolderSourceConfig = z.infer<typeof folderSourceSchema>;
