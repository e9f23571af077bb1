import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';

describe('parseCliArgs', () => {
  it('finds --config among Electron and Chromium arguments', () => {
    expect(parseCliArgs(['/opt/cockpit/cockpit', '--no-sandbox', '--config', '/etc/cockpit/wall.json'])).toEqual({
      configPath: '/etc/cockpit/wall.json',
      command: { kind: 'run' },
      errors: [],
    });
    expect(parseCliArgs(['electron', '.', '--config=C:\\Cockpit\\config.json']).configPath).toBe('C:\\Cockpit\\config.json');
    expect(parseCliArgs(['electron', '.']).configPath).toBeNull();
  });

  it('recognises the secret commands', () => {
    expect(parseCliArgs(['x', '--set-secret', 'linping-token']).command).toEqual({ kind: 'setSecret', name: 'linping-token' });
    expect(parseCliArgs(['x', '--delete-secret=t']).command).toEqual({ kind: 'deleteSecret', name: 't' });
    expect(parseCliArgs(['x', '--list-secrets']).command).toEqual({ kind: 'listSecrets' });
  });

  it('reports missing values and conflicting commands', () => {
    expect(parseCliArgs(['x', '--config']).errors).toEqual(['--config needs a value']);
    expect(parseCliArgs(['x', '--config', '--kiosk']).errors).toEqual(['--config needs a value']);
    expect(parseCliArgs(['x', '--config=']).errors).toEqual(['--config needs a value']);
    expect(parseCliArgs(['x', '--list-secrets', '--set-secret', 'a']).errors).toEqual(['give only one of --set-secret, --delete-secret, --list-secrets']);
  });
});
