import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppRequestHandler } from './serveAppRequest';

function rendererFolder() {
  const root = mkdtempSync(join(tmpdir(), 'cockpit-renderer-'));
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, 'map3d'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>驾驶舱</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'map3d', 'index.html'), '<!doctype html><title>3D</title>');
  // A file next to the renderer folder that must stay out of reach.
  const secretName = `${basename(root)}-secret.json`;
  writeFileSync(join(root, '..', secretName), '{"token":"x"}');
  return { root, secretName };
}

describe('createAppRequestHandler', () => {
  const refused: unknown[] = [];
  const { root, secretName } = rendererFolder();
  const handler = createAppRequestHandler(root, { warn: (...a) => refused.push(a) });

  it('serves the page with its CSP and the scripts with their type', async () => {
    const page = await handler(new Request('app://cockpit/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('驾驶舱');
    const js = await handler(new Request('app://cockpit/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const map3d = await handler(new Request('app://cockpit/map3d/'));
    expect(map3d.headers.get('content-security-policy')).toContain("'unsafe-eval'");
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler(new Request('app://cockpit/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength('<!doctype html><title>驾驶舱</title>')));
    expect(await head.text()).toBe('');
    expect((await handler(new Request('app://cockpit/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('gives 404 for missing files and folders', async () => {
    expect((await handler(new Request('app://cockpit/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://cockpit/assets'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder, however the path is written', async () => {
    // The URL parser folds most of these away before the handler sees them (as Chromium does);
    // what is left is refused by resolveAppRequest. Either way: no 200, no content.
    for (const path of [`../${secretName}`, `%2e%2e/${secretName}`, `%2E%2E%2F${secretName}`, `assets/..%2f..%2f${secretName}`, `..%5c${secretName}`]) {
      const res = await handler(new Request(`app://cockpit/${path}`));
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(await res.text(), path).toBe('');
    }
    expect(refused.length).toBeGreaterThan(0);
  });
});
