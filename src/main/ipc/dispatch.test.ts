import { describe, expect, it } from 'vitest';
import { dispatchIpc, type IpcHandlers } from './dispatch';
import type { TrustPolicy } from './trust';
import { WallControl } from '../../core/control/wallControl';

const policy: TrustPolicy = { webContentsIds: new Set([1]), origins: ['app://cockpit'] };
const trusted = { frameUrl: 'app://cockpit/index.html', isMainFrame: true, webContentsId: 1 };

function recordingHandlers() {
  const control = new WallControl();
  const calls: Array<[string, unknown]> = [];
  const handlers: IpcHandlers = {
    'cockpit/query': (req) => {
      calls.push(['cockpit/query', req]);
      if (req.name === 'health') throw new Error('core is restarting');
      return { answered: req.name };
    },
    'cockpit/linkState': () => true,
    'app/diagnostics': () => {
      throw new Error('not in this test');
    },
    'app/openExternal': (req) => {
      calls.push(['app/openExternal', req]);
      return { opened: false, reason: 'not allowed' };
    },
    'app/setLocale': (req) => {
      calls.push(['app/setLocale', req]);
      return null;
    },
    'brief/make': () => {
      throw new Error('not in this test');
    },
    'wall/state': (req) => ({ state: control.state(req.wall ?? 'main'), pairing: control.pairing(req.wall ?? 'main') }),
    'wall/act': (req) => {
      calls.push(['wall/act', req]);
      return control.act(req.wall ?? 'main', req.action, req.via);
    },
    'wall/report': (req) => {
      calls.push(['wall/report', req]);
      return null;
    },
  };
  return { calls, handlers };
}

const quiet = { warn: () => {} };

describe('dispatchIpc', () => {
  it('runs the handler for a trusted sender with a valid request', async () => {
    const { calls, handlers } = recordingHandlers();
    await expect(dispatchIpc('cockpit/query', { name: 'overview', params: {} }, trusted, policy, handlers, quiet)).resolves.toEqual({ ok: true, value: { answered: 'overview' } });
    expect(calls).toEqual([['cockpit/query', { name: 'overview', params: {} }]]);
  });

  it('checks the sender before looking at the request, and never calls the handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const warnings: unknown[] = [];
    const evil = { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 1 };
    // Even a malformed payload from an untrusted sender is refused as "refused", not validated.
    await expect(dispatchIpc('app/setLocale', { locale: 'xx' }, evil, policy, handlers, { warn: (...a) => warnings.push(a) })).resolves.toEqual({ ok: false, error: 'app/setLocale: refused' });
    await expect(dispatchIpc('app/setLocale', { locale: 'en' }, { ...trusted, isMainFrame: false }, policy, handlers, quiet)).resolves.toEqual({ ok: false, error: 'app/setLocale: refused' });
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('refuses an invalid request with the field named, and the handler does not run', async () => {
    const { calls, handlers } = recordingHandlers();
    const r = await dispatchIpc('cockpit/query', { name: 'town', params: { code: 'x' } }, trusted, policy, handlers, quiet);
    expect(r).toEqual({ ok: false, error: 'cockpit/query: invalid request: params.code: a 9-digit town code' });
    expect(calls).toEqual([]);
  });

  it('turns a handler error into a readable reply', async () => {
    const { handlers } = recordingHandlers();
    await expect(dispatchIpc('cockpit/query', { name: 'health', params: {} }, trusted, policy, handlers, quiet)).resolves.toEqual({ ok: false, error: 'core is restarting' });
  });

  it('takes wall control actions by the shared schema only, from a trusted sender only', async () => {
    const { calls, handlers } = recordingHandlers();
    const ok = await dispatchIpc('wall/act', { action: { type: 'page.go', page: 'risk' }, via: 'presenter' }, trusted, policy, handlers, quiet);
    expect(ok).toMatchObject({ ok: true, value: { wall: 'main', page: 'risk', held: true, by: 'presenter' } });
    const bad = await dispatchIpc('wall/act', { action: { type: 'page.go', page: 'kitchen' }, via: 'presenter' }, trusted, policy, handlers, quiet);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^wall\/act: invalid request: action\.page/) });
    const extra = await dispatchIpc('wall/act', { action: { type: 'live' }, via: 'remote', wall: 'main', eval: '1' }, trusted, policy, handlers, quiet);
    expect(extra.ok).toBe(false);
    const frame = await dispatchIpc('wall/act', { action: { type: 'live' }, via: 'remote' }, { ...trusted, isMainFrame: false }, policy, handlers, quiet);
    expect(frame).toEqual({ ok: false, error: 'wall/act: refused' });
    expect(calls.filter(([c]) => c === 'wall/act')).toHaveLength(1);
    const view = await dispatchIpc('wall/state', {}, trusted, policy, handlers, quiet);
    expect(view).toMatchObject({ ok: true, value: { state: { page: 'risk' }, pairing: { code: expect.stringMatching(/^\d{6}$/) } } });
  });

  it('takes a wall report by the history schema only', async () => {
    const { calls, handlers } = recordingHandlers();
    const report = { wall: 'lobby', kind: 'state', page: 'risk', town: null, asOf: null, slot: { index: -1, name: null }, dim: false, playing: true, alertId: null, reason: null };
    expect(await dispatchIpc('wall/report', report, trusted, policy, handlers, quiet)).toEqual({ ok: true, value: null });
    const bad = await dispatchIpc('wall/report', { ...report, page: 'kitchen' }, trusted, policy, handlers, quiet);
    expect(bad.ok).toBe(false);
    const extra = await dispatchIpc('wall/report', { ...report, html: '<b>' }, trusted, policy, handlers, quiet);
    expect(extra.ok).toBe(false);
    expect(calls.filter(([c]) => c === 'wall/report')).toEqual([['wall/report', report]]);
  });
});
