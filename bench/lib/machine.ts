// The machine the figures were measured on, in one line for the README.
import { execFileSync } from 'node:child_process';
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
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 min) on ${cpus().length} cores`;
}
