/**
 * The map in a real browser (Debian chromium): approximate Linping towns drawn with ECharts 2D,
 * the isolated 3D frame rendering echarts-gl through SwiftShader WebGL, its fallback when WebGL
 * is off, and the main document's CSP keeping 'unsafe-eval' out.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { LEVELS } from '../src/shared/contract';
import { configSchema } from '../src/shared/config';
import type { MapModel } from '../src/shared/readModel';
import { createMapProvider } from '../src/core/geo';
import { linpingSeats, OUTLINE_PATH } from '../src/core/geo/testing/linping';
import { LEVEL_COLORS } from '../src/renderer/palette/levelColors';
import { levelPointsInShot, scanShot } from './fixtures/levelColours';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = resolve(ROOT, 'test-results/geo');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png',
};

let buildDir = '';
let server: Server;
let base = '';
const towns = linpingSeats();
const models: Record<string, MapModel> = {};

/** Deterministic risk so every level colour appears: score and level per town. */
const risk = towns.map((t, i) => ({ code: t.code, name: t.name, level: LEVELS[i % 5], score: 90 - i * 11 }));

/** Static files, plus the data the test pages draw. */
function routes(): Record<string, string | (() => string)> {
  return {
    '/data/approximate.json': () => JSON.stringify({ model: models.approximate, risk, seats: towns }),
    '/data/schematic.json': () => JSON.stringify({ model: models.schematic, risk, seats: towns }),
    // The cockpit's main document, its CSP untouched, plus a same-origin probe script.
    '/main.html': () => readFileSync(resolve(ROOT, 'src/renderer/index.html'), 'utf8').replace('</head>', '<script src="/probe-eval.js"></script></head>'),
    '/probe-eval.js': () => "try { new Function('return 1')(); document.documentElement.dataset.eval = 'allowed'; } catch (e) { document.documentElement.dataset.eval = e.name; }",
    '/vendor/echarts.min.js': resolve(ROOT, 'node_modules/echarts/dist/echarts.min.js'),
    '/geo2d.html': () => PAGE_2D,
    '/favicon.ico': () => '',
    '/host3d.html': () => PAGE_HOST_3D,
  };
}

function fileFor(url: string): string | null {
  if (url.startsWith('/fontsource/')) return join(ROOT, 'node_modules/@fontsource/noto-sans-sc', normalize(url.slice('/fontsource/'.length)));
  // The built frame page and its assets, as the cockpit serves out/renderer.
  return join(buildDir, normalize(url));
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Build the frame page exactly as the renderer entry in electron.vite.config.ts does.
  buildDir = mkdtempSync(join(tmpdir(), 'cockpit-map3d-'));
  await build({
    configFile: false,
    root: resolve(ROOT, 'src/renderer'),
    base: './',
    logLevel: 'warn',
    build: { outDir: buildDir, emptyOutDir: true, minify: true, rollupOptions: { input: { map3d: resolve(ROOT, 'src/renderer/map3d/index.html') } } },
  });

  // A React host using Map3DFrame, the component the cockpit's pages embed. Its source lives
  // under the (git-ignored) test-results so bare imports resolve from the project.
  const hostSrc = resolve(ROOT, 'test-results/geo/.host');
  mkdirSync(hostSrc, { recursive: true });
  writeFileSync(join(hostSrc, 'host.html'), '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#0b1a33;color-scheme:dark"><div id="root"></div><script type="module" src="./host.tsx"></script></body></html>');
  writeFileSync(join(hostSrc, 'host.tsx'), HOST_REACT.replace('@MAP3D_FRAME@', resolve(ROOT, 'src/renderer/map3d/Map3DFrame')));
  await build({
    configFile: false,
    root: hostSrc,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(buildDir, 'host-react'), emptyOutDir: true, minify: true, rollupOptions: { input: { host: join(hostSrc, 'host.html') } } },
  });

  const outline = createMapProvider(configSchema.parse({ map: { outline: { path: OUTLINE_PATH, crs: 'gcj02' } } }).map);
  models.approximate = outline.get('district', towns);
  models.schematic = createMapProvider(configSchema.parse({}).map).get('district', towns);

  const table = routes();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x').pathname;
    const route = table[url];
    // Module scripts and fonts requested by the sandboxed (opaque-origin, "null") frame are
    // CORS requests: static assets must carry Access-Control-Allow-Origin, as the cockpit's
    // own servers must.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (typeof route === 'function') {
      res.writeHead(200, { 'Content-Type': TYPES[extname(url)] ?? TYPES['.html'] });
      res.end(route());
      return;
    }
    const file = route ?? fileFor(url);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

