/**
 * The wall-on-duty part of the configuration: wall profiles (many walls from one hub, each
 * with its pages, layout, schedule and alert rules), round-the-clock care (burn-in shift,
 * renderer memory ceiling, how long the wall history is kept) and levels readable without
 * colour. src/shared/config.ts spreads WALL_DUTY_FIELDS into the one config schema.
 */
import { z } from 'zod';
import { alertsConfigSchema, alertsOverrideSchema } from '../alerts/config';
import { PAGE_IDS, type PageId } from './pages';
import { parseClockTime, WEEKDAYS } from './schedule';

const pageList = z
  .array(z.enum(PAGE_IDS))
  .min(1)
  .refine((pages) => new Set(pages).size === pages.length, { message: 'a page is listed twice' });

const clockTime = z.string().refine((s) => parseClockTime(s) !== null, { message: 'expected a time HH:MM between 00:00 and 24:00' });

export const scheduleEntrySchema = z.object({
  name: z.string().min(1).max(40).optional(),
  days: z
    .array(z.enum(WEEKDAYS))
    .min(1)
    .refine((d) => new Set(d).size === d.length, { message: 'a day is listed twice' })
    .optional(),
  from: clockTime,
  to: clockTime,
  pages: pageList,
  intervalSec: z.number().min(5).max(3600).optional(),
  dim: z.boolean().optional(),
});

/** The wall layouts a profile may force; 'auto' picks by the window's shape. */
export const WALL_LAYOUTS = ['auto', '16x9', '32x9', '48x9', '4x3'] as const;
export type WallLayoutChoice = (typeof WALL_LAYOUTS)[number];

export const WALL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const DEFAULT_WALL_ID = 'main';

export const wallProfileSchema = z.object({
  /** Header title for this wall; default the district's. */
  title: z.string().min(1).max(60).optional(),
  /** Pages in rotation when no schedule entry applies; default `playlist.pages`. */
  pages: pageList.optional(),
  intervalSec: z.number().min(5).max(3600).optional(),
  autoplay: z.boolean().optional(),
  layout: z.enum(WALL_LAYOUTS).default('auto'),
  /** First matching entry wins; outside every entry the wall shows `pages`. */
  schedule: z.array(scheduleEntrySchema).max(50).default([]),
  alerts: alertsOverrideSchema.optional(),
  highContrast: z.boolean().optional(),
});
export type WallProfileConfig = z.infer<typeof wallProfileSchema>;

export const careConfigSchema = z
  .object({
    burnIn: z
      .object({
        /** Largest shift of the whole layout, px; 0 turns the shift off. */
        shiftPx: z.number().int().min(0).max(16).default(4),
        /** Minutes between two shifts (a jump, never a continuous drift). */
        everyMin: z.number().min(1).max(1440).default(3),
      })
      .prefault({}),
    /** JavaScript heap of the wall's renderer past which it reloads itself, keeping its place; 0 = never. */
    memoryCeilingMb: z.number().int().min(0).max(16_384).default(1024),
    /** Days of wall history (pages shown, alerts, reloads) kept. */
    historyDays: z.number().int().min(1).max(366).default(30),
  })
  .prefault({});
export type CareConfig = z.infer<typeof careConfigSchema>;

export const levelDisplaySchema = z
  .object({
    /** Each level also carries a pattern on maps and a glyph in tables, for readers who cannot tell the colours apart. */
    patterns: z.boolean().default(true),
    /** Stronger colours, thicker borders and outlined text. */
    highContrast: z.boolean().default(false),
  })
  .prefault({});
export type LevelDisplayConfig = z.infer<typeof levelDisplaySchema>;

/** Added to the config schema's top level by src/shared/config.ts. */
export const WALL_DUTY_FIELDS = {
  /** Wall profiles by id ("main", "lobby", …). A browser wall opens /?wall=<id>; `main` exists even when not listed. */
  walls: z.record(z.string().regex(WALL_ID_PATTERN, 'lower-case letters, digits and dashes'), wallProfileSchema).default({}),
  alerts: alertsConfigSchema,
  care: careConfigSchema,
  levels: levelDisplaySchema,
};

export type { PageId };
