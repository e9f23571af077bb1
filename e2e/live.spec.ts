import { expect, test } from '@playwright/test';
import { useStack } from './fixtures/stack';
import { eventRecord } from './fixtures/records';
import { openWall } from './fixtures/wall';

// A 2-second poll interval; the tests measure against it.
const stack = useStack({ intervalSec: 2 });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test('a record injected into the source appears on the wall within one poll interval + 1 s', async ({ page }) => {
  await openWall(page, stack().url);
  await page.keyboard.press('3'); // 四平台 Events: the live feed
  const feed = page.locator('[data-panel="feed"]');
  await expect(feed.locator('li').first()).toBeVisible();

  const event = eventRecord({ title: `实时上报测试 ${Date.now() % 100_000}`, community: '龙船坞社区' });
  const injectedAt = Date.now();
  stack().sim.inject('events', event);
  const row = feed.locator(`[data-event="${event.id}"]`);
  await expect(row).toContainText(event.title, { timeout: stack().intervalSec * 1000 + 1000 });
  const tookMs = Date.now() - injectedAt;
  console.log(`injected event on screen after ${tookMs} ms (poll interval ${stack().intervalSec * 1000} ms)`);
  expect(tookMs).toBeLessThanOrEqual(stack().intervalSec * 1000 + 1000);
});

test('when the link to the hub drops everything is marked stale, and it recovers when the hub returns', async ({ page }) => {
  await openWall(page, stack().url);
  const freshness = page.locator('[data-testid="freshness"]');
  await expect(freshness).toHaveAttribute('data-overall', 'fresh');
  const droppedAt = Date.now();
  await stack().stopHub();
  await expect(freshness).toHaveAttribute('data-link', 'down', { timeout: 5_000 });
  console.log(`link marked down ${Date.now() - droppedAt} ms after the hub stopped`);
  await expect(freshness).toHaveAttribute('data-overall', /stale|offline/);
  await expect(freshness).toContainText('连接中断');
  await expect(page.locator('[data-testid="page"] .as-of').first()).not.toHaveAttribute('data-freshness', 'fresh');
  // The picture stays while the hub is away.
  await expect(page.locator('[data-testid="title"]')).toContainText('临平');
  await stack().startHub();
  await expect(freshness).toHaveAttribute('data-link', 'up', { timeout: 20_000 });
  await expect(freshness).toHaveAttribute('data-overall', 'fresh', { timeout: 10_000 });
});

test('stopping the source marks the data stale within one interval, and the last good numbers stay', async ({ page }) => {
  await openWall(page, stack().url);
  await page.keyboard.press('3');
  const freshness = page.locator('[data-testid="freshness"]');
  await expect(freshness).toHaveAttribute('data-overall', 'fresh');
  const kpis = page.locator('[data-panel="kpis"] .panel-body');
  await expect(kpis).toContainText(/\d/);
  const before = await kpis.innerText();
  const feedBefore = await page.locator('[data-panel="feed"] li').count();

  const stoppedAt = Date.now();
  await stack().stopSim();
  await expect(freshness).toHaveAttribute('data-overall', /stale|offline/, { timeout: stack().intervalSec * 1000 + 1500 });
  console.log(`marked stale ${Date.now() - stoppedAt} ms after the source stopped (poll interval ${stack().intervalSec * 1000} ms)`);
  const chip = page.locator('.fresh-chip[data-source="sim"]');
  await expect(chip).toHaveText(/数据滞后 自 \d{2}:\d{2}|离线/);
  // Every panel's as-of mark says it too, never "current".
  const marks = page.locator('[data-testid="page"] .as-of');
  const n = await marks.count();
  expect(n).toBeGreaterThan(3);
  for (let i = 0; i < n; i++) await expect(marks.nth(i)).not.toHaveAttribute('data-freshness', 'fresh');
  await expect(marks.first()).toContainText(/数据滞后|离线/);
  // The last good picture stays on screen.
  expect(await kpis.innerText()).toBe(before);
  expect(await page.locator('[data-panel="feed"] li').count()).toBe(feedBefore);
  await page.screenshot({ path: 'test-results/screens/stale-events-1920x1080.png' });
});
