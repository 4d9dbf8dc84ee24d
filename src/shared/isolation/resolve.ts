// A container's effective isolation (docs/isolation.md, "Isolation modes"): what it asked for, or the
// daemon's default when it asked for nothing.
import type { RawHostConfig } from '../engine-api';
import type { EngineInfo } from '../model/engine';
import type { EffectiveIsolation, Rung } from '../model/isolation';
import { classifyRuntime, classifyWindowsIsolation, parseWindowsIsolation } from './ladder';

/** The mode shown when the engine's default is not known. */
export const UNKNOWN_DEFAULT_MODE = 'default';

function runtimeRung(name: string, info: EngineInfo): Rung {
  const listed = info.runtimes.find((r) => r.name === name);
  return listed ? listed.rung : classifyRuntime(name);
}

export function resolveIsolation(hostConfig: RawHostConfig | undefined, info: EngineInfo): EffectiveIsolation {
  if (info.osType === 'windows') {
    const asked = typeof hostConfig?.Isolation === 'string' ? hostConfig.Isolation.trim() : '';
    const lower = asked.toLowerCase();
    if (lower === '' || lower === 'default') {
      const mode = info.defaultIsolation;
      return mode === null
        ? { mode: UNKNOWN_DEFAULT_MODE, rung: 'unknown', source: 'daemon-default' }
        : { mode, rung: classifyWindowsIsolation(mode), source: 'daemon-default' };
    }
    const mode = parseWindowsIsolation(lower);
    return mode === null ? { mode: asked, rung: 'unknown', source: 'container' } : { mode, rung: classifyWindowsIsolation(mode), source: 'container' };
  }

  const asked = typeof hostConfig?.Runtime === 'string' ? hostConfig.Runtime.trim() : '';
  if (asked === '') {
    const mode = info.defaultRuntime;
    return mode === null
      ? { mode: UNKNOWN_DEFAULT_MODE, rung: 'unknown', source: 'daemon-default' }
      : { mode, rung: runtimeRung(mode, info), source: 'daemon-default' };
  }
  return { mode: asked, rung: runtimeRung(asked, info), source: 'container' };
}
