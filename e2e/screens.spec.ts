import { expect, test } from '@playwright/test';
import { PAGE_IDS } from '../src/shared/config';
import { useStack } from './fixtures/stack';
import { layoutFaults, openWall, scrollOffenders, smallText, WALL_SIZES } from './fixtures/wall';

// Every page at every wall size, kept as screenshots in test-results/screens/ for a person
// to look at; the checks catch what a machine can see (overlap, spill, scroll, small text).
const stack = useStack({ builtIn: true });

for (const size of WALL_SIZES) {
  test(`every page at ${size.name}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openWall(page, stack().url);
    await page.keyboard.press(' '); // hold the rotation while we look
    for (const [i, id] of PAGE_IDS.entries()) {
      await page.keyboard.press(String(i + 1));
      await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-page', id);
      // Data painted: every panel's as-of mark shows a time.
      const marks = page.locator('[data-testid="page"] .as-of');
      await expect(marks.first()).toHaveText(/\d{2}:\d{2}/);
      await expect(page.locator('[data-testid="page"] .as-of[data-freshness="none"]')).toHaveCount(0);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(800); // chart animations settle
      await page.screenshot({ path: `test-results/screens/${id}-${size.name}.png` });
      expect.soft(await layoutFaults(page), `${id} at ${size.name}`).toEqual([]);
      expect.soft(await scrollOffenders(page), `${id} at ${size.name}`).toEqual([]);
      expect.soft(await smallText(page), `${id} at ${size.name}`).toEqual([]);
    }
  });
}
