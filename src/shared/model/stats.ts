/** One `docker stats` row, computed the way the docker CLI computes it (shared/stats/compute.ts). */
export interface StatsSample {
  /** Epoch ms of the engine's reading. */
  readAt: number;
  /** Percent of one CPU (200 = two CPUs busy), as `docker stats` shows it. */
  cpuPercent: number;
  /** Linux: usage minus inactive file cache; Windows: the private working set. Bytes. */
  memoryUsage: number;
  /** Bytes; null on Windows (the engine gives no limit there). */
  memoryLimit: number | null;
  /** Null on Windows. */
  memoryPercent: number | null;
  networkRx: number;
  networkTx: number;
  blockRead: number;
  blockWrite: number;
  /** Null on Windows. */
  pids: number | null;
  /** CPUs the percentage is measured against (online CPUs on Linux, `num_procs` on Windows). */
  cpus: number;
}
