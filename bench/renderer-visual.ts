/**
 * Navigation → visually complete with data, cold browser cache (a fresh browser context per
 * load), measured from Chromium's screencast frames (bench/lib/screencast.ts: the last frame
 * that still differs from the settled picture in more than 1% of a coarse grid; the clock is
 * masked). Beside the wall, in the same run and interleaved load by load, the reference: a
 * plain ECharts page with seven charts and its default one-second opening animation.
 * Targets (issue 14): < 800 ms at 1920×1080, < 1.2 s at 7680×2160, and 11520×3240 no worse
 * than 7680×2160 by more than 20%.
 *
 *   npm run build && node --import tsx bench/renderer-visual.ts [--runs 3] [--loads 5] [--sizes 1920x1080,7680x2160,11520x3240]
 */
import { startStack } from '../e2e/fixtures/stack';
import { arg, launchBenchBrowser, median, sizesArg, verdict, type BenchBrowser } from './lib/chromium';
import { servePlainEcharts } from './lib/plainEcharts';
import { analyse, decoderPage, record, type VisualTimes } from './lib/screencast';

const RUNS = Number(arg('runs', '3'));
const LOADS = Number(arg('loads', '5'));
const SIZES = sizesArg('1920x1080,7680x2160,11520x3240');
/** Long enough for a slow load and any opening animation to end. */
const SETTLE_MS = 4000;
const TARGET_MS: Record<string, number> = { '1920×1080': 800, '7680×2160': 1200 };

/** The clock ticks by itself: its box is left out of the comparison. */
const WALL_MASKS = `[...document.querySelectorAll('.clock')].map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; })`;

async function load(browser: BenchBrowser, url: string, size: { width: number; height: number }, masks?: string): Promise<VisualTimes> {
  const page = await browser.newPage(size.width, size.height, { cold: true });
  try {
    const rec = await record(page, url, size, SETTLE_MS, masks);
    const decoder = await decoderPage(browser);
    try {
      return await analyse(decoder, rec);
    } finally {
      await decoder.close();
    }
  } finally {
    await page.close();
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;

const stack = await startStack({ builtIn: true });
const plain = await servePlainEcharts();
const browser = await launchBenchBrowser();
try {
  for (let i = 0; i < 400 && (await stack.cockpit.query('meta', {})).weeks.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
  console.log(`navigation → visually complete (Chromium screencast, cold cache; medians of ${RUNS} runs × ${LOADS} loads, wall and reference interleaved)`);
  const completeAt: Record<string, number> = {};
  for (const size of SIZES) {
    const wall: { complete: number[]; first: number[] } = { complete: [], first: [] };
    const ref: { complete: number[]; first: number[] } = { complete: [], first: [] };
    for (let run = 0; run < RUNS; run++) {
      const w: VisualTimes[] = [];
      const r: VisualTimes[] = [];
      for (let i = 0; i < LOADS; i++) {
        w.push(await load(browser, `${stack.url}/`, size, WALL_MASKS));
        r.push(await load(browser, plain.url, size));
      }
      wall.complete.push(median(w.map((x) => x.completeMs)));
      wall.first.push(median(w.map((x) => x.firstChangeMs)));
      ref.complete.push(median(r.map((x) => x.completeMs)));
      ref.first.push(median(r.map((x) => x.firstChangeMs)));
    }
    const complete = median(wall.complete);
    completeAt[size.name] = complete;
    const target = TARGET_MS[size.name];
    const refComplete = median(ref.complete);
    console.log(
      `  ${size.name}: visually complete ${ms(complete)} (runs ${wall.complete.map(ms).join(', ')})` +
        (target ? ` — target < ${ms(target)}: ${verdict(complete < target)}` : '') +
        `; reference ${ms(refComplete)} (wall/reference ${(complete / refComplete).toFixed(2)})`,
    );
    console.log(`    first visual change ${ms(median(wall.first))}; reference ${ms(median(ref.first))}`);
  }
  const wide = completeAt['11520×3240'];
  const base = completeAt['7680×2160'];
  if (wide !== undefined && base !== undefined) {
    console.log(`  11520×3240 vs 7680×2160: ${((wide / base - 1) * 100).toFixed(0)}% — target ≤ +20%: ${verdict(wide <= base * 1.2)}`);
  }
} finally {
  await browser.close();
  await plain.close();
  await stack.stop();
}
