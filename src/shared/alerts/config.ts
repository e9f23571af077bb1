/**
 * What interrupts a wall: the alert rules and how an alert is shown. The district-wide block
 * (`alerts` in the config) has a default for every field; a wall profile may override any of
 * them (`walls.<id>.alerts`), field by field, so the lobby can ignore KPIs while the main wall
 * keeps them.
 */
import { z } from 'zod';
import { LEVELS, type Level } from '../contract';

/** The KPIs a rule can watch, as the overview reports them. */
export const ALERT_KPIS = [
  'acceptOverdueRatePct',
  'satisfactionRatePct',
  'consultationSuccessRatePct',
  'openEvents',
  'reportedToday',
] as const;
export type AlertKpi = (typeof ALERT_KPIS)[number];

const level = z.enum(LEVELS as unknown as [Level, ...Level[]]);

export const kpiRuleSchema = z
  .strictObject({
    kpi: z.enum(ALERT_KPIS),
    /** Fires when the value goes above this… */
    above: z.number().finite().optional(),
    /** …or below this. Exactly one of the two. */
    below: z.number().finite().optional(),
    /** The level the alert carries. */
    level: level.default('orange'),
  })
  .refine((r) => (r.above === undefined) !== (r.below === undefined), { message: 'give exactly one of "above" and "below"' });
export type KpiRule = z.infer<typeof kpiRuleSchema>;

// Each setting's validator, once; the district block adds defaults, a wall's overrides do not.
const field = {
  enabled: z.boolean(),
  /** Warning levels that interrupt. */
  warningLevels: z.array(level).min(1),
  /** A town rising to this level or worse interrupts (a rise green → blue does not by default). */
  riseAtLeast: level,
  /** Minutes a source must be down before the wall is interrupted. */
  downAfterMin: z.number().min(1).max(7 * 24 * 60),
  /** An alert leaves the wall after this long unacknowledged. */
  showForSec: z.number().min(10).max(86_400),
  /** The frame flashes this long, then stays still (nothing animates forever). */
  flashSec: z.number().min(0).max(30),
  /** Alerts raised within this long of one still on screen join it instead of interrupting again. */
  coalesceSec: z.number().min(0).max(3600),
  /** At most this many alerts per wall per hour; more wait and come as one summary. */
  maxPerHour: z.number().int().min(1).max(3600),
  /** 0–1. */
  volume: z.number().min(0).max(1),
  kpis: z.array(kpiRuleSchema).max(50),
};

const DEFAULT_KPI_RULES: KpiRule[] = [
  { kpi: 'acceptOverdueRatePct', above: 0, level: 'orange' },
  { kpi: 'satisfactionRatePct', below: 95, level: 'orange' },
];

/** `alerts` in the config: every field defaulted. */
export const alertsConfigSchema = z
  .object({
    enabled: field.enabled.default(true),
    showForSec: field.showForSec.default(300),
    flashSec: field.flashSec.default(4),
    coalesceSec: field.coalesceSec.default(60),
    maxPerHour: field.maxPerHour.default(12),
    /** The chime shipped with the app, played when an alert arrives. Off by default. */
    chime: z.object({ enabled: field.enabled.default(false), volume: field.volume.default(0.6) }).prefault({}),
    /** A new warning (预警) from a source. */
    newWarning: z.object({ enabled: field.enabled.default(true), levels: field.warningLevels.default(['red', 'orange']) }).prefault({}),
    /** A town's level rising. */
    levelRise: z.object({ enabled: field.enabled.default(true), atLeast: field.riseAtLeast.default('yellow') }).prefault({}),
    /** A source down for a while. */
    sourceDown: z.object({ enabled: field.enabled.default(true), afterMin: field.downAfterMin.default(10) }).prefault({}),
    /** KPIs crossing a threshold. */
    kpis: field.kpis.default(DEFAULT_KPI_RULES),
  })
  .prefault({});
export type AlertsConfig = z.infer<typeof alertsConfigSchema>;

/** `walls.<id>.alerts`: any field of the district block, nothing defaulted (absent = inherited). */
export const alertsOverrideSchema = z.object({
  enabled: field.enabled.optional(),
  showForSec: field.showForSec.optional(),
  flashSec: field.flashSec.optional(),
  coalesceSec: field.coalesceSec.optional(),
  maxPerHour: field.maxPerHour.optional(),
  chime: z.object({ enabled: field.enabled.optional(), volume: field.volume.optional() }).optional(),
  newWarning: z.object({ enabled: field.enabled.optional(), levels: field.warningLevels.optional() }).optional(),
  levelRise: z.object({ enabled: field.enabled.optional(), atLeast: field.riseAtLeast.optional() }).optional(),
  sourceDown: z.object({ enabled: field.enabled.optional(), afterMin: field.downAfterMin.optional() }).optional(),
  /** Replaces the district's KPI rules for this wall ([] = none). */
  kpis: field.kpis.optional(),
});
export type AlertsOverride = z.infer<typeof alertsOverrideSchema>;

/** A wall's alert settings: the district block with the wall's overrides on top. */
export function alertsForWall(district: AlertsConfig, override: AlertsOverride | undefined): AlertsConfig {
  if (!override) return district;
  return {
    enabled: override.enabled ?? district.enabled,
    showForSec: override.showForSec ?? district.showForSec,
    flashSec: override.flashSec ?? district.flashSec,
    coalesceSec: override.coalesceSec ?? district.coalesceSec,
    maxPerHour: override.maxPerHour ?? district.maxPerHour,
    chime: { ...district.chime, ...override.chime },
    newWarning: { ...district.newWarning, ...override.newWarning },
    levelRise: { ...district.levelRise, ...override.levelRise },
    sourceDown: { ...district.sourceDown, ...override.sourceDown },
    kpis: override.kpis ?? district.kpis,
  };
}
