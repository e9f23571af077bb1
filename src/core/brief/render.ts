/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Draws a briefing pack with the machine's Chromium (playwright-core, the browser the tests use;
 * no internet, no cloud renderer): one document on the hub's own origin — the cover, then each
 * chosen page as the wall renders it (`/?print=<page>&asOf=<date>`, in a same-origin frame at
 * the wall's design size), each stamped with its as-of, the sources' freshness, the map's
 * provenance and the first 8 characters of the figures' SHA-256 — printed once to PDF (text
 * stays text, fonts embedded), plus a PNG of each page at wall size and the pack's record as JSON.
 *
 * Everything from data reaches the page as textContent (never parsed as HTML).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, basename, extname } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Locale } from '../../shared/i18n';
import type { PackModel } from './packModel';
import { fill, PACK_TEXT, type PackText } from './messages';

/** The wall's design canvas; PNGs are this times `scale` (2 → 3840×2160). */
export const DESIGN = { width: 1920, height: 1080 } as const;
const STAMP_PX = 60;

export interface RenderOptions {
  /** The hub serving the same cache (its URL without a trailing slash). */
  hubUrl: string;
  model: PackModel;
  /** The PDF's path; PNGs and the record go beside it (brief-risk.png, brief.json). */
  out: string;
  locale?: Locale;
  /** PNG scale over 1920×1080: 2 → 3840×2160 (a wall's size). */
  scale?: number;
  chromiumPath?: string;
  /** Wall profile whose pages are printed. */
  wall?: string;
  /** Sent with every request (the hub's bearer token beyond loopback). */
  headers?: Record<string, string>;
}

export interface RenderedPack {
  pdf: string;
  pngs: string[];
  record: string;
  /** PDF pages: the cover and one per wall page. */
  pageCount: number;
  /** Milliseconds per step: the document and its frames drawn, the PNGs, the PDF. */
  phases: { draw: number; pngs: number; pdf: number };
}

/** Lines of the stamp and the cover, built in Node (so the Electron side can reuse them). */
export function packTexts(model: PackModel, locale: Locale): { text: PackText; sources: string; map: string; stamps: Record<string, string> } {
  const text = PACK_TEXT[locale];
  const sources = model.sources.length
    ? model.sources.map((s) => `${s.id} ${text.sourceState[s.state] ?? s.state}${s.asOfLocal ? ` ${s.asOfLocal}` : ''}`).join('；')
    : text.none;
  const map = `${locale === 'en' ? model.map.labelEn : model.map.labelZh} (${text.mapKind[model.map.kind]})`;
  const stamps: Record<string, string> = {};
  for (const page of ['cover', ...model.pages]) {
    stamps[page] = fill(text.stamp, { asOf: model.asOfText, sources, map, hash: model.figuresSha256.slice(0, 8), page: page === 'cover' ? text.cover : text.pages[page as keyof PackText['pages']] });
  }
  return { text, sources, map, stamps };
}

/** The page function that builds the pack document (runs in Chromium; data only via textContent). */
export interface PackDom {
  lang: Locale;
  stampPx: number;
  design: { width: number; height: number };
  cover: { title: string; rows: Array<[string, string]>; briefTitle: string; brief: string[]; stamp: string };
  pages: Array<{ id: string; src: string; stamp: string }>;
}

export function buildPackDocument(dom: PackDom): void {
  const doc = document;
  doc.documentElement.lang = dom.lang;
  const pageH = dom.design.height + dom.stampPx;
  const style = doc.createElement('style');
  style.textContent = `@page { size: ${dom.design.width}px ${pageH}px; margin: 0 } html, body, #root { margin: 0; padding: 0; background: #07111f; height: auto !important; overflow: visible !important; position: static !important; }
    .sheet { width: ${dom.design.width}px; height: ${pageH}px; position: relative; overflow: hidden; break-after: page; font-family: "Noto Sans SC", sans-serif; color: #e8eef9; background: #07111f; }
    .sheet:last-child { break-after: auto; }
    .frame { width: ${dom.design.width}px; height: ${dom.design.height}px; border: 0; display: block; }
    .stamp { position: absolute; left: 0; right: 0; bottom: 0; height: ${dom.stampPx}px; box-sizing: border-box; padding: 0 32px; display: flex; align-items: center; font-size: 22px; color: #c9d5ea; background: #0c1a30; border-top: 2px solid #29406a; white-space: nowrap; overflow: hidden; }
    .cover { padding: 64px 96px; box-sizing: border-box; height: ${dom.design.height}px; }
    .cover h1 { font-size: 64px; margin: 0 0 32px; }
    .cover table { font-size: 28px; border-collapse: collapse; margin-bottom: 28px; }
    .cover td { padding: 6px 28px 6px 0; vertical-align: top; }
    .cover td:first-child { color: #9fb0cc; white-space: nowrap; }
    .cover h2 { font-size: 34px; margin: 0 0 14px; }
    .cover ol { font-size: 24px; line-height: 1.45; margin: 0; padding-left: 36px; columns: 2; column-gap: 64px; }`;
  doc.head.appendChild(style);
  const root = doc.getElementById('root') ?? doc.body;
  root.replaceChildren();
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string | null, text?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const cover = el('section', 'sheet');
  cover.dataset.sheet = 'cover';
  const inner = el('div', 'cover');
  inner.appendChild(el('h1', null, dom.cover.title));
  const table = el('table', null);
  for (const [k, v] of dom.cover.rows) {
    const tr = el('tr', null);
    tr.appendChild(el('td', null, k));
    tr.appendChild(el('td', null, v));
    table.appendChild(tr);
  }
  inner.appendChild(table);
  inner.appendChild(el('h2', null, dom.cover.briefTitle));
  const ol = el('ol', null);
  for (const line of dom.cover.brief) ol.appendChild(el('li', null, line));
  inner.appendChild(ol);
  cover.appendChild(inner);
  cover.appendChild(el('div', 'stamp', dom.cover.stamp));
  root.appendChild(cover);
  for (const p of dom.pages) {
    const sheet = el('section', 'sheet');
    sheet.dataset.sheet = p.id;
    const frame = el('iframe', 'frame');
    frame.src = p.src;
    frame.dataset.page = p.id;
    sheet.appendChild(frame);
    sheet.appendChild(el('div', 'stamp', p.stamp));
    root.appendChild(sheet);
  }
}

