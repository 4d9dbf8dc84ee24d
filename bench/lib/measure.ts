// Small numeric helpers and the clock every figure is read on: epoch milliseconds with
// sub-millisecond precision, comparable with Chromium's `performance.timeOrigin + performance.now()`
// and with the engine's `timeNano` on the same machine.

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The q-quantile (0..1) by the nearest-rank method; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/** Time `work` `times` times (after `warmup` untimed runs); the durations in ms. */
export async function timeRuns(times: number, work: () => Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await work();
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = nowMs();
    await work();
    durations.push(nowMs() - start);
  }
  return durations;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

export function fmtList(values: readonly number[], format: (v: number) => string = fmtMs): string {
  return values.map(format).join(', ');
}
