/**
 * Levels readable without colour (issue 13): the five-colour map, with all five levels on it,
 * rendered in Chromium through the hub and seen through simulated deuteranopia, protanopia and
 * tritanopia (Machado et al. 2009 matrices, severity 1, as an SVG feColorMatrix filter over the
 * wall). In each, every pair of level areas must still differ by the pattern each level carries
 * alone (how much of the area it covers, and which way it runs), whatever the colours do; the
 * colour difference (ΔE) of each pair is printed beside it.
 */
import { expect, test, type Page } from '@playwright/test';
import { LEVELS, type Level, type RiskPeriod } from '../src/shared/contract';
import { LEVEL_COLORS } from '../src/renderer/palette/levelColors';
import { useStack } from './fixtures/stack';
import { openWall } from './fixtures/wall';

const stack = useStack({ intervalSec: 2, config: { walls: { contrast: { highContrast: true } } } });

/** Linear-RGB matrices (SVG filters work in linearRGB by default, as these expect). */
const CVD: Record<string, number[]> = {
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

/** Gives the newest risk week's eight towns the five levels between them (a revision of each period). */
async function paintFiveLevels(): Promise<void> {
  const periods: RiskPeriod[] = [];
  for (let cursor = '0', more = true; more; ) {
    const res = await fetch(`${stack().sim.url}/v1/risk/periods?cursor=${cursor}&limit=1000`);
    const page = (await res.json()) as { items: RiskPeriod[]; cursor: string; hasMore: boolean };
    periods.push(...page.items);
    cursor = page.cursor;
    more = page.hasMore;
  }
  const latest = periods.reduce((w, p) => (p.weekStart > w ? p.weekStart : w), '');
  const week = periods.filter((p) => p.weekStart === latest).sort((a, b) => a.townCode.localeCompare(b.townCode));
  const plan: Level[] = ['red', 'orange', 'yellow', 'blue', 'green', 'yellow', 'blue', 'green'];
  week.forEach((p, i) => stack().sim.inject('riskPeriods', { ...p, level: plan[i % plan.length], updatedAt: new Date().toISOString() }));
}

/** Installs the filter and applies it (or none) to the whole wall. */
async function seeAs(page: Page, name: string | null): Promise<void> {
  await page.evaluate(
    ({ name, matrices }) => {
      if (!document.getElementById('cvd-filters')) {
        const ns = 'http://www.w3.org/2000/svg';
        const svg = document.createElementNS(ns, 'svg');
        svg.id = 'cvd-filters';
        svg.setAttribute('width', '0');
        svg.setAttribute('height', '0');
        svg.style.position = 'absolute';
        for (const [id, m] of Object.entries(matrices)) {
          const f = document.createElementNS(ns, 'filter');
          f.id = `cvd-${id}`;
          const cm = document.createElementNS(ns, 'feColorMatrix');
          cm.setAttribute('type', 'matrix');
          cm.setAttribute('values', `${m.slice(0, 3).join(' ')} 0 0 ${m.slice(3, 6).join(' ')} 0 0 ${m.slice(6, 9).join(' ')} 0 0 0 0 0 1 0`);
          f.appendChild(cm);
          svg.appendChild(f);
        }
        document.body.appendChild(svg);
      }
      (document.querySelector('.viewport') as HTMLElement).style.filter = name ? `url(#cvd-${name})` : '';
    },
    { name, matrices: CVD },
  );
  await page.waitForTimeout(300);
}

interface AreaLook {
  /** Mean colour of the window, CIE L*a*b*. */
  lab: [number, number, number];
  /** Share of the window darker than its base colour: the pattern's coverage. */
  coverage: number;
  /** Of the pattern's edges, the share met going across (left↔right) rather than down: 0.5 for dots and diagonals, 0 or 1 for lines. */
  across: number;
}

/**
 * For each level, a 24×24 window inside its area on the unfiltered map (the window with most
 * pixels of the level's own colour), then how that window looks in each screenshot.
 */
function looks(page: Page, shots: Record<string, Buffer>, colours: Record<Level, string>) {
  return page.evaluate(
    async ({ shots, colours }) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return { w: c.width, h: c.height, px: ctx.getImageData(0, 0, c.width, c.height).data };
      };
      const toLab = (r: number, g: number, b: number): [number, number, number] => {
        const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        const [R, G, B] = [lin(r), lin(g), lin(b)];
        const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
        const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
        const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
        const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
        return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
      };
      const plain = await decode(shots.normal);
      const S = 24;
      const windows: Record<string, { x: number; y: number; share: number } | null> = {};
      for (const [level, hex] of Object.entries(colours)) {
        const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const near = (i: number) => Math.abs(plain.px[i] - rgb[0]) + Math.abs(plain.px[i + 1] - rgb[1]) + Math.abs(plain.px[i + 2] - rgb[2]) < 50;
        let best: { x: number; y: number; share: number } | null = null;
        for (let y = 0; y + S < plain.h; y += 6) {
          for (let x = 0; x + S < plain.w; x += 6) {
            let n = 0;
            for (let dy = 0; dy < S; dy += 2) for (let dx = 0; dx < S; dx += 2) if (near(((y + dy) * plain.w + x + dx) * 4)) n++;
            const share = n / ((S / 2) * (S / 2));
            if (!best || share > best.share) best = { x, y, share };
          }
        }
        windows[level] = best && best.share > 0.4 ? best : null;
      }
      const out: Record<string, Record<string, AreaLookIn | null>> = {};
      type AreaLookIn = { lab: [number, number, number]; coverage: number; across: number };
      for (const [name, b64] of Object.entries(shots)) {
        const shot = await decode(b64);
        out[name] = {};
        for (const [level, win] of Object.entries(windows)) {
          if (!win) {
            out[name][level] = null;
            continue;
          }
          const lum: number[] = [];
          let r = 0, g = 0, b = 0;
          for (let dy = 0; dy < S; dy++) {
            for (let dx = 0; dx < S; dx++) {
              const i = ((win.y + dy) * shot.w + win.x + dx) * 4;
              r += shot.px[i]; g += shot.px[i + 1]; b += shot.px[i + 2];
              lum.push(0.2126 * shot.px[i] + 0.7152 * shot.px[i + 1] + 0.0722 * shot.px[i + 2]);
            }
          }
          const n = S * S;
          const top = [...lum].sort((p, q) => q - p)[Math.floor(n * 0.1)];
          const dark = lum.map((l) => l < top - 18);
          let across = 0, down = 0;
          for (let dy = 0; dy < S; dy++) for (let dx = 0; dx < S; dx++) {
            if (dx + 1 < S && dark[dy * S + dx] !== dark[dy * S + dx + 1]) across++;
            if (dy + 1 < S && dark[dy * S + dx] !== dark[(dy + 1) * S + dx]) down++;
          }
          out[name][level] = {
            lab: toLab(r / n, g / n, b / n),
            coverage: dark.filter(Boolean).length / n,
            across: across + down ? across / (across + down) : 0.5,
          };
        }
      }
      return { windows, out };
    },
    { shots: Object.fromEntries(Object.entries(shots).map(([k, v]) => [k, v.toString('base64')])), colours },
  ) as Promise<{ windows: Record<string, { x: number; y: number; share: number } | null>; out: Record<string, Record<string, AreaLook | null>> }>;
}

