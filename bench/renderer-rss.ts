/**
 * The whole Chromium process tree's resident memory over a long day of page switches: after
 * 10,000 clicker switches (each waited for until painted with data) against after 100, both
 * read the same way — on the same page, after a forced garbage collection and a pause. RSS is
 * summed over the tree (shared pages counted in each process); PSS (shared pages divided)
 * beside it. Target (issue 14): flat within 5%.
 *
 *   npm run build && node --import tsx bench/renderer-rss.ts [--switches 10000 | --rss-switches 10000] [--size 1920x1080]
 */
import { PAGE_IDS } from '../src/shared/config';
import { startStack } from '../e2e/fixtures/stack';
import { arg, launchBenchBrowser, treeMemory, verdict, type PageSession } from './lib/chromium';
import { PAINTED, pressKey, setRotation } from './lib/wall';

// --rss-switches when run with others (npm run bench -- wall --rss-switches 2000): --switches is renderer-memory's too.
const SWITCHES = Number(arg('rss-switches', arg('switches', '10000')));
const [WIDTH, HEIGHT] = arg('size', '1920x1080').split('x').map(Number);
const EARLY = 100;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

async function reading(page: PageSession, pid: number): Promise<{ rss: number; pss: number }> {
  await new Promise((r) => setTimeout(r, 1000));
  for (let i = 0; i < 3; i++) await page.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 2000));
  return treeMemory(pid);
}

const stack = await startStack({ builtIn: true });
const browser = await launchBenchBrowser({ width: WIDTH, height: HEIGHT });
try {
  for (let i = 0; i < 400 && (await stack.cockpit.query('meta', {})).weeks.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
  const page = await browser.newPage(WIDTH, HEIGHT);
  await page.send('Page.enable');
  await page.send('Page.navigate', { url: `${stack.url}/` });
  await page.waitFor(`document.querySelector('[data-testid="freshness"][data-link="up"]') && (${PAINTED})`);
  await setRotation(page, false);

  let done = 0;
  const switchTo = async (n: number) => {
    while (done < n) {
      await pressKey(page, 'PageDown');
      const id = PAGE_IDS[(done + 1) % PAGE_IDS.length];
      await page.waitFor(`document.querySelector('[data-testid="wall"]')?.dataset.page === '${id}' && (${PAINTED})`);
      done++;
    }
  };
  // Both readings on the same page (a multiple of the playlist's length).
  const round = (n: number) => Math.ceil(n / PAGE_IDS.length) * PAGE_IDS.length;
  console.log(`Chromium tree resident memory over page switches (${WIDTH}×${HEIGHT}, rotation held, clicker PageDown)`);
  const t0 = performance.now();
  await switchTo(round(EARLY));
  const early = await reading(page, browser.pid);
  console.log(`    after ${done}: RSS ${mb(early.rss)}, PSS ${mb(early.pss)}`);
  for (const checkpoint of [1000, 2500, 5000, 7500].filter((c) => c < SWITCHES)) {
    await switchTo(round(checkpoint));
    const r = await reading(page, browser.pid);
    console.log(`    after ${done}: RSS ${mb(r.rss)}, PSS ${mb(r.pss)}`);
  }
  await switchTo(round(SWITCHES));
  const late = await reading(page, browser.pid);
  console.log(`    after ${done}: RSS ${mb(late.rss)}, PSS ${mb(late.pss)} (${((performance.now() - t0) / 60000).toFixed(1)} min)`);
  const growth = (late.rss / early.rss - 1) * 100;
  console.log(
    `  RSS after ${done} switches vs after ${round(EARLY)}: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)}% — target within 5%: ${verdict(Math.abs(growth) <= 5)}` +
      ` (PSS ${((late.pss / early.pss - 1) * 100).toFixed(1)}%)`,
  );
  process.exitCode = Math.abs(growth) <= 5 ? 0 : 1;
} finally {
  await browser.close();
  await stack.stop();
}
