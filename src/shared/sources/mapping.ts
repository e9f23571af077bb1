/**
 * Declarative mapping from a system's own records onto the contract's: per contract field, a
 * JSONata expression (https://jsonata.org — a query language, never JavaScript) and optional
 * conversions. The same mapping serves JSON APIs, spreadsheet rows and database rows.
 */
import { z } from 'zod';
import { FEEDS, SNAPSHOTS, type FeedName, type SnapshotName } from '../contract';

/** A JSONata expression; plain paths such as `基本信息.标题` are the common case. */
export const expressionSchema = z.string().min(1).max(4000);

export const CONVERSIONS = ['string', 'number', 'integer', 'boolean', 'time', 'date', 'list'] as const;

export const fieldSpecSchema = z.union([
  expressionSchema,
  z.strictObject({
    /** Where the value comes from (JSONata). */
    from: expressionSchema,
    /**
     * Turn it into: 'time' (ISO 8601 with offset, from local "2026-11-01 08:00[:00]", epoch
     * seconds/ms, or ISO), 'date' (YYYY-MM-DD), 'number', 'integer', 'string', 'boolean'
     * (是/否, true/false, 1/0, Y/N), 'list' (an array; one value becomes a list of one).
     */
    as: z.enum(CONVERSIONS).optional(),
    /** Translate the system's values (e.g. {"已办结": "closed"}); a value not listed is an error. */
    values: z.record(z.string(), z.json()).optional(),
    /** Used when the value is missing or empty. */
    default: z.json().optional(),
  }),
]);
export type FieldSpec = z.infer<typeof fieldSpecSchema>;

/** Contract field (dots for nested fields, e.g. "metrics.onTimeRate") → where it comes from. */
export const fieldsSchema = z.record(z.string().min(1).max(100), fieldSpecSchema);
export type FieldMapping = z.infer<typeof fieldsSchema>;

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  return def ?? null;
}

/**
 * Checks a mapping names only fields the contract record has, and every field it needs.
 * Fields the mapping may leave out are `optional` ones and any listed in `implied` (filled in by
 * the source kind, e.g. a spreadsheet row's updatedAt from its file's modification time; 'all'
 * when the kind fills every unmapped field, as a database row's same-named columns do).
 */
export function checkMappedFields(
  target: { feed: FeedName } | { snapshot: SnapshotName },
  fields: FieldMapping,
  ctx: z.RefinementCtx,
  path: (string | number)[],
  implied: readonly string[] | 'all' = [],
): void {
  const schema = 'feed' in target ? FEEDS[target.feed].record : SNAPSHOTS[target.snapshot].schema;
  const shape = shapeOf(schema);
  if (!shape) return;
  const known = Object.keys(shape);
  const mapped = new Set<string>();
  for (const key of Object.keys(fields)) {
    const top = key.split('.')[0];
    if (!known.includes(top)) {
      ctx.addIssue({ code: 'custom', path: [...path, key], message: `not a field of ${'feed' in target ? target.feed : target.snapshot} (fields: ${known.join(', ')})` });
    }
    mapped.add(top);
  }
  if (implied === 'all') return;
  const missing = known.filter((k) => !mapped.has(k) && !implied.includes(k) && !shape[k].safeParse(undefined).success);
  if (missing.length) ctx.addIssue({ code: 'custom', path, message: `the mapping lacks ${missing.join(', ')}` });
}
