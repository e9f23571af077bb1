import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeBriefPack } from '../src/core/brief/pack';
import { closePackBrowser } from '../src/core/brief/render';
import { useStack } from './fixtures/stack';

// The briefing pack (issue 12 §3) from the simulator's cache, printed by this machine's Chromium.
const stack = useStack({ builtIn: true, config: { playlist: { intervalSec: 600 } } });

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });
const pngSize = (path: string): [number, number] => {
  const b = readFileSync(path);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

test.afterAll(closePackBrowser);

test('a five-page pack: cover and four pages at a past week, text extractable, fonts embedded, PNGs at wall size, the same hash twice', async () => {
  test.setTimeout(120_000);
  const s = stack();
  // One cache for both runs: the source goes away, so nothing is synced between them.
  await s.stopSim();
  await new Promise((r) => setTimeout(r, 1500));
  const weeks = [...(await s.cockpit.query('meta', {})).weeks].sort();
  // A finished week whose map was published.
  const week = weeks.at(-3)!;
  const dirs = [mkdtempSync(join(tmpdir(), 'brief-a-')), mkdtempSync(join(tmpdir(), 'brief-b-'))];
  try {
    const packs = [];
    for (const dir of dirs) {
      packs.push(
        await makeBriefPack({ hubUrl: s.url, ask: (name, params) => Promise.resolve(s.cockpit.query(name, params)), week, pages: ['overview', 'risk', 'events', 'consultation'], out: join(dir, 'brief.pdf') }),
      );
    }
    const [a, b] = packs;
    console.log(`pack of ${a.pageCount} pages in ${Math.round(a.ms)} ms (${JSON.stringify(a.phases, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}), then ${Math.round(b.ms)} ms; figures ${a.model.figuresSha256.slice(0, 8)}`);
    expect(a.model.asOf).not.toBeNull();
    expect(a.pageCount).toBe(5);
    expect(run('pdfinfo', [a.pdf])).toMatch(/^Pages:\s+5$/m);
    // Integrity: same cache, same figures, same hash; the first 8 characters on every page.
    expect(b.model.figures).toEqual(a.model.figures);
    expect(b.model.figuresSha256).toBe(a.model.figuresSha256);
    expect(a.model.figures.length).toBeGreaterThan(5);
    const text = run('pdftotext', ['-layout', a.pdf, '-']);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(5);
    for (const p of pages) expect(p).toContain(a.model.figuresSha256.slice(0, 8));
    // The as-of on the cover and on each page, and the headline figures as text.
    expect(pages[0]).toContain(a.model.asOf!);
    for (const p of pages.slice(1)) expect(p).toContain(`截至 ${a.model.asOfText}`);
    expect(pages[0]).toContain('临平');
    const headline = a.model.brief[0];
    expect(headline.figures.length).toBeGreaterThan(0);
    for (const f of headline.figures) expect(pages[0]).toContain(String(f.value));
    // The map's provenance is stamped (the simulated district's map is the schematic).
    expect(pages[2]).toContain('示意图');
    // Every font embedded (Chinese included).
    const fonts = run('pdffonts', [a.pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    expect(fonts.some((l) => /Noto/i.test(l))).toBe(true);
    // PNGs of each page at a wall's size (3840×2160).
    expect(a.pngs).toHaveLength(4);
    for (const png of a.pngs) expect(pngSize(png)).toEqual([3840, 2160]);
    copyFileSync(a.pngs[1], join('test-results', 'brief-risk-3840x2160.png'));
    run('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '3', a.pdf, join('test-results', 'brief-page')]);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});
