// The safe apply of a daemon.json: validate the whole file (runtime binaries on disk included)
// → back it up beside itself (a timestamped copy, kept) → write atomically → reload the engine
// (SIGHUP, or a service restart on Windows) → read GET /info back until the new settings show.
// Any failure after the write restores the backup atomically and reloads again. At every moment
// the file on disk is, byte for byte, the old one or the new one. When Silo may not write the
// file, nothing is written and the result asks for elevation (daemon-apply-elevated.ts).
import type { ApplyStep, BackendError, DaemonApplyResult, RollbackReport } from '../../shared/backends/daemon-model';
import { backupFile, writeFileAtomic } from './atomic-file';
import { prepareApply, runtimeLookup, waitForEngineState, type DaemonTarget, type PreparedApply } from './daemon-apply-parts';
import { isPermissionError, nodeFileOps, type FileOps } from './file-ops';
import { ReloadFailure } from './reloader';
import { rollBack, type RollbackStep } from './daemon-rollback';

export type { DaemonTarget } from './daemon-apply-parts';

/** A test's way in: called before each step; throwing there is a fault at that step. */
export type StepHook = (step: ApplyStep | RollbackStep) => void | Promise<void>;

export interface ApplyDeps {
  fs?: FileOps;
  runtimeExists?: (path: string) => Promise<boolean>;
  hook?: StepHook;
  now?: () => Date;
  /** How long the engine has to show the new settings (default 5 s; 60 s for a service restart). */
  verifyDeadlineMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApplyOptions {
  /** sha256 of the file as the editor read it; a different file on disk now is refused. */
  expectedOldSha256?: string | null;
  /** The weakenings the person acknowledged (backends-weakenings.ts): exactly those of the new file. */
  acknowledged?: readonly string[];
}

class StepFailure extends Error {
  constructor(
    readonly step: ApplyStep,
    readonly reason: unknown,
  ) {
    super(`${step}: ${(reason as Error)?.message ?? String(reason)}`);
  }
}

export async function applyDaemonJson(target: DaemonTarget, text: string, options: ApplyOptions = {}, deps: ApplyDeps = {}): Promise<DaemonApplyResult> {
  const fs = deps.fs ?? nodeFileOps;
  const hook = deps.hook ?? (() => undefined);
  const step = async <T>(name: ApplyStep, run: () => Promise<T>): Promise<T> => {
    try {
      await hook(name);
      return await run();
    } catch (error) {
      throw new StepFailure(name, error);
    }
  };

  let prepared: PreparedApply;
  try {
    const outcome = await step('validate', () => prepareApply(target, text, options, { fs, runtimeExists: deps.runtimeExists ?? runtimeLookup(fs) }));
    if ('status' in outcome) return outcome;
    prepared = outcome;
  } catch (error) {
    return failed(error, null, null);
  }

  let backupPath: string | null = null;
  try {
    backupPath = (await step('backup', () => backupFile(fs, target.configFile, (deps.now ?? (() => new Date()))())))?.path ?? null;
    await step('write', () => writeFileAtomic(fs, target.configFile, prepared.next));
  } catch (error) {
    const cause = (error as StepFailure).reason;
    if (isPermissionError(cause)) {
      return {
        status: 'needs-elevation',
        error: { code: 'config-permission-denied', step: (error as StepFailure).step, params: { file: target.configFile }, detail: (cause as Error).message },
        configFile: target.configFile,
        method: target.platform === 'linux' ? 'pkexec' : 'administrator',
      };
    }
    // The write is atomic: a failed one left the old file in place.
    return failed(error, backupPath, null);
  }

  const verify = {
    deadlineMs: deps.verifyDeadlineMs ?? (target.reloader.kind === 'service' ? 60_000 : 5_000),
    pollMs: deps.pollMs ?? 100,
    sleep: deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    now: () => Date.now(),
  };
  try {
    await step('reload', () => target.reloader.reload());
    const mismatch = await step('verify', () => waitForEngineState(target.readInfo, prepared.expected, verify));
    if (mismatch) throw new StepFailure('verify', mismatch);
  } catch (error) {
    const rollback = await rollBack({ target, fs, prepared, verify, hook, toError: (e) => toBackendError(e, 'reload') });
    return failed(error, backupPath, rollback);
  }
  return { status: 'applied', backupPath, changes: prepared.changes, needsRestart: prepared.needsRestart, warnings: prepared.warnings };
}

function failed(error: unknown, backupPath: string | null, rollback: RollbackReport | null): DaemonApplyResult {
  const step = error instanceof StepFailure ? error.step : 'validate';
  const cause = error instanceof StepFailure ? error.reason : error;
  return { status: 'failed', error: toBackendError(cause, step), backupPath, rollback };
}

const STEP_CODES: Record<ApplyStep, BackendError['code']> = {
  validate: 'config-unreadable',
  backup: 'backup-failed',
  write: 'write-failed',
  reload: 'reload-failed',
  verify: 'verify-timeout',
};

function toBackendError(cause: unknown, step: ApplyStep): BackendError {
  if (isBackendError(cause)) return { ...cause, step };
  if (cause instanceof ReloadFailure) return { code: cause.code, step, detail: cause.message };
  return { code: STEP_CODES[step], step, detail: (cause as Error)?.message ?? String(cause) };
}

function isBackendError(value: unknown): value is BackendError {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && typeof (value as BackendError).code === 'string';
}
