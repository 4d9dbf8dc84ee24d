// What the daemon.json rules and the safe apply report, as plain data for the UI. Codes, not
// sentences, cross the boundary; `message` is the English words for logs and the details
// disclosure, and `params` holds what a translated sentence needs.
import type { BACKEND_ERROR_CODES } from '../errors';
import type { JsonValue } from './json-source';
import type { DaemonWeakening } from './weakening-model';

export type DaemonPlatform = 'linux' | 'windows';

export type ProblemCode =
  | 'syntax' // not JSON; line and column say where
  | 'not-an-object' // the file holds something other than a JSON object
  | 'duplicate-key' // the same key twice in one object
  | 'reserved-key' // a key JavaScript keeps for itself (__proto__): Silo cannot edit or compare it safely
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
  | 'default-runtime-removed' // the engine keeps its old default on reload until it restarts
  | 'too-large' // longer than MAX_CONFIG_TEXT: not checked at all (`params.size`, `params.limit`)
  | 'too-deep'; // objects and lists nested deeper than MAX_JSON_DEPTH (`params.limit`)

export interface DaemonProblem {
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
export interface DaemonChange {
  path: string[];
  kind: 'added' | 'removed' | 'changed';
  before?: JsonValue;
  after?: JsonValue;
}

/** A runtime as daemon.json registers it. */
export type RuntimeSpec = { path: string; runtimeArgs?: string[] } | { runtimeType: string; options?: Record<string, JsonValue> };

export type ApplyStep = 'validate' | 'backup' | 'write' | 'reload' | 'verify';

/** The codes live in src/shared/errors.ts (BACKEND_ERROR_CODES), with every other code that crosses the boundary. */
export type BackendErrorCode = (typeof BACKEND_ERROR_CODES)[number];

/** A SiloError whose code is one of the backends' (assignable to SiloError). */
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
  | { status: 'applied'; backupPath: string | null; changes: DaemonChange[]; needsRestart: string[]; warnings: DaemonProblem[] }
  | { status: 'unchanged' }
  /** `weakenings`: with `weakening-not-acknowledged`, what the person must acknowledge first. */
  | { status: 'refused'; error: BackendError; problems: DaemonProblem[]; weakenings?: DaemonWeakening[] }
  /** Nothing was written: Silo may not write the file; the UI asks for elevation. */
  | { status: 'needs-elevation'; error: BackendError; configFile: string; method: 'pkexec' | 'administrator' }
  | { status: 'failed'; error: BackendError; backupPath: string | null; rollback: RollbackReport | null };
