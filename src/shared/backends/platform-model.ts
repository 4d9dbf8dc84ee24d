// Plain data the UI sees about Docker Desktop, WSL and the engines a person adds. Kept in
// shared so the contract can name them (they may move to src/shared/model/backends.ts when the
// contract entries are added).
import type { BackendError, RollbackReport } from './daemon-model';

export type DesktopBackend = 'wsl2' | 'hyperv';
export type ContainerPlatform = 'linux' | 'windows';

/** Why a switch is not offered; the UI words it. */
export type SwitchUnavailable =
  | 'not-installed'
  | 'not-windows' // the switch exists only on Windows
  | 'locked' // admin-settings.json locks it
  | 'settings-unreadable' // the settings file is missing or not JSON
  | 'admin-settings-unreadable' // an admin file is there but cannot be read: assume locked
  | 'no-switch-command'; // neither `docker desktop engine` nor DockerCli.exe is there

export interface LockedSetting {
  /** The value the file holds, or null when it holds none. */
  value: boolean | null;
  locked: boolean;
}

export interface DockerDesktopState {
  installed: boolean;
  platform: 'windows' | 'linux';
  /** From componentsVersion.json, when there is one (the format is not documented: read as found). */
  version: string | null;
  settingsFile: { path: string; format: 'settings-store' | 'settings' } | null;
  adminSettingsFile: string | null;
  backend: { current: DesktopBackend | null; locked: boolean; offered: boolean; unavailable: SwitchUnavailable | null };
  containers: {
    current: ContainerPlatform | null;
    /** The platforms Silo can switch to now (never the current one). */
    offered: ContainerPlatform[];
    method: 'desktop-cli' | 'dockercli' | null;
    unavailable: SwitchUnavailable | null;
  };
  /** How Docker Desktop is restarted after a backend switch: by Silo, or by the person. */
  restart: 'desktop-cli' | 'manual';
  enhancedContainerIsolation: LockedSetting;
  exposeDockerAPIOnTCP2375: LockedSetting;
  /** Plain sentences about files that could not be read (for the log). */
  problems: string[];
}

export type SwitchPhase = 'writing' | 'restarting' | 'waiting' | 'verifying' | 'rolling-back' | 'done';

export interface SwitchProgress {
  phase: SwitchPhase;
  elapsedMs: number;
  /** `manual` while Silo waits for the person to restart Docker Desktop. */
  detail?: string;
}

export type DesktopSwitchResult =
  | { status: 'switched'; backupPath: string | null; restart: 'desktop-cli' | 'manual' }
  | { status: 'unchanged' }
  | { status: 'refused'; error: BackendError }
  | { status: 'failed'; error: BackendError; backupPath: string | null; rollback: RollbackReport | null };

export type WslState = 'running' | 'stopped' | 'installing' | 'converting' | 'uninstalling' | 'other';

export interface WslDistro {
  name: string;
  state: WslState;
  /** As wsl.exe printed it (localized on non-English Windows). */
  stateText: string;
  version: number | null;
  isDefault: boolean;
  /** Docker Desktop's integration is on for it (its settings file says so). */
  dockerIntegration: boolean;
  /** Docker Desktop's own distribution (docker-desktop, docker-desktop-data). */
  dockerInternal: boolean;
}

export interface WslReport {
  available: boolean;
  distros: WslDistro[];
  /** wsl.exe's own words when it lists nothing (no distributions, WSL not installed). */
  message: string | null;
  /** False when Docker Desktop's settings could not be read: dockerIntegration is then unknown. */
  integrationKnown: boolean;
}

export interface RemoteEngineInput {
  name: string;
  description?: string;
  /** tcp://host:port or ssh://[user@]host[:port]. */
  host: string;
  /** PEM texts for a tcp engine with TLS. */
  tls?: { ca?: string; cert?: string; key?: string; skipVerify?: boolean };
}

export interface EngineContext {
  name: string;
  description: string | null;
  host: string | null;
  tls: boolean;
  createdBySilo: boolean;
  /** config.json's currentContext names it. */
  current: boolean;
}

export type ContextResult = { status: 'done'; context: EngineContext; backupPath: string | null } | { status: 'refused'; error: BackendError };
