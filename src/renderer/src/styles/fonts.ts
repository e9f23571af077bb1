// The wall machines have no CJK fonts: the app ships its own. @fontsource splits Noto Sans SC
// into unicode-range subsets, so only the subsets for glyphs actually used are fetched (from
// the app itself; nothing from the internet). Barlow draws the big numbers, with tabular
// figures so digits don't jiggle when they change.
// (woff2-only copies of the @fontsource CSS: see fonts/generate.mjs)
import '../fonts/noto-sans-sc-400.css';
import '../fonts/noto-sans-sc-700.css';
import '../fonts/barlow-500.css';
import '../fonts/barlow-700.css';
import { MESSAGES } from '../i18n';

export const FONT_TEXT = '"Noto Sans SC"';
export const FONT_NUMBERS = 'Barlow';
/** For ECharts `textStyle.fontFamily` and CSS: numbers first in Barlow, everything else Noto. */
export const FONT_STACK = `${FONT_NUMBERS}, ${FONT_TEXT}, sans-serif`;

const FACES = [`400 20px ${FONT_TEXT}`, `700 20px ${FONT_TEXT}`, `500 20px ${FONT_NUMBERS}`, `700 20px ${FONT_NUMBERS}`];

/** Glyphs of the shell (every catalogue text), loaded before anything draws. */
const COMMON_TEXT = '0123456789.,:%-+—·/()ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz（）：、' + Object.values(MESSAGES['zh-CN']).join('');

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
  if (!fresh) return document.fonts.ready.then(() => undefined);
  return Promise.all(FACES.map((face) => document.fonts.load(face, fresh).catch(() => []))).then(() => undefined);
}

/** Charts await this before their first render so canvas text never falls back to boxes. */
export const fontsReady: Promise<void> = loadGlyphs(COMMON_TEXT);
