/**
 * Renderer size and speed: the JavaScript the wall must download before its first picture —
 * the shell and the first page's code (gzip, target < 350 kB; echarts-gl excluded: it loads
 * only in the 3D frame), the CSS and
 * the shipped fonts; then, in Chromium through the hub, time to the first painted page and to
 * each page painted with data after a switch.
 *
 *   npm run build && node --import tsx bench/renderer-bundle.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_IDS } from '../src/shared/config';
import { RENDERER_DIR } from '../e2e/fixtures/stack';
import { kb, launchChromium, mb, ms, PAINTED_WITH_DATA, startStack } from './renderer-common';

const TARGET_JS_GZIP = 350 * 1024;

function gz(file: string): number {
  return gzipSync(readFileSync(join(RENDERER_DIR, file)), { level: 9 }).length;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/**
 * What the wall must download before its first picture: the entry (index.html's script),
 * the first page's chunk (the overview; it loads with the shell) and every chunk they import,
 * from the build's manifest; stylesheets likewise.
 */
function initialAssets(): { js: string[]; css: string[] } {
  const manifest = JSON.parse(readFileSync(join(RENDERER_DIR, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit('index.html');
  visit('src/pages/OverviewPage.tsx');
  return { js: [...js], css: [...css] };
}

function sizes(): void {
  const { js, css } = initialAssets();
  const gl = js.filter((f) => /echarts-gl|map3d/i.test(f));
  const counted = js.filter((f) => !gl.includes(f));
  const jsGz = counted.reduce((sum, f) => sum + gz(f), 0);
  const jsRaw = counted.reduce((sum, f) => sum + statSync(join(RENDERER_DIR, f)).size, 0);
  const cssGz = css.reduce((sum, f) => sum + gz(f), 0);
  const assets = readdirSync(join(RENDERER_DIR, 'assets'));
  const fontBytes = assets.filter((f) => f.endsWith('.woff2')).reduce((s, f) => s + statSync(join(RENDERER_DIR, 'assets', f)).size, 0);
  const allJs = assets.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  console.log('renderer bundle');
  console.log(`  initial JS (${counted.length} files): ${kb(jsRaw)} raw, ${kb(jsGz)} gzip — target < ${kb(TARGET_JS_GZIP)}: ${jsGz < TARGET_JS_GZIP ? 'PASS' : 'FAIL'}`);
  for (const f of counted) console.log(`    ${f}: ${kb(gz(f))} gzip`);
  console.log(`  initial CSS: ${kb(cssGz)} gzip (the @font-face rules of the unicode-range subsets are most of it)`);
  console.log(`  lazily loaded JS chunks: ${allJs.length - counted.length} (${allJs.filter((f) => !counted.includes(f)).join(', ') || 'none'})`);
  console.log(`  fonts shipped: ${assets.filter((f) => f.endsWith('.woff2')).length} woff2 subsets, ${mb(fontBytes)} (only the subsets a screen uses are loaded)`);
}

async function navigation(): Promise<void> {
  const stack = await startStack({ builtIn: true });
  const browser = await launchChromium();
  try {
    // The first sync of the default history.
    for (let i = 0; i < 400 && (await stack.cockpit.query('meta', {})).weeks.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    let fontBytes = 0;
    let jsBytes = 0;
    // Bytes on the wire (the hub gzips code; woff2 is compressed already).
    page.on('requestfinished', async (req) => {
      const url = req.url();
      const { responseBodySize } = await req.sizes();
      if (url.endsWith('.woff2')) fontBytes += responseBodySize;
      if (url.endsWith('.js')) jsBytes += responseBodySize;
    });
    const t0 = performance.now();
    await page.goto(`${stack.url}/`);
    await page.evaluate(PAINTED_WITH_DATA);
    const first = performance.now() - t0;
    await page.keyboard.press(' '); // hold the rotation
    console.log('renderer navigation (1920×1080, Chromium through the hub, simulated district)');
    console.log(`  first page painted with data after load: ${ms(first)} (JS transferred ${kb(jsBytes)}, fonts ${kb(fontBytes)})`);
    for (const round of [1, 2]) {
      const line: string[] = [];
      for (const [i, id] of [...PAGE_IDS.entries()].slice(1).concat([[0, PAGE_IDS[0]]])) {
        const t = performance.now();
        await page.keyboard.press(String(i + 1));
        await page.waitForSelector(`[data-testid="wall"][data-page="${id}"]`);
        await page.evaluate(PAINTED_WITH_DATA);
        line.push(`${id} ${ms(performance.now() - t)}`);
      }
      console.log(`  switch to page painted with data (${round === 1 ? 'first visit' : 'again'}): ${line.join(', ')}`);
    }
    console.log(`  fonts fetched after visiting every page: ${kb(fontBytes)}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

sizes();
await navigation();
