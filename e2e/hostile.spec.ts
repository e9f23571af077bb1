import { expect, test, type Page } from '@playwright/test';
import { startHostileSource } from './fixtures/hostileSource';
import { eventRecord, personRecord, TOWN } from './fixtures/records';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
// A district service renames two towns to markup; the rest of its data is the simulator's.
const HOSTILE_TOWN = `临平${IMG}`;
const HOSTILE_TOWN_2 = `星桥${SCRIPT}`;
// A right-to-left name with an unterminated RIGHT-TO-LEFT OVERRIDE and a zero-width space in it.
const RTL_TOWN_CODE = '330113002';
const RTL_TOWN = 'مدينة\u202E南苑\u200B';

const stack = useStack({
  intervalSec: 2,
  wrapSource: (simUrl) => startHostileSource(simUrl, { [TOWN]: HOSTILE_TOWN, '330113004': HOSTILE_TOWN_2, [RTL_TOWN_CODE]: RTL_TOWN }),
});

const dialogs: string[] = [];

test.beforeEach(async ({ page }) => {
  dialogs.length = 0;
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
});

/** Nothing the hostile strings contain ever became an element or ran. */
async function expectNothingExecuted(page: Page): Promise<void> {
  const injected = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('alert')).length,
  }));
  expect(injected).toEqual({ imgs: 0, scripts: 0 });
  expect(dialogs).toEqual([]);
}

test('markup in names and titles shows as text in panels and executes nothing', async ({ page }) => {
  const event = eventRecord({ title: `${SCRIPT}标题`, community: IMG });
  const person = personRecord({ name: IMG.slice(0, 50) });
  stack().sim.inject('events', event);
  stack().sim.inject('personnel', person);

  await openWall(page, stack().url);
  await page.keyboard.press('3');
  const row = page.locator(`[data-event="${event.id}"]`);
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText(IMG);
  await expect(row).toContainText(`${SCRIPT}标题`);
  await expect(row).toContainText(HOSTILE_TOWN);
  await expect(page.locator(`[data-person="${person.id}"]`)).toContainText(IMG);

  // The town detail, opened from the event, names the town as text too.
  await row.click();
  await expect(page.locator('.town-detail')).toContainText(HOSTILE_TOWN);
  await page.keyboard.press('Escape');
  await expect(page.locator('.town-detail')).toHaveCount(0);

  await page.keyboard.press('1');
  await expect(page.locator('[data-testid="page"]')).toContainText(HOSTILE_TOWN);
  await page.screenshot({ path: 'test-results/screens/hostile-overview-1920x1080.png' });
  await expectNothingExecuted(page);
});

/** Hover across a chart until its tooltip shows `text`; returns the tooltip's HTML. */
async function hoverUntilTooltip(page: Page, panel: string, text: string): Promise<string> {
  const canvas = page.locator(`[data-panel="${panel}"] canvas`).first();
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  for (let y = 0.1; y < 0.95; y += 0.06) {
    for (let x = 0.1; x < 0.95; x += 0.06) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      const found = await page.evaluate(
        ({ panel, text }) => {
          const root = document.querySelector(`[data-panel="${panel}"]`);
          for (const div of root?.querySelectorAll('div') ?? []) {
            const style = getComputedStyle(div);
            if (style.position === 'absolute' && style.display !== 'none' && div.textContent?.includes(text)) return div.innerHTML;
          }
          return null;
        },
        { panel, text },
      );
      if (found) return found;
    }
  }
  throw new Error(`no tooltip in panel "${panel}" showed ${text}`);
}

test('markup in town names shows as text in chart tooltips and executes nothing', async ({ page }) => {
  await openWall(page, stack().url);
  await page.keyboard.press('1');
  const tooltip = await hoverUntilTooltip(page, 'map', HOSTILE_TOWN);
  // Escaped in the tooltip's HTML: the characters are there, the elements are not.
  expect(tooltip).toContain('临平&lt;img src=x onerror=alert(1)&gt;');
  await page.screenshot({ path: 'test-results/screens/hostile-tooltip-1920x1080.png' });
  await expectNothingExecuted(page);

  await page.keyboard.press('3');
  const barTip = await hoverUntilTooltip(page, 'towns', '星桥');
  expect(barTip).not.toContain('<script>');
  expect(barTip).toContain('&lt;script&gt;');
  await expectNothingExecuted(page);
});

test('bidi controls and right-to-left names cannot reorder the text around them', async ({ page }) => {
  const event = eventRecord({ townCode: RTL_TOWN_CODE, community: '12号\u2067社区', title: '\u202E标题在前' });
  stack().sim.inject('events', event);
  await openWall(page, stack().url);
  await page.keyboard.press('3');
  const row = page.locator(`[data-event="${event.id}"]`);
  await expect(row).toBeVisible({ timeout: 10_000 });
  const parts = row.locator('.feed-where bdi');
  await expect(parts).toHaveCount(2);
  // The controls never reach the DOM: stripped at the contract, and again where shown.
  await expect(parts.nth(0)).toHaveText('مدينة南苑');
  await expect(parts.nth(1)).toHaveText('12号社区');
  await expect(row.locator('.feed-title bdi')).toHaveText('标题在前');
  const html = await page.evaluate(() => document.body.innerHTML);
  expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  // Isolated: the town reads first, then the community, left to right, whatever the town's script.
  const [town, community] = [await parts.nth(0).boundingBox(), await parts.nth(1).boundingBox()];
  expect(town!.x + town!.width).toBeLessThanOrEqual(community!.x);
  await page.screenshot({ path: 'test-results/screens/hostile-bidi-events-1920x1080.png' });
  await page.keyboard.press('1');
  await page.screenshot({ path: 'test-results/screens/hostile-bidi-overview-1920x1080.png' });
  await expectNothingExecuted(page);
});
