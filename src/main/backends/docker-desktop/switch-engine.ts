// Switching Docker Desktop between Linux and Windows containers with whichever command this
// installation has (`docker desktop engine use`, or DockerCli.exe on older ones), then waiting
// for the engine and checking that it answers as the platform asked for. Docker Desktop keeps
// `useWindowsContainers` itself; Silo writes no file here.
import type { ContainerPlatform, DesktopSwitchResult, SwitchPhase, SwitchProgress } from '../../../shared/backends/platform-model';
import type { RawInfo } from '../../../shared/engine-api';
import { commandWords, isMissingProgram, succeeded, type CommandRunner } from '../command-runner';
import { nodeFileOps, type FileOps } from '../file-ops';
import { engineUseCommand } from './commands';
import { inspectDockerDesktop } from './detect';
import type { DesktopEnvironment } from './paths';

export interface EngineSwitchDeps {
  runner: CommandRunner;
  waitForEngine(onTick: (elapsedMs: number) => void): Promise<RawInfo | null>;
  fs?: FileOps;
  onProgress?: (progress: SwitchProgress) => void;
  clock?: () => number;
}

export async function switchDesktopContainers(
  environment: DesktopEnvironment,
  target: ContainerPlatform,
  deps: EngineSwitchDeps,
): Promise<DesktopSwitchResult> {
  const clock = deps.clock ?? Date.now;
  const started = clock();
  const progress = (phase: SwitchPhase) => deps.onProgress?.({ phase, elapsedMs: clock() - started });
  const { state, paths } = await inspectDockerDesktop(environment, deps.fs ?? nodeFileOps, deps.runner);
  if (state.containers.current === target) return { status: 'unchanged' };
  if (!state.containers.method || !state.containers.offered.includes(target)) {
    return {
      status: 'refused',
      error: { code: state.installed ? 'switch-not-offered' : 'desktop-not-found', params: { reason: state.containers.unavailable ?? 'no-switch-command' } },
    };
  }
  const command = engineUseCommand(state.containers.method, target, paths);
  progress('restarting');
  try {
    const result = await deps.runner.run(command.file, command.args, { timeoutMs: 300_000 });
    if (!succeeded(result)) return { status: 'failed', error: { code: 'command-failed', detail: commandWords(result) }, backupPath: null, rollback: null };
  } catch (error) {
    return {
      status: 'failed',
      error: { code: isMissingProgram(error) ? 'switch-not-offered' : 'command-failed', detail: (error as Error).message },
      backupPath: null,
      rollback: null,
    };
  }
  progress('waiting');
  const info = await deps.waitForEngine(() => progress('waiting'));
  if (!info) return { status: 'failed', error: { code: 'engine-wait-timeout' }, backupPath: null, rollback: null };
  progress('verifying');
  if (info.OSType && info.OSType !== target) {
    return {
      status: 'failed',
      error: { code: 'verify-failed', detail: `the engine answers as ${info.OSType}`, params: { platform: info.OSType } },
      backupPath: null,
      rollback: null,
    };
  }
  progress('done');
  return { status: 'switched', backupPath: null, restart: state.restart };
}
