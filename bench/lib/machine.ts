// The machine the figures were measured on, in one line for the README.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}

export function machine(): string {
  const chromium = run(process.env.SILO_CHROMIUM ?? '/usr/bin/chromium', ['--version']).replace(/\s+built on.*/, '');
  const engine = run('dockerd', ['--version']);
  const cli = run('docker', ['--version']);
  return [
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}`,
    `Node ${process.version}, ${chromium}, ${engine}, CLI ${cli}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    load(),
  ].join('\n');
}

/** Other work on the machine skews every figure: say how busy it was. */
export function load(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (1, 5, 15 min) on ${cpus().length} cores`;
}

/** The machine's CPU counters (all cores): busy and total jiffies since boot. */
export function cpuCounters(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** How busy all cores were between two readings, in percent (this run's own work included). */
export function busyPercent(from: { busy: number; total: number }, to: { busy: number; total: number }): number {
  return to.total > from.total ? (100 * (to.busy - from.busy)) / (to.total - from.total) : Number.NaN;
}

/** Median wall time of `node -e 0`: how quickly this machine starts a process right now. */
export function processStartMs(times = 5): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}
