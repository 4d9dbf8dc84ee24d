// Builds the renderer (src/renderer) into dist/renderer. The same files are loaded by Electron
// (file://, hence the relative base) and served by the browser host.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // Vite 8 compiles TSX with oxc; the automatic runtime needs no React import in each file.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    // No inline modulepreload polyfill: the CSP forbids inline scripts, and Chromium needs none.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { strictPort: false },
});
