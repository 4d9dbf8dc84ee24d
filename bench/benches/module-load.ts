// 8. The host's engine connection at start-up: evaluating the modules that give Silo a modem for
// its engine. Before (the reference): `require('dockerode')` and `new Docker()`, as Silo did until
// src/main/engine/connection/modem.ts, which evaluates dockerode's BuildKit session (@grpc/grpc-js,
// protobufjs) and docker-modem's SSH transport (ssh2). After: Silo's own `loadModem()` (bundled by
// esbuild as the hosts are) and a modem made from it. Each in a fresh `node`, alternately, one
// untimed pair first; the figure is the time inside the process, from before the first import to
// the modem made.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Bench } from '../lib/bench';
import { ROOT } from '../lib/host';
import { fmtList, fmtMs, median } from '../lib/measure';
import { ratioOf, type Figure } from '../lib/report';

const BEFORE = `
const t0 = performance.now();
const { createRequire } = await import('node:module');
const Docker = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('dockerode');
new Docker({ socketPath: '/nonexistent.sock' });
const loaded = Object.keys(createRequire(import.meta.url).cache ?? {});
console.log(JSON.stringify({ ms: performance.now() - t0, ssh2: loaded.some((p) => p.includes('/ssh2/')), grpc: loaded.some((p) => p.includes('/@grpc/')) }));
`;

const after = (bundle: string): string => `
const t0 = performance.now();
const { loadModem } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const Modem = loadModem();
new Modem({ socketPath: '/nonexistent.sock' });
const { createRequire } = await import('node:module');
const loaded = Object.keys(createRequire(import.meta.url).cache ?? {});
console.log(JSON.stringify({ ms: performance.now() - t0, ssh2: loaded.some((p) => p.includes('/ssh2/')), grpc: loaded.some((p) => p.includes('/@grpc/')) }));
`;

interface Sample {
  ms: number;
  ssh2: boolean;
  grpc: boolean;
}

function run(script: string): Sample {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as Sample;
}

export const moduleLoad: Bench = {
  name: 'module-load',
  title: "evaluating the host's engine connection (a modem for a local socket)",
  async run(ctx) {
    const dir = mkdtempSync(join(ROOT, 'dist', '.bench-modem-'));
    try {
      const bundle = join(dir, 'modem.mjs');
      await build({
        entryPoints: [join(ROOT, 'src/main/engine/connection/modem.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning',
      });
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
      const reps = Math.max(ctx.options.reps, 5);
      const before: Sample[] = [];
      const now: Sample[] = [];
      for (let i = -1; i < reps; i += 1) {
        const b = run(BEFORE);
        const a = run(after(bundle));
        if (i < 0) continue;
        before.push(b);
        now.push(a);
      }
      const b = median(before.map((s) => s.ms));
      const a = median(now.map((s) => s.ms));
      ctx.log(`before (require dockerode): ${fmtList(before.map((s) => s.ms))}; ssh2 loaded: ${before[0]?.ssh2}, @grpc loaded: ${before[0]?.grpc}`);
      ctx.log(`after (loadModem): ${fmtList(now.map((s) => s.ms))}; ssh2 loaded: ${now[0]?.ssh2}, @grpc loaded: ${now[0]?.grpc}`);
      return [
        {
          bench: 'module-load',
          figure: '8. host start-up: modules for a modem (median)',
          silo: fmtMs(a),
          reference: `${fmtMs(b)} before (require dockerode)`,
          ratio: ratioOf(a, b),
          target: 'info',
          verdict: 'info',
          note: `after: ssh2 ${now.some((s) => s.ssh2) ? 'loaded' : 'not loaded'}, @grpc/grpc-js ${now.some((s) => s.grpc) ? 'loaded' : 'not loaded'}; before: ssh2 ${before.some((s) => s.ssh2) ? 'loaded' : 'not loaded'}, @grpc/grpc-js ${before.some((s) => s.grpc) ? 'loaded' : 'not loaded'}`,
        },
      ] satisfies Figure[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
