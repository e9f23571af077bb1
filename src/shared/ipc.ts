import type { WallReport } from './wall/history';
/**
 * The Electron bridge, both sides of it: every IPC channel the renderer may use, with its
 * request and response types, and the one object the preload exposes as `window.cockpit`.
 * Only the channels named here exist; the preload never passes an arbitrary channel through.
 * Requests are validated with zod in main (src/main/ipc/requests.ts) before any handler runs.
 */
import type { Locale } from './i18n';
import type { QueryName, QueryParams, QueryResult } from './queries';
import type { ChangeNotice, HealthModel } from './readModel';
import type { RendererTransport } from './transport';
import type { PageId } from './wall/pages';
import type { ControlVia, WallAction, WallPairing, WallState } from './control/types';

/** A wall's control state as the desktop app's windows get it: the app is the wall, so it shows the code too. */
export interface WallControlView {
  state: WallState;
  pairing: WallPairing;
}

/** Renderer → main calls (ipcRenderer.invoke / ipcMain.handle): 'domain/action' → types. */
export interface IpcInvokeMap {
  'cockpit/query': { request: { name: QueryName; params: Record<string, unknown> }; response: unknown };
  /** Whether the core's utility process is up right now (the push below reports changes). */
  'cockpit/linkState': { request: null; response: boolean };
  'app/diagnostics': { request: null; response: Diagnostics };
  /** Opens an https link from the allow-list (config links.allowedHosts) in the system browser. */
  'app/openExternal': { request: { url: string }; response: { opened: boolean; reason: string | null } };
  /** The renderer's language changed: main follows it for its menu and window title. */
  'app/setLocale': { request: { locale: Locale }; response: null };
  /** The wall's control state (src/shared/control); `wall` defaults to the app's profile. */
  'wall/state': { request: { wall?: string }; response: WallControlView };
  /** One wall control action (validated in main by src/shared/control's schema). */
  'wall/act': { request: { wall?: string; action: WallAction; via: ControlVia }; response: WallState };
  /** What the wall shows, for its history (validated in main by src/shared/wall/history's schema). */
  'wall/report': { request: WallReport; response: null };
  /** The briefing pack of a risk week, made in hidden windows (src/main/app/briefPack.ts); answers the folder it went to. */
  'brief/make': { request: { week: string; pages: PageId[] }; response: { dir: string; figuresSha256: string } };
}
export type IpcInvokeChannel = keyof IpcInvokeMap;
export type IpcRequest<C extends IpcInvokeChannel> = IpcInvokeMap[C]['request'];
export type IpcResponse<C extends IpcInvokeChannel> = IpcInvokeMap[C]['response'];

export const IPC_INVOKE_CHANNELS = [
  'cockpit/query',
  'cockpit/linkState',
  'app/diagnostics',
  'app/openExternal',
  'app/setLocale',
  'wall/state',
  'wall/act',
  'wall/report',
  'brief/make',
] as const satisfies readonly IpcInvokeChannel[];

/** Main → renderer pushes (webContents.send / ipcRenderer.on). */
export interface IpcPushMap {
  'cockpit/changed': ChangeNotice;
  'cockpit/link': boolean;
  /** Wall settings the preload applies itself (hiding an idle cursor). */
  'app/wall': WallUiSettings;
  /** A wall's control state changed (or its pairing code). */
  'wall/changed': WallControlView;
}
export type IpcPushChannel = keyof IpcPushMap;

export interface WallUiSettings {
  /** Hide the mouse cursor after this long without movement; 0 = never. */
  hideCursorAfterSec: number;
}

/**
 * Every handler answers with this envelope rather than throwing: Electron rewrites a thrown
 * error's message ("Error invoking remote method …"), and an envelope keeps ours readable.
 */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The class on <html> while the cursor is hidden; the preload adds the CSS rule that hides it. */
export const CURSOR_HIDDEN_CLASS = 'cockpit-cursor-idle';

/** What the operators' diagnostics page shows. */
export interface Diagnostics {
  generatedAt: string;
  app: { name: string; version: string; packaged: boolean; platform: string; arch: string };
  versions: { app: string; electron: string; chrome: string; node: string; v8: string; sqlite: string | null; coreNode: string | null };
  config: {
    path: string;
    exists: boolean;
    /** When the configuration in use was read; null while running on defaults. */
    loadedAt: string | null;
    /** The last rejected file, e.g. "config.json: wall.displays[1]: …"; null once a valid file loads. */
    lastError: { message: string; at: string } | null;
    /** Fields of the file in use that the cockpit does not know (ignored; probably typos). */
    warnings: string[];
  };
  logs: { dir: string; files: string[] };
  core: {
    state: 'starting' | 'running' | 'restarting' | 'stopped';
    pid: number | null;
    restarts: number;
    lastExit: { at: string; reason: string } | null;
    nextStartAt: string | null;
  };
  /** The sync engine's per-source health, straight from the core; null while it is down. */
  health: HealthModel | null;
  healthError: string | null;
  wall: {
    mode: 'desktop' | 'kiosk' | 'span';
    bounds: { x: number; y: number; width: number; height: number };
    displays: Array<{ index: number; id: number; bounds: { x: number; y: number; width: number; height: number }; scaleFactor: number; primary: boolean; used: boolean }>;
    notices: string[];
    displaySleepBlocked: boolean;
    startAtLogin: boolean;
  };
  secureStorage: { backend: string; usable: boolean; problem: string | null };
}

/**
 * `window.cockpit`, exposed by the preload with contextBridge. It is a RendererTransport
 * (query/onChange/onLink) plus the few app calls above, nothing else.
 */
export interface DesktopBridge extends RendererTransport {
  readonly kind: 'electron';
  query<K extends QueryName>(name: K, params: QueryParams<K>): Promise<QueryResult<K>>;
  diagnostics(): Promise<Diagnostics>;
  openExternal(url: string): Promise<{ opened: boolean; reason: string | null }>;
  setLocale(locale: Locale): Promise<void>;
  wallState(wall?: string): Promise<WallControlView>;
  wallAct(action: WallAction, via: ControlVia, wall?: string): Promise<WallState>;
  wallReport(report: WallReport): Promise<void>;
  onWallChanged(listener: (view: WallControlView) => void): () => void;
  makeBriefPack(week: string, pages: PageId[]): Promise<{ dir: string; figuresSha256: string }>;
}
