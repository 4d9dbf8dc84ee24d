// The `docker stats` figures, computed the way the docker CLI computes them
// (docker/cli cli/command/container/stats_helpers.go): CPU percent from the engine's own
// previous sample (precpu), memory without the inactive file cache, network, block I/O, PIDs.
// Pure: the raw sample in, one StatsSample out.
import type { StatsSample } from '../model/stats';

/** The fields of one `GET /containers/{id}/stats` sample that the figures read. */
export interface RawStats {
  read?: string;
  preread?: string;
  num_procs?: number;
  pids_stats?: { current?: number } | null;
  cpu_stats?: RawCpuStats | null;
  precpu_stats?: RawCpuStats | null;
  memory_stats?: {
    usage?: number;
    limit?: number;
    stats?: Record<string, number> | null;
    privateworkingset?: number;
    commitbytes?: number;
  } | null;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null } | null;
  storage_stats?: { read_size_bytes?: number; write_size_bytes?: number } | null;
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }> | null;
}

export interface RawCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null } | null;
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** The engine's "zero" time (`0001-01-01T00:00:00Z`): a sample of a container that has stopped. */
export function isZeroTime(time: string | undefined): boolean {
  return !time || time.startsWith('0001-01-01');
}

/**
 * An RFC 3339 time with up to nine fraction digits, as whole seconds since the epoch and the
 * nanoseconds within that second (epoch nanoseconds do not fit a double exactly). Null when the
 * text is not such a time.
 */
export function parseTime(time: string): { seconds: number; nanos: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(time);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return null;
  return { seconds: ms / 1000, nanos: Number((m[2] ?? '').padEnd(9, '0') || '0') };
}

/** Nanoseconds from `earlier` to `later` (Windows' formula counts 100 ns intervals); NaN when either is not a time. */
export function nanosBetween(later: string, earlier: string): number {
  const a = parseTime(later);
  const b = parseTime(earlier);
  if (!a || !b) return NaN;
  return (a.seconds - b.seconds) * 1e9 + (a.nanos - b.nanos);
}

/** calculateCPUPercentUnix: the container's share of the host's CPU time since precpu, times the CPUs. */
export function cpuPercentUnix(previous: RawCpuStats | null | undefined, current: RawCpuStats | null | undefined): number {
  const cpuDelta = (current?.cpu_usage?.total_usage ?? 0) - (previous?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (current?.system_cpu_usage ?? 0) - (previous?.system_cpu_usage ?? 0);
  let online = current?.online_cpus ?? 0;
  if (online === 0) online = current?.cpu_usage?.percpu_usage?.length ?? 0;
  if (systemDelta > 0 && cpuDelta > 0) return (cpuDelta / systemDelta) * online * 100;
  return 0;
}

/** calculateCPUPercentWindows: 100 ns intervals used, out of those possible on `num_procs` processors. */
export function cpuPercentWindows(raw: RawStats): number {
  if (!raw.read || !raw.preread) return 0;
  const ns = nanosBetween(raw.read, raw.preread);
  if (!(ns > 0)) return 0;
  const possible = Math.floor(ns / 100) * (raw.num_procs ?? 0);
  if (possible <= 0) return 0;
  const used = (raw.cpu_stats?.cpu_usage?.total_usage ?? 0) - (raw.precpu_stats?.cpu_usage?.total_usage ?? 0);
  return (used / possible) * 100;
}

/**
 * calculateMemUsageUnixNoCache: usage minus `total_inactive_file` on cgroup v1, minus
 * `inactive_file` on cgroup v2 (each only when smaller than usage).
 */
export function memoryUsageNoCache(memory: RawStats['memory_stats']): number {
  const usage = memory?.usage ?? 0;
  const stats = memory?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  if (v2 < usage) return usage - v2;
  return usage;
}

export function memoryPercent(limit: number, used: number): number {
  return limit !== 0 ? (used / limit) * 100 : 0;
}

/** calculateBlockIO: bytes by operation, read and write (any case), everything else ignored. */
export function blockIo(blkio: RawStats['blkio_stats']): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const entry of blkio?.io_service_bytes_recursive ?? []) {
    const op = (entry.op ?? '')[0];
    if (op === 'r' || op === 'R') read += entry.value ?? 0;
    else if (op === 'w' || op === 'W') write += entry.value ?? 0;
  }
  return { read, write };
}

/** calculateNetwork: received and sent bytes over every interface. */
export function network(networks: RawStats['networks']): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const value of Object.values(networks ?? {})) {
    rx += value.rx_bytes ?? 0;
    tx += value.tx_bytes ?? 0;
  }
  return { rx, tx };
}

/** One sample as `docker stats` would show it, for a Linux or a Windows engine. */
export function computeStats(raw: RawStats, osType: string): StatsSample {
  const read = raw.read && !isZeroTime(raw.read) ? parseTime(raw.read) : null;
  const readAt = read ? read.seconds * 1000 + Math.floor(read.nanos / 1e6) : Date.now();
  const net = network(raw.networks);
  if (osType.toLowerCase() === 'windows') {
    return {
      readAt,
      cpuPercent: cpuPercentWindows(raw),
      memoryUsage: raw.memory_stats?.privateworkingset ?? 0,
      memoryLimit: null,
      memoryPercent: null,
      networkRx: net.rx,
      networkTx: net.tx,
      blockRead: raw.storage_stats?.read_size_bytes ?? 0,
      blockWrite: raw.storage_stats?.write_size_bytes ?? 0,
      pids: null,
      cpus: raw.num_procs ?? 0,
    };
  }
  const used = memoryUsageNoCache(raw.memory_stats);
  const limit = raw.memory_stats?.limit ?? 0;
  const io = blockIo(raw.blkio_stats);
  const online = raw.cpu_stats?.online_cpus || raw.cpu_stats?.cpu_usage?.percpu_usage?.length || 0;
  return {
    readAt,
    cpuPercent: cpuPercentUnix(raw.precpu_stats, raw.cpu_stats),
    memoryUsage: used,
    memoryLimit: limit,
    memoryPercent: memoryPercent(limit, used),
    networkRx: net.rx,
    networkTx: net.tx,
    blockRead: io.read,
    blockWrite: io.write,
    pids: raw.pids_stats?.current ?? 0,
    cpus: online,
  };
}
