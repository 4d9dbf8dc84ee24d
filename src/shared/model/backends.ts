// What the Settings view sees of an engine's configuration and backends: its daemon.json (read,
// checked, applied), Docker Desktop, WSL, and the engines a person adds. The rules and most
// shapes live in src/shared/backends; this is the one place the contract and the UI take
// them from.
import type { SiloError } from '../errors';
import type { ApplyStep, DaemonChange, DaemonProblem, DaemonPlatform } from '../backends/daemon-model';
import type { SwitchProgress } from '../backends/platform-model';
import type { DaemonWeakening } from '../backends/weakening-model';
export type { DaemonWeakening, WeakeningCode } from '../backends/weakening-model';
import type { Rung, WindowsIsolation } from './isolation';

export type {
  ApplyStep,
  BackendError,
  BackendErrorCode,
  DaemonApplyResult,
  DaemonChange,
  DaemonProblem,
  DaemonPlatform,
  ProblemCode,
  RollbackReport,
} from '../backends/daemon-model';
export type {
  ContainerPlatform,
  ContextResult,
  DesktopBackend,
  DesktopSwitchResult,
  DockerDesktopState,
  EngineContext,
  LockedSetting,
  RemoteEngineInput,
  SwitchPhase,
  SwitchProgress,
  SwitchUnavailable,
  WslDistro,
  WslReport,
  WslState,
} from '../backends/platform-model';

/** Why Silo cannot change an engine's daemon.json (the UI words it). */
export type DaemonLockedReason =
  | 'remote' // reached over TCP or SSH: its file lives on another machine
  | 'docker-desktop' // Docker Desktop owns its engine's configuration
  | 'not-found' // no dockerd (or Windows service engine) Silo can see behind this endpoint
  | 'unreadable'; // the file is there but Silo may not read it

export type DaemonRead =
  | {
      editable: true;
      engine: string;
      platform: DaemonPlatform;
      configFile: string;
      /** False when there is no file yet (the engine runs on its defaults). */
      exists: boolean;
      text: string;
      /** Of the bytes on disk (of nothing when there is no file): the base an apply must match. */
      sha256: string;
      problems: DaemonProblem[];
      /** dockerd's command line, so the page validates as the engine will. */
      commandLineFlags: string[];
      commandLineRuntimes: string[];
      /** How the engine takes a change: SIGHUP (Linux) or a service restart (Windows). */
      reload: 'signal' | 'service';
    }
  | { editable: false; engine: string; reason: DaemonLockedReason };

export interface DaemonValidation {
  /** The pure rules' problems, plus runtime binaries missing on disk. */
  problems: DaemonProblem[];
  /** From the file on disk to this text; null when either is not a JSON object. */
  changes: DaemonChange[] | null;
  /** What this text weakens over the file on disk (runtime binaries on disk included): each must be acknowledged. */
  weakenings: DaemonWeakening[];
}

/** A step of a daemon.json apply, its rollback included. */
export type DaemonApplyStep = ApplyStep | 'restore' | 'reload-after-restore';

export interface DaemonProgress {
  engine: string;
  step: DaemonApplyStep;
  elapsedMs: number;
}

export interface DesktopProgress extends SwitchProgress {
  operation: 'backend' | 'containers';
  target: string;
}

/** An engine's default isolation, as one fresh GET /info shows it. */
export interface EngineDefaults {
  id: string;
  osType: string | null;
  /** Linux: the default runtime. */
  defaultRuntime: string | null;
  /** Windows: process or hyperv. */
  defaultIsolation: WindowsIsolation | null;
  /** The default's rung on the ladder. */
  rung: Rung | null;
  /** Why the engine could not be asked; the rest is then null. */
  error: SiloError | null;
}
