import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, resolveAppRequest } from './appProtocol';

const root = resolve('/srv/cockpit/out/renderer');

describe('resolveAppRequest', () => {
  it('serves files under the renderer folder with type and security headers', () => {
    const r = resolveAppRequest(root, 'app://cockpit/index.html');
    expect(r).toMatchObject({ ok: true, filePath: join(root, 'index.html'), pathname: '/index.html' });
    if (r.ok) {
      expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(r.headers['Content-Security-Policy']).toContain("script-src 'self'");
      expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
    }
    const js = resolveAppRequest(root, 'app://cockpit/assets/index-abc.js?v=1#x');
    expect(js).toMatchObject({ ok: true, filePath: join(root, 'assets', 'index-abc.js') });
    if (js.ok) expect(js.headers['Content-Security-Policy']).toBeUndefined();
    // The sandboxed 3D frame (opaque origin) loads built assets cross-origin; pages stay same-origin.
    if (js.ok) expect(js.headers['Access-Control-Allow-Origin']).toBe('*');
    if (r.ok) expect(r.headers['Access-Control-Allow-Origin']).toBeUndefined();
    expect(resolveAppRequest(root, 'app://cockpit/')).toMatchObject({ ok: true, filePath: join(root, 'index.html') });
    expect(resolveAppRequest(root, 'app://cockpit/map3d/')).toMatchObject({ ok: true, filePath: join(root, 'map3d', 'index.html') });
    expect(resolveAppRequest(root, 'app://cockpit/fonts/%E6%A5%B7.woff2')).toMatchObject({ ok: true, filePath: join(root, 'fonts', '楷.woff2') });
  });

  it.each([
    ['app://cockpit/../../etc/passwd', 403],
    ['app://cockpit/assets/../../../etc/passwd.txt', 403],
    ['app://cockpit/%2e%2e/%2e%2e/etc/passwd.txt', 403],
    ['app://cockpit/%2E%2E%2Fsecret.json', 403],
    ['app://cockpit/assets/..%2f..%2fconfig.json', 403],
    ['app://cockpit/..%5c..%5cwindows%5cwin.ini', 400],
    ['app://cockpit/a\\..\\..\\b.js', 400],
    ['app://cockpit/index.html%00.png', 400],
    ['app://cockpit/%E0%A4%A', 400],
    ['app://elsewhere/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://cockpit/index.html', 403],
    ['app://cockpit/secrets.db', 404],
    ['not a url', 400],
  ])('refuses %s with %i', (url, status) => {
    expect(resolveAppRequest(root, url)).toMatchObject({ ok: false, status });
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no eval and no remote origin on the cockpit page', () => {
    const csp = contentSecurityPolicy('/index.html');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it("allows 'unsafe-eval' only inside the isolated 3D map frame", () => {
    expect(contentSecurityPolicy('/map3d/index.html')).toContain("script-src 'self' 'unsafe-eval'");
  });
});
