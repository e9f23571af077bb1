import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../../shared/ipc';
import { translate } from '../i18n';
import { diagnosticsSections } from './rows';

const en = translate('en');

const sample: Diagnostics = {
  generatedAt: '2026-11-27T08:00:00.000Z',
  app: { name: 'district-cockpit', version: '0.1.0', packaged: true, platform: 'linux', arch: 'x64' },
  versions: { app: '0.1.0', electron: '45.5.0', chrome: '140.0', node: '22.19.0', v8: '14.0', sqlite: '3.50.4', coreNode: '22.19.0' },
  config: { path: '/etc/cockpit/config.json', exists: true, loadedAt: '2026-11-27T07:00:00.000Z', lastError: { message: '/etc/cockpit/config.json: wall.displays[1]: expected a number ≥ 0, got -1', at: '2026-11-27T07:59:00.000Z' }, warnings: ['/etc/cockpit/config.json: wall.kiosK: unknown field, ignored'] },
  logs: { dir: '/var/log/cockpit', files: ['/var/log/cockpit/core.log', '/var/log/cockpit/main.log'] },
  core: { state: 'running', pid: 4242, restarts: 1, lastExit: { at: '2026-11-27T07:30:00.000Z', reason: 'exit code 9' }, nextStartAt: null },
  health: null,
  healthError: 'the core process is restarting',
  wall: {
    mode: 'span',
    bounds: { x: 0, y: 0, width: 3840, height: 1080 },
    displays: [
      { index: 0, id: 11, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: true, used: true },
      { index: 1, id: 12, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: false, used: true },
    ],
    notices: [],
    displaySleepBlocked: true,
    startAtLogin: false,
  },
  secureStorage: { backend: 'basic_text', usable: false, problem: 'no keyring on this Linux session' },
};

describe('diagnosticsSections', () => {
  it('lists what an operator needs, flagging what is wrong', () => {
    const sections = diagnosticsSections(sample, en);
    expect(sections.map((s) => s.id)).toEqual(['sources', 'config', 'core', 'wall', 'security', 'logs', 'versions']);
    const row = (id: string, label: string) => sections.find((s) => s.id === id)!.rows.find((r) => r.label === label);
    expect(row('sources', 'Sources')).toEqual({ label: 'Sources', value: 'the core process is restarting', alert: true });
    expect(row('config', 'Last error')).toMatchObject({ alert: true, value: expect.stringContaining('wall.displays[1]') });
    expect(row('config', 'Unknown field')).toMatchObject({ alert: true, value: expect.stringContaining('wall.kiosK') });
    expect(row('wall', 'Display 0 (primary)')?.value).toBe('1920×1080 @ 0,0 · 1× · in use');
    expect(row('versions', 'SQLite')?.value).toBe('3.50.4');
    expect(sections.find((s) => s.id === 'security')!.rows[0]).toMatchObject({ alert: true });
  });

  it('shows one row per source with its state and last error', () => {
    const d: Diagnostics = {
      ...sample,
      healthError: null,
      health: {
        now: '2026-11-27T08:00:00Z',
        sources: [{ sourceId: 'linping', url: 'https://data.example/', state: 'down', lastSuccessAt: '2026-11-27T06:00:00.000Z', lastAttemptAt: null, lastError: 'HTTP 503', consecutiveFailures: 4, nextAttemptAt: null, endpoints: [] }],
        freshness: [],
        cache: { path: '/x', sizeBytes: 1, schemaVersion: 1, rebuiltFrom: null },
        quarantine: [],
      },
    };
    const rows = diagnosticsSections(d, en)[0].rows;
    expect(rows).toEqual([{ label: 'linping · https://data.example/', value: 'down · last success 2026-11-27 06:00:00Z · HTTP 503 · failures 4', alert: true }]);
  });
});
