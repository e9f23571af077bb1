/**
 * What `./cockpit start` runs: the built hub (out/main/hub.js), plain Node with nothing compiled
 * at start, on the built-in simulated district — the page a new user opens shows the district.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');

test('the built hub serves the simulated district to a browser', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cockpit-start-'));
  let hub: ChildProcess | null = null;
  try {
    hub = spawn(process.execPath, [join(ROOT, 'out/main/hub.js'), '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    hub.stderr!.on('data', (c) => (printed += c));
    const url = await new Promise<string>((res, rej) => {
      hub!.stdout!.on('data', (c) => {
        printed += c;
        const m = /serving the built-in simulated district at (http:\/\/\S+?)\/?$/m.exec(printed);
        if (m) res(m[1]);
      });
      hub!.once('exit', (code) => rej(new Error(`hub exited (${code}):\n${printed}`)));
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(url);
    // The simulated Linping's towns on the overview: data, not just a page shell.
    await expect(page.getByTestId('page')).toContainText('星桥街道');
    expect((await (await fetch(`${url}/healthz`)).json()).sources[0].id).toBe('sim');
  } finally {
    hub?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
