import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { agGridRewrites } from './scripts/ag-grid-rewrites';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JS dependencies are bundled: Node's ESM loader resolved and compiled their files one by
      // one, about 200 ms of every start before the planner listened (A/B, 6 launches each: 851-1116
      // → 671-824 ms to "Open the planner at"). Native modules (better-sqlite3), pino (its transports
      // load files by path in worker threads), highs (WASM) and Electron-only ones stay in node_modules.
      externalizeDeps: { exclude: ['zod', 'axios', 'ws', 'ulid', 'conf'] },
      rollupOptions: {
        input: {
          // The Electron app, the headless host and the planning worker share services but start apart.
          index: resolve(root, 'electron/main/index.ts'),
          headless: resolve(root, 'electron/headless/index.ts'),
          'planning-worker': resolve(root, 'electron/services/planning/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot load modules: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), agGridRewrites()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer is parsed on every start, so minify it.
      minify: true,
      chunkSizeWarningLimit: 3000,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
