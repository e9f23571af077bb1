import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Path of the Electron executable, or null when it is not installed. Found the way the
 * `electron` package finds it (path.txt + dist/, or ELECTRON_OVERRIDE_DIST_PATH) without
 * require('electron'), which tries to download a missing binary.
 */
export function electronBinary(): string | null {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative || 'electron') : relative ? join(pkgDir, 'dist', relative) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
