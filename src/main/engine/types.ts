// What the rest of the main process sees of the engine layer. Only src/main/engine/connection imports
// dockerode; everything above it speaks these types and the DTOs of src/shared/model.
import type { ActionOutcome } from '../../shared/contract';
import type { RawInfo } from '../../shared/engine-api';
import type { ContainerAction, ContainerSummary, ContainersPatch } from '../../shared/model/container';
import type { EngineEndpoint, EngineSnapshot } from '../../shared/model/engine';

export interface EngineManagerEvents {
  endpoints: EngineEndpoint[];
  engine: EngineSnapshot;
  containers: ContainersPatch;
}

export interface ActOptions {
  removeVolumes?: boolean;
  force?: boolean;
}

export interface EngineManagerOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
}

/** The main process's single owner of engine connections and the truth about them. */
export interface EngineService {
  start(): Promise<void>;
  stop(): Promise<void>;
  endpoints(): EngineEndpoint[];
  refreshEndpoints(): Promise<EngineEndpoint[]>;
  select(id: string): Promise<void>;
  snapshot(): EngineSnapshot;
  containers(): ContainerSummary[];
  act(ids: string[], action: ContainerAction, options: ActOptions): Promise<ActionOutcome[]>;
  /** A fresh GET /info of a discovered endpoint (never the cached one), within a deadline. */
  readInfo(id: string, deadlineMs?: number): Promise<RawInfo>;
  on<E extends keyof EngineManagerEvents>(event: E, listener: (payload: EngineManagerEvents[E]) => void): () => void;
}
