import { expect, test, type Page } from '@playwright/test';
import { LEVEL_COLORS } from '../src/renderer/palette/levelColors';
import { LEVELS, type Level, type Warning } from '../src/shared/contract';
import type { PageId } from '../src/shared/config';
import { scanShot } from './fixtures/levelColours';
import { useStack } from './fixtures/stack';
import { openWall, WALL_SIZES } from './fixtures/wall';

// The four cockpit pages and the town detail, through the real hub, core and simulator.
const stack = useStack({ intervalSec: 2 });

const XINGQIAO = '330113004';

/** Show a page by its tab (which also holds the rotation, so it stays). */
async function show(page: Page, id: PageId): Promise<void> {
  await page.locator(`.tabs button[data-page="${id}"]`).click();
  await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-page', id);
}

const kpi = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] .kpi-number`);
const fmt = (n: number) => n.toLocaleString('en-US');

interface ColourScan {
  /** Device pixels of each level colour on the canvas. */
  counts: Record<string, number>;
  /** A point well inside an area of each colour, in page coordinates. */
  points: Record<string, { x: number; y: number } | null>;
}

/** Counts each level colour on the first canvas under `selector`, with an interior point per colour. */
function scanLevelColours(page: Page, selector: string): Promise<ColourScan> {
  const colours = Object.fromEntries(
    LEVELS.map((l) => {
      const hex = LEVEL_COLORS[l].slice(1);
      return [l, [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16))];
    }),
  );
  return page.evaluate(
    ({ selector, colours }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
      if (!canvas) throw new Error(`no canvas under ${selector}`);
      const ctx = canvas.getContext('2d')!;
      const { width, height } = canvas;
      const px = ctx.getImageData(0, 0, width, height).data;
      const levelAt = (x: number, y: number): string | null => {
        if (x < 0 || y < 0 || x >= width || y >= height) return null;
        const i = (y * width + x) * 4;
        for (const [level, [r, g, b]] of Object.entries(colours)) {
          if (Math.abs(px[i] - r) <= 3 && Math.abs(px[i + 1] - g) <= 3 && Math.abs(px[i + 2] - b) <= 3) return level;
        }
        return null;
      };
      const counts: Record<string, number> = {};
      const inner: Record<string, Array<[number, number]>> = {};
      const r = Math.round(10 * (width / canvas.getBoundingClientRect().width));
      for (let y = 0; y < height; y += 2) {
        for (let x = 0; x < width; x += 2) {
          const level = levelAt(x, y);
          if (!level) continue;
          counts[level] = (counts[level] ?? 0) + 4;
          // interior: the same colour all round at a label's distance (not an edge, not text)
          if ([[r, 0], [-r, 0], [0, r], [0, -r]].every(([dx, dy]) => levelAt(x + dx, y + dy) === level)) {
            (inner[level] ??= []).push([x, y]);
          }
        }
      }
      const rect = canvas.getBoundingClientRect();
      const points: Record<string, { x: number; y: number } | null> = {};
      for (const level of Object.keys(colours)) {
        const list = inner[level];
        const p = list?.[Math.floor(list.length / 2)];
        points[level] = p ? { x: rect.left + (p[0] * rect.width) / width, y: rect.top + (p[1] * rect.height) / height } : null;
      }
      return { counts, points };
    },
    { selector, colours },
  );
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
});

test('overview tells the article\'s figures, each with its unit and as-of time', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'overview');
  const model = await stack().cockpit.query('overview', {});

  // 四平台: 871 下沉人员, 15,291 受理事件 (the live trickle may have accepted a few since), 0%, 100%.
  await expect(kpi(page, 'dispatchedPersonnel')).toHaveText('871');
  await expect(kpi(page, 'accepted')).toHaveText(/^15,29\d$/);
  await expect(kpi(page, 'acceptOverdueRate')).toHaveText('0%');
  await expect(kpi(page, 'satisfactionRate')).toHaveText('100%');
  await expect(page.locator('[data-kpi="dispatchedPersonnel"] .kpi-unit')).toHaveText('人');
  await expect(page.locator('[data-kpi="accepted"] .kpi-unit')).toHaveText('件');
  // 云上板凳: 14,341 关注, 938 协商, 96% 成功率 — as the core reports them now.
  await expect(kpi(page, 'followers')).toHaveText(fmt(model.consultations.followers));
  await expect(kpi(page, 'held')).toHaveText(fmt(model.consultations.held));
  await expect(kpi(page, 'successRate')).toHaveText(`${model.consultations.successRatePct}%`);
  expect(model.consultations.followers).toBeGreaterThanOrEqual(14_341);
  expect(model.consultations.held).toBeGreaterThanOrEqual(938);

  // Level counts: one counter per colour, together every town.
  const counts = await Promise.all(LEVELS.map((l) => page.locator(`.level-count[data-level="${l}"] .level-count-n`).textContent()));
  expect(counts.map(Number)).toEqual(LEVELS.map((l) => model.levelCounts[l]));
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(8);

  // The 12 indicators, each value with a unit (or %), and a week-on-week note.
  const tiles = page.locator('.indicator-tile');
  await expect(tiles).toHaveCount(12);
  for (const text of await tiles.locator('.indicator-value').allTextContents()) expect(text).toMatch(/\d( ?[个件起]|%)/);

  // Every panel says when its data is from.
  const panels = page.locator('[data-testid="page"] .panel');
  const n = await panels.count();
  expect(n).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < n; i++) await expect(panels.nth(i).locator('.panel-head .as-of')).toHaveText(/\d{2}:\d{2}/);

  // Warnings carry status words; open ones come first.
  const statuses = await page.locator('.warning-list li:visible .status-tag').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const s of statuses) expect(['待整改', '整改中', '已销号']).toContain(s);
  const firstClosed = statuses.indexOf('已销号');
  if (firstClosed >= 0) expect(statuses.slice(firstClosed).every((s) => s === '已销号')).toBe(true);
});

test('the five-colour map colours all 8 towns by level, labels its provenance, and opens a town on click', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'overview');
  const model = await stack().cockpit.query('overview', {});
  const map = page.locator('[data-panel="map"] .risk-map');
  await expect(map).toHaveAttribute('data-coloured-towns', '8');
  await expect(map.locator('[data-testid="map-kind"]')).toHaveText(/示意图/);
  await expect(map.locator('.level-legend li')).toHaveText(['红 高风险', '橙 较高风险', '黄 中风险', '蓝 较低风险', '绿 低风险']);
  // The page's CSS colours come from the same palette the charts use (one source of truth).
  const cssLevels = await page.evaluate((levels) => {
    const style = getComputedStyle(document.documentElement);
    return Object.fromEntries(levels.map((l) => [l, style.getPropertyValue(`--level-${l}`).trim()]));
  }, [...LEVELS]);
  expect(cssLevels).toEqual(LEVEL_COLORS);

  // The canvas really is painted in the level colours: every level with towns shows, no other does.
  let scan: ColourScan = { counts: {}, points: {} };
  await expect
    .poll(async () => {
      scan = await scanLevelColours(page, '[data-panel="map"] .risk-map');
      return LEVELS.filter((l) => (scan.counts[l] ?? 0) > 2000);
    })
    .toEqual(LEVELS.filter((l) => model.levelCounts[l] > 0));
  for (const l of LEVELS) if (model.levelCounts[l] === 0) expect(scan.counts[l] ?? 0).toBeLessThan(200);

  // Click inside a town of a level only one town has (else any town: its level must match).
  const unique = LEVELS.find((l) => model.levelCounts[l] === 1);
  const level: Level = unique ?? LEVELS.find((l) => model.levelCounts[l] > 0)!;
  const point = scan.points[level]!;
  expect(point, `an interior point of ${level}`).not.toBeNull();
  await page.mouse.click(point.x, point.y);
  const detail = page.locator('.town-detail');
  await expect(detail).toBeVisible();
  await expect(detail.locator('.town-detail-head > .level-badge')).toHaveAttribute('data-level', level);
  if (unique) {
    const town = model.towns.find((t) => t.level === unique)!;
    await expect(detail.locator('h2')).toHaveText(town.name);
  }
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('the 3D map draws on the dark wall (no white backdrop) and a click on a town opens it', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'overview');
  const model = await stack().cockpit.query('overview', {});
  await page.locator('[data-panel="map"] .view-toggle button[data-view="3d"]').click();
  const iframe = page.locator('[data-panel="map"] .map-3d iframe');
  await expect(iframe).toHaveAttribute('data-status', 'rendered', { timeout: 60_000 });
  await page.waitForTimeout(1500); // let the lit frame settle
  await page.screenshot({ path: 'test-results/screens/pages-map-3d-1920x1080.png' });

  // The frame's empty corner shows the panel through it: dark, like the panel just outside.
  const box = (await iframe.boundingBox())!;
  const shot = await iframe.screenshot();
  const scan = await scanShot(page, shot, { origin: box, probe: { x: 4, y: 4 } });
  const corner = scan.probe!;
  expect(Math.max(...corner), `corner pixel rgb(${corner})`).toBeLessThan(80);

  // Click the town of a level only one town has (else any town: its level must match).
  const unique = LEVELS.find((l) => model.levelCounts[l] === 1);
  const level: Level = unique ?? LEVELS.find((l) => model.levelCounts[l] > 0)!;
  const point = scan.points[level];
  expect(point, `an interior point of ${level} in the 3D view`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  const detail = page.locator('.town-detail');
  await expect(detail).toBeVisible();
  await expect(detail.locator('.town-detail-head > .level-badge')).toHaveAttribute('data-level', level);
  if (unique) await expect(detail.locator('h2')).toHaveText(model.towns.find((t) => t.level === unique)!.name);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('risk page: town × indicator table by level, why this colour, and looking back a week', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'risk');
  const model = await stack().cockpit.query('risk', {});
  const meta = await stack().cockpit.query('meta', {});

  const table = page.locator('.town-table');
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(table.locator('thead th[data-town]')).toHaveCount(8);
  // Each cell coloured by that town's level for that indicator, as the core computed it.
  const town = model.towns[0];
  const col = (await table.locator('thead th[data-town]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-town')))).indexOf(town.code);
  const row = table.locator('tbody tr[data-indicator="telecomFraud"] td').nth(col);
  await expect(row).toHaveAttribute('data-level', town.indicatorLevels.telecomFraud);
  await expect(row).toHaveText(String(town.indicators.telecomFraud));

  // The small multiples: 总图 + 5 dimensions + 12 indicators in one chart.
  await expect(page.locator('[data-panel="multi"] canvas').first()).toBeVisible();
  // Why this colour: the riskiest town (nothing picked), with contributors against baseline.
  const why = page.locator('[data-panel="why"] .explanation');
  await expect(why.locator('.contributors li').first()).toContainText('对比基线');
  // Trend and predictive warnings panels are there, with data or a plain sentence.
  await expect(page.locator('[data-panel="trend"] canvas').first()).toBeVisible();
  await expect(page.locator('[data-panel="pred"] .panel-body')).not.toBeEmpty();

  // Look back one week: the picker, the header and the table follow.
  const weeks = meta.weeks;
  const previous = weeks[weeks.length - 2];
  await page.locator('.week-picker button[aria-label="上一周"]').click();
  await expect(page.locator('.week-picker')).toHaveAttribute('data-week', previous);
  await expect(page.locator('[data-testid="lookback"]')).toContainText(previous);
  const past = await stack().cockpit.query('risk', { week: previous });
  const pastTown = past.towns.find((t) => t.code === town.code)!;
  await expect(table.locator('tbody tr[data-indicator="telecomFraud"] td').nth(col)).toHaveText(String(pastTown.indicators.telecomFraud));
  await page.locator('.week-picker button', { hasText: '回到最新' }).click();
  await expect(page.locator('.week-picker')).toHaveAttribute('data-week', weeks[weeks.length - 1]);
  await expect(page.locator('[data-testid="lookback"]')).toHaveCount(0);
});

test('risk page: clicking a town\'s trend line opens that town', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'risk');
  const model = await stack().cockpit.query('risk', {});
  // With nothing picked the chart draws the riskiest town's line bold and opaque, the rest faint.
  const worst = [...model.towns].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.score - a.score)[0];
  const chart = page.locator('[data-panel="trend"] [data-chart="trend"]');
  await expect(chart.locator('canvas').first()).toBeVisible();
  await page.waitForTimeout(1000); // the line animation settles
  // A pixel of the bold line: the commonest vivid colour in the plot (below the legend), which
  // the faint (35 %) lines, grey-blue text and dark grid lines are not.
  const point = await chart.evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const { width, height } = canvas;
    const px = ctx.getImageData(0, 0, width, height).data;
    const scale = width / canvas.getBoundingClientRect().width;
    const top = Math.round(110 * scale); // below the two legend rows
    const counts = new Map<number, Array<[number, number]>>();
    for (let y = top; y < height - 40 * scale; y++) {
      for (let x = Math.round(60 * scale); x < width - 30 * scale; x++) {
        const i = (y * width + x) * 4;
        const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
        if (Math.max(r, g, b) < 150 || Math.max(r, g, b) - Math.min(r, g, b) < 55) continue;
        const key = (r << 16) | (g << 8) | b;
        (counts.get(key) ?? counts.set(key, []).get(key)!).push([x, y]);
      }
    }
    const best = [...counts.values()].sort((a, b) => b.length - a.length)[0];
    if (!best || best.length < 50) return null;
    // Its highest point (the riskiest week of the riskiest town), clear of the other lines'
    // tangle where a click could land on a neighbour; a few px inside the stroke.
    const [x, y] = best.reduce((top, p) => (p[1] < top[1] ? p : top));
    const [cx, cy] = [x, y + Math.round(2 * scale)];
    const rect = canvas.getBoundingClientRect();
    return { x: rect.left + cx / scale, y: rect.top + cy / scale };
  });
  expect(point, 'a pixel of the bold trend line').not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  const detail = page.locator('.town-detail');
  await expect(detail).toBeVisible();
  await expect(detail.locator('h2')).toHaveText(worst.name);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('the 星桥 orange warning reads as a story in the town detail', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'risk');
  await page.locator(`.town-table thead th[data-town="${XINGQIAO}"]`).click();
  const detail = page.locator('.town-detail');
  await expect(detail.locator('h2')).toHaveText('星桥街道');
  const story = detail.locator('.warning-story').first();
  await expect(story.locator('.level-badge').first()).toHaveAttribute('data-level', 'orange');
  await expect(story).toContainText('原因分析');
  await expect(story).toContainText('工业园区');
  await expect(story).toContainText('整改方向');
  await expect(story).toContainText('处置经过');
  const steps = await story.locator('.story-history .status-tag').allTextContents();
  expect(steps[0]).toBe('待整改');
  expect(steps.at(-1)).toBe('已销号');
  // …and what came of it: the level now against the level when warned.
  await expect(story.locator('[data-outcome]')).toContainText('风险等级已降低');
  // The rest of the detail: dimensions, indicators against baseline, trend, recent events.
  for (const area of ['dims', 'inds', 'why', 'trend']) await expect(detail.locator(`[data-panel="${area}"]`)).toBeVisible();
  await expect(detail.locator('[data-panel="dims"] canvas').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/pages-town-xingqiao-1920x1080.png' });
  await detail.locator('button.close').click();
  await expect(detail).toHaveCount(0);
});

test('events page: flow, live feed, timeliness with units, overdue and ranking', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'events');
  const model = await stack().cockpit.query('events', {});
  await expect(kpi(page, 'accepted')).toHaveText(/^15,29\d$/);
  await expect(kpi(page, 'dispatchedPersonnel')).toHaveText('871');
  for (const area of ['flow', 'types', 'towns']) await expect(page.locator(`[data-panel="${area}"] canvas`).first()).toBeVisible();
  // Live feed: type, town · community, title.
  const first = page.locator('.event-feed li').first();
  await expect(first.locator('.feed-where')).toContainText(` · ${model.latest[0].community}`);
  // Time to accept in minutes, to close in hours.
  await expect(page.locator('[data-times="accept"] td').first()).toHaveText(/\d+ 分钟|\d+(\.\d)? 小时/);
  await expect(page.locator('[data-times="close"] td').first()).toHaveText(/小时|分钟/);
  await expect(page.locator('.overdue-row b')).toHaveText([fmt(model.overdue.accept), fmt(model.overdue.handle), fmt(model.overdue.openPastLimit)]);
  // Ranking: best first.
  const scores = (await page.locator('.rank-table tbody tr:visible .score').allTextContents()).map((s) => parseFloat(s));
  expect(scores.length).toBeGreaterThanOrEqual(5);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
});

test('consultation page: followers, sessions, success and disputes resolved at source by level', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'consultation');
  const model = await stack().cockpit.query('consultation', {});
  await expect(kpi(page, 'followers')).toHaveText(fmt(model.kpis.followers));
  await expect(kpi(page, 'held')).toHaveText(fmt(model.kpis.held));
  await expect(kpi(page, 'successRate')).toHaveText(`${model.kpis.successRatePct}%`);
  await expect(page.locator('[data-panel="followers"] canvas').first()).toBeVisible();
  await expect(page.locator('[data-panel="recent"] .session-list li').first()).toContainText(model.recent[0].topic);
  await expect(page.locator('.level-bars li span')).toHaveText(['社区（村）', '镇街矛调中心', '区矛调中心']);
  await expect(kpi(page, 'disputesReceived')).toHaveText(fmt(model.disputes.received));
});

test('a hostile warning title shows as text in the warnings panel and the map tooltip', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)>';
  const now = new Date().toISOString();
  const meta = await stack().cockpit.query('meta', {});
  // One open warning per town, so whichever town the pointer lands on carries it.
  for (const t of meta.towns) {
    const w: Warning = {
      id: `e2e-hostile-${t.code}`,
      townCode: t.code,
      level: 'yellow',
      kind: 'assessed',
      dimension: 'publicOrder',
      title: `${hostile}预警`,
      issuedAt: now,
      causeAnalysis: hostile,
      rectification: hostile,
      communities: [],
      status: 'open',
      history: [{ status: 'open', at: now, note: hostile }],
      updatedAt: now,
    };
    stack().sim.inject('warnings', w);
  }
  await openWall(page, stack().url);
  await show(page, 'overview');
  await expect(page.locator('.warning-list li').first()).toContainText(`${hostile}预警`, { timeout: 15_000 });

  const tip = page.locator('[data-panel="map"] .tt');
  // Live data redraws the map every few seconds (and hides the tooltip): hover until it shows.
  await expect(async () => {
    const scan = await scanLevelColours(page, '[data-panel="map"] .risk-map');
    const point = Object.values(scan.points).find((p) => p)!;
    await page.mouse.move(point.x - 40, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await expect(tip).toContainText(`${hostile}预警`, { timeout: 1500 });
  }).toPass({ timeout: 30_000 });
  expect(await tip.innerHTML()).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  await page.screenshot({ path: 'test-results/screens/pages-map-tooltip-1920x1080.png' });
  expect(dialogs).toEqual([]);
});

for (const size of WALL_SIZES) {
  test(`town detail fits the ${size.name} wall without scroll bars`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openWall(page, stack().url);
    await show(page, 'risk');
    await page.locator(`.town-table thead th[data-town="${XINGQIAO}"]`).click();
    const detail = page.locator('.town-detail');
    await expect(detail.locator('.warning-story').first()).toBeVisible();
    await page.waitForTimeout(800);
    const overflow = await detail.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('*')].filter((e) => /(auto|scroll)/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1).length,
    );
    expect(overflow).toBe(0);
    await page.screenshot({ path: `test-results/screens/pages-town-${size.name}.png` });
  });
}

test('switching pages again and again leaves no charts or canvases behind', async ({ page }) => {
  await openWall(page, stack().url);
  const ids: PageId[] = ['overview', 'risk', 'events', 'consultation'];
  const census = () =>
    page.evaluate(() => ({
      canvases: document.querySelectorAll('canvas').length,
      charts: document.querySelectorAll('[_echarts_instance_]').length,
      nodes: document.getElementsByTagName('*').length,
    }));
  const settle = async (id: PageId) => {
    await show(page, id);
    await expect(page.locator('[data-testid="page"] .as-of').first()).toHaveText(/\d{2}:\d{2}/);
    await page.waitForTimeout(300);
  };
  const first: Record<string, { canvases: number; charts: number; nodes: number }> = {};
  for (const id of ids) {
    await settle(id);
    first[id] = await census();
  }
  for (let round = 0; round < 10; round++) for (const id of ids) await show(page, id);
  for (const id of ids) {
    await settle(id);
    const now = await census();
    // every chart on screen has exactly one instance and one canvas (plus ECharts' hover layer)
    expect(now.charts, id).toBe(first[id].charts);
    expect(now.canvases, id).toBe(first[id].canvases);
    expect(now.nodes, id).toBeLessThan(first[id].nodes * 1.2 + 50);
  }
});

test('with the core unreachable a screen without data says what is missing and since when, then recovers', async ({ page }) => {
  await openWall(page, stack().url);
  await show(page, 'events');
  const feed = page.locator('[data-panel="feed"] li[data-event]');
  const detail = page.locator('.town-detail');
  // Open one town while the core answers (the detail's code is then loaded), and close it.
  await feed.first().click();
  await expect(detail.locator('.town-detail-grid')).toBeVisible();
  await page.keyboard.press('Escape');
  const firstTown = await feed.first().locator('.feed-where').textContent();
  await stack().stopHub();
  try {
    // Another town, never asked for: nothing to fall back on, so it must say so plainly.
    const other = feed.filter({ hasNotText: firstTown!.split(' · ')[0] }).first();
    await other.click();
    const error = detail.locator('.state-error');
    await expect(error).toContainText('无法获取镇街详情');
    await expect(error).toContainText(/自 \d{2}:\d{2} 起/);
    // The page behind it keeps its last good data.
    await expect(kpi(page, 'accepted')).toHaveText(/^15,29\d$/);
  } finally {
    await stack().startHub();
  }
  await expect(detail.locator('.town-detail-grid')).toBeVisible({ timeout: 30_000 });
  await expect(detail.locator('.state-error')).toHaveCount(0);
});

test('on a 4K wall the 3D map draws at the wall scale, so it is as sharp as the 2D map', async ({ page }) => {
  await page.setViewportSize({ width: 3840, height: 2160 });
  await openWall(page, stack().url);
  await show(page, 'overview');
  await page.locator('[data-panel="map"] .view-toggle button[data-view="3d"]').click();
  const iframe = page.locator('[data-panel="map"] .map-3d iframe');
  await expect(iframe).toHaveAttribute('data-status', 'rendered', { timeout: 60_000 });
  const frame = (await iframe.elementHandle())!;
  const content = (await frame.contentFrame())!;
  // The frame lays out in design px and the wall scales it ×2; its canvas must hold 2 device
  // pixels per CSS pixel, not 1 stretched over 2.
  const ratio = await content.evaluate(() => {
    const c = document.querySelector('canvas')!;
    return c.width / c.getBoundingClientRect().width;
  });
  expect(ratio).toBeCloseTo(2, 1);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/screens/pages-map-3d-3840x2160.png' });
});
