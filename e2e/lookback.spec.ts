/**
 * Looking back (回看) in Chromium through the hub: the simulator without a live trickle, its
 * clock moved by tick, and the core's and the browser's clocks tied to it, so the wall lives
 * through four weeks in a minute. At the end of a day every page and a town's detail are
 * recorded as shown live; four weeks on, Shift+← four times must show each of them again, figure
 * for figure, under the banner 回看 · 截至 <day> and the look-back frame, while syncing goes on;
 * Home returns to live. Then the replay plays the 星桥 story on the five-colour map.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { configSchema } from '../src/shared/config';
import { districtTime } from '../src/shared/districtTime';
import { endOfLocalDay } from '../src/shared/lookback';
import type { PageId } from '../src/shared/config';
import { createCore, type Core } from '../src/core/core';
import { startHub, type Hub } from '../src/core/hub';
import { silentLogger } from '../src/core/log/logger';
import { startSimulator, type RunningSimulator } from '../src/core/sim';
import { RENDERER_DIR } from './fixtures/stack';
import { scrollOffenders, smallText } from './fixtures/wall';

const TIME = districtTime();
const START = Date.parse('2026-11-20T10:00:00+08:00');
/** The day recorded live: a Sunday, its week's events all in. */
const DAY = '2026-11-22';
const PAGES: PageId[] = ['overview', 'risk', 'events', 'consultation'];
const XINGQIAO = '330113004';

let dir: string;
let sim: RunningSimulator;
let core: Core;
let hub: Hub;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), 'cockpit-lookback-'));
  sim = await startSimulator({ port: 0, seed: 42, now: new Date(START), live: false });
  const config = configSchema.parse({
    simulator: { seed: 42 },
    playlist: { autoplay: false },
    sources: [{ id: 'sim', url: sim.url, intervalSec: 1 }],
  });
  const now = () => sim.now();
  core = await createCore({ config, dataDir: dir, logger: silentLogger, now, dataNow: now });
  await core.start();
  hub = await startHub({ core, staticDir: RENDERER_DIR, port: 0, logger: silentLogger });
  await synced();
});

