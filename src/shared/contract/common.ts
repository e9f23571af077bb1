import { z } from 'zod';
import { isWellFormedText, stripInvisible } from '../text/invisible';

/** District API v1: shared building blocks. Every timestamp is ISO 8601 with an offset. */

export const API_VERSION = '1';

export const isoTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
/** Chinese administrative division code: 6 digits for a district, 9 for a town. */
export const divisionCode = z.string().regex(/^\d{6}(\d{3})?$/, 'a 6- or 9-digit division code');
export const townCode = z.string().regex(/^\d{9}$/, 'a 9-digit town code');
export const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/**
 * Text from a source (names, titles, free text): well-formed Unicode only (a lone surrogate
 * would be stored as U+FFFD over a good name), with bidi controls and invisible characters
 * stripped (src/shared/text/invisible.ts) before the length checks, so a name of nothing but
 * controls is empty and refused.
 */
export const sourceText = (max: number, min = 1) =>
  z
    .string()
    .refine(isWellFormedText, { message: 'not well-formed Unicode (a lone surrogate)', abort: true })
    .overwrite(stripInvisible)
    .min(min)
    .max(max);
export const nonEmpty = sourceText(500);
export const recordId = z.string().min(1).max(64).refine(isWellFormedText, 'not well-formed Unicode (a lone surrogate)');

/** The one error shape every endpoint returns with a non-2xx status. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * A page of a feed. `cursor` resumes after the last record of this page; pass it back
 * as `?cursor=` to get what changed since. `hasMore` says another page is ready now.
 * Items stay `unknown` here so that the client validates each record on its own:
 * one bad record is quarantined, the rest are kept.
 */
export const feedPageSchema = z.object({
  items: z.array(z.unknown()),
  cursor: z.string().min(1),
  hasMore: z.boolean(),
});
export type FeedPage = z.infer<typeof feedPageSchema>;

/** Most records a feed returns per page, and the default. */
export const FEED_LIMIT_MAX = 5000;
export const FEED_LIMIT_DEFAULT = 1000;
