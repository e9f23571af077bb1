import { z } from 'zod';
import { isWellFormedText, stripInvisible } from '../text/invisible';
import { isoMs } from './isoMs';

/** District API v1: shared building blocks. Every timestamp is ISO 8601 with an offset. */

export const API_VERSION = '1';

/**
 * The bounds of what a district's sources can truthfully send (docs/district-api.md, "Bounds").
 * A record outside them is quarantined with the reason, like any invalid record: a weekly count
 * of 1e308 or an event updated in year 9999 is a broken source, never data.
 */
export const BOUNDS = {
  /** Nothing a source sends happened before this (the four platforms are far younger). */
  earliest: '2000-01-01T00:00:00Z',
  /** How far ahead of the cockpit's clock a time of something that happened may be (clock skew). */
  aheadMs: 86_400_000,
  /** How far ahead a scheduled time (a consultation's scheduledAt) may be. */
  scheduledAheadMs: 400 * 86_400_000,
  /** Records, people or views a district counts in all its history. */
  count: 10_000_000,
  /** One town's weekly count of one indicator. */
  weeklyCount: 100_000,
  /** Persons living in a town or a district. */
  population: 50_000_000,
  /** Below this a non-zero figure is no measurement but an attack on a division (5e-324). */
  tiniest: 1e-9,
} as const;

const EARLIEST_MS = Date.parse(BOUNDS.earliest);

let clock: () => number = Date.now;
/**
 * Runs `validate` with `now` as the cockpit's clock for the time bounds (the sync engine's
 * clock, which tests drive). Validation is synchronous, so nothing else ever sees this clock.
 */
export function validatingAt<T>(now: number, validate: () => T): T {
  const previous = clock;
  clock = () => now;
  try {
    return validate();
  } finally {
    clock = previous;
  }
}

/** Within [2000, the cockpit's clock + ahead]. */
function inTimeWindow(ms: number, aheadMs: number): boolean {
  return ms >= EARLIEST_MS && ms <= clock() + aheadMs;
}

const boundedTime = (aheadMs: number, what: string) =>
  z.iso.datetime({ offset: true }).refine((t) => inTimeWindow(isoMs(t), aheadMs), {
    error: (iss) => `${String(iss.input).slice(0, 40)} is before 2000 or more than ${what} ahead of the cockpit's clock`,
  });

/** A time something happened: 2000 to one day ahead of the cockpit's clock. */
export const isoTime = boundedTime(BOUNDS.aheadMs, 'a day');
/** A time something is scheduled for: 2000 to 400 days ahead. */
export const isoScheduledTime = boundedTime(BOUNDS.scheduledAheadMs, '400 days');
/** A local date (YYYY-MM-DD) of something that happened: 2000-01-01 to one day ahead. */
export const isoDate = z.iso.date().refine((d) => inTimeWindow(Date.parse(`${d}T00:00:00Z`), BOUNDS.aheadMs + 14 * 3_600_000), {
  error: (iss) => `${String(iss.input)} is before 2000 or more than a day ahead of the cockpit's clock`,
});

/** A count of records, people or views: a whole number from 0 to BOUNDS.count. */
export const count = z.number().int().min(0).max(BOUNDS.count);
/** A percentage, 0–100. */
export const percentage = z.number().min(0).max(100);
/** A share, 0–1. */
export const share = z.number().min(0).max(1);
/** Persons living somewhere: at least one (a population of 0 divides by zero), at most BOUNDS.population. */
export const population = z.number().int().min(1).max(BOUNDS.population);
/** Not a subnormal sliver: 0, or at least BOUNDS.tiniest. */
export const notTiny = (n: number) => n === 0 || Math.abs(n) >= BOUNDS.tiniest;
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
