// What the kernel says about a process: CPU time used (user + system, all threads) and resident
// memory. Linux only, like the test engine.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (utime + stime) the process has used so far; NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return Number.NaN;
  }
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** Resident set size in bytes; NaN when the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Watches a process's CPU from now: `stop()` gives the CPU seconds used and the wall seconds. */
export function cpuMeter(pid: number): { stop(): { cpu: number; wall: number } } {
  const cpu0 = cpuSeconds(pid);
  const wall0 = performance.now();
  return {
    stop: () => ({ cpu: cpuSeconds(pid) - cpu0, wall: (performance.now() - wall0) / 1000 }),
  };
}

/** Resolves once the process has used less than `quietCpu` seconds over `windowMs` (or at `timeoutMs`). */
export async function waitQuiet(pid: number, options: { windowMs?: number; quietCpu?: number; timeoutMs?: number } = {}): Promise<boolean> {
  const windowMs = options.windowMs ?? 1000;
  const quietCpu = options.quietCpu ?? 0.02;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    if (cpuSeconds(pid) - before <= quietCpu) return true;
  }
  return false;
}
