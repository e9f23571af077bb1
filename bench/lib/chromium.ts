/**
 * Chromium for the wall benchmarks, driven over the bare DevTools protocol (no Playwright:
 * it enables domains on every page that cost time and memory the app would be charged for),
 * with the process tree it runs in, so CPU time and resident memory are the whole browser's:
 * browser, renderers, GPU and utility processes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

export interface PageSession {
  readonly sessionId: string;
  send<T = Params>(method: string, params?: Params): Promise<T>;
  /** Events of this page only. */
  on(event: string, listener: (params: Params) => void): () => void;
  /** Evaluates an expression in the page, awaiting a promise, and returns its value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls `condition` (an expression) until it is truthy. */
  waitFor(condition: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface BenchBrowser {
  /** The browser process; its descendants are the rest of the tree. */
  readonly pid: number;
  /** A new tab of `width`×`height`; `cold` gives it a browser context of its own (empty HTTP cache). */
  newPage(width: number, height: number, opts?: { cold?: boolean }): Promise<PageSession>;
  close(): Promise<void>;
}

const FLAGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--no-default-browser-check'];

export async function launchBenchBrowser(opts: { width?: number; height?: number } = {}): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      `--window-size=${opts.width ?? 1920},${opts.height ?? 1080}`,
      ...FLAGS,
      // Extra flags for experiments, e.g. BENCH_CHROMIUM_ARGS=--js-flags=--jitless.
      ...(process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const browserWs = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`chromium exited: ${err.slice(0, 500)}`)));
  });
  const ws = new WebSocket(browserWs);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  const listeners = new Map<string, Set<Listener>>();
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Params; sessionId?: string };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p?.resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners.get(msg.method) ?? []) l(msg.params ?? {}, msg.sessionId);
    }
  });
  const send = <T>(method: string, params: Params = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const on = (event: string, listener: Listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };

  return {
    pid: child.pid!,
    async newPage(width, height, pageOpts = {}) {
      const context = pageOpts.cold ? (await send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true })).browserContextId : undefined;
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', ...(context ? { browserContextId: context } : {}) });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const session: PageSession = {
        sessionId,
        send: (method, params) => send(method, params, sessionId),
        on: (event, listener) => on(event, (p, sid) => sid === sessionId && listener(p)),
        async evaluate<T>(expression: string) {
          const r = await send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
            'Runtime.evaluate',
            { expression, awaitPromise: true, returnByValue: true },
            sessionId,
          );
          if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
          return r.result.value as T;
        },
        async waitFor(condition, timeoutMs = 30_000) {
          const deadline = Date.now() + timeoutMs;
          while (!(await session.evaluate(condition))) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${condition}`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        async close() {
          await send('Target.closeTarget', { targetId }).catch(() => undefined);
          if (context) await send('Target.disposeBrowserContext', { browserContextId: context }).catch(() => undefined);
        },
      };
      await session.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
      return session;
    },
    async close() {
      ws.close();
      child.kill();
      await new Promise((r) => child.once('exit', r));
      // Chromium's helpers may still be writing to the profile for a moment after it exits.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        /* a leftover temp folder is no reason to fail a benchmark */
      }
    },
  };
}

/** `pid` and every process descended from it (Linux /proc). */
export function processTree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields follow the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [p, pp] of parent) if (pp === tree[i]) tree.push(p);
  return tree;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU time of the whole tree under `pid`, in ms. */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      /* exited meanwhile */
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of the whole tree under `pid`: the sum of RSS and of PSS (shared pages split), bytes. */
export function treeMemory(pid: number): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const p of processTree(pid)) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      /* exited meanwhile */
    }
  }
  return { rss, pss };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Wall sizes the benches cover, by name ('1920x1080,7680x2160'). */
export function sizesArg(fallback: string): Array<{ name: string; width: number; height: number }> {
  return arg('sizes', fallback)
    .split(',')
    .map((s) => {
      const [width, height] = s.split('x').map(Number);
      return { name: `${width}×${height}`, width, height };
    });
}
