import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { OUTLINE_PATH } from '../src/core/geo/testing/linping';
import { LEVEL_COLORS } from '../src/renderer/palette/levelColors';
import { LEVELS, type Level } from '../src/shared/contract';
import { levelPointsInShot } from './fixtures/levelColours';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

// Drill-down with a city-level boundary file: city (districts) → district (towns) → town
// detail, and back. The city file holds the real Linping outline (testdata/geo) and two
// neighbouring districts drawn as plain rectangles, all GCJ-02 like a file from AMap.
const outline = JSON.parse(readFileSync(OUTLINE_PATH, 'utf8'));
const box = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});
const cityDir = mkdtempSync(join(tmpdir(), 'cockpit-city-'));
const cityFile = join(cityDir, 'hangzhou-districts.gcj02.geojson');
writeFileSync(
  cityFile,
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { adcode: '330113', name: '临平区' }, geometry: outline },
      { type: 'Feature', properties: { adcode: '330110', name: '余杭区' }, geometry: box(119.9, 30.3, 120.1, 30.55) },
      { type: 'Feature', properties: { adcode: '330102', name: '上城区' }, geometry: box(120.12, 30.18, 120.34, 30.3) },
    ],
  }),
);

const stack = useStack({
  intervalSec: 2,
  config: { map: { city: { path: cityFile, crs: 'gcj02', codeProperty: 'adcode', nameProperty: 'name' } } },
});

/**
 * A point well inside the area painted in `level`'s colour on `map`, in page px. (Only a level
 * that is on the map: the legend's swatches of every colour are on it too, but are smaller.)
 */
async function levelPoint(page: Page, map: Locator, level: Level): Promise<{ x: number; y: number }> {
  const box = (await map.boundingBox())!;
  const point = (await levelPointsInShot(page, await map.screenshot(), box, { [level]: LEVEL_COLORS[level] }))[level];
  if (!point) throw new Error(`no area painted ${level} on the map`);
  return point;
}

test('the map drills from the city to the district to a town, and back', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  await page.locator('.tabs button[data-page="overview"]').click();
  const crumbs = page.getByTestId('map-breadcrumb');
  await expect(crumbs.getByRole('button', { name: '临平区' })).toHaveAttribute('aria-current', 'page');

  // Up to the city: its districts, ours coloured by its most severe town, the others not connected.
  await crumbs.getByRole('button', { name: '全市' }).click();
  const city = page.locator('[data-map-level="city"]');
  await expect(city).toBeVisible();
  await expect(city.getByTestId('map-kind')).toHaveText('官方边界');
  await page.waitForTimeout(600); // the map's entry animation
  await page.screenshot({ path: 'test-results/screens/city-1920x1080.png' });

  // Down into Linping: the only district painted in a level colour, its most severe town's.
  const { levelCounts } = await stack().cockpit.query('overview', {});
  const worst = LEVELS.find((l) => levelCounts[l] > 0)!;
  const ours = await levelPoint(page, city, worst);
  await page.mouse.click(ours.x, ours.y);
  await expect(city).toHaveCount(0);
  await expect(crumbs.getByRole('button', { name: '临平区' })).toHaveAttribute('aria-current', 'page');

  // Down to a town's detail, then back out to the city.
  const districtMap = page.locator('.risk-map').first();
  await page.waitForTimeout(600);
  const town = await levelPoint(page, districtMap, worst);
  await page.mouse.click(town.x, town.y);
  await expect(page.locator('.town-detail')).toBeVisible();
  await expect(page.locator('.town-detail .town-detail-head > .level-badge')).toHaveAttribute('data-level', worst);
  await page.keyboard.press('Escape');
  await expect(page.locator('.town-detail')).toHaveCount(0);
  await crumbs.getByRole('button', { name: '全市' }).click();
  await expect(city).toBeVisible();
});
