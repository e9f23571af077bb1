import { app } from 'electron';
import { join } from 'node:path';

/** Where the app's files are. Built files sit next to this bundle in out/ (or app.asar/out/). */
export interface AppPaths {
  userData: string;
  defaultConfig: string;
  /** The core's SQLite cache and other state. */
  dataDir: string;
  logDir: string;
  secretsFile: string;
  rendererDir: string;
  preload: string;
  coreHost: string;
}

export function appPaths(): AppPaths {
  const userData = app.getPath('userData');
  // out/main/index.js → out/renderer, out/preload
  const here = import.meta.dirname;
  app.setAppLogsPath(join(userData, 'logs'));
  return {
    userData,
    defaultConfig: join(userData, 'config.json'),
    dataDir: join(userData, 'data'),
    logDir: app.getPath('logs'),
    secretsFile: join(userData, 'secrets.json'),
    rendererDir: join(here, '..', 'renderer'),
    preload: join(here, '..', 'preload', 'index.cjs'),
    coreHost: join(here, 'core-host.js'),
  };
}
