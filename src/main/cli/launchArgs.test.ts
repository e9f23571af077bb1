import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from './launchArgs';

describe('parseLaunchArgs', () => {
  it('finds --config among Electron and Chromium arguments', () => {
    expect(parseLaunchArgs(['/opt/cockpit/cockpit', '--no-sandbox', '--config', '/etc/cockpit/wall.json'])).toEqual({
      configPath: '/etc/cockpit/wall.json',
      command: { kind: 'run' },
      errors: [],
    });
    expect(parseLaunchArgs(['electron', '.', '--config=C:\\Cockpit\\config.json']).configPath).toBe('C:\\Cockpit\\config.json');
    expect(parseLaunchArgs(['electron', '.']).configPath).toBeNull();
  });

  it('recognises the secret commands', () => {
    expect(parseLaunchArgs(['x', '--set-secret', 'linping-token']).command).toEqual({ kind: 'setSecret', name: 'linping-token' });
    expect(parseLaunchArgs(['x', '--delete-secret=t']).command).toEqual({ kind: 'deleteSecret', name: 't' });
    expect(parseLaunchArgs(['x', '--list-secrets']).command).toEqual({ kind: 'listSecrets' });
  });

  it('reports missing values and conflicting commands', () => {
    expect(parseLaunchArgs(['x', '--config']).errors).toEqual(['--config needs a value']);
    expect(parseLaunchArgs(['x', '--config', '--kiosk']).errors).toEqual(['--config needs a value']);
    expect(parseLaunchArgs(['x', '--config=']).errors).toEqual(['--config needs a value']);
    expect(parseLaunchArgs(['x', '--list-secrets', '--set-secret', 'a']).errors).toEqual(['give only one of --set-secret, --delete-secret, --list-secrets']);
  });
});
