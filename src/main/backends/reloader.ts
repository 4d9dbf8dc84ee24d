// Telling an engine to read its daemon.json again. Linux: SIGHUP to dockerd (runtimes and
// default-runtime reload without touching containers). A Windows engine installed as a
// service: restart the service (exec-opts isolation is read only at start).
import type { BackendErrorCode } from '../../shared/backends/daemon-model';
import { commandWords, succeeded, type CommandRunner } from './command-runner';
import { isPermissionError } from './file-ops';

export class ReloadFailure extends Error {
  constructor(
    readonly code: Extract<BackendErrorCode, 'engine-not-running' | 'reload-failed' | 'config-permission-denied'>,
    detail: string,
  ) {
    super(detail);
    this.name = 'ReloadFailure';
  }
}

export type EngineReloader =
  { kind: 'signal'; pid(): Promise<number | null>; reload(): Promise<void> } | { kind: 'service'; serviceName: string; reload(): Promise<void> };

export type Kill = (pid: number, signal: NodeJS.Signals) => void;

/** SIGHUP to the pid `pid()` finds now (it changes when the engine restarts). */
export function signalReloader(pid: () => Promise<number | null>, kill: Kill = (p, s) => process.kill(p, s)): EngineReloader {
  return {
    kind: 'signal',
    pid,
    async reload() {
      const target = await pid();
      if (target === null) throw new ReloadFailure('engine-not-running', 'no running dockerd was found to reload');
      try {
        kill(target, 'SIGHUP');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ESRCH') throw new ReloadFailure('engine-not-running', `dockerd (pid ${target}) is not running`);
        if (isPermissionError(error)) throw new ReloadFailure('config-permission-denied', `Silo may not signal dockerd (pid ${target})`);
        throw new ReloadFailure('reload-failed', (error as Error).message);
      }
    },
  };
}

export interface ServiceReloaderOptions {
  runner: CommandRunner;
  serviceName?: string;
  /** `%SystemRoot%\System32\net.exe`; an absolute path, so PATH cannot redirect it. */
  netExe?: string;
}

/** Restart a Windows service with net.exe (which waits for the service to stop and to start). */
export function windowsServiceReloader(options: ServiceReloaderOptions): EngineReloader {
  const serviceName = options.serviceName ?? 'docker';
  const net = options.netExe ?? 'C:\\Windows\\System32\\net.exe';
  return {
    kind: 'service',
    serviceName,
    async reload() {
      // A service that is already stopped makes `net stop` fail; only the start must succeed.
      await options.runner.run(net, ['stop', serviceName], { timeoutMs: 120_000 });
      const started = await options.runner.run(net, ['start', serviceName], { timeoutMs: 120_000 });
      if (!succeeded(started)) {
        const words = commandWords(started);
        throw new ReloadFailure(/access is denied/i.test(words) ? 'config-permission-denied' : 'reload-failed', `net start ${serviceName}: ${words}`);
      }
    },
  };
}

export function netExeFor(env: NodeJS.ProcessEnv): string {
  return `${env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows'}\\System32\\net.exe`;
}
