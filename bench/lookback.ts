/**
 * Look back (回看) to any week → the page painted with data, in Chromium through the hub on the
 * simulated district (26 weeks of history). On each page, from live: Shift+← a week at a time
 * (every step a week no query has asked for yet), then the week picker straight to weeks
 * picked at random over the whole history, then Home back to live. Timed in the page from the
 * key event (or the picker's change) to the frame after the banner names the new day (or is
 * gone) and every panel shows its data and every chart has drawn. Each load is a fresh browser
 * context. Target (issue 12): every look back p95 < 1 s at 1920×1080.
 *
 *   npm run build && node --import tsx bench/lookback.ts [--loads 2] [--steps 6] [--jumps 4] [--sizes 1920x1080]
 */
import { PAGE_IDS } from '../src/shared/config';
import { addDays, districtTime } from '../src/shared/districtTime';
import { asOfForWeek } from '../src/shared/lookback';
import { startStack } from '../e2e/fixtures/stack';
import { arg, launchBenchBrowser, median, percentile, sizesArg, verdict, type PageSession } from './lib/chromium';
import { PAINTED, pressKey } from './lib/wall';

const LOADS = Number(arg('loads', '2'));
const STEPS = Number(arg('steps', '6'));
const JUMPS = Number(arg('jumps', '4'));
const SIZES = sizesArg('1920x1080');
const TARGET_P95_MS = 1000;
const TIME = districtTime();

/** True once the banner says `asOf` (null: no banner, live) and the page is painted with data. */
const shown = (asOf: string | null) =>
  `((document.querySelector('[data-testid="lookback-banner"]')?.dataset.asOf ?? null) === ${JSON.stringify(asOf)} && ${PAINTED})`;

/** Arms a timer in the page: from the next keydown (or now, for the picker) to the frame after `asOf` is painted. */
async function arm(page: PageSession, asOf: string | null, fromKey: boolean): Promise<void> {
  await page.evaluate(`window.__lookback = new Promise((resolve) => {
    const start = (t0) => {
      const check = () => (${shown(asOf)}) ? requestAnimationFrame((t1) => resolve(t1 - t0)) : requestAnimationFrame(check);
      requestAnimationFrame(check);
    };
    ${fromKey ? `window.addEventListener('keydown', (e) => start(e.timeStamp), { once: true, capture: true });` : `window.__startLookback = () => start(performance.now());`}
  }); undefined`);
}

async function shiftLeft(page: PageSession): Promise<void> {
  const key = { key: 'ArrowLeft', code: 'ArrowLeft', windowsVirtualKeyCode: 37, modifiers: 8 };
  await page.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key });
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

const stack = await startStack({ builtIn: true });
const browser = await launchBenchBrowser();
try {
  let weeks: string[] = [];
  for (let i = 0; i < 400 && (weeks = (await stack.cockpit.query('meta', {})).weeks).length === 0; i++) await new Promise((r) => setTimeout(r, 250));
  console.log(`look back → page painted with data (${LOADS} cold loads; per page ${STEPS} Shift+← steps, ${JUMPS} picker jumps, Home), ${weeks.length} weeks held`);
  // Random but repeatable weeks for the picker.
  let seed = 12;
  const pick = () => weeks[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % (weeks.length - 1)];
  for (const size of SIZES) {
    const steps = new Map<string, number[]>(PAGE_IDS.map((id) => [id, []]));
    const jumps = new Map<string, number[]>(PAGE_IDS.map((id) => [id, []]));
    const home = new Map<string, number[]>(PAGE_IDS.map((id) => [id, []]));
    for (let l = 0; l < LOADS; l++) {
      const page = await browser.newPage(size.width, size.height, { cold: true });
      try {
        await page.send('Page.enable');
        await page.send('Page.navigate', { url: `${stack.url}/` });
        await page.waitFor(`document.querySelector('[data-testid="freshness"][data-link="up"]') && (${PAINTED})`);
        // Hold the rotation (the core keeps the wall's hold across loads: it may be held already).
        await page.waitFor(`document.querySelector('[data-testid="play"]')?.dataset.playing !== undefined`);
        if ((await page.evaluate<string>(`document.querySelector('[data-testid="play"]').dataset.playing`)) === 'true') await pressKey(page, ' ');
        await page.waitFor(`document.querySelector('[data-testid="play"]')?.dataset.playing === 'false'`);
        for (const [i, id] of PAGE_IDS.entries()) {
          await pressKey(page, String(i + 1));
          await page.waitFor(`document.querySelector('[data-testid="wall"]')?.dataset.page === ${JSON.stringify(id)} && ${PAINTED}`);
          const today = TIME.localDate(Date.now());
          for (let s = 1; s <= STEPS; s++) {
            const asOf = addDays(today, -7 * s);
            await arm(page, asOf, true);
            await shiftLeft(page);
            steps.get(id)!.push(await page.evaluate<number>('window.__lookback'));
          }
          for (let j = 0; j < JUMPS; j++) {
            // The picker is there while live: back to live first (timed as Home).
            await arm(page, null, true);
            await pressKey(page, 'Home');
            home.get(id)!.push(await page.evaluate<number>('window.__lookback'));
            const week = pick();
            const asOf = asOfForWeek(TIME, week, Date.now());
            await arm(page, asOf, false);
            await page.evaluate(`(() => {
              const select = document.querySelector('[data-testid="lookback-week"]');
              window.__startLookback();
              select.value = ${JSON.stringify(week)};
              select.dispatchEvent(new Event('change', { bubbles: true }));
            })()`);
            jumps.get(id)!.push(await page.evaluate<number>('window.__lookback'));
          }
          await arm(page, null, true);
          await pressKey(page, 'Home');
          home.get(id)!.push(await page.evaluate<number>('window.__lookback'));
        }
      } finally {
        await page.close();
      }
    }
    console.log(`  ${size.name}:`);
    let ok = true;
    for (const id of PAGE_IDS) {
      const all = [...steps.get(id)!, ...jumps.get(id)!];
      const p95 = percentile(all, 95);
      ok &&= p95 < TARGET_P95_MS;
      console.log(
        `    ${id}: look back p95 ${p95.toFixed(0)} ms, median ${median(all).toFixed(0)} ms, worst ${Math.max(...all).toFixed(0)} ms ` +
          `(${steps.get(id)!.length} steps median ${median(steps.get(id)!).toFixed(0)} ms, ${jumps.get(id)!.length} jumps median ${median(jumps.get(id)!).toFixed(0)} ms); ` +
          `Home to live median ${median(home.get(id)!).toFixed(0)} ms — target p95 < ${TARGET_P95_MS} ms: ${verdict(p95 < TARGET_P95_MS)}`,
      );
    }
    console.log(`    every page: ${verdict(ok)}`);
  }
} finally {
  await browser.close();
  await stack.stop();
}
