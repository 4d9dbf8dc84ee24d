// What the daemon.json rules and the safe apply report, as plain data for the UI. Codes, not
// sentences, cross the boundary; `message` is the English words for logs and the details
// disclosure, and `params` holds what a translated sentence needs.
import type { JsonValue } from './json-source';

export type DaemonPlatform = 'linux' | 'windows';

export type ProblemCode =
  | 'syntax' // not JSON; line and column say where
  | 'not-an-object' // the file holds something other than a JSON object
  | 'duplicate-key' // the same key twice in one object
  | 'unknown-key' // dockerd matches it to no option and refuses to start
  | 'other-platform-key' // a key the other platform's dockerd has (for example runtimes on Windows)
  | 'flag-conflict' // also set on dockerd's command line: dockerd refuses both
  | 'wrong-type' // the value has the wrong JSON type for the key
  | 'bad-value' // a value dockerd refuses (log-level, an exec-opt without "=")
  | 'runtime-invalid' // a runtimes entry without path or runtimeType, or with both
  | 'runtime-reserved' // a runtimes entry named like a built-in runtime
  | 'runtime-path-missing' // the runtime's binary is not on disk
  | 'default-runtime-unknown' // default-runtime names no registered or built-in runtime
  | 'isolation-invalid' // Windows exec-opt isolation= other than process, hyperv or default
  | 'exec-opt-unknown' // Windows refuses any exec-opt other than isolation
  | 'default-runtime-removed'; // the engine keeps its old default on reload until it restarts

export interface DaemonConfigProblem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** The key path it is about (`runtimes.runsc.path`), when there is one. */
  key: string | null;
  /** 1-based position in the text, when known. */
  line: number | null;
  column: number | null;
  message: string;
  params: Record<string, string | number>;
}

/** One difference between two daemon.json files, by key path. */
export interface DaemonConfigChange {
  path: string[];
  kind: 'added' | 'removed' | 'changed';
  before?: JsonValue;
  after?: JsonValue;
}

/** A runtime as daemon.json registers it. */
export type RuntimeSpec = { path: string; runtimeArgs?: string[] } | { runtimeType: string; options?: Record<string, JsonValue> };

export type ApplyStep = 'validate' | 'backup' | 'write' | 'reload' | 'verify';

export type BackendErrorCode =
  | 'config-invalid' // refused before anything was written; `problems` says why
  | 'config-changed-on-disk' // the file changed since the editor read it
  | 'config-permission-denied' // Silo may not write the file: ask for elevation
  | 'config-unreadable' // the current file could not be read
  | 'backup-failed'
  | 'write-failed'
  | 'reload-failed'
  | 'engine-not-running' // no dockerd process to signal, or the service is stopped
  | 'verify-timeout' // the engine did not show the new setting within the deadline
  | 'verify-failed' // the engine answered, but with another value
  | 'restore-failed'
  | 'elevation-dismissed' // the person closed the password dialog
  | 'elevation-refused' // polkit refused, or the password was wrong
  | 'elevation-unavailable' // no pkexec on this machine
  | 'elevation-failed' // the helper ran and failed (its step says where)
  | 'setting-locked' // an administrator locked this Docker Desktop setting
  | 'desktop-not-found'
  | 'desktop-settings-unreadable'
  | 'switch-not-offered' // this installation has no way to make that switch
  | 'command-failed' // a command Silo ran exited with an error; `detail` holds its words
  | 'engine-wait-timeout' // the engine did not come back within the deadline
  | 'wsl-unavailable'
  | 'context-name-invalid'
  | 'context-host-invalid'
  | 'context-tls-invalid'
  | 'context-exists'
  | 'context-not-found'
  | 'context-not-created-by-silo'
  | 'context-in-use'
  | 'context-write-failed';

/** Shaped like SiloError, so the lead can fold these codes into src/shared/errors.ts. */
export interface BackendError {
  code: BackendErrorCode;
  step?: ApplyStep;
  params?: Record<string, string | number>;
  detail?: string;
}

export interface RollbackReport {
  /** The old file is back on disk (byte for byte), or was removed when there was none. */
  restored: boolean;
  /** The engine was told to read it again (SIGHUP or a service restart). */
  reloaded: boolean;
  error: BackendError | null;
}

export type DaemonApplyResult =
  | { status: 'applied'; backupPath: string | null; changes: DaemonConfigChange[]; needsRestart: string[]; warnings: DaemonConfigProblem[] }
  | { status: 'unchanged' }
  | { status: 'refused'; error: BackendError; problems: DaemonConfigProblem[] }
  /** Nothing was written: Silo may not write the file; the UI asks for elevation. */
  | { status: 'needs-elevation'; error: BackendError; configFile: string; method: 'pkexec' | 'administrator' }
  | { status: 'failed'; error: BackendError; backupPath: string | null; rollback: RollbackReport | null };
