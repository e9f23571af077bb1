import { expect, test, type Page } from '@playwright/test';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

// Wall control (issue 12 §2): the core owns each wall's state; the wall follows it.
const stack = useStack({ builtIn: true, config: { playlist: { intervalSec: 600 } } });

/** Resolves with the browser's Date.now() when the wall's data-page attribute becomes `page`. */
async function armPageWatch(page: Page, target: string): Promise<void> {
  await page.evaluate((target) => {
    const wall = document.querySelector('[data-testid="wall"]')!;
    (window as unknown as { __seen: Promise<number> }).__seen = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (wall.getAttribute('data-page') === target) {
          obs.disconnect();
          resolve(Date.now());
        }
      });
      obs.observe(wall, { attributes: true, attributeFilter: ['data-page'] });
    });
  }, target);
}

async function post(url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
}

test('an unpaired client is refused; a paired one drives the wall, which follows within 300 ms and reports its own keys', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  const wall = page.locator('[data-testid="wall"]');
  await expect(wall).toHaveAttribute('data-page', 'overview');
  // The wall shows its pairing code (a display on the hub's machine).
  const code = page.locator('[data-testid="pairing-code"]');
  await expect(code).toHaveText(/\d{6}/);

  const base = `${stack().url}/api/wall/main`;
  const refused = await post(`${base}/act`, { action: { type: 'page.go', page: 'events' }, via: 'remote' });
  expect(refused.status).toBe(403);
  await page.waitForTimeout(400);
  await expect(wall).toHaveAttribute('data-page', 'overview');

  const digits = /\d{6}/.exec((await code.textContent()) ?? '')![0];
  const paired = await post(`${base}/pair`, { code: digits });
  expect(paired.status).toBe(200);
  const cookie = paired.headers.get('set-cookie')!.split(';')[0];
  // The code pairs one device: the wall shows a new one.
  await expect(code).not.toContainText(digits);

  for (const target of ['events', 'risk', 'consultation']) {
    await armPageWatch(page, target);
    const t0 = Date.now();
    const res = await post(`${base}/act`, { action: { type: 'page.go', page: target }, via: 'remote' }, cookie);
    expect(res.status).toBe(200);
    const seenAt = await page.evaluate(() => (window as unknown as { __seen: Promise<number> }).__seen);
    expect(seenAt - t0, `wall followed page.go ${target}`).toBeLessThan(300);
  }
  // A step by hand holds the rotation, on the wall too.
  await expect(page.locator('[data-testid="play"]')).toHaveAttribute('data-playing', 'false');
  await post(`${base}/act`, { action: { type: 'hold', held: false }, via: 'remote' }, cookie);
  await expect(page.locator('[data-testid="play"]')).toHaveAttribute('data-playing', 'true');

  // The wall's own keys reach the core, so every controller sees what it shows.
  await page.keyboard.press('ArrowRight');
  await expect(wall).toHaveAttribute('data-page', 'overview');
  await expect.poll(() => ({ page: stack().control.state('main').page, held: stack().control.state('main').held })).toEqual({ page: 'overview', held: true });
});
