import { expect, test } from '@playwright/test';
import { useStack } from './fixtures/stack';
import { fontReport, openWall, scrollOffenders, smallText, WALL_SIZES } from './fixtures/wall';

// The demo path: no sources configured, the cockpit runs its own simulator.
const stack = useStack({ builtIn: true, config: { playlist: { intervalSec: 5 } } });

for (const size of WALL_SIZES) {
  test(`renders the wall at ${size.name} with shipped Chinese fonts, no scroll bars, no small text`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openWall(page, stack().url);
    const wall = page.locator('[data-testid="wall"]');
    await expect(wall).toHaveAttribute('data-layout', size.layout);
    // The header names the district from the data (the simulator's Linping).
    await expect(page.locator('[data-testid="title"]')).toContainText('临平');
    await expect(page.locator('.tab--active')).toHaveText('平安总览');

    const fonts = await fontReport(page);
    expect(fonts.cjk, `fonts loaded: ${fonts.loaded.join(', ')}`).toBe(true);
    expect(fonts.numbers).toBe(true);
    // The canvas fills the window along its limiting side.
    const box = (await wall.boundingBox())!;
    expect(Math.max(box.width / size.width, box.height / size.height)).toBeGreaterThan(0.99);

    expect(await scrollOffenders(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/shell-${size.name}.png` });
  });
}

test('the clock ticks in district time', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  const clock = page.locator('.clock__time');
  const first = await clock.textContent();
  expect(first).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  await expect(clock).not.toHaveText(first!, { timeout: 3_000 });
});

test('nothing on the rotating wall animates continuously: the progress bar fills in steps', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  await expect(page.locator('[data-testid="play"]')).toHaveAttribute('data-playing', 'true');
  // A CSS animation or transition running for the whole interval would repaint every frame.
  expect(await page.evaluate(() => document.getAnimations().map((a) => (a as CSSAnimation).animationName ?? a.constructor.name))).toEqual([]);
  const bar = page.locator('.play__progress');
  // 5 s at this spec's interval: two steps of 2.5 s; the bar restarts with each page.
  await expect(bar).toHaveAttribute('data-steps', '2');
  await expect(bar).toHaveAttribute('data-step', '1', { timeout: 4_000 });
  expect(await bar.evaluate((e) => getComputedStyle(e).transform)).toBe('matrix(0.5, 0, 0, 1, 0, 0)');
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});

test('a leader steps with the clicker keys and pauses with Space; rotation resumes on Space', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  const wall = page.locator('[data-testid="wall"]');
  const play = page.locator('[data-testid="play"]');
  await expect(play).toHaveAttribute('data-playing', 'true');
  await expect(wall).toHaveAttribute('data-page', 'overview');

  await page.keyboard.press('ArrowRight');
  await expect(wall).toHaveAttribute('data-page', 'risk');
  // Stepping by hand holds the rotation, and says so.
  await expect(play).toHaveAttribute('data-playing', 'false');
  await expect(play).toContainText('已暂停');
  await page.keyboard.press('PageDown');
  await expect(wall).toHaveAttribute('data-page', 'events');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(wall).toHaveAttribute('data-page', 'overview');
  await page.keyboard.press('ArrowLeft');
  await expect(wall).toHaveAttribute('data-page', 'consultation');

  // Paused: no rotation for longer than the 5 s interval.
  await page.waitForTimeout(6_000);
  await expect(wall).toHaveAttribute('data-page', 'consultation');

  await page.keyboard.press(' ');
  await expect(play).toHaveAttribute('data-playing', 'true');
  await expect(wall).toHaveAttribute('data-page', 'overview', { timeout: 7_000 });
});

test('the play button pauses too, and L switches the language', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  const play = page.locator('[data-testid="play"]');
  await play.click();
  await expect(play).toHaveAttribute('data-playing', 'false');
  // The clicked button keeps no focus: Space toggles once (resume), not twice.
  await page.keyboard.press(' ');
  await expect(play).toHaveAttribute('data-playing', 'true');
  await page.locator('.tab[data-page="events"]').click();
  await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-page', 'events');
  await expect(play).toHaveAttribute('data-playing', 'false');
  await page.keyboard.press('l');
  await expect(page.locator('.tab--active')).toHaveText('Four platforms');
  await expect(play).toContainText('paused');
  await page.keyboard.press('L');
  await expect(page.locator('.tab--active')).toHaveText('四平台');
});

test('every page shows fresh data marked with its as-of time', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  await expect(page.locator('[data-testid="freshness"]')).toHaveAttribute('data-overall', 'fresh');
  await expect(page.locator('.fresh-chip[data-source="sim"]')).toContainText('新鲜');
  for (const key of ['1', '2', '3', '4']) {
    await page.keyboard.press(key);
    const asOf = page.locator('[data-testid="page"] .as-of').first();
    await expect(asOf).toHaveText(/截至 \d{2}:\d{2}/);
    await expect(asOf).toHaveAttribute('data-freshness', 'fresh');
  }
});
