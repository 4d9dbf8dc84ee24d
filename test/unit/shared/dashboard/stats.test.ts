// The docker stats formulas on recorded samples (test/fixtures/dashboard/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  blockIo,
  computeStats,
  cpuPercentUnix,
  cpuPercentWindows,
  memoryUsageNoCache,
  nanosBetween,
  network,
  type RawStats,
} from '../../../../src/shared/stats/compute';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../fixtures/dashboard/stats/${name}`, import.meta.url), 'utf8')) as T;

describe('docker stats on Linux (recorded, cgroup v1)', () => {
  it('computes CPU from the engine precpu sample, as calculateCPUPercentUnix', () => {
    const [first, second] = fixture<RawStats[]>('linux-cgroup1-busy.json');
    const s = second!;
    const cpuDelta = s.cpu_stats!.cpu_usage!.total_usage! - s.precpu_stats!.cpu_usage!.total_usage!;
    const systemDelta = s.cpu_stats!.system_cpu_usage! - s.precpu_stats!.system_cpu_usage!;
    expect(computeStats(s, 'linux').cpuPercent).toBeCloseTo((cpuDelta / systemDelta) * 2 * 100, 10);
    expect(computeStats(s, 'linux').cpus).toBe(2);
    // The first sample of a stream has an empty precpu: the share since the start, as the CLI shows it.
    expect(first!.preread).toBe('0001-01-01T00:00:00Z');
    expect(computeStats(first!, 'linux').cpuPercent).toBeCloseTo(
      (first!.cpu_stats!.cpu_usage!.total_usage! / first!.cpu_stats!.system_cpu_usage!) * 2 * 100,
      10,
    );
  });

  it('gives memory without the inactive file cache, as the docker CLI printed it', () => {
    const [sample] = fixture<RawStats[]>('linux-cgroup1-page-cache.json');
    const cli = fixture<{ MemUsage: string; MemPerc: string }>('linux-cgroup1-page-cache.cli.json');
    const stats = computeStats(sample!, 'linux');
    expect(sample!.memory_stats!.stats!.total_inactive_file).toBeGreaterThan(40_000_000);
    expect(stats.memoryUsage).toBe(sample!.memory_stats!.usage! - sample!.memory_stats!.stats!.total_inactive_file!);
    expect(`${(stats.memoryUsage / 1024 / 1024).toFixed(3)}MiB / ${stats.memoryLimit! / 1024 / 1024}MiB`).toBe(cli.MemUsage);
    expect(`${stats.memoryPercent!.toFixed(2)}%`).toBe(cli.MemPerc);
    expect(stats.pids).toBe(1);
  });

  it('subtracts inactive_file on cgroup v2, and never below zero', () => {
    expect(memoryUsageNoCache({ usage: 1000, stats: { inactive_file: 300 } })).toBe(700);
    expect(memoryUsageNoCache({ usage: 1000, stats: { total_inactive_file: 2000, inactive_file: 100 } })).toBe(900);
    expect(memoryUsageNoCache({ usage: 1000, stats: { inactive_file: 5000 } })).toBe(1000);
    expect(memoryUsageNoCache({ usage: 1000 })).toBe(1000);
  });

  it('sums block I/O by operation and network over interfaces', () => {
    expect(
      blockIo({
        io_service_bytes_recursive: [
          { op: 'Read', value: 10 },
          { op: 'write', value: 5 },
          { op: 'Total', value: 15 },
          { op: 'read', value: 1 },
          { op: '', value: 9 },
        ],
      }),
    ).toEqual({ read: 11, write: 5 });
    expect(blockIo(null)).toEqual({ read: 0, write: 0 });
    expect(network({ eth0: { rx_bytes: 3, tx_bytes: 4 }, eth1: { rx_bytes: 10, tx_bytes: 20 } })).toEqual({ rx: 13, tx: 24 });
  });

  it('falls back to the per-CPU count when online_cpus is missing, and says 0 without deltas', () => {
    expect(
      cpuPercentUnix(
        { cpu_usage: { total_usage: 0 }, system_cpu_usage: 0 },
        { cpu_usage: { total_usage: 50, percpu_usage: [1, 2, 3, 4] }, system_cpu_usage: 100 },
      ),
    ).toBe(200);
    expect(
      cpuPercentUnix({ cpu_usage: { total_usage: 50 }, system_cpu_usage: 100 }, { cpu_usage: { total_usage: 50 }, system_cpu_usage: 200, online_cpus: 2 }),
    ).toBe(0);
  });
});

describe('docker stats on Windows (constructed sample)', () => {
  it('counts 100 ns intervals over num_procs, and takes the private working set', () => {
    const sample = fixture<RawStats>('windows-constructed.json');
    expect(cpuPercentWindows(sample)).toBeCloseTo(50, 10);
    expect(computeStats(sample, 'windows')).toMatchObject({
      cpuPercent: 50,
      memoryUsage: 96_075_776,
      memoryLimit: null,
      memoryPercent: null,
      pids: null,
      blockRead: 98_566_144,
      blockWrite: 20_971_520,
      networkRx: 5_124_083,
      networkTx: 901_233,
      cpus: 4,
    });
  });

  it('reads nanoseconds that Date.parse would lose', () => {
    expect(nanosBetween('2024-10-16T10:00:02.1234567Z', '2024-10-16T10:00:01.1234566Z')).toBe(1_000_000_100);
    expect(nanosBetween('2024-10-16T12:00:00.000000001+02:00', '2024-10-16T10:00:00Z')).toBe(1);
    expect(nanosBetween('not a time', '2024-10-16T10:00:00Z')).toBeNaN();
    expect(computeStats(fixture<RawStats>('windows-constructed.json'), 'windows').readAt).toBe(Date.parse('2024-10-16T10:00:02.123Z'));
    expect(cpuPercentWindows({ read: '2024-10-16T10:00:01Z', preread: '2024-10-16T10:00:01Z', num_procs: 4 })).toBe(0);
  });
});
