/**
 * Writes the @font-face files in this folder from the installed @fontsource packages, keeping
 * only the woff2 sources: every Chromium the cockpit runs in reads woff2, and the woff
 * fallbacks would double the app's size (6 MB) for nothing. Noto Sans SC is `font-display:
 * block`: a wall has no Chinese system font to swap from, so a glyph whose subset is still
 * loading (from the app itself, milliseconds) is better unseen for a moment than a box.
 * Re-run after updating a font package:  node src/renderer/src/fonts/generate.mjs
 * (Plain JS because the renderer's tsconfig has no Node types.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Package and weights; keep in step with the imports in styles/fonts.ts. */
const FACES = [
  ['noto-sans-sc', [400, 700]],
  ['barlow', [500, 700]],
];

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

for (const [pkg, weights] of FACES) {
  for (const w of weights) {
    const css = readFileSync(require.resolve(`@fontsource/${pkg}/${w}.css`), 'utf8')
      .replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
      .replaceAll('url(./files/', `url(@fontsource/${pkg}/files/`)
      .replace(/font-display: swap;/g, pkg === 'noto-sans-sc' ? 'font-display: block;' : 'font-display: swap;');
    const header = `/* Generated from @fontsource/${pkg}/${w}.css by fonts/generate.mjs: woff2 only. Do not edit. */\n`;
    writeFileSync(join(here, `${pkg}-${w}.css`), header + css);
  }
}
