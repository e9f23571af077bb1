import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../core/log/logger';
import { configSchema, type CockpitConfig } from '../../shared/config';
import type { ChangeNotice, HealthModel } from '../../shared/readModel';
import { CoreSupervisor, type CoreChild } from './coreSupervisor';

/** A Node child process in the shape of Electron's UtilityProcess. */
function forkNodeCore(): CoreChild & { raw: ReturnType<typeof fork> } {
  const raw = fork(join(import.meta.dirname, 'nodeCoreHost.fixture.ts'), [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced', // structured clone, like a MessagePort
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    raw,
    get pid() {
      return raw.pid;
    },
    postMessage: (m) => void raw.send(m),
    kill: () => raw.kill(),
    on(event: 'spawn' | 'message' | 'exit', listener: (...args: never[]) => void) {
      if (event === 'exit') raw.on('exit', (code, signal) => (listener as (c: number) => void)(code ?? 128 + (signal ? constants.signals[signal] : 0)));
      else raw.on(event, listener as () => void);
      return this;
    },
  } as CoreChild & { raw: ReturnType<typeof fork> };
}

describe('CoreSupervisor (real core in a Node child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cockpit-supervisor-'));
  let config: CockpitConfig = configSchema.parse({ playlist: { intervalSec: 25 } });
  const links: boolean[] = [];
  const notices: ChangeNotice[] = [];
  const children: Array<ReturnType<typeof forkNodeCore>> = [];
  const supervisor = new CoreSupervisor({
    fork: () => {
      const c = forkNodeCore();
      children.push(c);
      return c;
    },
    dataDir: join(dir, 'data'),
    configDir: dir,
    logDir: join(dir, 'logs'),
    logger: silentLogger,
    startPayload: () => ({ config, secrets: {} }),
    onChange: (n) => notices.push(n),
    onLink: (up) => links.push(up),
    backoff: { initialMs: 300, maxMs: 5000, resetAfterMs: 60_000 },
    queryTimeoutMs: 60_000,
  });
  afterAll(async () => {
    await supervisor.stop(3000);
    for (const c of children) c.raw.kill('SIGKILL');
  });

  it('starts the core and answers queries once it is ready', async () => {
    supervisor.start();
    // Asked before the core is ready: waits for it instead of failing.
    const answer = (await supervisor.client.query('config', {})) as { playlist: { intervalSec: number } };
    expect(answer.playlist.intervalSec).toBe(25);
    expect(links).toEqual([true]);
    expect(supervisor.diagnostics()).toMatchObject({ state: 'running', restarts: 0, pid: children[0].pid });
    expect(supervisor.coreVersions?.sqlite).toMatch(/^3\./);
  });

  it('restarts a core that was killed, after the backoff delay, and queries resume', async () => {
    const first = children[0];
    process.kill(first.pid!, 'SIGKILL');
    await vi.waitFor(() => expect(links).toEqual([true, false]), { timeout: 10_000, interval: 20 });
    expect(supervisor.diagnostics()).toMatchObject({ state: 'restarting', restarts: 1, lastExit: { reason: `exit code ${128 + constants.signals.SIGKILL}` } });
    expect(supervisor.diagnostics().nextStartAt).not.toBeNull();
    const meanwhile = supervisor.client.query('meta', {}); // asked while it is down
    await vi.waitFor(() => expect(links).toEqual([true, false, true]), { timeout: 60_000, interval: 50 });
    expect(children).toHaveLength(2);
    expect(children[1].pid).not.toBe(first.pid);
    await expect(meanwhile).resolves.toMatchObject({ towns: expect.any(Array) });
    expect(supervisor.diagnostics()).toMatchObject({ state: 'running', restarts: 1, nextStartAt: null });
  });

  it('applies a new configuration in the running core and tells the renderer to refetch everything', async () => {
    config = configSchema.parse({ playlist: { intervalSec: 75 } });
    supervisor.reconfigure();
    await vi.waitFor(() => expect(notices.some((n) => n.changed.includes('*'))).toBe(true), { timeout: 60_000, interval: 50 });
    const answer = (await supervisor.client.query('config', {})) as { playlist: { intervalSec: number } };
    expect(answer.playlist.intervalSec).toBe(75);
    expect(children).toHaveLength(2); // rebuilt in place, not restarted
  });

  it('keeps the running configuration when a new one does not start, also after the process restarts', async () => {
    config = configSchema.parse({ title: 'UNBUILDABLE', playlist: { intervalSec: 40 } });
    supervisor.reconfigure();
    const refusedIn = async () => ((await supervisor.client.query('health', {})) as HealthModel).config?.rejected?.error;
    await vi.waitFor(async () => expect(await refusedIn()).toBe('this configuration does not start'), { timeout: 60_000, interval: 100 });
    expect(((await supervisor.client.query('config', {})) as { playlist: { intervalSec: number } }).playlist.intervalSec).toBe(75);
    // A crash now restarts on the configuration that runs, not on the refused one.
    process.kill(children[1].pid!, 'SIGKILL');
    await vi.waitFor(() => expect(links).toEqual([true, false, true, false, true]), { timeout: 60_000, interval: 50 });
    expect(children).toHaveLength(3);
    expect(((await supervisor.client.query('config', {})) as { playlist: { intervalSec: number } }).playlist.intervalSec).toBe(75);
  });

  it('stops cleanly without restarting', async () => {
    await supervisor.stop(10_000);
    expect(supervisor.diagnostics()).toMatchObject({ state: 'stopped', pid: null });
    expect(children[2].raw.exitCode).toBe(0);
    await new Promise((r) => setTimeout(r, 600));
    expect(children).toHaveLength(3);
  });
});
