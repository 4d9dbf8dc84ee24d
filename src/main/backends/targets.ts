// Building the safe apply's target for the two kinds of engine Silo can change: a local Linux
// dockerd (found from its unix socket, or its pid file) and a Windows engine installed as a
// service. `readInfo` is the engine service's fresh GET /info of that engine (wired by the lead).
import { win32 } from 'node:path';
import type { RawInfo } from '../../shared/engine-api';
import type { CommandRunner } from './command-runner';
import type { DaemonTarget } from './daemon-apply-parts';
import { DEFAULT_PID_FILE, locateLinuxDaemon } from './daemon-locator';
import { nodeFileOps, type FileOps } from './file-ops';
import { netExeFor, signalReloader, windowsServiceReloader } from './reloader';

export interface LinuxTargetOptions {
  /** The engine's socket (`unix:///var/run/docker.sock` → `/var/run/docker.sock`). */
  socketPath: string;
  readInfo: () => Promise<RawInfo>;
  /** Where to look when the socket's owner is not visible to Silo (dockerd's default /var/run/docker.pid). */
  pidFile?: string;
  fs?: FileOps;
}

/** The target for a local Linux dockerd, or null when no running dockerd is found for it. */
export async function linuxDaemonTarget(options: LinuxTargetOptions): Promise<DaemonTarget | null> {
  const fs = options.fs ?? nodeFileOps;
  const first = await locateLinuxDaemon({ fs, socketPath: options.socketPath, pidFile: options.pidFile ?? DEFAULT_PID_FILE });
  if (!first) return null;
  const daemon = first;
  const locate = () => locateLinuxDaemon({ fs, socketPath: options.socketPath, pidFile: daemon.pidFile ?? options.pidFile ?? DEFAULT_PID_FILE });
  return {
    platform: 'linux',
    configFile: daemon.configFile,
    // Found again on every reload: a restarted engine has another pid, a stopped one none.
    reloader: signalReloader(async () => (await locate())?.pid ?? null),
    readInfo: options.readInfo,
    commandLineFlags: daemon.args.flags,
    commandLineRuntimes: daemon.args.addedRuntimes,
  };
}

export interface WindowsServiceTargetOptions {
  env: NodeJS.ProcessEnv;
  runner: CommandRunner;
  readInfo: () => Promise<RawInfo>;
  serviceName?: string;
}

/** `%ProgramData%\docker\config\daemon.json`, applied by restarting the service. */
export function windowsServiceTarget(options: WindowsServiceTargetOptions): DaemonTarget {
  const programData = options.env.ProgramData || options.env.PROGRAMDATA || 'C:\\ProgramData';
  return {
    platform: 'windows',
    configFile: win32.join(programData, 'docker', 'config', 'daemon.json'),
    reloader: windowsServiceReloader({
      runner: options.runner,
      netExe: netExeFor(options.env),
      ...(options.serviceName ? { serviceName: options.serviceName } : {}),
    }),
    readInfo: options.readInfo,
  };
}