test.afterAll(async () => {
  await hub?.close();
  await core?.close();
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Until every endpoint has synced at the simulator's current instant. */
async function synced(timeoutMs = 60_000): Promise<void> {
  const at = sim.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const h = await core.query('health', {});
    const eps = h.sources.flatMap((s) => s.endpoints);
    if (eps.length && eps.every((e) => e.lastSuccessAt !== null && Date.parse(e.lastSuccessAt) >= at)) return;
    if (Date.now() > deadline) throw new Error(`no sync at ${new Date(at).toISOString()}: ${JSON.stringify(eps.map((e) => [e.name, e.lastSuccessAt]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Move the simulator (and the browser's clock) to `to` in steps, syncing after each. */
async function runUntil(page: Page, to: number, step: number): Promise<void> {
  while (sim.now() < to) {
    sim.tick(Math.min(step, to - sim.now()));
    await synced();
  }
  await page.clock.setFixedTime(sim.now());
}

async function show(page: Page, id: PageId): Promise<void> {
  await page.locator(`.tabs button[data-page="${id}"]`).click();
  await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-page', id);
}

/**
 * The figures a page shows: its text without the freshness stamps (截至 hh:mm: when the data
 * arrived, not what it says), and the five-colour maps' town levels. Waits until the page has
 * data and stops changing.
 */
async function figures(page: Page, root = '[data-testid="page"]'): Promise<string> {
  const read = () =>
    page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return '';
      const copy = el.cloneNode(true) as HTMLElement;
      if (el.querySelector('.state-loading, .state-error')) return '';
      copy.querySelectorAll('.as-of, [data-testid="lookback-tag"]').forEach((n) => n.remove());
      const maps = [...el.querySelectorAll('[data-levels]')].map((m) => m.getAttribute('data-levels'));
      return `${(copy.textContent ?? '').replace(/\s+/g, ' ').trim()} | maps: ${maps.join(' / ')}`;
    }, root);
  let last = '';
  await expect
    .poll(async () => {
      const now = await read();
      const same = now === last;
      last = now;
      return same && now.length > 40;
    }, { timeout: 20_000, intervals: [500] })
    .toBe(true);
  return last;
}

async function allFigures(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of PAGES) {
    await show(page, id);
    out[id] = await figures(page);
  }
  // A town's detail, opened from the latest event (the same one live and looking back).
  await show(page, 'events');
  await page.locator('.event-feed li').first().click();
  await expect(page.locator('.town-detail')).toBeVisible();
  out.town = await figures(page, '.town-detail');
  await page.keyboard.press('Escape');
  await expect(page.locator('.town-detail')).toHaveCount(0);
  return out;
}

test('every page and the town detail, looked back to four weeks on, show what they showed live', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.setFixedTime(sim.now());
  await page.goto(`${hub.url}/`);
  await page.locator('[data-testid="freshness"][data-link="up"]').waitFor();
  // Live to the last instant of DAY: everything of that day has happened and been synced.
  await runUntil(page, endOfLocalDay(TIME, DAY), 12 * 3_600_000);
  await expect(page.locator('[data-testid="lookback-banner"]')).toHaveCount(0);
  const live = await allFigures(page);

  // Four weeks later.
  await runUntil(page, endOfLocalDay(TIME, DAY) + 28 * 86_400_000, 86_400_000);
  const later = await allFigures(page);
  expect(later.overview, 'four weeks on, the live picture has moved').not.toBe(live.overview);

  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  const banner = page.locator('[data-testid="lookback-banner"]');
  await expect(banner).toHaveText(`回看 · 截至 ${DAY}`);
  await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-lookback', 'on');
  // The core owns the wall's look back (a presenter and a phone see it): the wall reported it.
  await expect.poll(() => hub.control.state('main').asOf).toBe(DAY);
  const back = await allFigures(page);
  for (const name of Object.keys(live)) expect(back[name], `${name} as of ${DAY}`).toBe(live[name]);

  // The town detail says it too; the frame goes round it.
  await show(page, 'events');
  await page.locator('.event-feed li').first().click();
  await expect(page.locator('.town-detail [data-testid="lookback-tag"]')).toHaveText(`回看 · 截至 ${DAY}`);
  await page.keyboard.press('Escape');

  // Syncing goes on underneath: a day more arrives, the past stays as it was.
  await runUntil(page, sim.now() + 86_400_000, 86_400_000);
  await show(page, 'overview');
  expect(await figures(page)).toBe(live.overview);
  await expect(banner).toBeVisible();

  // One key back to live: the banner and frame go, today's picture (with the new day) is back.
  await page.keyboard.press('Home');
  await expect(banner).toHaveCount(0);
  await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-lookback', 'off');
  await expect.poll(() => hub.control.state('main').asOf).toBeNull();
  const now = await figures(page);
  expect(now).not.toBe(live.overview);

  // A presenter or phone looks back (the core's wall state): the wall follows, banner and all.
  hub.control.act('main', { type: 'asOf.set', asOf: DAY }, 'presenter');
  await expect(banner).toHaveText(`回看 · 截至 ${DAY}`);
  expect(await figures(page)).toBe(live.overview);
  hub.control.act('main', { type: 'live' }, 'presenter');
  await expect(banner).toHaveCount(0);

  // Back beyond what the cache holds: it says so.
  for (let i = 0; i < 40; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.locator('[data-testid="lookback-older"]')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(banner).toHaveCount(0);
});

test('the replay plays the 星桥 story on the five-colour map in under 30 s: orange, the warning rectified and closed, a lower level', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.clock.setFixedTime(sim.now());
  // The story from the core's own record: the week 星桥 first went orange, and its warning.
  const weeks = (await core.query('meta', {})).weeks;
  const risk = await core.query('risk', {});
  const series = risk.trends.find((t) => t.town.code === XINGQIAO)!.series;
  const orange = series.find((p) => p.level === 'orange')!.weekStart;
  const warning = (await core.query('town', { code: XINGQIAO })).warnings.find((w) => w.level === 'orange' && !w.fromEngine)!;
  expect(weeks).toContain(orange);

  await page.goto(`${hub.url}/`);
  await page.locator('[data-testid="freshness"][data-link="up"]').waitFor();
  await show(page, 'overview');
  // Start the week before the orange one, from the week picker.
  const from = weeks[weeks.indexOf(orange) - 1];
  await page.locator('[data-testid="lookback-week"]').selectOption(from);
  await expect(page.locator('[data-testid="lookback-banner"]')).toBeVisible();
  const map = page.locator('.panel-map .risk-map').first();
  const levelOf = async () => /(?:^| )330113004:(\w+)/.exec((await map.getAttribute('data-levels')) ?? '')?.[1] ?? null;
  const item = page.locator(`.warning-list li[data-warning="${warning.id}"]`);

  const seen: string[] = [];
  const started = Date.now();
  await page.locator('[data-testid="lookback-replay"]').click();
  // Watch the map and the warning list until the warning has closed and 星桥 is below orange.
  let done = false;
  let wasOrange = false;
  while (!done && Date.now() - started < 30_000) {
    const level = await levelOf();
    const status = (await item.count()) ? await item.getAttribute('data-status') : 'none';
    const asOf = await page.locator('[data-testid="lookback-banner"]').getAttribute('data-as-of');
    const note = `${asOf} ${level} ${status}`;
    if (seen[seen.length - 1] !== note) seen.push(note);
    if (level === 'orange') wasOrange = true;
    done = wasOrange && status === 'closed' && level !== null && level !== 'orange' && level !== 'red';
    await page.waitForTimeout(200);
  }
  const ms = Date.now() - started;
  const story = seen.join('\n');
  expect(done, `the story as the replay showed it:\n${story}`).toBe(true);
  expect(ms).toBeLessThan(30_000);
  // Not there at first; then it appeared (a week's Sunday finds it already in rectification, two
  // days after it was issued), and closed, in that order.
  const statuses = [...new Set(seen.map((s) => s.split(' ')[2]))];
  expect(statuses[0], story).toBe('none');
  expect(statuses.filter((s) => s !== 'none'), story).toEqual(expect.arrayContaining(['rectifying', 'closed']));
  expect(statuses.indexOf('closed'), story).toBeGreaterThan(statuses.indexOf('rectifying'));
  console.log(`replay of the 星桥 story: ${ms} ms\n${story}`);
});

for (const size of [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '7680x2160', width: 7680, height: 2160 },
]) {
  test(`the banner and frame at ${size.name}: in the header, overlapping nothing, nothing scrolls`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.clock.setFixedTime(sim.now());
    await page.goto(`${hub.url}/`);
    await page.locator('[data-testid="freshness"][data-link="up"]').waitFor();
    await show(page, 'overview');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');
    const banner = page.locator('[data-testid="lookback-banner"]');
    await expect(banner).toBeVisible();
    await figures(page);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `test-results/screens/lookback-overview-${size.name}.png` });
    const boxes = await page.evaluate(() => {
      const r = (sel: string) => {
        const b = document.querySelector(sel)!.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      };
      const title = document.querySelector<HTMLElement>('.header__title')!;
      const right = document.querySelector<HTMLElement>('.header__right')!;
      return {
        control: r('[data-testid="lookback-control"]'),
        tabs: r('.tabs'),
        right: r('.header__right'),
        header: r('.header'),
        // Neither the district's name nor the freshness and clock are squeezed by the control.
        squeezed: [title, right, ...right.children].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className),
      };
    });
    expect(boxes.squeezed).toEqual([]);
    expect(boxes.control.left).toBeGreaterThanOrEqual(boxes.tabs.right);
    expect(boxes.control.right).toBeLessThanOrEqual(boxes.right.left);
    expect(boxes.control.top).toBeGreaterThanOrEqual(boxes.header.top);
    expect(boxes.control.bottom).toBeLessThanOrEqual(boxes.header.bottom);
    expect(await scrollOffenders(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    // The town detail over the page, framed and tagged.
    await show(page, 'events');
    await page.locator('.event-feed li').first().click();
    await expect(page.locator('.town-detail [data-testid="lookback-tag"]')).toBeVisible();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `test-results/screens/lookback-town-${size.name}.png` });
    expect(await scrollOffenders(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await expect(banner).toHaveCount(0);
  });
}
