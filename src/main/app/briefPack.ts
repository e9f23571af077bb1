/**
 * The briefing pack in the desktop app (issue 12 §3): the same model as the hub's
 * (src/core/brief/packModel.ts: the same queries, figures and SHA-256), drawn in hidden windows
 * with Electron's own Chromium — `printToPDF` for the PDF, `capturePage` for the PNGs — offline.
 *
 * Each wall page prints in its own hidden window at the wall's design size (the page needs the
 * preload's bridge for its data, which a sub-frame would not get), so the desktop pack is the
 * cover and one PDF per page, side by side in one folder with the PNGs and the record.
 * Written to the same contract as the hub's; it cannot be run on the development machine
 * (no Electron binary), so it is type-checked but not exercised by the tests.
 */
import { BrowserWindow } from 'electron';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../shared/i18n';
import type { PageId } from '../../shared/wall/pages';
import { buildPackModel, type Ask, type PackModel } from '../../core/brief/packModel';
import { buildPackDocument, DESIGN, NAME_SHIM, packTexts, type PackDom } from '../../core/brief/render';

export interface DesktopPackOptions {
  ask: Ask;
  week: string;
  pages: PageId[];
  /** The folder the pack goes into. */
  dir: string;
  /** app://cockpit (or the dev server's origin). */
  origin: string;
  preload: string;
  locale?: Locale;
  /** PNG scale over 1920×1080. */
  scale?: number;
  /** Told each hidden window's webContents id while it is open: main trusts their IPC like the wall's. */
  track(id: number, open: boolean): void;
}

const STAMP_PX = 60;

function hiddenWindow(preload: string, track: DesktopPackOptions['track']): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    width: DESIGN.width,
    height: DESIGN.height + STAMP_PX,
    useContentSize: true,
    webPreferences: { preload, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick', zoomFactor: 1, backgroundThrottling: false, devTools: false },
  });
  const id = win.webContents.id;
  track(id, true);
  win.on('closed', () => track(id, false));
  return win;
}

async function waitReady(win: BrowserWindow, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = (await win.webContents.executeJavaScript(`document.querySelector('[data-testid="wall"][data-print-ready="true"]') !== null`)) as boolean;
    if (ready) return;
    if (Date.now() > deadline) throw new Error('a page of the pack did not finish drawing within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function makeDesktopPack(opts: DesktopPackOptions): Promise<{ model: PackModel; files: string[] }> {
  const locale = opts.locale ?? 'zh-CN';
  const scale = opts.scale ?? 2;
  const model = await buildPackModel(opts.ask, { week: opts.week, pages: opts.pages }, Date.now());
  const { text, sources, map, stamps } = packTexts(model, locale);
  mkdirSync(opts.dir, { recursive: true });
  const files: string[] = [];
  const pdfOptions = { printBackground: true, preferCSSPageSize: true, pageSize: { width: DESIGN.width / 96, height: (DESIGN.height + STAMP_PX) / 96 }, margins: { top: 0, bottom: 0, left: 0, right: 0 } };

  // The cover: the same document builder as the hub's, without frames.
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
        [text.cache, `SHA-256 ${model.cacheStateSha256.slice(0, 16)}`],
        [text.figures, model.figuresSha256],
      ],
      briefTitle: text.brief,
      brief: model.brief.map((s) => s.text[locale]),
      stamp: stamps.cover,
    },
    pages: [],
  };
  const cover = hiddenWindow(opts.preload, opts.track);
  try {
    await cover.loadURL(`${opts.origin}/index.html?print=cover&lang=${locale}`);
    // The builder's source and the data as JSON: data reaches the page as values, never as markup.
    await cover.webContents.executeJavaScript(`${NAME_SHIM}; (${buildPackDocument.toString()})(${JSON.stringify(dom)})`);
    await cover.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
    const path = join(opts.dir, '00-cover.pdf');
    writeFileSync(path, await cover.webContents.printToPDF(pdfOptions));
    files.push(path);
  } finally {
    cover.destroy();
  }

  const asOf = model.asOf ? `&asOf=${model.asOf}` : '';
  for (const [i, page] of model.pages.entries()) {
    const win = hiddenWindow(opts.preload, opts.track);
    try {
      win.webContents.setZoomFactor(1);
      await win.loadURL(`${opts.origin}/index.html?print=${page}${asOf}&week=${model.week.start}&lang=${locale}`);
      await waitReady(win);
      // The stamp under the page, as text.
      await win.webContents.executeJavaScript(
        `(() => { const s = document.createElement('div'); s.textContent = ${JSON.stringify(stamps[page])}; Object.assign(s.style, { position: 'fixed', left: '0', right: '0', bottom: '0', height: '${STAMP_PX}px', padding: '0 32px', display: 'flex', alignItems: 'center', fontSize: '22px', color: '#c9d5ea', background: '#0c1a30', fontFamily: '"Noto Sans SC", sans-serif', zIndex: '2147483647' }); document.body.appendChild(s); return document.fonts.ready.then(() => true); })()`,
      );
      const png = join(opts.dir, `${String(i + 1).padStart(2, '0')}-${page}.png`);
      const image = await win.webContents.capturePage({ x: 0, y: 0, width: DESIGN.width, height: DESIGN.height });
      writeFileSync(png, image.resize({ width: DESIGN.width * scale, height: DESIGN.height * scale, quality: 'best' }).toPNG());
      const pdf = join(opts.dir, `${String(i + 1).padStart(2, '0')}-${page}.pdf`);
      writeFileSync(pdf, await win.webContents.printToPDF(pdfOptions));
      files.push(pdf, png);
    } finally {
      win.destroy();
    }
  }
  const record = join(opts.dir, 'brief.json');
  writeFileSync(record, `${JSON.stringify({ district: model.district, week: model.week, asOf: model.asOf, pages: model.pages, sources: model.sources, map: model.map, cacheState: model.cacheState, cacheStateSha256: model.cacheStateSha256, figuresSha256: model.figuresSha256, figures: model.figures }, null, 2)}\n`);
  files.push(record);
  return { model, files };
}
