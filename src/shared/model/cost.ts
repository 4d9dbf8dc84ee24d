// What a rung costs on this engine, measured with a short-lived test container: never invented.
import type { SiloError } from '../errors';

export interface CostSample {
  /** A runtime name (Linux) or Windows isolation mode. */
  mode: string;
  /** POST /containers/create, in ms. */
  createMs: number | null;
  /** From POST start until the engine says it is running, in ms. */
  startMs: number | null;
  /** createMs + startMs. */
  totalMs: number | null;
  /** Memory in use one moment after start (cgroup usage without page cache), bytes. */
  memoryBytes: number | null;
  /** Why a figure is missing, or the run failed. */
  error: SiloError | null;
}

export interface CostReport {
  image: string;
  /** The target, then the reference (the engine's default, or the one asked for). */
  target: CostSample;
  reference: CostSample | null;
  /** How long after start the memory was read, in ms. */
  settleMs: number;
  measuredAt: number;
}
