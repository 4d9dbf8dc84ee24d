// What GET /info must show once the engine has taken a daemon.json, and whether it does. A
// SIGHUP reloads `runtimes` only when the key is in the file and `default-runtime` only when it
// is set, so only what the file says is expected. Pure.
import type { RawInfo, RawRuntime } from '../engine-api';
import { sameValue } from './daemon-diff';
import type { JsonValue } from './json-source';
import type { DaemonPlatform } from './daemon-model';
import { parseExecOpt } from './daemon-runtimes';

export interface EngineExpectation {
  defaultRuntime: string | null;
  /** Runtimes that must be listed, with the path/args or type the file gives them. */
  runtimes: Record<string, RawRuntime>;
  /** Runtimes the old file had and the new one dropped. */
  absentRuntimes: string[];
  /** Windows default isolation. */
  isolation: 'process' | 'hyperv' | null;
}

type Config = Record<string, JsonValue>;

export function expectedEngineState(config: Config, previous: Config | null, platform: DaemonPlatform): EngineExpectation {
  if (platform === 'windows') return { defaultRuntime: null, runtimes: {}, absentRuntimes: [], isolation: windowsIsolation(config) };
  const defaultRuntime = typeof config['default-runtime'] === 'string' ? config['default-runtime'] : null;
  const runtimes: Record<string, RawRuntime> = {};
  const listed = objectOrNull(config.runtimes);
  for (const [name, spec] of Object.entries(listed ?? {})) {
    const entry = objectOrNull(spec);
    if (!entry) continue;
    const runtime: RawRuntime = {};
    if (typeof entry.path === 'string') runtime.path = entry.path;
    if (Array.isArray(entry.runtimeArgs)) runtime.runtimeArgs = entry.runtimeArgs.filter((a): a is string => typeof a === 'string');
    if (typeof entry.runtimeType === 'string') runtime.runtimeType = entry.runtimeType;
    Object.defineProperty(runtimes, name, { value: runtime, enumerable: true, writable: true, configurable: true });
  }
  const before = Object.keys(objectOrNull(previous?.runtimes) ?? {});
  const absentRuntimes = listed ? before.filter((name) => !Object.hasOwn(listed, name)) : [];
  return { defaultRuntime, runtimes, absentRuntimes, isolation: null };
}

/** Plain sentences for each way the engine differs from the expectation; empty when it matches. */
export function compareWithInfo(expected: EngineExpectation, info: RawInfo): string[] {
  const mismatches: string[] = [];
  if (expected.defaultRuntime !== null && info.DefaultRuntime !== expected.defaultRuntime)
    mismatches.push(`default runtime is "${info.DefaultRuntime ?? ''}", not "${expected.defaultRuntime}"`);
  const listed = info.Runtimes ?? {};
  for (const [name, want] of Object.entries(expected.runtimes)) {
    const have = Object.hasOwn(listed, name) ? listed[name] : undefined;
    if (!have) {
      mismatches.push(`runtime "${name}" is not registered`);
      continue;
    }
    if (want.path !== undefined && have.path !== want.path) mismatches.push(`runtime "${name}" has path "${have.path ?? ''}", not "${want.path}"`);
    if (want.path !== undefined && !sameValue(have.runtimeArgs ?? [], want.runtimeArgs ?? [])) mismatches.push(`runtime "${name}" has other arguments`);
    if (want.runtimeType !== undefined && have.runtimeType !== undefined && have.runtimeType !== want.runtimeType)
      mismatches.push(`runtime "${name}" has type "${have.runtimeType}", not "${want.runtimeType}"`);
  }
  for (const name of expected.absentRuntimes) if (Object.hasOwn(listed, name)) mismatches.push(`runtime "${name}" is still registered`);
  if (expected.isolation !== null && (info.Isolation ?? '').toLowerCase() !== expected.isolation)
    mismatches.push(`default isolation is "${info.Isolation ?? ''}", not "${expected.isolation}"`);
  return mismatches;
}

function windowsIsolation(config: Config): 'process' | 'hyperv' | null {
  const options = Array.isArray(config['exec-opts']) ? config['exec-opts'] : [];
  let mode: 'process' | 'hyperv' | null = null;
  for (const option of options) {
    if (typeof option !== 'string') continue;
    const parsed = parseExecOpt(option);
    const value = parsed?.key === 'isolation' ? parsed.value.toLowerCase() : '';
    if (value === 'process' || value === 'hyperv') mode = value;
  }
  return mode;
}

function objectOrNull(value: JsonValue | undefined): Record<string, JsonValue> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}
