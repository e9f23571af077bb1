import { app } from 'electron';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../core/log/logger';
import { AUTOSTART_FILE_NAME, linuxAutostartEntry } from '../wall/autostart';

/**
 * config.wall.startAtLogin. The login entry passes the same --config so a wall restarted by
 * its OS comes up with its own configuration.
 */
export function applyStartAtLogin(enabled: boolean, configArgs: readonly string[], logger: Logger): void {
  if (!app.isPackaged) {
    if (enabled) logger.info('startAtLogin ignored in development (it would register the Electron binary)');
    return;
  }
  if (process.platform === 'linux') {
    const dir = join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
    const file = join(dir, AUTOSTART_FILE_NAME);
    // An AppImage runs from a temporary mount: the entry must start the .AppImage file itself.
    const exec = process.env.APPIMAGE || process.execPath;
    try {
      if (enabled) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, linuxAutostartEntry(exec, configArgs));
      } else if (existsSync(file)) rmSync(file);
    } catch (err) {
      logger.error('could not update the autostart entry', { file, error: (err as Error).message });
    }
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: [...configArgs] });
}
