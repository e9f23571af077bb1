import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
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
