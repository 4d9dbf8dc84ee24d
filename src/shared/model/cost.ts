// What a rung costs on this engine, measured with a short-lived test container: never invented.
import type { SiloError } from '../errors';

export interface CostSample {
  /** A runtime name (Linux) or Windows isolation mode. */
  mode: string;
  /** Runs that gave figures. Each figure below is the median over them. */
  runs: number;
  /** POST /containers/create, in ms. */
  createMs: number | null;
  /** POST start, until the engine says it started, in ms. */
  startMs: number | null;
  /** Create to running, in ms (median of the runs' sums). */
  totalMs: number | null;
  /** Every run's create-to-running time, in ms, in the order measured. */
  totalsMs: number[];
  /** Memory in use a moment after start (cgroup usage without inactive page cache), bytes. */
  memoryBytes: number | null;
  /** Why a figure is missing, or the runs failed. */
  error: SiloError | null;
}

export interface CostReport {
  image: string;
  /** What the test containers ran: the container's command, the image's, or a fixed short one. */
  command: 'container' | 'image' | 'sh' | 'true' | null;
  /** The engine measured on (its endpoint id): figures are kept per engine. */
  endpoint?: string;
  /** The target, then the reference (the engine's default, or the one asked for). */
  target: CostSample;
  reference: CostSample | null;
  /** How long after start the memory was read, in ms. */
  settleMs: number;
  measuredAt: number;
}
