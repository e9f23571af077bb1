/**
 * Shared by the renderer benchmarks: a real cockpit stack (the e2e fixture) and Chromium with
 * the same flags as the browser tests.
 */
import { chromium, type Browser } from '@playwright/test';

export { startStack, type Stack } from '../e2e/fixtures/stack';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Resolves in the page once every panel on the current page shows data with its time and charts have drawn. */
export const PAINTED_WITH_DATA = `new Promise((resolve) => {
  const check = () => {
    const page = document.querySelector('[data-testid="page"]');
    const marks = page ? [...page.querySelectorAll('.as-of')] : [];
    const timed = marks.length > 0 && marks.every((m) => /\\d{2}:\\d{2}/.test(m.textContent || ''));
    const canvases = page ? [...page.querySelectorAll('canvas')] : [];
    const drawn = canvases.every((c) => c.width > 0 && c.height > 0);
    if (timed && drawn) requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
    else setTimeout(check, 5);
  };
  check();
})`;

export const ms = (n: number): string => `${n.toFixed(0)} ms`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * Chromium driven over the bare DevTools protocol, for memory readings: Playwright enables
 * the Network domain on its pages, and DevTools then keeps a copy of every response in
 * Blink's heap — which would be measured as if the app held it.
 */
export interface BareChromium {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

export async function launchBareChromium(width: number, height: number): Promise<BareChromium> {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ['--headless=new', '--no-sandbox', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${width},${height}`,
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      // Extra flags for experiments, e.g. BENCH_CHROMIUM_ARGS=--js-flags=--jitless to tell
      // compiled-code growth from retained objects.
      ...(process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []), 'about:blank'],
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
  const port = new URL(browserWs).port;
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ type: string; webSocketDebuggerUrl: string }>;
  const ws = new WebSocket(targets.find((t) => t.type === 'page')!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve);
    ws.addEventListener('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<(p: Record<string, unknown>) => void>>();
  ws.addEventListener('message', (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners.get(msg.method) ?? []) l(msg.params ?? {});
    }
  });
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    async close() {
      ws.close();
      child.kill();
      await new Promise((r) => child.once('exit', r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
