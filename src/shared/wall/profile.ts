/**
 * A wall profile as the wall itself needs it: the profile's own settings with the district's
 * filled in where it says nothing. `main` always exists (the plain playlist), so a cockpit
 * with no `walls` block behaves exactly as before.
 */
import type { CockpitConfig } from '../config';
import { alertsForWall, type AlertsConfig } from '../alerts/config';
import { DEFAULT_WALL_ID, type CareConfig, type LevelDisplayConfig, type WallLayoutChoice } from './config';
import type { PageId } from './pages';
import { DISTRICT_TIME_ZONE, type ScheduleEntry } from './schedule';

export interface WallProfileModel {
  id: string;
  title: string | null;
  pages: PageId[];
  intervalSec: number;
  autoplay: boolean;
  layout: WallLayoutChoice;
  schedule: ScheduleEntry[];
  /** The time zone the schedule is written in (the district's). */
  timeZone: string;
  /** How an alert is shown on this wall (its rules stay in the core). */
  alerts: Pick<AlertsConfig, 'enabled' | 'showForSec' | 'flashSec' | 'chime'>;
  care: Pick<CareConfig, 'burnIn' | 'memoryCeilingMb'>;
  levels: LevelDisplayConfig;
}

/** Asked for a wall profile the configuration does not have. */
export class UnknownWallError extends Error {
  override readonly name = 'UnknownWallError';
  constructor(
    readonly wall: string,
    readonly known: readonly string[],
  ) {
    super(`unknown wall profile "${wall.slice(0, 40)}"; configured: ${known.join(', ')}`);
  }
}

/** Every wall id the configuration serves, `main` first. */
export function wallIds(config: CockpitConfig): string[] {
  return [DEFAULT_WALL_ID, ...Object.keys(config.walls).filter((id) => id !== DEFAULT_WALL_ID)];
}

/** The alert settings of one wall: the district's with the profile's overrides. */
export function wallAlerts(config: CockpitConfig, wall: string): AlertsConfig {
  return alertsForWall(config.alerts, config.walls[wall]?.alerts);
}

export function resolveWallProfile(config: CockpitConfig, wall: string): WallProfileModel {
  const known = wallIds(config);
  if (!known.includes(wall)) throw new UnknownWallError(wall, known);
  const p = config.walls[wall];
  const alerts = wallAlerts(config, wall);
  return {
    id: wall,
    title: p?.title ?? config.title ?? null,
    pages: [...(p?.pages ?? config.playlist.pages)],
    intervalSec: p?.intervalSec ?? config.playlist.intervalSec,
    autoplay: p?.autoplay ?? config.playlist.autoplay,
    layout: p?.layout ?? 'auto',
    schedule: p?.schedule ?? [],
    timeZone: DISTRICT_TIME_ZONE,
    alerts: { enabled: alerts.enabled, showForSec: alerts.showForSec, flashSec: alerts.flashSec, chime: alerts.chime },
    care: { burnIn: config.care.burnIn, memoryCeilingMb: config.care.memoryCeilingMb },
    levels: { patterns: config.levels.patterns, highContrast: p?.highContrast ?? config.levels.highContrast },
  };
}
