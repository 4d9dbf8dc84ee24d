// Pure rules of the isolation ladder. (Signatures fixed; bodies being written.)
import type { RawContainerInspect, RawHostConfig, RawInfo, RawRuntime } from '../engine-api';
import type { EngineInfo, EngineKind, Hardening } from '../model/engine';
import type { EffectiveIsolation, Rung } from '../model/isolation';

export function classifyRuntime(_name: string, _raw?: RawRuntime): Rung {
  throw new Error('not implemented');
}
export function detectEngineKind(_raw: RawInfo): EngineKind {
  throw new Error('not implemented');
}
export function parseHardening(_raw: RawInfo): Hardening {
  throw new Error('not implemented');
}
export function windowsHostBuild(_raw: RawInfo): number | null {
  throw new Error('not implemented');
}
export function toEngineInfo(_raw: RawInfo): EngineInfo {
  throw new Error('not implemented');
}
export function resolveIsolation(_hostConfig: RawHostConfig | undefined, _info: EngineInfo): EffectiveIsolation {
  throw new Error('not implemented');
}
export function mountsEngineSocket(_inspect: Pick<RawContainerInspect, 'HostConfig' | 'Mounts'>): boolean {
  throw new Error('not implemented');
}
