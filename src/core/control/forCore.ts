/**
 * A WallControl wired to a running cockpit: the configured walls and their rotation orders,
 * look-back dates in district time, acknowledgements through the alert engine, and the alert on
 * each wall kept up to date from the core's 'alerts' notices. Used by the hub (`npm run serve`)
 * and, through the same core API, by the desktop app's main process.
 */
import type { CockpitConfig } from '../../shared/config';
import { isPast } from '../../shared/lookback';
import { districtTime } from '../../shared/districtTime';
import type { AckVia, AlertsModel } from '../../shared/alerts/types';
import { resolveWallProfile, wallIds } from '../../shared/wall/profile';
import type { QueryName, QueryParams } from '../../shared/queries';
import type { ChangeNotice } from '../../shared/readModel';
import { WallControl } from './wallControl';

export interface ControlledCore {
  /** The configuration in use (it may change while running). */
  config(): CockpitConfig;
  query<K extends QueryName>(name: K, params: QueryParams<K>): unknown;
  onChange(listener: (notice: ChangeNotice) => void): () => void;
  acknowledge(wall: string, alertId: string, via: AckVia): void | Promise<void>;
  now?: () => number;
}

export function createCoreWallControl(core: ControlledCore): WallControl & { dispose(): void } {
  const now = core.now ?? Date.now;
  const control = new WallControl({
    walls: () => wallIds(core.config()),
    pagesOf: (wall) => resolveWallProfile(core.config(), wall).pages,
    isPast: (date) => isPast(districtTime(core.config().district.timeZone), date, now()),
    acknowledge: (wall, alertId, via) => {
      // A refusal the core gives at once (an unknown alert) reaches the caller; a later one is the alert staying up.
      const answer = core.acknowledge(wall, alertId, via);
      if (answer instanceof Promise) answer.catch(() => undefined);
    },
    now,
  });
  const refreshAlerts = async (): Promise<void> => {
    for (const wall of control.walls) {
      try {
        const alerts = (await core.query('alerts', { wall })) as AlertsModel;
        control.setAlert(wall, alerts.active?.id ?? null);
      } catch {
        /* a wall removed from the config: its state simply stops changing */
      }
    }
  };
  const off = core.onChange((notice) => {
    if (notice.changed.some((c) => c === 'alerts' || c === '*')) void refreshAlerts();
  });
  const close = control.close.bind(control);
  return Object.assign(control, {
    dispose() {
      off();
      close();
    },
  });
}
