// Runs Silo's benchmarks against a private engine and prints the table: figure, Silo, reference
// (measured in the same run), ratio, target. Benchmarks are not tests: a missed target is
// printed, never a failure. See bench/README.md.
//
//   npm run bench                        build, then all seven
//   npm run bench -- list-at-scale idle  build, then only these
//   npx tsx bench/run.ts --quick         shorter windows (idle, stats, cycles) for a first look
//
// Options: --quick, --reps N, --cycles N, --idle-seconds N, --stats-seconds N,
//          --profile (node --cpu-prof of every browser host, into a temporary folder),
//          --engine-dir DIR (reuse an engine folder), --keep (leave the engine running).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './lib/bench';
import { BenchContext, type BenchOptions } from './lib/context';
import { assertBuilt } from './lib/host';
import { nowMs } from './lib/measure';
import { renderTable, type Figure } from './lib/report';
import { busyPercent, cpuCounters, load, machine, processStartMs } from './lib/machine';
import { listAtScale } from './benches/list-at-scale';
import { eventToScreen } from './benches/event-to-screen';
import { idleCost } from './benches/idle-cost';
import { stats } from './benches/stats';
import { memory } from './benches/memory';
import { isolationSwitch } from './benches/isolation-switch';
import { startup } from './benches/startup';
import { moduleLoad } from './benches/module-load';

export const BENCHES: Bench[] = [listAtScale, eventToScreen, idleCost, stats, memory, isolationSwitch, startup, moduleLoad];

function parse(argv: string[]): { names: string[]; options: BenchOptions } {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    idleSeconds: quick ? 10 : 60,
    statsSeconds: quick ? 10 : 60,
    cycles: quick ? 20 : 100,
    reps: quick ? 3 : 5,
    profileDir: null,
    engineDir: null,
    keep: false,
  };
  const names: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} takes a value`);
      return next;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} takes a whole number above 0`);
      return n;
    };
    if (arg === '--quick') continue;
    else if (arg === '--reps') options.reps = count();
    else if (arg === '--cycles') options.cycles = count();
    else if (arg === '--idle-seconds') options.idleSeconds = count();
    else if (arg === '--stats-seconds') options.statsSeconds = count();
    else if (arg === '--profile') options.profileDir = mkdtempSync(join(tmpdir(), 'silo-bench-prof-'));
    else if (arg === '--engine-dir') options.engineDir = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else names.push(arg);
  }
  const known = new Set(BENCHES.map((b) => b.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${[...known].join(', ')}`);
  return { names, options };
}

async function main(): Promise<void> {
  const { names, options } = parse(process.argv.slice(2));
  if (process.getuid?.() !== 0) throw new Error('the private engine (dockerd) needs root');
  assertBuilt();
  const chosen = names.length === 0 ? BENCHES : BENCHES.filter((b) => names.includes(b.name));
  const ctx = new BenchContext(options);
  const figures: Figure[] = [];
  const started = nowMs();
  process.stdout.write(`Silo benchmarks: ${chosen.map((b) => b.name).join(', ')}\n${load()}\n`);
  const cpuAtStart = cpuCounters();
  const nodeStartBefore = processStartMs();
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    process.stdout.write('\ninterrupted: cleaning up\n');
  };
  process.once('SIGINT', onSignal);
  try {
    await ctx.start();
    for (const bench of chosen) {
      if (interrupted) break;
      process.stdout.write(`\n== ${bench.name}: ${bench.title}\n`);
      const benchStarted = nowMs();
      try {
        figures.push(...(await bench.run(ctx)));
      } catch (error) {
        process.stdout.write(`  failed to run: ${(error as Error).stack ?? String(error)}\n`);
        for (const dead of ctx.deadHosts()) process.stdout.write(`  ${dead.replace(/\n/g, '\n  | ')}\n`);
        figures.push({
          bench: bench.name,
          figure: bench.name,
          silo: '—',
          reference: '—',
          ratio: null,
          target: '—',
          verdict: 'pending',
          note: `did not run: ${(error as Error).message.split('\n')[0]}`,
        });
      }
      process.stdout.write(`  (${((nowMs() - benchStarted) / 1000).toFixed(1)} s)\n`);
    }
  } finally {
    process.stdout.write('\ncleaning up\n');
    await ctx.close();
  }
  if (options.profileDir) process.stdout.write(`\nCPU profiles of the browser hosts: ${options.profileDir}\n`);
  const busy = busyPercent(cpuAtStart, cpuCounters());
  const nodeStartAfter = processStartMs();
  const contention = `all cores ${busy.toFixed(0)}% busy over the run (this run included); \`node -e 0\` took ${nodeStartBefore.toFixed(0)} ms before, ${nodeStartAfter.toFixed(0)} ms after`;
  process.stdout.write(`\n${machine()}\n${contention}\n\n${renderTable(figures)}\n\n(${((nowMs() - started) / 1000).toFixed(0)} s in all)\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