/** Defines esbuild's `__name` helper in a page, for functions this module passes to it. */
export const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f)';

let shared: Promise<Browser> | null = null;
/** One Chromium per process, started on first use (a pack from the presenter should not wait for a launch twice). */
function browserFor(path: string): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'] }).then((b) => {
    b.on('disconnected', () => {
      shared = null;
    });
    return b;
  });
  return shared;
}

export async function closePackBrowser(): Promise<void> {
  const b = shared;
  shared = null;
  await (await b?.catch(() => null))?.close();
}

export async function renderPack(opts: RenderOptions): Promise<RenderedPack> {
  const { model } = opts;
  const locale = opts.locale ?? 'zh-CN';
  const scale = opts.scale ?? 2;
  const { text, sources, map, stamps } = packTexts(model, locale);
  const asOfParam = model.asOf ? `&asOf=${encodeURIComponent(model.asOf)}` : '';
  const wallParam = opts.wall ? `&wall=${encodeURIComponent(opts.wall)}` : '';
  const dom: PackDom = {
    lang: locale,
    stampPx: STAMP_PX,
    design: DESIGN,
    cover: {
      title: `${model.title ?? model.district} · ${text.cover}`,
      rows: [
        [text.district, model.district],
        [text.week, `${model.week.start} – ${model.week.end}`],
        [text.asOf, model.asOf ? model.asOfText : `${model.asOfText} ${text.live}`],
        [text.sources, sources],
        [text.map, map],
        [text.cache, `${model.cacheState.sources.map((s) => `${s.id} ${s.lastSuccessAt ?? '—'}`).join('；') || text.none} · SHA-256 ${model.cacheStateSha256.slice(0, 16)}`],
        [text.figures, model.figuresSha256],
      ],
      briefTitle: text.brief,
      brief: model.brief.map((s) => s.text[locale]),
      stamp: stamps.cover,
    },
    pages: model.pages.map((id) => ({ id, src: `/?print=${id}${asOfParam}&week=${encodeURIComponent(model.week.start)}${wallParam}&lang=${locale}`, stamp: stamps[id] })),
  };

  const browser = await browserFor(opts.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  const context = await browser.newContext({ viewport: { width: DESIGN.width, height: DESIGN.height + STAMP_PX }, deviceScaleFactor: scale, locale, extraHTTPHeaders: opts.headers });
  try {
    const t0 = performance.now();
    const page = await context.newPage();
    await page.goto(`${opts.hubUrl}/?print=cover&lang=${locale}`, { waitUntil: 'load' });
    // tsx/esbuild (npm run brief) wraps named functions in a `__name` helper the page lacks.
    await page.evaluate(NAME_SHIM);
    await page.evaluate(buildPackDocument, dom);
    // Each page is done when its frame has painted with data (the wall marks that), and fonts are in.
    for (const id of model.pages) {
      const frame = page.frameLocator(`iframe[data-page="${id}"]`);
      await frame.locator('[data-testid="wall"][data-print-ready="true"]').waitFor({ timeout: 30_000 });
    }
    await page.evaluate(async () => {
      await document.fonts.ready;
      for (const f of [...document.querySelectorAll('iframe')]) await f.contentDocument?.fonts.ready;
    });

    const t1 = performance.now();
    mkdirSync(dirname(opts.out) || '.', { recursive: true });
    const base = join(dirname(opts.out), basename(opts.out, extname(opts.out)));
    const pngs: string[] = [];
    for (const id of model.pages) {
      const path = `${base}-${id}.png`;
      await page.locator(`iframe[data-page="${id}"]`).screenshot({ path });
      pngs.push(path);
    }
    const t2 = performance.now();
    await page.pdf({ path: opts.out, printBackground: true, preferCSSPageSize: true });
    const t3 = performance.now();
    const record = `${base}.json`;
    writeFileSync(
      record,
      `${JSON.stringify({ district: model.district, week: model.week, asOf: model.asOf, asOfText: model.asOfText, pages: model.pages, sources: model.sources, map: model.map, cacheState: model.cacheState, cacheStateSha256: model.cacheStateSha256, figuresSha256: model.figuresSha256, figures: model.figures, pdf: basename(opts.out), pngs: pngs.map((p) => basename(p)) }, null, 2)}\n`,
    );
    return { pdf: opts.out, pngs, record, pageCount: 1 + model.pages.length, phases: { draw: t1 - t0, pngs: t2 - t1, pdf: t3 - t2 } };
  } finally {
    await context.close();
  }
}
