// Switching Docker Desktop's Linux engine between WSL 2 and Hyper-V: exactly one key of its
// settings file changes (`wslEngineEnabled`, in the file's casing), backed up and written
// atomically; Docker Desktop restarts (`docker desktop restart`, or the person does it); Silo
// waits for the engine with progress, then checks the engine's kernel and the file. If the
// engine does not come back on the new backend, the old file is put back and Desktop restarted.
// Images and containers do not carry over between the backends: the UI says so before.
import type { DesktopBackend, DesktopSwitchResult, SwitchPhase, SwitchProgress } from '../../../shared/backends/platform-model';
import type { BackendError, RollbackReport } from '../../../shared/backends/daemon-model';
import type { RawInfo } from '../../../shared/engine-api';
import { backupFile, restoreFile, writeFileAtomic } from '../atomic-file';
import { commandWords, succeeded, type CommandRunner } from '../command-runner';
import { nodeFileOps, type FileOps } from '../file-ops';
import { restartCommand } from './commands';
import { inspectDockerDesktop, type DesktopSnapshot } from './detect';
import type { DesktopEnvironment } from './paths';
import { booleanSetting, readDesktopSettings, withSetting } from './settings-file';

export type SwitchStep = 'write' | 'restart' | 'wait' | 'verify' | 'restore';

export interface DesktopSwitchDeps {
  runner: CommandRunner;
  /** Resolves with GET /info once the engine answers again, or null at its deadline. */
  waitForEngine(onTick: (elapsedMs: number) => void): Promise<RawInfo | null>;
  fs?: FileOps;
  onProgress?: (progress: SwitchProgress) => void;
  /** Tests inject faults here. */
  hook?: (step: SwitchStep) => void | Promise<void>;
  now?: () => Date;
  clock?: () => number;
}

/** The backend a Linux engine's GET /info shows, or null when it cannot tell (Windows containers). */
export function backendOf(info: RawInfo): DesktopBackend | null {
  if ((info.OSType ?? 'linux') !== 'linux') return null;
  return /microsoft-standard-wsl2/i.test(info.KernelVersion ?? '') ? 'wsl2' : 'hyperv';
}

export async function switchDesktopBackend(environment: DesktopEnvironment, target: DesktopBackend, deps: DesktopSwitchDeps): Promise<DesktopSwitchResult> {
  const fs = deps.fs ?? nodeFileOps;
  const clock = deps.clock ?? Date.now;
  const started = clock();
  const progress = (phase: SwitchPhase, detail?: string) => deps.onProgress?.({ phase, elapsedMs: clock() - started, ...(detail ? { detail } : {}) });
  const hook = deps.hook ?? (() => undefined);

  const snapshot = await inspectDockerDesktop(environment, fs, deps.runner);
  const { state, settings } = snapshot;
  if (!state.backend.offered || !settings) {
    const code =
      state.backend.unavailable === 'locked' || state.backend.unavailable === 'admin-settings-unreadable'
        ? 'setting-locked'
        : state.installed
          ? 'switch-not-offered'
          : 'desktop-not-found';
    return { status: 'refused', error: { code, params: { reason: state.backend.unavailable ?? 'settings-unreadable' } } };
  }
  if (state.backend.current === target) return { status: 'unchanged' };

  const old = Buffer.from(settings.text, 'utf8');
  const next = Buffer.from(withSetting(settings.text, settings.root, 'wslEngineEnabled', target === 'wsl2'), 'utf8');
  let backupPath: string | null = null;
  try {
    progress('writing');
    await hook('write');
    backupPath = (await backupFile(fs, settings.path, (deps.now ?? (() => new Date()))()))?.path ?? null;
    await writeFileAtomic(fs, settings.path, next);
  } catch (error) {
    return { status: 'failed', error: { code: 'write-failed', detail: (error as Error).message }, backupPath, rollback: null };
  }

  const failure = await restartAndCheck(snapshot, target, deps, hook, progress);
  if (!failure) {
    progress('done');
    return { status: 'switched', backupPath, restart: state.restart };
  }
  progress('rolling-back');
  const rollback = await putBack(snapshot, old, deps, fs, hook);
  return { status: 'failed', error: failure, backupPath, rollback };
}

async function restartAndCheck(
  snapshot: DesktopSnapshot,
  target: DesktopBackend,
  deps: DesktopSwitchDeps,
  hook: (step: SwitchStep) => void | Promise<void>,
  progress: (phase: SwitchPhase, detail?: string) => void,
): Promise<BackendError | null> {
  try {
    progress('restarting', snapshot.state.restart === 'manual' ? 'manual' : undefined);
    await hook('restart');
    const restarted = await restart(snapshot, deps.runner);
    if (restarted) return restarted;
    progress('waiting');
    await hook('wait');
    const info = await deps.waitForEngine(() => progress('waiting'));
    if (!info) return { code: 'engine-wait-timeout', detail: 'Docker Desktop’s engine did not answer in time' };
    progress('verifying');
    await hook('verify');
    const shown = backendOf(info);
    if (shown !== null && shown !== target)
      return { code: 'verify-failed', detail: `the engine runs on ${shown} (kernel ${info.KernelVersion ?? '?'})`, params: { backend: shown } };
    const { file } = await readDesktopSettings(snapshot.paths, deps.fs ?? nodeFileOps);
    if (booleanSetting(file, 'wslEngineEnabled') !== (target === 'wsl2'))
      return { code: 'verify-failed', detail: 'Docker Desktop wrote its old backend back into its settings file' };
    return null;
  } catch (error) {
    return { code: 'command-failed', detail: (error as Error).message };
  }
}

/** `docker desktop restart` where that CLI exists; otherwise the person restarts Desktop. */
async function restart(snapshot: DesktopSnapshot, runner: CommandRunner): Promise<BackendError | null> {
  if (snapshot.state.restart !== 'desktop-cli') return null;
  const command = restartCommand(snapshot.paths);
  const result = await runner.run(command.file, command.args, { timeoutMs: 300_000 });
  return succeeded(result) ? null : { code: 'command-failed', detail: `docker desktop restart: ${commandWords(result)}` };
}

async function putBack(
  snapshot: DesktopSnapshot,
  old: Buffer,
  deps: DesktopSwitchDeps,
  fs: FileOps,
  hook: (step: SwitchStep) => void | Promise<void>,
): Promise<RollbackReport> {
  const path = snapshot.settings?.path as string;
  try {
    await hook('restore');
    await restoreFile(fs, path, old);
  } catch (error) {
    return { restored: false, reloaded: false, error: { code: 'restore-failed', detail: (error as Error).message } };
  }
  const failed = await restart(snapshot, deps.runner).catch((error: Error) => ({ code: 'command-failed' as const, detail: error.message }));
  if (failed) return { restored: true, reloaded: false, error: failed };
  if (snapshot.state.restart === 'manual') return { restored: true, reloaded: false, error: null };
  const back = await deps.waitForEngine(() => undefined);
  return { restored: true, reloaded: true, error: back ? null : { code: 'engine-wait-timeout' } };
}
