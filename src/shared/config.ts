import { z } from 'zod';
import { sourceConfigSchema } from './sources';
import { DEFAULT_TIME_ZONE, timeZoneProblem } from './districtTime';
import { DEFAULT_LOCALE, LOCALES } from './i18n';
import { riskModelOverridesSchema } from './risk/overrides';
import { pageIdSchema, PAGE_IDS } from './wall/pages';
import { DEFAULT_WALL_ID, WALL_DUTY_FIELDS, WALL_ID_PATTERN } from './wall/config';

/**
 * The cockpit's one configuration file. Every field has a default, so `{}` is valid and means:
 * the built-in simulated district, offline. The JSON Schema in resources/ is generated from
 * this (never edited by hand).
 */

export { PAGE_IDS, pageIdSchema, type PageId } from './wall/pages';

// Sources have their own modules (src/shared/sources): one schema per kind of system.
export { sourceConfigSchema, type SourceConfig, type DistrictApiSourceConfig } from './sources';

export const boundaryFileSchema = z.object({
  path: z.string().min(1),
  format: z.enum(['auto', 'geojson', 'topojson']).default('auto'),
  crs: z.enum(['gcj02', 'wgs84']),
  /** Feature property holding the division code, and the one holding its name. */
  codeProperty: z.string().min(1).optional(),
  nameProperty: z.string().min(1).optional(),
  /** For TopoJSON: which object to read (default: the first). */
  object: z.string().min(1).optional(),
});
export type BoundaryFile = z.infer<typeof boundaryFileSchema>;

export const configSchema = z.object({
  /** Shown in the header; defaults to the source's own district name. */
  title: z.string().min(1).max(60).optional(),
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  /** Data sources. Empty: the built-in simulated district. */
  sources: z
    .array(sourceConfigSchema)
    .superRefine((list, ctx) => {
      // Records, cursors and health are kept per source id: two sources sharing one would mix.
      list.forEach((s, i) => {
        if (list.findIndex((o) => o.id === s.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" is the id of another source` });
      });
    })
    .default([]),
  district: z
    .object({
      /** The district's IANA time zone: what a local day and a risk week are (a fixed-offset zone; default China's). */
      timeZone: z
        .string()
        .default(DEFAULT_TIME_ZONE)
        .superRefine((zone, ctx) => {
          const problem = timeZoneProblem(zone);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
    })
    .prefault({}),
  simulator: z
    .object({
      seed: z.number().int().default(42),
      /** Time passes this many times faster for live records. */
      speed: z.number().positive().max(100_000).default(1),
    })
    .prefault({}),
  cache: z
    .object({
      /** SQLite file; default in the app's data folder. */
      path: z.string().min(1).optional(),
      /** Keep events, disputes and KPI history this many days. */
      retentionDays: z.number().int().min(7).max(3650).default(400),
    })
    .prefault({}),
  playlist: z
    .object({
      pages: z.array(pageIdSchema).min(1).default([...PAGE_IDS]),
      intervalSec: z.number().min(5).max(3600).default(30),
      autoplay: z.boolean().default(true),
    })
    .prefault({}),
  map: z
    .object({
      /** Official town boundaries. Without them: the built-in schematic (示意图). */
      towns: boundaryFileSchema.optional(),
      /** The district outline only: towns are approximated inside it (近似). */
      outline: boundaryFileSchema.optional(),
      /** A city-level file of districts, for the city view and drill-down. */
      city: boundaryFileSchema.optional(),
      /** Offer the 3D extruded map where WebGL works. */
      enable3d: z.boolean().default(true),
    })
    .prefault({}),
  wall: z
    .object({
      /** 'primary', 'all', or display indices (0-based, left to right) to span. */
      displays: z.union([z.enum(['primary', 'all']), z.array(z.number().int().min(0)).min(1)]).default('primary'),
      kiosk: z.boolean().default(false),
      preventDisplaySleep: z.boolean().default(true),
      hideCursorAfterSec: z.number().min(0).max(3600).default(5),
      startAtLogin: z.boolean().default(false),
      /** The wall profile (`walls.<id>`) the desktop app shows. */
      profile: z.string().regex(WALL_ID_PATTERN, 'lower-case letters, digits and dashes').default(DEFAULT_WALL_ID),
    })
    .prefault({}),
  links: z
    .object({
      /**
       * Hosts whose https:// links the desktop app may open in the system browser (replays,
       * source sites). Exact names, or "*.example.org" for its subdomains. Empty: none.
       */
      allowedHosts: z
        .array(z.string().regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, 'a lower-case host name, optionally starting with "*."'))
        .default([]),
    })
    .prefault({}),
  /** Overrides of the risk engine's DEFAULT_RISK_MODEL (weights, thresholds, baselines…); see docs/risk-model.md. */
  riskModel: riskModelOverridesSchema.default({}),
  hub: z
    .object({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(7320),
      /** Environment variable holding the token required on any non-loopback address. */
      tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).default('COCKPIT_HUB_TOKEN'),
    })
    .prefault({}),
  // Wall profiles, alerts, round-the-clock care, levels without colour: see src/shared/wall/config.ts.
  ...WALL_DUTY_FIELDS,
});
export type CockpitConfig = z.infer<typeof configSchema>;