for (const kind of ['approximate', 'schematic'] as const) {
  test(`draws the ${kind} Linping towns with ECharts 2D, labelled`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.setViewportSize({ width: 1200, height: 1000 });
    await page.goto(`${base}/geo2d.html?kind=${kind}`);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, { timeout: 30_000 })
      .catch(async (e) => { throw new Error(`${e}\nstage ${await page.evaluate(() => (window as unknown as { __stage: string }).__stage)}\n${errors.join('\n')}`); });
    expect(errors).toEqual([]);
    const info = await page.evaluate(() => (window as unknown as { __info: { features: number; label: string; cjk: boolean } }).__info);
    expect(info.features).toBe(8);
    expect(info.cjk).toBe(true);
    expect(info.label).toBe(models[kind].labelZh);
    const shot = await page.screenshot({ path: `${SHOTS}/${kind}-2d.png` });
    const counts = (await scanShot(page, shot)).counts;
    for (const level of LEVELS) expect(counts[level], `${level} pixels`).toBeGreaterThan(2000);
  });
}

test('the 3D frame renders map3D with WebGL, isolated from the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${base}/host3d.html`);
  await page.waitForFunction(() => (window as unknown as { __status?: string }).__status === 'rendered', undefined, { timeout: 60_000 })
    .catch(async (e) => { throw new Error(`${e}\nframe said: ${await page.evaluate(() => JSON.stringify((window as unknown as { __log: unknown[] }).__log))}\n${errors.join('\n')}`); });
  await page.waitForTimeout(1500); // let the lit frame settle before the screenshot

  const frame = page.frames().find((f) => f.url().includes('/map3d/'))!;
  expect(frame).toBeTruthy();
  const inside = await frame.evaluate(() => {
    const canvases = [...document.querySelectorAll('canvas')];
    const gl = canvases.find((c) => c.width > 0 && c.height > 0 && c.getContext('webgl') !== null);
    let parentDoc = 'blocked';
    try { void window.parent.document.title; parentDoc = 'accessible'; } catch { /* cross-origin, as intended */ }
    return {
      glSize: gl ? [gl.width, gl.height] : null,
      origin: window.origin,
      parentDoc,
      bridge: 'cockpit' in window || 'electron' in window,
      provenance: document.getElementById('provenance')?.textContent,
      // Every text in the frame, at its computed size (the frame is scaled with the wall).
      textSizes: [...document.querySelectorAll('body *')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''))
        .map((el) => [el.textContent, parseFloat(getComputedStyle(el).fontSize)] as const),
      colorScheme: getComputedStyle(document.documentElement).colorScheme,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    };
  });
  expect(inside.glSize, 'a WebGL canvas with a size').not.toBeNull();
  expect(inside.origin).toBe('null');
  expect(inside.parentDoc).toBe('blocked');
  expect(inside.bridge).toBe(false);
  expect(inside.csp).toContain("'unsafe-eval'");
  expect(inside.csp).toContain("connect-src 'none'");
  expect(inside.provenance).toBe(models.approximate.labelZh);
  expect(inside.textSizes.length, 'provenance + 5 legend entries').toBe(6);
  for (const [text, size] of inside.textSizes) expect(size, `font size of "${text}"`).toBeGreaterThanOrEqual(18);
  expect(inside.colorScheme).toBe('dark');

  expect(errors).toEqual([]);
  const shot = await page.locator('iframe').screenshot({ path: `${SHOTS}/approximate-3d.png` });
  const counts = (await scanShot(page, shot)).counts;
  for (const level of LEVELS) expect(counts[level], `${level} pixels in the 3D view`).toBeGreaterThan(500);
});

