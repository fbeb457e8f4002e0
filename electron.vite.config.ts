import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { buildWidget } from './scripts/build-widget.ts';

// One build for the three Electron parts. Top-level folders, as the design card asks.
export default defineConfig({
  main: {
    // The website widget the server serves is built with the app, its size said in the output.
    plugins: [{ name: 'website-widget', closeBundle: async () => console.log(await buildWidget()) }],
    build: {
      // The packaged app carries no node_modules (electron-builder.yml): main's dependencies
      // (luxon, zod, atomically, electron-updater, …) are bundled into out/main.
      externalizeDeps: false,
      // One file loaded once from disk at start-up; its size is not a download cost.
      chunkSizeWarningLimit: 2048,
      outDir: 'out/main',
      lib: { entry: resolve('main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('preload/index.ts') },
      // A sandboxed preload cannot be an ES module: emit CommonJS.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified by default; the staff UI's first-load budget
      // (150 KB gzip, bench/ui-load.ts) is measured on the minified bundle the app ships.
      minify: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
