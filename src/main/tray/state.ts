// What the tray menu is built from, and how it is gathered from the engine's own DTOs.
import type { ContainerSummary } from '../../shared/model/container';
import type { ConnectionPhase, EngineEndpoint, EngineSnapshot } from '../../shared/model/engine';
import type { Rung } from '../../shared/model/isolation';
import type { Language } from '../../shared/model/preferences';

export interface IsolationOption {
  mode: string;
  rung: Rung;
}

export interface TrayState {
  language: Language;
  /** The active engine; null when none was found. */
  engine: { name: string; phase: ConnectionPhase } | null;
  containers: readonly ContainerSummary[];
  pinned: readonly string[];
  endpoints: readonly EngineEndpoint[];
  /** The engine's default runtime (Linux) or isolation (Windows), and the ones it offers. */
  /** `editable` false: the default is not Silo's to change here (Podman keeps it in containers.conf). */
  isolation: { current: string | null; offered: readonly IsolationOption[]; editable?: boolean };
  /** Docker Desktop can switch its engine to the other OS (null when it cannot, or is not Docker Desktop). */
  engineOsSwitch: 'windows' | 'linux' | null;
}

export function trayStateFrom(input: {
  language: Language;
  snapshot: EngineSnapshot;
  containers: readonly ContainerSummary[];
  endpoints: readonly EngineEndpoint[];
  pinned: readonly string[];
  engineOsSwitch?: 'windows' | 'linux' | null;
}): TrayState {
  const { snapshot } = input;
  const info = snapshot.info;
  return {
    language: input.language,
    engine: snapshot.endpoint ? { name: snapshot.endpoint.name, phase: snapshot.connection.phase } : null,
    containers: input.containers,
    pinned: input.pinned,
    endpoints: input.endpoints,
    isolation: {
      current: info ? (info.defaultRuntime ?? info.defaultIsolation) : null,
      offered: info ? info.runtimes.filter((runtime) => !runtime.aliasOf).map((runtime) => ({ mode: runtime.name, rung: runtime.rung })) : [],
      editable: info?.kind !== 'podman',
    },
    engineOsSwitch: input.engineOsSwitch ?? null,
  };
}
