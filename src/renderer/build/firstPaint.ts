/**
 * Build-time helpers (run by the renderer's Vite plugin in electron.vite.config.ts): which
 * files the cockpit's page should ask for before any of its code runs, so that what the first
 * picture needs arrives in parallel instead of one after another (HTML → code → fonts).
 */

export interface FontFace {
  family: string;
  weight: string;
  /** The woff2 file as the stylesheet names it (relative to the stylesheet). */
  url: string;
  /** Inclusive code point ranges; empty when the face has no unicode-range (it covers everything). */
  ranges: Array<[number, number]>;
}

/** The @font-face rules of a stylesheet that load a file (inlined data: faces need no preload). */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = m[1];
    const prop = (name: string) => new RegExp(`(?:^|;|\\s)${name}\\s*:\\s*([^;]+)`).exec(body)?.[1].trim();
    const src = prop('src');
    const url = src && /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(src)?.[1];
    if (!url || url.startsWith('data:')) continue;
    const ranges: Array<[number, number]> = [];
    for (const r of (prop('unicode-range') ?? '').split(',')) {
      const rm = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(r);
      if (!rm) continue;
      if (rm[1].includes('?')) ranges.push([parseInt(rm[1].replace(/\?/g, '0'), 16), parseInt(rm[1].replace(/\?/g, 'f'), 16)]);
      else ranges.push([parseInt(rm[1], 16), parseInt(rm[2] ?? rm[1], 16)]);
    }
    faces.push({ family: (prop('font-family') ?? '').replace(/['"]/g, ''), weight: prop('font-weight') ?? '400', url, ranges });
  }
  return faces;
}

/** The faces among `faces` that hold at least one character of `text` (blank characters aside). */
export function facesFor(faces: readonly FontFace[], text: string): FontFace[] {
  const points = [...new Set(text)].filter((ch) => ch.trim()).map((ch) => ch.codePointAt(0)!);
  return faces.filter((f) => f.ranges.length === 0 || points.some((p) => f.ranges.some(([a, b]) => p >= a && p <= b)));
}

/** `<link>` tags: font preloads (CORS mode, as font loads are) and module preloads. */
export function preloadTags(fontHrefs: readonly string[], moduleHrefs: readonly string[], styleHrefs: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    ...moduleHrefs.map((h) => `<link rel="modulepreload" crossorigin href="${esc(h)}">`),
    ...styleHrefs.map((h) => `<link rel="stylesheet" crossorigin href="${esc(h)}">`),
    ...fontHrefs.map((h) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${esc(h)}">`),
  ].join('\n    ');
}
