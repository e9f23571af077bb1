import { dirname, posix, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';
import { facesFor, parseFontFaces, preloadTags } from './src/renderer/build/firstPaint';
import { UI_TEXT } from './src/renderer/src/styles/uiText';

/** The page the wall shows first (the playlist's default first page). */
const FIRST_PAGE_MODULE = '/src/pages/OverviewPage.tsx';

/**
 * The cockpit's page asks, before any of its code has run, for what its first picture needs
 * beyond the shell: the first page's chunks (otherwise fetched only once the shell's code has
 * run) and the font subsets holding the UI's own words (otherwise asked for by that code, and
 * the text stays invisible until they come: font-display block). Everything then arrives
 * together instead of HTML → code → page code → fonts.
 */
function firstPaintPreloads(): Plugin {
  return {
    name: 'cockpit-first-paint-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { bundle, chunk: entry } = ctx;
        if (!bundle || !entry || !ctx.filename.endsWith(`renderer${'/'}index.html`)) return html;
        const closure = (file: string, into = new Set<string>()): Set<string> => {
          const c = bundle[file];
          if (into.has(file) || c?.type !== 'chunk') return into;
          into.add(file);
          for (const i of c.imports) closure(i, into);
          return into;
        };
        const cssOf = (files: Iterable<string>): Set<string> =>
          new Set([...files].flatMap((f) => [...((bundle[f] as Rollup.OutputChunk).viteMetadata?.importedCss ?? [])]));
        const inPage = closure(entry.fileName);
        const first = Object.values(bundle).find((c): c is Rollup.OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.endsWith(FIRST_PAGE_MODULE));
        if (!first) throw new Error(`first-paint preloads: no chunk for ${FIRST_PAGE_MODULE}`);
        const pageFiles = [...closure(first.fileName)].filter((f) => !inPage.has(f));
        const pageCss = [...cssOf(pageFiles)].filter((f) => !cssOf(inPage).has(f));
        const fonts = [...cssOf(inPage)].flatMap((cssFile) => {
          const asset = bundle[cssFile];
          const css = asset?.type === 'asset' ? String(asset.source) : '';
          return facesFor(parseFontFaces(css), UI_TEXT).map((f) => posix.join(dirname(cssFile), f.url));
        });
        if (!fonts.length) throw new Error('first-paint preloads: no font subset found for the UI text');
        const href = (f: string) => `./${f}`;
        return html.replace('</head>', `  ${preloadTags(fonts.map(href), pageFiles.map(href), pageCss.map(href))}\n  </head>`);
      },
    },
  };
}

// Three bundles: main (Node: Electron main, the core's utility process and the browser hub), preload (CommonJS,
// required by a sandboxed renderer) and the renderer (two pages: the cockpit, and the isolated
// 3D map frame whose own CSP alone allows 'unsafe-eval').
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The core's utility process (utilityProcess.fork(out/main/core-host.js)).
          'core-host': resolve(__dirname, 'src/main/core-host/entry.ts'),
          // The hub for browsers (`./cockpit start`, `npm run serve`): plain Node, no Electron,
          // built once so it starts without compiling TypeScript.
          hub: resolve(__dirname, 'src/core/cli/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), firstPaintPreloads()],
    build: {
      minify: true,
      // The manifest tells the bundle benchmark which chunks the first page needs.
      manifest: true,
      // echarts-gl (~620 kB) is its own chunk, loaded only inside the isolated 3D frame.
      chunkSizeWarningLimit: 700,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          map3d: resolve(__dirname, 'src/renderer/map3d/index.html'),
          // The presenter (a laptop, or the desktop app's second display) and the phone remote.
          presenter: resolve(__dirname, 'src/renderer/presenter.html'),
          remote: resolve(__dirname, 'src/renderer/remote.html'),
        },
      },
    },
  },
});
