// Memory and CPU limits and restart policies, with the engine's own bounds.
import type { RestartPolicyName } from '../model/create';
import { problem, type FieldProblem } from './problem';

/** The engine refuses less: "Minimum memory limit allowed is 6MB". */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** `512m`, `1g`, `1.5GiB`, `1073741824` in bytes, as the docker CLI reads them (binary units); null if unreadable. */
export function parseMemory(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?(?:i?b)?$/i.exec(value.trim());
  if (!m) return null;
  const bytes = Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 1);
  return Number.isFinite(bytes) ? Math.floor(bytes) : null;
}

export function validateMemory(value: string | undefined, field = 'memory'): FieldProblem[] {
  if (value === undefined || value.trim() === '') return [];
  const bytes = parseMemory(value);
  if (bytes === null) return [problem(field, 'memory-format', { value })];
  if (bytes < MIN_MEMORY_BYTES) return [problem(field, 'memory-minimum', { minimum: '6m' })];
  return [];
}

/** `0.5` CPUs as NanoCpus; null if unreadable. */
export function parseCpus(value: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return null;
  return Math.round(Number(value) * 1e9);
}

/** `available`: the engine's CPUs (GET /info NCPU), when known. */
export function validateCpus(value: string | undefined, available?: number, field = 'cpus'): FieldProblem[] {
  if (value === undefined || value.trim() === '') return [];
  const nano = parseCpus(value);
  if (nano === null) return [problem(field, 'cpus-format', { value })];
  const max = available !== undefined && available > 0 ? available : null;
  if (nano < 1e7 || (max !== null && nano > max * 1e9)) return [problem(field, 'cpus-range', { min: '0.01', max: max === null ? '' : max.toFixed(2) })];
  return [];
}

export function validateRestart(restart: { policy: RestartPolicyName; maxRetries?: number } | undefined, field = 'restart'): FieldProblem[] {
  if (!restart || restart.maxRetries === undefined || restart.maxRetries === 0) return [];
  if (restart.policy !== 'on-failure' || restart.maxRetries < 0 || !Number.isInteger(restart.maxRetries)) {
    return [problem(`${field}.maxRetries`, 'restart-retries', { policy: restart.policy })];
  }
  return [];
}