test('the 3D frame ignores malformed messages and messages from elsewhere', async ({ page }) => {
  await page.goto(`${base}/host3d.html?send=bad`);
  await page.waitForFunction(() => (window as unknown as { __status?: string }).__status === 'ready');
  await page.waitForTimeout(2000);
  const status = await page.evaluate(() => (window as unknown as { __status: string }).__status);
  expect(status).toBe('ready'); // never 'rendered' or 'error'
  const frame = page.frames().find((f) => f.url().includes('/map3d/'))!;
  expect(await frame.evaluate(() => document.getElementById('provenance')?.textContent)).toBe('');
});

test('Map3DFrame (React) embeds the sandboxed frame and sends it the map', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${base}/host-react/host.html`);
  await page.waitForFunction(() => (window as unknown as { __statuses?: string[] }).__statuses?.includes('rendered'), undefined, { timeout: 60_000 });
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(page.locator('#fallback-2d')).toHaveCount(0);
  const frame = page.frames().find((f) => f.url().includes('/map3d/'))!;
  expect(await frame.evaluate(() => document.getElementById('provenance')?.textContent)).toBe(models.approximate.labelZh);
});

test('clicking a town in the 3D view selects it; the host ignores forged and unknown selects', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${base}/host-react/host.html`);
  await page.waitForFunction(() => (window as unknown as { __statuses?: string[] }).__statuses?.includes('rendered'), undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500); // let the lit frame settle
  const selected = () => page.evaluate(() => (window as unknown as { __selected: string[] }).__selected);
  const frame = page.frames().find((f) => f.url().includes('/map3d/'))!;

  // From anywhere but the frame, or for a town the host never gave it: ignored.
  const known = risk[0].code;
  await page.evaluate((code) => window.postMessage({ type: 'select', code }, '*'), known);
  await frame.evaluate(() => window.parent.postMessage({ type: 'select', code: '330113999' }, '*'));
  await frame.evaluate(() => window.parent.postMessage({ type: 'select', code: 330113001 }, '*'));
  // The frame itself, for a given town: accepted (proves the two above were not just slow).
  await frame.evaluate((code) => window.parent.postMessage({ type: 'select', code }, '*'), known);
  await expect.poll(selected).toEqual([known]);

  // A real click on the one green town (towns cycle through the levels: index 4 is green).
  const green = risk.filter((t) => t.level === 'green');
  expect(green).toHaveLength(1);
  const box = (await page.locator('iframe').boundingBox())!;
  const point = (await levelPointsInShot(page, await page.locator('iframe').screenshot(), { x: 0, y: 0 }, { green: LEVEL_COLORS.green })).green;
  expect(point, 'a green area in the 3D view').not.toBeNull();
  await page.mouse.click(box.x + point!.x, box.y + point!.y);
  await expect.poll(selected).toEqual([known, green[0].code]);
});

test('without WebGL the frame says no-webgl and Map3DFrame shows the 2D fallback', async () => {
  const launchOptions = test.info().project.use.launchOptions ?? {};
  const browser = await chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-3d-apis', '--disable-webgl'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/host3d.html`);
    await page.waitForFunction(() => (window as unknown as { __status?: string }).__status === 'no-webgl', undefined, { timeout: 30_000 });
    await page.goto(`${base}/host-react/host.html`);
    await expect(page.locator('#fallback-2d')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('iframe')).toHaveCount(0);
    const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
    expect(statuses.at(-1)).toMatch(/^fallback: WebGL/);
  } finally {
    await browser.close();
  }
});

test("the main document's CSP has no 'unsafe-eval' and allows only same-origin frames", async ({ page }) => {
  const sources = [resolve(ROOT, 'src/renderer/index.html'), resolve(ROOT, 'out/renderer/index.html')].filter(existsSync);
  for (const file of sources) {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
    expect(csp, file).toBeTruthy();
    expect(csp, file).not.toContain('unsafe-eval');
    expect(csp, file).toContain("frame-src 'self'");
  }
  // And the browser enforces it: a same-origin script in the main document (as the cockpit's
  // own bundle would be) cannot compile code from strings. (page.evaluate itself bypasses CSP.)
  await page.goto(`${base}/main.html`);
  await expect(page.locator('html')).toHaveAttribute('data-eval', 'EvalError');
});

const FONT_CSS = '<link rel="stylesheet" href="/fontsource/400.css">';

