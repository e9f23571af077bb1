import { describe, expect, it } from 'vitest';
import { checkSender, type TrustPolicy } from './trust';

const policy: TrustPolicy = { webContentsIds: new Set([3, 7]), origins: ['app://cockpit'] };
const ok = { frameUrl: 'app://cockpit/index.html#/risk', isMainFrame: true, webContentsId: 3 };

describe('checkSender', () => {
  it('accepts the top frame of our window on our page', () => {
    expect(checkSender(ok, policy)).toEqual({ ok: true });
    expect(checkSender({ ...ok, webContentsId: 7, frameUrl: 'app://cockpit/' }, policy)).toEqual({ ok: true });
  });

  it.each([
    [{ ...ok, webContentsId: 9 }, /not a cockpit window/],
    [{ ...ok, isMainFrame: false }, /sub-frame/],
    [{ ...ok, frameUrl: null }, /frame is gone/],
    [{ ...ok, frameUrl: 'https://evil.example/index.html' }, /origin https:\/\/evil.example is not trusted/],
    [{ ...ok, frameUrl: 'file:///opt/cockpit/out/renderer/index.html' }, /origin file:\/\/ is not trusted/],
    [{ ...ok, frameUrl: 'app://other/index.html' }, /app:\/\/other is not trusted/],
    [{ ...ok, frameUrl: 'app://cockpit/map3d/index.html' }, /3D map frame/],
    [{ ...ok, frameUrl: 'http://localhost:5173/' }, /not trusted/],
    [{ ...ok, frameUrl: '::' }, /malformed/],
  ])('refuses %o', (sender, reason) => {
    const r = checkSender(sender, policy);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('trusts the dev server only when main added its origin', () => {
    const dev: TrustPolicy = { ...policy, origins: ['app://cockpit', 'http://localhost:5173'] };
    expect(checkSender({ ...ok, frameUrl: 'http://localhost:5173/' }, dev)).toEqual({ ok: true });
  });
});
