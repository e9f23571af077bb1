/**
 * Round-the-clock care (issue 13), in Chromium through the hub: the burn-in shift (a jump of
 * the whole layout every few minutes, no animation), the renderer's memory ceiling (a soft
 * reload that keeps the wall's place), and the wall history that records page changes and
 * reloads ("what was on the wall at …", query wallHistory).
 */
import { expect, test } from '@playwright/test';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

// A 1 MB ceiling: any page is over it, so the wall reloads itself at its first look (every 30 s).
const stack = useStack({ intervalSec: 2, config: { care: { burnIn: { shiftPx: 4, everyMin: 1 }, memoryCeilingMb: 1 } } });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test('the layout shifts a few px every everyMin minutes, as a jump, never an animation', async ({ page }) => {
  // As if it had just reloaded: the memory ceiling leaves it alone for this test.
  await page.addInitScript(() => sessionStorage.setItem('cockpit.softReloadAt', String(Date.now())));
  await page.clock.install();
  await openWall(page, stack().url);
  const wall = page.locator('[data-testid="wall"]');
  await expect(wall).toHaveAttribute('data-shift', '0,0');
  const transform0 = await wall.evaluate((el) => el.style.transform);
  await page.clock.runFor(61_000);
  await expect(wall).toHaveAttribute('data-shift', '4,0');
  await page.clock.runFor(60_000);
  await expect(wall).toHaveAttribute('data-shift', '3,3');
  const transform2 = await wall.evaluate((el) => el.style.transform);
  expect(transform2).not.toBe(transform0);
  // The move is the transform alone: nothing animates the wall between positions.
  expect(await wall.evaluate((el) => el.getAnimations().length + getComputedStyle(el).transitionDuration.replace(/0s/g, '').replace(/[, ]/g, '').length)).toBe(0);
  for (let i = 0; i < 6; i++) await page.clock.runFor(60_000);
  await expect(wall).toHaveAttribute('data-shift', '0,0'); // eight positions, then round again
});

test('past the memory ceiling the wall reloads itself where it was, and the history records it', async ({ page }) => {
  test.setTimeout(90_000);
  await openWall(page, stack().url);
  const wall = page.locator('[data-testid="wall"]');
  await page.keyboard.press('3'); // 四平台, paused by hand
  await expect(wall).toHaveAttribute('data-page', 'events');
  await expect(page.locator('[data-testid="play"]')).toHaveAttribute('data-playing', 'false');
  const onEvents = new Date(Date.now() + 1000);
  const loaded = page.waitForEvent('load', { timeout: 45_000 });
  await loaded;
  const reloadedAt = Date.now();
  await wall.waitFor();
  await expect(wall).toHaveAttribute('data-page', 'events');
  await expect(page.locator('[data-testid="play"]')).toHaveAttribute('data-playing', 'false');

  // What the wall showed, when: the page change, the reload and why, the start after it.
  await expect
    .poll(async () => (await stack().cockpit.query('wallHistory', { wall: 'main', at: new Date().toISOString() })).entries.map((e) => e.kind).join(' '), { timeout: 10_000 })
    .toMatch(/reload start/);
  const now = await stack().cockpit.query('wallHistory', { wall: 'main', at: new Date().toISOString() });
  expect(now.shown).toMatchObject({ page: 'events', playing: false });
  const reload = now.entries.find((e) => e.kind === 'reload');
  expect(reload).toMatchObject({ page: 'events', reason: expect.stringMatching(/^memory \d+ MB > 1 MB$/) });
  const start = now.entries.filter((e) => e.kind === 'start').at(-1);
  expect(start).toMatchObject({ page: 'events', reason: expect.stringMatching(/^memory/) });
  const before = await stack().cockpit.query('wallHistory', { wall: 'main', at: onEvents.toISOString() });
  expect(before.shown?.page).toBe('events');
  console.log(`soft reload ${reloadedAt - onEvents.getTime()} ms after the page change; reason "${reload && 'reason' in reload ? reload.reason : ''}"`);
});
