import type { WallReport } from '../../shared/wall/history';
import type { CockpitConfig } from '../../shared/config';
import type { ChangeNotice } from '../../shared/readModel';
import type { QueryName } from '../../shared/queries';
import type { AckVia } from '../../shared/alerts/types';

/**
 * Messages between Electron main and the core's utility process (src/main/core-host/entry.ts),
 * carried by MessagePort structured clone. Both ends import these types; nothing else crosses.
 */
export type MainToCore =
  | {
      type: 'start';
      config: CockpitConfig;
      dataDir: string;
      /** The config file's folder, for relative boundary-file paths. */
      configDir: string;
      logDir: string;
      /** Source tokens main decrypted with safeStorage (only main can): name → value. */
      secrets: Record<string, string>;
    }
  | { type: 'query'; id: number; name: QueryName; params: Record<string, unknown> }
  /** Acknowledge a wall's alert (wall control's `alert.ack`, src/core/control); answered with a 'result'. */
  | { type: 'ack'; id: number; wall: string; alertId: string; via: AckVia }
  /** What the wall shows (its history, src/core/wallLog); answered with a 'result'. */
  | { type: 'report'; id: number; report: WallReport }
  | { type: 'stop' };

export type CoreToMain =
  | { type: 'ready'; versions: { node: string; sqlite: string | null } }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'changed'; notice: ChangeNotice }
  /** A new configuration did not start; the previous one is still running (see src/core/host). */
  | { type: 'configRejected'; error: string }
  /** Start-up failed (bad cache path, locked database, …): main logs it and restarts with backoff. */
  | { type: 'fatal'; error: string };

export function isCoreToMain(value: unknown): value is CoreToMain {
  if (value === null || typeof value !== 'object') return false;
  const t = (value as { type?: unknown }).type;
  return t === 'ready' || t === 'result' || t === 'changed' || t === 'configRejected' || t === 'fatal';
}

export function isMainToCore(value: unknown): value is MainToCore {
  if (value === null || typeof value !== 'object') return false;
  const t = (value as { type?: unknown }).type;
  return t === 'start' || t === 'query' || t === 'ack' || t === 'report' || t === 'stop';
}
