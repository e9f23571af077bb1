/**
 * The walls on duty, composed: profiles from the config, the alert engine, and the wall
 * history, over the cockpit's cache. The cockpit (src/core/core.ts) feeds it the sync
 * engine's change notices and serves its answers through both front doors.
 */
import type { Database } from 'better-sqlite3';
import type { CockpitConfig } from '../../shared/config';
import type { AckVia, AlertsModel, AlertView } from '../../shared/alerts/types';
import type { WallMomentModel, WallReport } from '../../shared/wall/history';
import { resolveWallProfile, UnknownWallError, wallIds, type WallProfileModel } from '../../shared/wall/profile';
import type { Logger } from '../log/logger';
import type { ReadModel } from '../readModel';
import { createAlertEngine, type AlertEngine } from '../alerts/engine';
import { createWallLog } from '../wallLog/wallLog';

export interface WallDutyOptions {
  db: Database;
  readModel: Pick<ReadModel, 'query'>;
  config: CockpitConfig;
  sourceIds: string[];
  now: () => number;
  logger: Logger;
  notify(changed: string[]): void;
}

export function createWallDuty(opts: WallDutyOptions) {
  const { config, now } = opts;
  let engine: AlertEngine | null = null;
  const wallLog = createWallLog(opts.db, { now, historyDays: config.care.historyDays, alertAt: (wall, at) => engine?.onScreenAt(wall, at) ?? null });
  engine = createAlertEngine({ ...opts, wallLog });
  const alerts = engine;
  const known = wallIds(config);
  const check = (wall: string): void => {
    if (!known.includes(wall)) throw new UnknownWallError(wall, known);
  };

  return {
    /** The desktop app's wall (config `wall.profile`), answered when a query names none. */
    defaultWall: config.wall.profile,
    profile(wall: string): WallProfileModel {
      return resolveWallProfile(config, wall);
    },
    alerts(wall: string): AlertsModel {
      check(wall);
      return alerts.alerts(wall);
    },
    acknowledge(wall: string, alertId: string, via: AckVia): AlertView {
      check(wall);
      return alerts.acknowledge(wall, alertId, via);
    },
    report(report: WallReport): void {
      check(report.wall);
      wallLog.report(report);
    },
    moment(wall: string, at: number): WallMomentModel {
      check(wall);
      return wallLog.moment(wall, at);
    },
    onChange(changed: readonly string[]): void {
      alerts.onChange(changed);
    },
    start(): void {
      alerts.start();
    },
    close(): void {
      alerts.close();
    },
  };
}

export type WallDuty = ReturnType<typeof createWallDuty>;
