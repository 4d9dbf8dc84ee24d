import type { RootFinding } from './root-access';
import type { EffectiveIsolation } from './isolation';
import type { Boundary } from './boundary';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortMapping {
  privatePort: number;
  publicPort: number | null;
  hostIp: string | null;
  protocol: 'tcp' | 'udp' | 'sctp' | string;
}

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy' | null;

/** State details that only inspect carries; the UI words them in the person's language. */
export interface ContainerStateDetail {
  /** Epoch ms, or null when never started / finished. */
  startedAt: number | null;
  finishedAt: number | null;
  exitCode: number | null;
  oomKilled: boolean;
  health: HealthStatus;
  restartCount: number;
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** The engine's own status text (English), shown until `detail` arrives. */
  statusText: string;
  detail: ContainerStateDetail | null;
  createdAt: number;
  ports: PortMapping[];
  composeProject: string | null;
  composeService: string | null;
  /** Null while the container has not been inspected yet. */
  isolation: EffectiveIsolation | null;
  /** The container mounts the engine's socket or pipe: it controls the engine. */
  mountsEngineSocket: boolean;
  /** Every choice that gives it root on the host (src/shared/isolation/root-access.ts); empty before its inspect. */
  rootAccess: RootFinding[];
  /** Its effective boundary (src/shared/isolation/boundary.ts); null before its inspect. */
  boundary: Boundary | null;
  labels: Record<string, string>;
}

/** A change to the container list, applied in order. `reset` replaces the whole list. */
export interface ContainersPatch {
  reset: boolean;
  upsert: ContainerSummary[];
  remove: string[];
}

export const CONTAINER_ACTIONS = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];
