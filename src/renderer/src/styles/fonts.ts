// The wall machines have no CJK fonts: the app ships its own. @fontsource splits Noto Sans SC
// into unicode-range subsets, so only the subsets for glyphs actually used are fetched (from
// the app itself; nothing from the internet). Barlow draws the big numbers, with tabular
// figures so digits don't jiggle when they change.
// (woff2-only copies of the @fontsource CSS: see fonts/generate.mjs)
import '../fonts/noto-sans-sc-400.css';
import '../fonts/noto-sans-sc-700.css';
import '../fonts/barlow-500.css';
import '../fonts/barlow-700.css';
import type { MetaModel } from '../../../shared/readModel';
import { stringsOf, UI_TEXT } from './uiText';

export const FONT_TEXT = '"Noto Sans SC"';
export const FONT_NUMBERS = 'Barlow';
/** For ECharts `textStyle.fontFamily` and CSS: numbers first in Barlow, everything else Noto. */
export const FONT_STACK = `${FONT_NUMBERS}, ${FONT_TEXT}, sans-serif`;

const FACES = [`400 20px ${FONT_TEXT}`, `700 20px ${FONT_TEXT}`, `500 20px ${FONT_NUMBERS}`, `700 20px ${FONT_NUMBERS}`];

const requested = new Set<string>();

/**
 * Load every face for the glyphs in `text` that have not been asked for yet. Resolves when
 * they are usable (or failed: a missing subset must never block the wall).
 */
export function loadGlyphs(text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  let fresh = '';
  for (const ch of new Set(text)) {
    if (!requested.has(ch) && ch.trim()) {
      requested.add(ch);
      fresh += ch;
    }
  }
  if (!fresh) return Promise.resolve();
  return Promise.all(FACES.map((face) => document.fonts.load(face, fresh).catch(() => []))).then(() => undefined);
}

let canvasGlyphs: Promise<void> = loadGlyphs(UI_TEXT);

/**
 * Canvas text is drawn with whatever font is loaded at that moment (a missing glyph draws as
 * a box and stays so): charts wait for this before each draw. It covers the UI's words and,
 * once meta has come, the district's (see loadDistrictGlyphs). Text outside both is caught
 * when ECharts measures it (shell/canvasTextMeasure.ts) and the chart redrawn.
 */
export function canvasGlyphsReady(): Promise<void> {
  return canvasGlyphs;
}

const districtTexts = new WeakSet<MetaModel>();

/** The district's own words — its name, its towns', its vocabulary — loaded once per meta answer. */
export function loadDistrictGlyphs(meta: MetaModel): void {
  if (districtTexts.has(meta)) return;
  districtTexts.add(meta);
  const text = stringsOf([meta.district?.name, meta.towns.map((t) => t.name), meta.vocabulary]).join('');
  canvasGlyphs = Promise.all([canvasGlyphs, loadGlyphs(text)]).then(() => undefined);
}
