/**
 * The desktop app itself, in Electron: launch in a locked-down window, the IPC bridge to the
 * core process, live config reload, kiosk placement, single instance, and recovery from a
 * renderer crash. These need the Electron binary and a display (xvfb-run on a headless Linux);
 * where the binary is missing the file reports one skipped test that says so.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DesktopBridge } from '../../src/shared/ipc';
import { electronBinary } from './electronBinary';

const binary = electronBinary();
// The project folder: Electron reads package.json ("main": "out/main/index.js", the app name).
const APP_DIR = resolve(import.meta.dirname, '../..');

type CockpitWindow = Window & { cockpit: DesktopBridge };

function appArgs(dir: string, configPath: string): string[] {
  const args = [APP_DIR, '--config', configPath, `--user-data-dir=${join(dir, 'user-data')}`];
  // Chromium's own sandbox cannot start as root (containers, CI); the renderer sandbox flag stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

async function launch(config: unknown): Promise<{ app: ElectronApplication; page: Page; dir: string; configPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-e2e-'));
  const configPath = join(dir, 'config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const args = appArgs(dir, configPath);
  const app = await electron.launch({ executablePath: binary!, args, env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' } });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, dir, configPath };
}

const SKIP_REASON = 'Electron binary not installed on this machine: Electron e2e skipped';

if (!binary) {
  // The list reporter prints titles, not skip reasons, so the title carries the reason too.
  test(`Electron desktop app (${SKIP_REASON})`, () => {
    test.skip(true, SKIP_REASON);
  });
} else {
  test.describe('Electron desktop app', () => {
    let running: ElectronApplication | null = null;
    test.afterEach(async () => {
      await running?.close();
      running = null;
    });

    test('launches the renderer from app:// in a locked-down window', async () => {
      const { app, page } = await launch({ playlist: { intervalSec: 42 } });
      running = app;
      expect(page.url()).toBe('app://cockpit/index.html');
      // The React app mounted: its module scripts loaded through app:// under the CSP header.
      await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      // Nothing of Node reaches the page; only the bridge does.
      const globals = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: (window as unknown as CockpitWindow).cockpit.kind,
        keys: Object.keys((window as unknown as CockpitWindow).cockpit).sort(),
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'electron', keys: ['diagnostics', 'kind', 'onChange', 'onLink', 'openExternal', 'query', 'setLocale'] });
      // Navigation away from the app is refused.
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://cockpit/index.html');
    });

    test('round-trips queries over IPC to the core process, validating requests', async () => {
      const { app, page, configPath } = await launch({ playlist: { intervalSec: 42 } });
      running = app;
      const config = await page.evaluate(() => (window as unknown as CockpitWindow).cockpit.query('config', {}));
      expect(config.playlist.intervalSec).toBe(42);
      // The simulated district's towns arrive with the first sync.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as CockpitWindow).cockpit.query('meta', {}).then((m) => m.towns.length)), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const bad = await page.evaluate(() =>
        (window as unknown as CockpitWindow).cockpit.query('town', { code: 'DROP TABLE' }).then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
      );
      expect(bad).toContain('params.code');
      const diag = await page.evaluate(() => (window as unknown as CockpitWindow).cockpit.diagnostics());
      expect(diag.config.path).toBe(configPath);
      expect(diag.core.state).toBe('running');
      expect(diag.versions.sqlite).toMatch(/^3\./);
      const external = await page.evaluate(() => (window as unknown as CockpitWindow).cockpit.openExternal('file:///etc/passwd'));
      expect(external).toEqual({ opened: false, reason: 'scheme file: is not allowed (https only)' });
    });

    test('applies a valid config edit and keeps the last valid one over a bad edit', async () => {
      const { app, page, configPath } = await launch({ playlist: { intervalSec: 42 } });
      running = app;
      const interval = () => page.evaluate(() => (window as unknown as CockpitWindow).cockpit.query('config', {}).then((c) => c.playlist.intervalSec));
      expect(await interval()).toBe(42);
      writeFileSync(configPath, JSON.stringify({ playlist: { intervalSec: 42 }, wall: { displays: [0, -1] } }));
      await expect
        .poll(() => page.evaluate(() => (window as unknown as CockpitWindow).cockpit.diagnostics().then((d) => d.config.lastError?.message ?? '')))
        .toContain('wall.displays[1]: expected a number ≥ 0, got -1');
      expect(await interval()).toBe(42);
      writeFileSync(configPath, JSON.stringify({ playlist: { intervalSec: 90 } }));
      await expect.poll(interval, { timeout: 30_000 }).toBe(90);
    });

    test('places a kiosk window on the configured display', async () => {
      const { app } = await launch({ wall: { displays: [0], kiosk: true } });
      running = app;
      await expect
        .poll(() =>
          app.evaluate(({ BrowserWindow, screen }) => {
            const w = BrowserWindow.getAllWindows()[0];
            const leftmost = [...screen.getAllDisplays()].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y)[0];
            const b = w.getBounds();
            return w.isKiosk() && b.x === leftmost.bounds.x && b.y === leftmost.bounds.y;
          }),
        )
        .toBe(true);
    });

    test('a second launch hands over to the running instance and exits', async () => {
      const { app, dir, configPath } = await launch({});
      running = app;
      const second = spawn(binary, appArgs(dir, configPath), { stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(0);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    });

    test('reloads the page after the renderer crashes', async () => {
      const { app } = await launch({});
      running = app;
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.forcefullyCrashRenderer());
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => {
          const wc = BrowserWindow.getAllWindows()[0].webContents;
          return !wc.isCrashed() && !wc.isLoading() && wc.getURL();
        }), { timeout: 30_000 })
        .toBe('app://cockpit/index.html');
      // The reloaded page has its bridge again (asked through main: the crashed page object is gone).
      const kind = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.executeJavaScript('window.cockpit.kind'));
      expect(kind).toBe('electron');
    });
  });
}
