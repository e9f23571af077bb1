import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { kpisSchema, metaSchema } from '../../shared/contract';
import { getJson, rawGet } from './testSupport';

/** `npm run sim` as an operator runs it: a real process, its printed URL, signals. */

const run = (args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/core/cli/sim.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });

function firstUrl(child: ReturnType<typeof run>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`exited before printing a URL: ${out}`)));
  });
}

describe('sim CLI', () => {
  it('prints its URL, applies --now/--no-live/--fault, and stops cleanly on SIGTERM', async () => {
    const child = run(['--port', '0', '--seed', '42', '--now', '2026-11-27T15:30:00+08:00', '--no-live', '--fault', 'events=http5xx:502']);
    try {
      const url = await firstUrl(child);
      expect(metaSchema.parse(await getJson(`${url}/v1/meta`)).generatedAt).toBe('2026-11-27T15:30:00+08:00');
      expect(kpisSchema.parse(await getJson(`${url}/v1/kpis`)).eventsAccepted).toBe(15_291);
      expect((await rawGet(`${url}/v1/events`)).status).toBe(502);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses bad flags with a message naming the flag', async () => {
    const child = run(['--fault', 'events=explode']);
    let err = '';
    child.stderr!.on('data', (c) => (err += String(c)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain("--fault 'events=explode': unknown kind 'explode'");
  });
});
