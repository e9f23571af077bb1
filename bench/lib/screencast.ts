/**
 * "Visually complete" the way a person sees it: Chromium's screencast frames from the moment
 * of navigation, each reduced to a coarse grid of average colours; the page is complete at
 * the first frame after which no frame differs from the settled picture (the last frame) in
 * more than 1% of the grid's cells. Regions that change by themselves (the clock's seconds)
 * are masked out. Frames are decoded in a Chromium page of their own, after the load.
 */
import type { BenchBrowser, PageSession } from './chromium';

/** A frame's grid cell counts as changed when an average channel moves by more than this. */
const CELL_THRESHOLD = 10;
/** Grid cells are about this many frame pixels on a side. */
const CELL_PX = 30;
/** A frame differs from another when more than this share of the (unmasked) cells changed. */
const CHANGED_SHARE = 0.01;

export interface Frame {
  /** Wall-clock seconds (Chromium's frame metadata). */
  t: number;
  data: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Recording {
  /** Wall-clock seconds when navigation was asked for. */
  navigatedAt: number;
  frames: Frame[];
  viewport: { width: number; height: number };
  /** Areas (CSS px) left out of the comparison. */
  masks: Rect[];
}

/**
 * Navigate `page` to `url` while recording its screencast, for `settleMs` after navigation;
 * `masks` (run in the page at the end) names the areas that change by themselves.
 */
export async function record(page: PageSession, url: string, viewport: { width: number; height: number }, settleMs: number, masks?: string): Promise<Recording> {
  const frames: Frame[] = [];
  const off = page.on('Page.screencastFrame', (p) => {
    frames.push({ t: (p.metadata as { timestamp: number }).timestamp, data: p.data as string });
    void page.send('Page.screencastFrameAck', { sessionId: p.sessionId }).catch(() => undefined);
  });
  await page.send('Page.enable');
  await page.send('Page.startScreencast', { format: 'jpeg', quality: 80, maxWidth: 1920, maxHeight: 1080, everyNthFrame: 1 });
  await new Promise((r) => setTimeout(r, 300)); // the blank page's first frame
  const navigatedAt = Date.now() / 1000;
  await page.send('Page.navigate', { url });
  await new Promise((r) => setTimeout(r, settleMs));
  await page.send('Page.stopScreencast');
  off();
  const maskRects = masks ? await page.evaluate<Rect[]>(masks) : [];
  return { navigatedAt, frames, viewport, masks: maskRects };
}

export interface VisualTimes {
  /** Navigation → first frame that differs from the blank page (ms). */
  firstChangeMs: number;
  /** Navigation → the frame from which the picture no longer changes (ms). */
  completeMs: number;
  frames: number;
}

/** Decodes frames into coarse grids in a page of `decoder`, then finds the two moments. */
export async function analyse(decoder: PageSession, rec: Recording): Promise<VisualTimes> {
  const frames = rec.frames.filter((f, i) => i === rec.frames.length - 1 || f.t >= rec.navigatedAt - 0.2);
  if (frames.length < 2) throw new Error(`screencast: ${frames.length} frame(s) only`);
  await decoder.evaluate(`window.grids = []; window.gridSize = null; undefined`);
  for (const f of frames) {
    await decoder.evaluate(`(async () => {
      const img = new Image();
      img.src = 'data:image/jpeg;base64,${f.data}';
      await img.decode();
      if (!window.gridSize) window.gridSize = [Math.max(8, Math.round(img.width / ${CELL_PX})), Math.max(8, Math.round(img.height / ${CELL_PX}))];
      const [gw, gh] = window.gridSize;
      const g = new OffscreenCanvas(gw, gh).getContext('2d');
      g.imageSmoothingEnabled = true;
      g.imageSmoothingQuality = 'high';
      g.drawImage(img, 0, 0, gw, gh);
      window.grids.push(g.getImageData(0, 0, gw, gh).data);
    })()`);
  }
  const result = await decoder.evaluate<{ firstChange: number; complete: number }>(`(() => {
    const viewport = ${JSON.stringify(rec.viewport)};
    const masks = ${JSON.stringify(rec.masks)};
    const grids = window.grids;
    const [gw, gh] = window.gridSize;
    const masked = new Uint8Array(gw * gh);
    for (const m of masks) {
      const sx = gw / viewport.width, sy = gh / viewport.height;
      for (let y = Math.max(0, Math.floor(m.y * sy)); y < Math.min(gh, Math.ceil((m.y + m.height) * sy)); y++)
        for (let x = Math.max(0, Math.floor(m.x * sx)); x < Math.min(gw, Math.ceil((m.x + m.width) * sx)); x++) masked[y * gw + x] = 1;
    }
    let cells = 0;
    for (let i = 0; i < gw * gh; i++) if (!masked[i]) cells++;
    const differs = (a, b) => {
      let n = 0;
      for (let i = 0; i < gw * gh; i++) {
        if (masked[i]) continue;
        const o = i * 4;
        if (Math.abs(a[o] - b[o]) > ${CELL_THRESHOLD} || Math.abs(a[o + 1] - b[o + 1]) > ${CELL_THRESHOLD} || Math.abs(a[o + 2] - b[o + 2]) > ${CELL_THRESHOLD}) n++;
      }
      return n > cells * ${CHANGED_SHARE};
    };
    const settled = grids[grids.length - 1];
    let complete = 0;
    for (let i = grids.length - 1; i >= 0; i--) if (differs(grids[i], settled)) { complete = i + 1; break; }
    let firstChange = grids.length - 1;
    for (let i = 1; i < grids.length; i++) if (differs(grids[i], grids[0])) { firstChange = i; break; }
    window.grids = [];
    return { firstChange, complete: Math.min(complete, grids.length - 1) };
  })()`);
  const at = (i: number) => Math.max(0, (frames[i].t - rec.navigatedAt) * 1000);
  return { firstChangeMs: at(result.firstChange), completeMs: at(result.complete), frames: frames.length };
}

/** A blank page to decode frames in (kept for the whole run: decoding is not what we measure). */
export function decoderPage(browser: BenchBrowser): Promise<PageSession> {
  return browser.newPage(800, 600);
}
