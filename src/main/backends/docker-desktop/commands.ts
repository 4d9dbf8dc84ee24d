// The commands that drive Docker Desktop, as argv (never a shell line), and the probes that tell
// which of them this installation has: the `docker desktop` CLI (4.37 and later; its `engine`
// subcommand came later still), or DockerCli.exe on older Windows installs.
import type { ContainerPlatform } from '../../../shared/backends/platform-model';
import { succeeded, type CommandRunner } from '../command-runner';
import type { FileOps } from '../file-ops';
import type { DesktopPaths } from './paths';

export interface Command {
  file: string;
  args: string[];
}

export type EngineSwitchMethod = 'desktop-cli' | 'dockercli';

export function restartCommand(paths: DesktopPaths): Command {
  return { file: paths.dockerExe, args: ['desktop', 'restart'] };
}

export function engineUseCommand(method: EngineSwitchMethod, target: ContainerPlatform, paths: DesktopPaths): Command {
  if (method === 'desktop-cli') return { file: paths.dockerExe, args: ['desktop', 'engine', 'use', target] };
  if (!paths.dockerCliExe) throw new Error('DockerCli.exe exists on Windows only');
  // The explicit switches, not -SwitchDaemon (a toggle, whose result depends on the state now).
  return { file: paths.dockerCliExe, args: [target === 'linux' ? '-SwitchLinuxEngine' : '-SwitchWindowsEngine'] };
}

export interface DesktopCommands {
  /** `docker desktop restart` works. */
  desktopCli: boolean;
  /** `docker desktop engine use` works (Windows). */
  engineCli: boolean;
  /** DockerCli.exe is installed (Windows). */
  dockerCliExe: boolean;
}

/** Which commands work here: plugin and DockerCli.exe on disk, then the CLI asked itself. */
export async function probeDesktopCommands(paths: DesktopPaths, fs: FileOps, runner: CommandRunner | null): Promise<DesktopCommands> {
  const dockerCliExe = paths.dockerCliExe !== null && (await fs.stat(paths.dockerCliExe)) !== null;
  let plugin = false;
  for (const candidate of paths.desktopPlugins) if ((await fs.stat(candidate)) !== null) plugin = true;
  if (!plugin || !runner) return { desktopCli: false, engineCli: false, dockerCliExe };
  const works = async (args: string[]): Promise<boolean> => {
    try {
      return succeeded(await runner.run(paths.dockerExe, args, { timeoutMs: 20_000 }));
    } catch {
      return false;
    }
  };
  const desktopCli = await works(['desktop', 'version']);
  const engineCli = desktopCli && paths.platform === 'windows' && (await works(['desktop', 'engine', 'ls']));
  return { desktopCli, engineCli, dockerCliExe };
}