const deltaE = (a: AreaLook['lab'], b: AreaLook['lab']) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

test('the five-colour map stays readable under simulated deuteranopia, protanopia and tritanopia', async ({ page }) => {
  test.setTimeout(120_000);
  await paintFiveLevels();
  await expect
    .poll(async () => new Set((await stack().cockpit.query('risk', {})).towns.map((t) => t.level)).size, { timeout: 20_000 })
    .toBe(5);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openWall(page, stack().url);
  // The overview's five-colour map; Space holds the rotation there.
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid="wall"]')).toHaveAttribute('data-page', 'overview');
  const map = page.locator('.risk-map canvas').first();
  await expect(map).toBeVisible();
  await page.waitForTimeout(1500);
  const box = page.locator('.risk-map').first();
  const shots: Record<string, Buffer> = {};
  await seeAs(page, null);
  shots.normal = await box.screenshot({ path: 'test-results/cvd-map-normal.png' });
  await page.screenshot({ path: 'test-results/cvd-page-normal-1920x1080.png' });
  for (const name of Object.keys(CVD)) {
    await seeAs(page, name);
    shots[name] = await box.screenshot({ path: `test-results/cvd-map-${name}.png` });
    if (name === 'deuteranopia') await page.screenshot({ path: 'test-results/cvd-page-deuteranopia-1920x1080.png' });
  }
  await seeAs(page, null);

  const { windows, out } = await looks(page, shots, LEVEL_COLORS);
  for (const level of LEVELS) expect(windows[level], `an area of ${level} on the map`).not.toBeNull();
  const failures: string[] = [];
  for (const vision of Object.keys(shots)) {
    const lines: string[] = [];
    for (let i = 0; i < LEVELS.length; i++) {
      for (let j = i + 1; j < LEVELS.length; j++) {
        const a = out[vision][LEVELS[i]]!;
        const b = out[vision][LEVELS[j]]!;
        const dE = deltaE(a.lab, b.lab);
        const dCover = Math.abs(a.coverage - b.coverage);
        const dAcross = Math.abs(a.across - b.across);
        // By pattern alone, whatever the colours do: that is what "readable without colour" means.
        const ok = dCover >= 0.06 || dAcross >= 0.15;
        lines.push(`${LEVELS[i]}/${LEVELS[j]} ΔE ${dE.toFixed(1)} cover Δ${dCover.toFixed(2)} across Δ${dAcross.toFixed(2)}${ok ? '' : ' ✗'}`);
        if (!ok) failures.push(`${vision}: ${LEVELS[i]} and ${LEVELS[j]} look alike`);
      }
    }
    const pattern = LEVELS.map((l) => `${l} cover ${out[vision][l]!.coverage.toFixed(2)} across ${out[vision][l]!.across.toFixed(2)}`).join('; ');
    console.log(`${vision}: ${pattern}\n  ${lines.join('\n  ')}`);
  }
  expect(failures).toEqual([]);

  // The same at a 32:9 wall's size.
  await page.setViewportSize({ width: 7680, height: 2160 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'test-results/cvd-page-normal-7680x2160.png' });
  await seeAs(page, 'deuteranopia');
  await page.screenshot({ path: 'test-results/cvd-page-deuteranopia-7680x2160.png' });
});

test('a high-contrast profile outlines what is coloured by level and keeps the patterns', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${stack().url}/?wall=contrast`);
  const wall = page.locator('[data-testid="wall"]');
  await expect(wall).toHaveAttribute('data-wall', 'contrast');
  await expect(wall).toHaveClass(/wall--contrast/);
  await expect(wall).toHaveClass(/wall--patterns/);
  const outline = await page.locator('.level-count').first().evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'test-results/cvd-contrast-1920x1080.png' });
});
