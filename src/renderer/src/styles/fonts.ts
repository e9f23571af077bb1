// The wall machines have no CJK fonts: the app ships its own. @fontsource splits Noto Sans SC
// into unicode-range subsets, so only the subsets for glyphs actually used are fetched (from
// the app itself; nothing from the internet). Barlow draws the big numbers, with tabular
// figures so digits don't jiggle when they change.
// (woff2-only copies of the @fontsource CSS: see fonts/generate.mjs)
import '../fonts/noto-sans-sc-400.css';
import '../fonts/noto-sans-sc-700.css';
import '../fonts/barlow-500.css';
import '../fonts/barlow-700.css';

export const FONT_TEXT = '"Noto Sans SC"';
export const FONT_NUMBERS = 'Barlow';
/** For ECharts `textStyle.fontFamily` and CSS: numbers first in Barlow, everything else Noto. */
export const FONT_STACK = `${FONT_NUMBERS}, ${FONT_TEXT}, sans-serif`;

const FACES = [`400 20px ${FONT_TEXT}`, `700 20px ${FONT_TEXT}`, `500 20px ${FONT_NUMBERS}`, `700 20px ${FONT_NUMBERS}`];

/** Glyphs of the shell and the common vocabulary, loaded before anything draws. */
const COMMON_TEXT =
  '0123456789.,:%-+—·/()ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ' +
  '区域平安驾驶舱总览五色图四平台云上板凳矛盾化解新鲜数据滞后自离线截至暂无红橙黄蓝绿高较中低风险等级' +
  '政治安全社会治安生产食品药品生态环境事件受理流转处置办结评价满意度逾期率人员下沉网格员协商关注成功' +
  '街道镇临南苑东湖星桥乔司运河崇贤塘栖预警整改督导示意非标准地播放暂停周万个件次小时分钟天';

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
