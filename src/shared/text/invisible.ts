/**
 * Characters a source can put in a name that are not seen but change what is seen: bidi
 * controls (U+202E turns "临平街道 · 龙船坞社区" into a reordered line), zero-width and
 * invisible characters (two names that look the same but differ), fillers that render as
 * blank, tag characters that hide text, and C0/C1 controls. Strings from a source are
 * stripped of them at the contract (src/shared/contract/common.ts `sourceText`) and again
 * where they are shown; diagnostics reveal them instead, so an operator can see what came in.
 *
 * Kept: tab and newline (free text has paragraphs), variation selectors (CJK and emoji need
 * them), and every visible letter of every script — right-to-left names are legitimate and
 * are isolated where shown (src/renderer/src/text/sourceText.tsx), not altered.
 */

// Bidi: ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. Zero-width: ZWSP, ZWNJ, ZWJ, WJ,
// invisible operators, deprecated format controls, BOM/ZWNBSP, CGJ, soft hyphen,
// interlinear annotation. Blank fillers: Hangul fillers. Tags: U+E0000–U+E007F.
// Controls: C0 except \t \n \r, DEL, C1.
const INVISIBLE_CLASS =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u034F\\u061C\\u115F\\u1160' +
  '\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}';

// The class lists combining marks (U+034F) on their own on purpose: each is one of the invisibles.
// eslint-disable-next-line no-misleading-character-class
const ANY_INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
// eslint-disable-next-line no-misleading-character-class
const EVERY_INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** `text` without the characters above (the common case, none present, costs one test). */
export function stripInvisible(text: string): string {
  return ANY_INVISIBLE.test(text) ? text.replace(EVERY_INVISIBLE, '') : text;
}

/** `text` with each such character shown as ⟨U+202E⟩, for diagnostics and logs. */
export function revealInvisible(text: string): string {
  if (!ANY_INVISIBLE.test(text)) return text;
  return text.replace(EVERY_INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * False when `text` holds a lone surrogate: valid JSON (`"\uD800"`) and valid UTF-8 on the
 * wire, but not text; stored, it would become U+FFFD over a good name.
 */
export function isWellFormedText(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}
