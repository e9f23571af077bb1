/**
 * The presenter on a second display (issue 12 §2): the renderer's presenter page
 * (app://cockpit/presenter.html) in a window of its own, with the same locked-down
 * webPreferences as the wall. Main trusts it for IPC like the wall window (sender checks by
 * webContents id and origin), and pushes wall control changes to it. Opened from the menu or
 * by `--presenter`; it goes to a display the wall does not use, else beside the wall.
 */
import { BrowserWindow, screen } from 'electron';
import type { IpcPushChannel, IpcPushMap } from '../../shared/ipc';
import type { Logger } from '../../core/log/logger';

export interface PresenterWindowOptions {
  preload: string;
  /** The app's origin (app://cockpit) or the dev server's. */
  origin: string;
  devTools: boolean;
  logger: Logger;
  /** Displays the wall uses (by id): the presenter prefers another. */
  wallDisplayIds: () => readonly number[];
}

export class PresenterWindow {
  private win: BrowserWindow | null = null;

  constructor(private readonly opts: PresenterWindowOptions) {}

  get webContentsId(): number | null {
    return this.win && !this.win.isDestroyed() ? this.win.webContents.id : null;
  }

  open(): void {
    if (this.win && !this.win.isDestroyed()) {
      this.win.focus();
      return;
    }
    const used = new Set(this.opts.wallDisplayIds());
    const display = screen.getAllDisplays().find((d) => !used.has(d.id)) ?? screen.getPrimaryDisplay();
    const { x, y, width, height } = display.workArea;
    const win = new BrowserWindow({
      x: x + Math.round(width * 0.05),
      y: y + Math.round(height * 0.05),
      width: Math.round(width * 0.9),
      height: Math.round(height * 0.9),
      show: false,
      backgroundColor: '#07111f',
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
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: this.opts.devTools,
      },
    });
    this.win = win;
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      this.win = null;
    });
    win.webContents.on('render-process-gone', (_e, details) => this.opts.logger.warn('presenter window: renderer gone', { reason: details.reason }));
    void win.loadURL(`${this.opts.origin}/presenter.html`);
  }

  push<C extends IpcPushChannel>(channel: C, payload: IpcPushMap[C]): void {
    const win = this.win;
    if (win && !win.isDestroyed() && !win.webContents.isCrashed()) win.webContents.send(channel, payload);
  }

  close(): void {
    if (this.win && !this.win.isDestroyed()) this.win.close();
    this.win = null;
  }
}
