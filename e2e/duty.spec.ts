/**
 * The wall on duty (issue 13), in Chromium through the hub with the simulator as source: a
 * warning injected into the simulator interrupts the wall, the rotation holds where it was and
 * carries on from there once the alert is acknowledged; a burst makes one summary; the core
 * records every alert and acknowledgement, and the diagnostics page lists them.
 */
import { expect, test, type Page } from '@playwright/test';
import { useStack, type Stack } from './fixtures/stack';
import { warningRecord } from './fixtures/records';
import { openWall } from './fixtures/wall';

const ROTATION_SEC = 6;
const FLASH_SEC = 2;
const stack = useStack({
  intervalSec: 2,
  config: {
    playlist: { pages: ['overview', 'risk', 'events', 'consultation'], intervalSec: ROTATION_SEC },
    alerts: { flashSec: FLASH_SEC, kpis: [], levelRise: { enabled: false } },
  },
});

/** Until the alert engine has seen a whole sync (only what comes after is news). */
async function engineReady(s: Stack): Promise<void> {
  await expect.poll(async () => (await s.cockpit.query('health', {})).sources[0]?.state, { timeout: 60_000 }).toBe('ok');
  await new Promise((r) => setTimeout(r, 2 * s.intervalSec * 1000 + 500));
}

const dialog = (page: Page) => page.getByRole('alertdialog');

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test('a red warning interrupts the wall within one poll interval + 1 s; acknowledging returns to the same place in the rotation', async ({ page }) => {
  test.setTimeout(120_000);
  await engineReady(stack());
  await openWall(page, stack().url);
  const wall = page.locator('[data-testid="wall"]');
  await expect(wall).toHaveAttribute('data-wall', 'main');
  // Let the rotation move off its first page, so "the same place" means something.
  await expect(wall).toHaveAttribute('data-page', 'risk', { timeout: (ROTATION_SEC + 2) * 1000 });

  const injectedAt = Date.now();
  stack().sim.inject('warnings', warningRecord(`e2e-red-${Date.now()}`, 'red'));
  const alert = page.getByRole('alertdialog', { name: /星桥街道/ });
  await expect(alert).toBeVisible({ timeout: stack().intervalSec * 1000 + 1000 });
  const tookMs = Date.now() - injectedAt;
  console.log(`red warning on the wall after ${tookMs} ms (poll interval ${stack().intervalSec * 1000} ms)`);
  expect(tookMs).toBeLessThanOrEqual(stack().intervalSec * 1000 + 1000);
  const pageAtInterrupt = await wall.getAttribute('data-page');
  await expect(alert).toHaveAttribute('data-level', 'red');
  // The cause in one line, from the risk engine's explanation (the indicator against its baseline) or the source's text.
  await expect(page.locator('#alert-cause')).not.toBeEmpty();
  console.log(`cause line: ${await page.locator('#alert-cause').textContent()}`);

  // The frame flashes for flashSec, then stands still.
  const running = () => alert.evaluate((el) => el.getAnimations().filter((a) => a.playState === 'running').length);
  expect(await running()).toBe(1);
  await page.waitForTimeout(FLASH_SEC * 1000 + 500);
  expect(await running()).toBe(0);
  await page.screenshot({ path: 'test-results/duty-alert-1920x1080.png' });

  // The rotation holds while the alert is up (longer than one rotation step).
  await page.waitForTimeout(ROTATION_SEC * 1000);
  await expect(wall).toHaveAttribute('data-page', pageAtInterrupt!);
  await expect(alert).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(dialog(page)).toHaveCount(0);
  await expect(wall).toHaveAttribute('data-page', pageAtInterrupt!);
  // Acknowledged in the core's records, with the wall and the control that did it.
  const model = await stack().cockpit.query('alerts', { wall: 'main' });
  expect(model.active).toBeNull();
  expect(model.recent[0]).toMatchObject({ wall: 'main', state: 'acknowledged', count: 1, ack: { via: 'keyboard' } });
  expect(model.recent[0].subjects).toEqual(['星桥街道']);
  // …and the rotation carries on from there.
  await expect(wall).toHaveAttribute('data-page', 'events', { timeout: (ROTATION_SEC + 2) * 1000 });

  // The diagnostics page lists it.
  await page.keyboard.press('Control+Shift+D');
  const row = page.locator(`[data-testid="diag-alerts"] tr[data-alert="${model.recent[0].id}"]`);
  await expect(row).toHaveAttribute('data-state', 'acknowledged');
  await expect(row).toContainText('星桥街道');
  await page.keyboard.press('Escape');
});

test('50 warnings at once make one summary, acknowledged with the clicker', async ({ page }) => {
  test.setTimeout(120_000);
  await engineReady(stack());
  await openWall(page, stack().url);
  const before = (await stack().cockpit.query('alerts', { wall: 'main' })).recent.length;
  const stamp = Date.now();
  for (let i = 0; i < 50; i++) stack().sim.inject('warnings', warningRecord(`e2e-burst-${stamp}-${i}`, i % 5 === 0 ? 'red' : 'orange', i % 2 ? '330113004' : '330113001'));
  const alert = page.getByRole('alertdialog', { name: /50/ });
  await expect(alert).toBeVisible({ timeout: stack().intervalSec * 1000 + 1000 });
  await expect(alert).toHaveAttribute('data-count', '50');
  await expect(dialog(page)).toHaveCount(1);
  await expect(alert.locator('.alert__facts li')).toHaveCount(9); // 8 facts and "42 more"
  await page.waitForTimeout(FLASH_SEC * 1000 + 300);
  await page.screenshot({ path: 'test-results/duty-alert-summary-1920x1080.png' });
  await page.setViewportSize({ width: 7680, height: 2160 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/duty-alert-summary-7680x2160.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.keyboard.press('PageDown');
  await expect(dialog(page)).toHaveCount(0);
  const model = await stack().cockpit.query('alerts', { wall: 'main' });
  // One alert for the whole burst.
  expect(model.recent.length).toBe(before + 1);
  expect(model.recent[0]).toMatchObject({ count: 50, state: 'acknowledged', ack: { via: 'clicker' }, byLevel: { red: 10, orange: 40 } });
});

test('the hub refuses wall writes it does not expect', async () => {
  const url = stack().url;
  const post = (path: string, body: unknown, type = 'application/json') =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  expect((await post('/api/wall/main/ack', { alertId: 'x', via: 'telepathy' })).status).toBe(400);
  expect((await post('/api/wall/main/ack', { alertId: 'nope', via: 'keyboard' })).status).toBe(404);
  expect((await post('/api/wall/office/ack', { alertId: 'nope', via: 'keyboard' })).status).toBe(404);
  expect((await post('/api/wall/main/ack', 'alertId=x', 'application/x-www-form-urlencoded')).status).toBe(415);
  expect((await post('/api/wall/main/ack', 'x'.repeat(10_000))).status).toBe(413);
  expect((await post('/api/wall/main/delete', {})).status).toBe(404);
  const wrongWall = await post('/api/wall/main/report', {
    wall: 'lobby', kind: 'state', page: 'overview', town: null, asOf: null, slot: { index: -1, name: null }, dim: false, playing: true, alertId: null, reason: null,
  });
  expect(wrongWall.status).toBe(400);
  expect((await fetch(`${url}/api/query/meta`, { method: 'POST' })).status).toBe(405);
});
