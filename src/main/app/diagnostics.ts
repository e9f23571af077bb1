import { app } from 'electron';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileLogger } from '../../core/log/fileLogger';
import type { LiveConfig } from '../../core/config/live';
import type { Diagnostics } from '../../shared/ipc';
import type { HealthModel } from '../../shared/readModel';
import { orderDisplays } from '../wall/placement';
import type { CoreSupervisor } from '../supervise/coreSupervisor';
import type { DisplaySleepBlocker } from './power';
import type { SecureStorageState } from './secrets';
import { currentDisplays, type WallWindow } from './windows';

export interface DiagnosticsSources {
  live: LiveConfig;
  log: FileLogger;
  core: CoreSupervisor;
  wall: WallWindow | null;
  blocker: DisplaySleepBlocker;
  secureStorage: SecureStorageState;
}

/** Everything an operator needs to see on the diagnostics page, gathered on request. */
export async function collectDiagnostics(s: DiagnosticsSources): Promise<Diagnostics> {
  let health: HealthModel | null = null;
  let healthError: string | null = null;
  if (s.core.up) {
    try {
      health = (await s.core.client.query('health', {})) as HealthModel;
    } catch (err) {
      healthError = (err as Error).message;
    }
  } else healthError = `the core process is ${s.core.diagnostics().state}`;

  const ordered = orderDisplays(currentDisplays());
  const placement = s.wall?.placement ?? null;
  const config = s.live.current;
  return {
    generatedAt: new Date().toISOString(),
    app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged, platform: process.platform, arch: process.arch },
    versions: {
      app: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      v8: process.versions.v8,
      sqlite: s.core.coreVersions?.sqlite ?? null,
      coreNode: s.core.coreVersions?.node ?? null,
    },
    config: { path: s.live.path, exists: s.live.exists, loadedAt: s.live.loadedAt, lastError: s.live.lastError, warnings: [...s.live.warnings] },
    logs: { dir: s.log.dir, files: listLogs(s.log) },
    core: s.core.diagnostics(),
    health,
    healthError,
    wall: {
      mode: placement?.mode ?? 'desktop',
      bounds: placement?.bounds ?? { x: 0, y: 0, width: 0, height: 0 },
      displays: ordered.map((d, index) => ({
        index,
        id: d.id,
        bounds: d.bounds,
        scaleFactor: d.scaleFactor,
        primary: d.primary,
        used: placement?.displayIds.includes(d.id) ?? false,
      })),
      notices: placement?.notices ?? [],
      displaySleepBlocked: s.blocker.active,
      startAtLogin: config.wall.startAtLogin,
    },
    secureStorage: s.secureStorage,
  };
}

/** Main's and the core's logs (main.log, core.log and their rotated files). */
function listLogs(log: FileLogger): string[] {
  try {
    return readdirSync(log.dir)
      .filter((n) => n.endsWith('.log'))
      .sort()
      .map((n) => join(log.dir, n));
  } catch {
    return [];
  }
}
