import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three entries, built by electron-vite into out/{main,preload,renderer}. No source maps: out/ is what the
// installers ship (electron-builder.yml), and a map would hand out the sources; package:check asserts none.
export default defineConfig({
  main: {
    build: {
      // keytar is a native addon and undici/zod are plain deps: main loads them from node_modules.
      externalizeDeps: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): it must be ONE self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    // Relative asset URLs so the same build loads from app://, from the test harness' http server, or file://.
    base: './',
    plugins: [react()],
    build: {
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
