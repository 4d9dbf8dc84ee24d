// Builds every part into dist/: the Electron main process and the browser host (Node, ESM/CJS,
// node_modules left external), the sandboxed preload (one self-contained CJS file), and the
// renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { rmSync } from 'node:fs';

const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  logLevel: 'warning',
};

if (only.length === 0) rmSync('dist', { recursive: true, force: true });

const jobs = [];
if (wants('web')) {
  jobs.push(esbuild({ ...node, entryPoints: ['src/main/web/cli.ts'], outfile: 'dist/main/web.js', format: 'esm' }));
}
if (wants('electron')) {
  // CommonJS has no import.meta: code that needs its own path reads __filename there first
  // (src/main/engine/connection/modem.ts), and the ESM branch is left as a plain undefined.
  jobs.push(
    esbuild({
      ...node,
      entryPoints: ['src/main/electron/index.ts'],
      outfile: 'dist/main/electron.cjs',
      format: 'cjs',
      external: ['electron'],
      define: { 'import.meta.url': 'undefined' },
    }),
  );
  // A sandboxed preload may only require('electron'): bundle everything else into it.
  jobs.push(
    esbuild({ ...node, packages: undefined, entryPoints: ['src/preload/index.ts'], outfile: 'dist/preload/index.cjs', format: 'cjs', external: ['electron'] }),
  );
}
if (wants('renderer')) {
  jobs.push(vite({ configFile: 'vite.config.ts', logLevel: 'warn' }));
}
await Promise.all(jobs);
