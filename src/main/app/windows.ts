import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../../core/log/logger';
import type { CockpitConfig } from '../../shared/config';
import type { IpcPushChannel, IpcPushMap } from '../../shared/ipc';
import { RendererWatchdog } from '../supervise/rendererWatchdog';
import { placeWall, sameRect, type DisplayInfo, type WallPlacement } from '../wall/placement';

export interface WallWindowOptions {
  preload: string;
  entryUrl: string;
  devTools: boolean;
  logger: Logger;
  title: () => string;
}

export function currentDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea, scaleFactor: d.scaleFactor, primary: d.id === primaryId }));
}

/**
 * The cockpit's one window, placed from config.wall: a framed desktop window, kiosk on one
 * display, or one frameless window spanning several. It is re-placed when displays change,
 * and its page is reloaded (with backoff) when the renderer crashes or hangs.
 */
export class WallWindow {
  private win: BrowserWindow | null = null;
  private watchdog: RendererWatchdog | null = null;
  private wall: CockpitConfig['wall'];
  placement: WallPlacement;

  constructor(
    private readonly opts: WallWindowOptions,
    wall: CockpitConfig['wall'],
  ) {
    this.wall = wall;
    this.placement = placeWall(currentDisplays(), wall);
  }

  get webContentsId(): number | null {
    return this.win && !this.win.isDestroyed() ? this.win.webContents.id : null;
  }

  get onWall(): boolean {
    return this.placement.mode !== 'desktop';
  }

  open(): void {
    const p = this.placement;
    this.logPlacement();
    const framed = p.mode === 'desktop';
    const win = new BrowserWindow({
      ...p.bounds,
      show: false,
      title: this.opts.title(),
      backgroundColor: '#07111f',
      frame: framed,
      resizable: framed,
      movable: framed,
      // A spanning window must be allowed past one display's edges (macOS clamps otherwise).
      enableLargerThanScreen: p.mode === 'span',
      autoHideMenuBar: !framed,
      webPreferences: {
        preload: this.opts.preload,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        // Middle-click ("auxclick") could open links in new windows; the open handler denies
        // those anyway, and the feature is not needed at all.
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: this.opts.devTools,
        // A wall behind another window must keep rotating pages and updating.
        backgroundThrottling: false,
      },
    });
    this.win = win;
    if (!framed) win.setMenuBarVisibility(false);
    const contents = win.webContents;

    this.watchdog = new RendererWatchdog({
      reload: () => {
        if (!win.isDestroyed()) void win.loadURL(this.opts.entryUrl);
      },
      killHung: () => {
        if (!win.isDestroyed()) contents.forcefullyCrashRenderer();
      },
      log: (message, fields) => this.opts.logger.warn(message, fields),
    });
    const dog = this.watchdog;
    contents.on('render-process-gone', (_e, details) => dog.gone(details.reason, details.exitCode));
    win.on('unresponsive', () => dog.unresponsive());
    win.on('responsive', () => dog.responsive());
    contents.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      // -3 (ERR_ABORTED) is a load replaced by another one, not a failure.
      if (isMainFrame && code !== -3) dog.gone(`load failed: ${description} (${code}) ${url}`, code);
    });
    contents.on('did-finish-load', () => {
      dog.loaded();
      this.push('app/wall', { hideCursorAfterSec: this.wall.hideCursorAfterSec });
    });

    let shown = false;
    const show = (): void => {
      if (shown || win.isDestroyed()) return;
      shown = true;
      this.applyPlacement(true);
      win.show();
    };
    win.once('ready-to-show', show);
    // A page that never paints (crashed before its first frame) must not leave the wall dark:
    // show the window anyway; the watchdog is reloading the page.
    const showAnyway = setTimeout(show, 10_000);
    win.once('show', () => clearTimeout(showAnyway));
    win.on('closed', () => {
      clearTimeout(showAnyway);
      dog.dispose();
      if (this.win === win) this.win = null;
    });
    void win.loadURL(this.opts.entryUrl);
  }

  /** Displays or the wall configuration changed: move (or rebuild) the window to match. */
  update(wall: CockpitConfig['wall']): void {
    this.wall = wall;
    const before = this.placement;
    this.placement = placeWall(currentDisplays(), wall);
    const win = this.win;
    if (!win || win.isDestroyed()) return;
    this.push('app/wall', { hideCursorAfterSec: wall.hideCursorAfterSec });
    const frameChanged = (before.mode === 'desktop') !== (this.placement.mode === 'desktop');
    if (frameChanged) {
      // A frame cannot be added or removed from a live window: rebuild it (the page reloads
      // from the cache in a moment).
      this.opts.logger.info('wall mode changed, recreating the window', { from: before.mode, to: this.placement.mode });
      // Open the new window before closing the old, so there is never a moment without one
      // (which would end the app through 'window-all-closed').
      const oldDog = this.watchdog;
      this.open();
      oldDog?.dispose();
      win.destroy();
      return;
    }
    if (before.mode === this.placement.mode && sameRect(before.bounds, this.placement.bounds)) return;
    this.logPlacement();
    this.applyPlacement(false);
  }

  focus(): void {
    const win = this.win;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  push<C extends IpcPushChannel>(channel: C, payload: IpcPushMap[C]): void {
    const win = this.win;
    if (win && !win.isDestroyed() && !win.webContents.isCrashed()) win.webContents.send(channel, payload);
  }

  setTitle(title: string): void {
    if (this.win && !this.win.isDestroyed()) this.win.setTitle(title);
  }

  private applyPlacement(initial: boolean): void {
    const win = this.win;
    if (!win) return;
    const p = this.placement;
    if (win.isKiosk() && p.mode !== 'kiosk') win.setKiosk(false);
    if (p.mode === 'kiosk') {
      // Kiosk fills the display the window is on, so move there first.
      if (win.isKiosk()) win.setKiosk(false);
      win.setBounds(p.bounds);
      win.setKiosk(true);
    } else if (p.mode === 'span') {
      win.setBounds(p.bounds);
      win.setAlwaysOnTop(this.wall.kiosk, 'screen-saver');
    } else {
      win.setBounds(p.bounds);
      if (initial) win.maximize();
    }
  }

  private logPlacement(): void {
    const p = this.placement;
    this.opts.logger.info('wall placement', { mode: p.mode, bounds: p.bounds, displays: p.indices });
    for (const n of p.notices) this.opts.logger.warn(`wall: ${n}`);
  }
}
