// Is Docker Desktop installed, which version, which backend and container platform is it on,
// what may be switched (admin locks), and with which command: everything read from its files
// and, for the commands, from the CLI itself.
import type { DockerDesktopState, SwitchUnavailable } from '../../../shared/backends/platform-model';
import { parseJsonSource, toValue } from '../../../shared/backends/json-source';
import type { CommandRunner } from '../command-runner';
import type { FileOps } from '../file-ops';
import { readAdminSettings, type AdminSettings } from './admin-settings';
import { probeDesktopCommands, type DesktopCommands } from './commands';
import { desktopPaths, type DesktopEnvironment, type DesktopPaths } from './paths';
import { booleanSetting, readDesktopSettings, type DesktopSettingsFile } from './settings-file';

export interface DesktopSnapshot {
  state: DockerDesktopState;
  paths: DesktopPaths;
  settings: DesktopSettingsFile | null;
  admin: AdminSettings;
  commands: DesktopCommands;
}

export async function inspectDockerDesktop(environment: DesktopEnvironment, fs: FileOps, runner: CommandRunner | null): Promise<DesktopSnapshot> {
  const paths = desktopPaths(environment);
  const problems: string[] = [];
  const { file: settings, problem } = await readDesktopSettings(paths, fs);
  if (problem) problems.push(problem);
  const admin = await readAdminSettings(paths, fs);
  if (admin.problem) problems.push(admin.problem);
  const version = await readVersion(paths, fs);
  const installed = settings !== null || problem !== null || version !== null || (await fs.stat(paths.installDir)) !== null;
  const commands = installed ? await probeDesktopCommands(paths, fs, runner) : { desktopCli: false, engineCli: false, dockerCliExe: false };
  const windows = paths.platform === 'windows';

  const wsl = booleanSetting(settings, 'wslEngineEnabled');
  const backendLocked = admin.wslEngineEnabled.locked;
  const backendBlock: SwitchUnavailable | null = !installed
    ? 'not-installed'
    : !windows
      ? 'not-windows'
      : !admin.readable
        ? 'admin-settings-unreadable'
        : backendLocked
          ? 'locked'
          : settings === null
            ? 'settings-unreadable'
            : null;

  const useWindows = booleanSetting(settings, 'useWindowsContainers');
  const current = !windows ? 'linux' : useWindows === null ? null : useWindows ? 'windows' : 'linux';
  const method = commands.engineCli ? 'desktop-cli' : commands.dockerCliExe ? 'dockercli' : null;
  const containersBlock: SwitchUnavailable | null = !installed ? 'not-installed' : !windows ? 'not-windows' : method === null ? 'no-switch-command' : null;

  const state: DockerDesktopState = {
    installed,
    platform: paths.platform,
    version,
    settingsFile: settings ? { path: settings.path, format: settings.format } : null,
    adminSettingsFile: admin.present ? paths.adminSettings : null,
    backend: {
      current: !windows || wsl === null ? null : wsl ? 'wsl2' : 'hyperv',
      locked: backendLocked,
      offered: backendBlock === null,
      unavailable: backendBlock,
    },
    containers: {
      current,
      offered: containersBlock === null ? (['linux', 'windows'] as const).filter((p) => p !== current) : [],
      method: containersBlock === null ? method : null,
      unavailable: containersBlock,
    },
    restart: commands.desktopCli ? 'desktop-cli' : 'manual',
    enhancedContainerIsolation: {
      value: admin.enhancedContainerIsolation.value ?? booleanSetting(settings, 'enhancedContainerIsolation'),
      locked: admin.enhancedContainerIsolation.locked,
    },
    exposeDockerAPIOnTCP2375: {
      value: admin.exposeDockerAPIOnTCP2375.value ?? booleanSetting(settings, 'exposeDockerAPIOnTCP2375'),
      locked: admin.exposeDockerAPIOnTCP2375.locked,
    },
    problems,
  };
  return { state, paths, settings, admin, commands };
}

/** The Desktop version in componentsVersion.json, under whichever key this release uses. */
async function readVersion(paths: DesktopPaths, fs: FileOps): Promise<string | null> {
  const bytes = await fs.read(paths.componentsVersion);
  if (bytes === null) return null;
  const parsed = parseJsonSource(bytes.toString('utf8').replace(/^\ufeff/, ''));
  if (!parsed.ok || parsed.root?.kind !== 'object') return null;
  const value = toValue(parsed.root) as Record<string, unknown>;
  for (const key of ['Version', 'Informational', 'DesktopVersion', 'AppVersion']) {
    const found = Object.entries(value).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
    const match = typeof found === 'string' ? /\d+\.\d+(\.\d+)?/.exec(found) : null;
    if (match) return match[0];
  }
  return null;
}
