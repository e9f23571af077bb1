/**
 * Many walls from one hub (issue 13): a browser wall opens its profile with /?wall=<id>; two
 * walls with different profiles show different pages; an unknown profile is an error on screen
 * naming it; a day schedule switches playlists at its boundaries (the browser's clock is
 * controlled by the test) and dims the wall at night.
 */
import { expect, test, type Page } from '@playwright/test';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

const stack = useStack({
  intervalSec: 2,
  config: {
    walls: {
      lobby: { title: '大厅大屏', pages: ['consultation'], layout: '16x9' },
      office: {
        title: '指挥室',
        intervalSec: 20,
        schedule: [
          { name: 'briefing', days: ['mon'], from: '09:00', to: '10:30', pages: ['overview', 'risk'] },
          { name: 'day', from: '08:00', to: '18:00', pages: ['events', 'consultation'] },
          { name: 'night', from: '18:00', to: '08:00', pages: ['overview'], dim: true },
        ],
      },
    },
  },
});

const wallOf = (page: Page) => page.locator('[data-testid="wall"]');

async function openProfile(page: Page, query: string): Promise<void> {
  await page.goto(`${stack().url}/${query}`);
  await wallOf(page).waitFor();
  await page.locator('[data-testid="freshness"][data-link="up"]').waitFor();
}

test('two browser walls with different profiles show different pages from one hub', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openProfile(page, '?wall=lobby');
  const other = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await openWall(other, stack().url);
    await expect(wallOf(page)).toHaveAttribute('data-wall', 'lobby');
    await expect(wallOf(other)).toHaveAttribute('data-wall', 'main');
    await expect(wallOf(page)).toHaveAttribute('data-page', 'consultation');
    await expect(wallOf(other)).toHaveAttribute('data-page', 'overview');
    await expect(page.locator('[data-testid="title"]')).toHaveText('大厅大屏');
    await expect(other.locator('[data-testid="title"]')).toContainText('临平');
    // The lobby's tabs are its playlist only.
    await expect(page.locator('.tabs .tab')).toHaveCount(1);
    await expect(other.locator('.tabs .tab')).toHaveCount(4);
    await expect(page.locator('[data-page="consultation"] .panel, [data-testid="page"] .panel').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/profiles-lobby-1920x1080.png' });
    // The lobby forces the 16:9 canvas, even on a 32:9 wall.
    await page.setViewportSize({ width: 7680, height: 2160 });
    await expect(wallOf(page)).toHaveAttribute('data-layout', '16x9');
    await page.screenshot({ path: 'test-results/profiles-lobby-7680x2160.png' });
    await other.setViewportSize({ width: 7680, height: 2160 });
    await expect(wallOf(other)).toHaveAttribute('data-layout', '32x9');
  } finally {
    await other.close();
  }
});

test('an unknown or malformed profile is an error on screen that names it', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${stack().url}/?wall=warroom`);
  const error = page.locator('[data-testid="wall-error"]');
  await expect(error).toBeVisible();
  await expect(error).toContainText('warroom');
  await expect(error).toContainText('configured: main, lobby, office');
  await expect(page.locator('[data-testid="page"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/profiles-unknown-1920x1080.png' });
  await page.setViewportSize({ width: 7680, height: 2160 });
  await page.screenshot({ path: 'test-results/profiles-unknown-7680x2160.png' });

  await page.goto(`${stack().url}/?wall=${encodeURIComponent('<b>x</b>')}`);
  await expect(error).toContainText('<b>x</b>');
  await expect(page.locator('b', { hasText: 'x' })).toHaveCount(0);
});

test('a day schedule switches playlists at its boundaries, across midnight, and dims the night', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Tuesday 1 December 2026, ten seconds before the evening boundary, district time.
  await page.clock.install({ time: new Date('2026-12-01T17:59:50+08:00') });
  await openProfile(page, '?wall=office');
  const wall = wallOf(page);
  await expect(wall).toHaveAttribute('data-slot', 'day');
  await expect(wall).toHaveAttribute('data-page', /^(events|consultation)$/);
  await expect(wall).not.toHaveAttribute('data-dim', 'true');

  await page.clock.runFor(15_000); // 18:00:05
  await expect(wall).toHaveAttribute('data-slot', 'night');
  await expect(wall).toHaveAttribute('data-page', 'overview');
  await expect(wall).toHaveAttribute('data-dim', 'true');
  await expect(page.locator('.wall-dim')).toBeVisible();
  await page.screenshot({ path: 'test-results/profiles-night-1920x1080.png' });

  // Across midnight the night goes on, and ends at 08:00.
  await page.clock.setSystemTime(new Date('2026-12-02T07:59:30+08:00'));
  await page.clock.runFor(20_000);
  await expect(wall).toHaveAttribute('data-slot', 'night');
  await page.clock.runFor(45_000); // past 08:00
  await expect(wall).toHaveAttribute('data-slot', 'day');
  await expect(wall).toHaveAttribute('data-page', /^(events|consultation)$/);
  await expect(page.locator('.wall-dim')).toHaveCount(0);

  // Monday 09:00: the briefing takes precedence over the day rotation.
  await page.clock.setSystemTime(new Date('2026-12-07T08:59:40+08:00'));
  await page.clock.runFor(65_000);
  await expect(wall).toHaveAttribute('data-slot', 'briefing');
  await expect(wall).toHaveAttribute('data-page', /^(overview|risk)$/);
});
