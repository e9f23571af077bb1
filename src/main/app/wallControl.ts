/**
 * The desktop app's wall control: the same state machine as the hub's (src/core/control), held
 * in main so that a restart of the core's process does not lose what the wall shows. Its
 * windows (the wall, the presenter) get every change pushed; acknowledgements go to the core's
 * alert engine over the core process's port.
 */
import type { CockpitConfig } from '../../shared/config';
import type { WallControlView } from '../../shared/ipc';
import type { ChangeNotice } from '../../shared/readModel';
import { createCoreWallControl } from '../../core/control/forCore';
import type { CoreClient } from '../core-host/coreClient';

export interface DesktopWallControlDeps {
  config(): CockpitConfig;
  client: CoreClient;
  onCoreChange(listener: (notice: ChangeNotice) => void): () => void;
  /** Pushes a change to every window of the app that shows this wall. */
  push(view: WallControlView): void;
}

export function createDesktopWallControl(deps: DesktopWallControlDeps) {
  const control = createCoreWallControl({
    config: deps.config,
    query: (name, params) => deps.client.query(name, params as Record<string, unknown>),
    onChange: deps.onCoreChange,
    acknowledge: (wall, alertId, via) => deps.client.acknowledge(wall, alertId, via).then(() => undefined),
  });
  const watched = new Set<string>();
  /** Start pushing a wall's changes (the first time a window asks for it). */
  const watch = (wall: string): void => {
    if (watched.has(wall)) return;
    watched.add(wall);
    control.subscribe(wall, (state) => deps.push({ state, pairing: control.pairing(wall) }));
    control.onPairing(wall, (pairing) => deps.push({ state: control.state(wall), pairing }));
  };
  const wallOf = (wall: string | undefined): string => wall ?? deps.config().wall.profile;
  return {
    control,
    view(wall?: string): WallControlView {
      const id = wallOf(wall);
      watch(id);
      return { state: control.state(id), pairing: control.pairing(id) };
    },
    act(wall: string | undefined, ...rest: Parameters<typeof control.act> extends [string, ...infer R] ? R : never) {
      const id = wallOf(wall);
      watch(id);
      return control.act(id, ...rest);
    },
    dispose: () => control.dispose(),
  };
}
