// Putting an engine back as it was after a failed apply: the old file back on disk (atomically,
// byte for byte, or removed when there was none), the engine reloaded, and GET /info read back.
// One dockerd rule needs more: on SIGHUP it keeps its default runtime when daemon.json has no
// `default-runtime`, so an old file without the key does not switch the engine back. Then the
// old file is first written with the engine's earlier default spelt out, reloaded, and only then
// replaced by the exact old bytes (which a later reload leaves alone).
import type { BackendError, RollbackReport } from '../../shared/backends/daemon-model';
import { setDefaultRuntime } from '../../shared/backends/daemon-edit';
import { restoreFile, writeFileAtomic } from './atomic-file';
import { readInfoWithin, waitForEngineState, type DaemonTarget, type PreparedApply, type VerifyOptions } from './daemon-apply-parts';
import type { FileOps } from './file-ops';

export type RollbackStep = 'restore' | 'reload-after-restore';

export interface RollbackContext {
  target: DaemonTarget;
  fs: FileOps;
  prepared: PreparedApply;
  verify: VerifyOptions;
  hook: (step: RollbackStep) => void | Promise<void>;
  toError: (error: unknown) => BackendError;
}

export async function rollBack(context: RollbackContext): Promise<RollbackReport> {
  const { target, fs, prepared, hook } = context;
  try {
    await hook('restore');
    await restoreFile(fs, target.configFile, prepared.old);
  } catch (error) {
    return { restored: false, reloaded: false, error: { code: 'restore-failed', detail: (error as Error).message } };
  }
  try {
    await hook('reload-after-restore');
    await target.reloader.reload();
  } catch (error) {
    return { restored: true, reloaded: false, error: context.toError(error) };
  }
  const reset = await resetDefaultRuntime(context);
  const back = prepared.previous ? await waitForEngineState(target.readInfo, prepared.previous, context.verify) : null;
  return { restored: true, reloaded: true, error: reset ?? back };
}

async function resetDefaultRuntime({ target, fs, prepared, verify, toError }: RollbackContext): Promise<BackendError | null> {
  const before = prepared.engineBefore?.DefaultRuntime;
  if (target.platform !== 'linux' || !before || prepared.previous?.defaultRuntime) return null;
  const now = await readInfoWithin(target.readInfo, 3_000);
  if (!now || now.DefaultRuntime === before) return null;
  try {
    const spelt = setDefaultRuntime(prepared.old?.toString('utf8') ?? '', before);
    await writeFileAtomic(fs, target.configFile, Buffer.from(spelt, 'utf8'));
    await target.reloader.reload();
    const wrong = await waitForEngineState(target.readInfo, { defaultRuntime: before, runtimes: {}, absentRuntimes: [], isolation: null }, verify);
    return wrong;
  } catch (error) {
    return toError(error);
  } finally {
    await restoreFile(fs, target.configFile, prepared.old).catch(() => undefined);
  }
}