const PAGE_2D = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${FONT_CSS}
<style>html,body{margin:0;height:100%;background:#0b1a33}#c{width:100%;height:100%}</style>
<script src="/vendor/echarts.min.js"></script></head><body><div id="c"></div><script>
(async () => {
  window.__stage = 'start';
  const kind = new URLSearchParams(location.search).get('kind');
  const { model, risk, seats } = await (await fetch('/data/' + kind + '.json')).json();
  const colours = ${JSON.stringify(LEVEL_COLORS)};
  const font = "'Noto Sans SC'";
  window.__stage = 'data';
  await document.fonts.load('16px ' + font, risk.map((r) => r.name).join('') + model.labelZh);
  window.__stage = 'fonts';
  echarts.registerMap('d', model.geojson);
  const chart = echarts.init(document.getElementById('c'));
  const byName = Object.fromEntries(risk.map((r) => [r.name, r]));
  chart.on('finished', () => {
    window.__info = { features: model.geojson.features.length, label: model.labelZh, cjk: document.fonts.check('16px ' + font, '临平街道') };
    window.__done = true;
  });
  window.__stage = 'option';
  chart.setOption({
    animation: false,
    title: { text: model.labelZh, subtext: model.labelEn, left: 20, top: 16, textStyle: { color: '#fff', fontFamily: font, fontSize: 24 }, subtextStyle: { color: '#9fb3d1' } },
    geo: { map: 'd', roam: false, top: 90, bottom: 20, itemStyle: { borderColor: '#0b1a33', borderWidth: 2 },
      regions: model.geojson.features.map((f) => ({ name: f.properties.name, itemStyle: { areaColor: colours[byName[f.properties.name].level] } })),
      label: { show: true, color: '#fff', fontFamily: font, fontSize: 18, textBorderColor: '#0b1a33', textBorderWidth: 3,
        formatter: (p) => p.name + '\\n' + byName[p.name].score } },
    series: [{ type: 'scatter', coordinateSystem: 'geo', symbolSize: 8, itemStyle: { color: '#fff' }, data: seats.map((s) => ({ name: s.name, value: s.seat })) }],
  });
  window.__stage = 'set';
})().catch((e) => { window.__stage = 'failed: ' + e.message; });
</script></body></html>`;

const HOST_REACT = `
import { createRoot } from 'react-dom/client';
import { Map3DFrame } from '@MAP3D_FRAME@';

const statuses: string[] = [];
(window as unknown as { __statuses: string[] }).__statuses = statuses;
const selected: string[] = [];
(window as unknown as { __selected: string[] }).__selected = selected;
fetch('/data/approximate.json').then((r) => r.json()).then(({ model, risk }) => {
  createRoot(document.getElementById('root')!).render(
    <div style={{ width: 1200, height: 900 }}>
      <Map3DFrame map={model} towns={risk} src="/map3d/index.html" fallback={<div id="fallback-2d">2D</div>}
        onStatus={(s, reason) => statuses.push(reason ? s + ': ' + reason : s)} onSelect={(code) => selected.push(code)} />
    </div>,
  );
});
`;

const PAGE_HOST_3D = `<!doctype html><html><head><meta charset="utf-8">
<style>html,body{margin:0;height:100%;background:#0b1a33;color-scheme:dark}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="f" sandbox="allow-scripts" src="/map3d/index.html"></iframe><script>
window.__status = 'loading';
window.__log = [];
const frame = document.getElementById('f');
const send = new URLSearchParams(location.search).get('send');
window.addEventListener('message', async (e) => {
  if (e.source !== frame.contentWindow) return;
  window.__log.push(e.data);
  window.__status = e.data.type;
  if (e.data.type !== 'ready') return;
  const { model, risk } = await (await fetch('/data/approximate.json')).json();
  const msg = { type: 'render', geojson: model.geojson, towns: risk, labels: { provenance: model.labelZh, levels: { red: '高风险', orange: '较高风险', yellow: '中风险', blue: '较低风险', green: '低风险' } } };
  if (send === 'bad') {
    frame.contentWindow.postMessage({ ...msg, towns: [{ code: 'x', name: 'y', level: 'purple', score: 5 }] }, '*');
    frame.contentWindow.postMessage({ type: 'render' }, '*');
    frame.contentWindow.postMessage('render', '*');
  } else {
    frame.contentWindow.postMessage(msg, '*');
  }
});
</script></body></html>`;
