// What the dashboard reads of the live engine session: its client, what Silo knows of the engine
// and its containers, and a way to say the engine was lost. Null while not connected.
import type { ActionOutcome } from '../../shared/contract';
import type { ContainerAction, ContainerSummary } from '../../shared/model/container';
import type { EngineInfo } from '../../shared/model/engine';
import type { EngineClient } from './connection/client';
import type { EngineEvent } from './events';
import type { ActOptions } from './types';

export interface LiveEngine {
  /** Identity of the connected period: a new value after every reconnect or switch. */
  readonly session: object;
  /** The endpoint's id: a new value means another engine. */
  readonly endpointId: string;
  readonly client: EngineClient;
  readonly apiVersion: string;
  readonly info: EngineInfo | null;
  /** The docker CLI's config folder (`$DOCKER_CONFIG`, else ~/.docker): registry credentials. */
  readonly dockerConfigDir: string;
  containers(): ContainerSummary[];
  /** Names of the volumes a container mounts, as the container list and inspect say. */
  volumeNames(containerId: string): readonly string[];
  /** A call could not reach the engine: reconnect. */
  lost(error: unknown): void;
}

/** The part of the engine manager the dashboard uses. */
export interface LiveEngineSource {
  live(): LiveEngine | null;
  /** Every engine event Silo follows (containers, daemon, images, volumes, networks, exec_die). */
  onEngineEvent(listener: (event: EngineEvent) => void): () => void;
  /** The live session changed (connected, lost, switched): `live()` tells the new state. */
  onSessionChange(listener: () => void): () => void;
  /** Container list changes (volume users follow them). */
  on(event: 'containers', listener: () => void): () => void;
  act(ids: string[], action: ContainerAction, options: ActOptions): Promise<ActionOutcome[]>;
}
