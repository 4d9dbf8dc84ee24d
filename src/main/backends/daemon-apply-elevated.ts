// The same safe apply, when Silo may not write daemon.json itself (the answer `needs-elevation`
// led the person to agree): the new text is staged in a private folder, and one pkexec run backs
// the file up, installs the new one atomically and sends SIGHUP. Then GET /info is read back as
// usual; if the engine does not show the new settings, a second pkexec run puts the backup back.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendError, DaemonApplyResult, RollbackReport } from '../../shared/backends/daemon-model';
import { backupPathFor } from './atomic-file';
import { isMissingProgram, type CommandRunner } from './command-runner';
import { prepareApply, runtimeLookup, sha256, waitForEngineState, type DaemonTarget, type PreparedApply } from './daemon-apply-parts';
import { PKEXEC, buildElevatedInstallCommand, elevatedOutcome } from './elevation';
import { nodeFileOps, type FileOps } from './file-ops';

export interface ElevatedApplyDeps {
  runner: CommandRunner;
  fs?: FileOps;
  runtimeExists?: (path: string) => Promise<boolean>;
  /** A private folder for the staged file (default: a new one under the temp folder). */
  stageDir?: () => Promise<string>;
  pkexec?: string;
  now?: () => Date;
  verifyDeadlineMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function applyDaemonJsonElevated(
  target: DaemonTarget,
  text: string,
  options: { expectedOldSha256?: string | null; acknowledged?: readonly string[] } = {},
  deps: ElevatedApplyDeps,
): Promise<DaemonApplyResult> {
  const fs = deps.fs ?? nodeFileOps;
  if (target.reloader.kind !== 'signal') {
    return {
      status: 'failed',
      error: { code: 'elevation-unavailable', step: 'write', detail: 'only a Linux engine can be changed through pkexec' },
      backupPath: null,
      rollback: null,
    };
  }
  const prepared = await prepareApply(target, text, options, { fs, runtimeExists: deps.runtimeExists ?? runtimeLookup(fs) });
  if ('status' in prepared) return prepared;
  const pid = await target.reloader.pid();
  // A stopped engine cannot take the change; nothing is written.
  if (pid === null) return { status: 'failed', error: { code: 'engine-not-running', step: 'reload' }, backupPath: null, rollback: null };
  const backupPath = prepared.old === null ? null : await backupPathFor(fs, target.configFile, (deps.now ?? (() => new Date()))());
  const stage = await (deps.stageDir ?? (() => mkdtemp(join(tmpdir(), 'silo-stage-'))))();
  const run = (staged: Buffer | null, backup: string | null) => install(deps, fs, stage, target.configFile, staged, backup, pid);
  try {
    const outcome = await run(prepared.next, backupPath);
    if (outcome) {
      // Exit 15: the new file is in place but dockerd was not signalled; put the old one back.
      const rollback = outcome.stage === 'reload' ? await restore(run, prepared) : null;
      return { status: 'failed', error: outcome.error, backupPath: outcome.stage === 'backup' ? null : backupPath, rollback };
    }
    const verify = {
      deadlineMs: deps.verifyDeadlineMs ?? 5_000,
      pollMs: deps.pollMs ?? 100,
      sleep: deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
      now: () => Date.now(),
    };
    const mismatch = await waitForEngineState(target.readInfo, prepared.expected, verify);
    if (mismatch) return { status: 'failed', error: mismatch, backupPath, rollback: await restore(run, prepared) };
    return { status: 'applied', backupPath, changes: prepared.changes, needsRestart: prepared.needsRestart, warnings: prepared.warnings };
  } finally {
    await fs.remove(stage).catch(() => undefined);
  }
}

type Outcome = ReturnType<typeof elevatedOutcome>;

async function install(
  deps: ElevatedApplyDeps,
  fs: FileOps,
  stage: string,
  target: string,
  data: Buffer | null,
  backup: string | null,
  pid: number,
): Promise<Outcome> {
  let staged: string | null = null;
  if (data !== null) {
    staged = join(stage, `daemon.json.${Date.now()}`);
    await fs.writeNew(staged, data, 0o600);
  }
  const command = buildElevatedInstallCommand(
    { stagedFile: staged, targetFile: target, sha256: sha256(data ?? Buffer.alloc(0)), backupFile: backup, pid },
    deps.pkexec ?? PKEXEC,
  );
  try {
    return elevatedOutcome(await deps.runner.run(command.file, command.args, { timeoutMs: 300_000 }));
  } catch (error) {
    const code: BackendError['code'] = isMissingProgram(error) ? 'elevation-unavailable' : 'elevation-failed';
    return { error: { code, step: 'write', detail: (error as Error).message }, stage: null };
  } finally {
    if (staged) await fs.remove(staged).catch(() => undefined);
  }
}

async function restore(run: (data: Buffer | null, backup: string | null) => Promise<Outcome>, prepared: PreparedApply): Promise<RollbackReport> {
  const outcome = await run(prepared.old, null);
  if (!outcome) return { restored: true, reloaded: true, error: null };
  if (outcome.stage === 'reload') return { restored: true, reloaded: false, error: outcome.error };
  return {
    restored: false,
    reloaded: false,
    error: { ...outcome.error, code: outcome.error.code === 'elevation-failed' ? 'restore-failed' : outcome.error.code },
  };
}
