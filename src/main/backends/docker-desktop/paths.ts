// Where Docker Desktop keeps its files, taken from the environment (APPDATA, ProgramData,
// ProgramFiles, HOME) so that tests lay them out in a temporary folder. Data only
// (docs/isolation.md, "Docker Desktop on Windows"; docker/docs settings pages).
import { posix, win32 } from 'node:path';

export interface PathApi {
  join(...parts: string[]): string;
}

export interface DesktopEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** Path joining (default: the platform's own); tests of Windows layouts on Linux pass posix. */
  path?: PathApi;
  /** Linux: Docker Desktop's install folder (default /opt/docker-desktop). */
  linuxInstallDir?: string;
  /** Linux: where admin-settings.json lives (default /usr/share/docker-desktop). */
  linuxShareDir?: string;
}

export interface DesktopPaths {
  platform: 'windows' | 'linux';
  /** 4.35 and later. */
  settingsStore: string;
  /** 4.34 and earlier. */
  settingsLegacy: string;
  adminSettings: string;
  installDir: string;
  componentsVersion: string;
  /** The docker CLI that runs `docker desktop …`. */
  dockerExe: string;
  /** Older installs' switcher, Windows only. */
  dockerCliExe: string | null;
  /** Where the `docker desktop` CLI plugin may be. */
  desktopPlugins: string[];
}

export function desktopPaths(environment: DesktopEnvironment): DesktopPaths {
  const { env, homeDir } = environment;
  if (environment.platform === 'win32') {
    const path = environment.path ?? win32;
    const appData = env.APPDATA || path.join(homeDir, 'AppData', 'Roaming');
    const programData = env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData';
    const programFiles = env.ProgramW6432 || env.ProgramFiles || 'C:\\Program Files';
    const installDir = path.join(programFiles, 'Docker', 'Docker');
    return {
      platform: 'windows',
      settingsStore: path.join(appData, 'Docker', 'settings-store.json'),
      settingsLegacy: path.join(appData, 'Docker', 'settings.json'),
      adminSettings: path.join(programData, 'DockerDesktop', 'admin-settings.json'),
      installDir,
      componentsVersion: path.join(installDir, 'resources', 'componentsVersion.json'),
      dockerExe: path.join(installDir, 'resources', 'bin', 'docker.exe'),
      dockerCliExe: path.join(installDir, 'DockerCli.exe'),
      desktopPlugins: [
        path.join(programFiles, 'Docker', 'cli-plugins', 'docker-desktop.exe'),
        path.join(programData, 'Docker', 'cli-plugins', 'docker-desktop.exe'),
        path.join(homeDir, '.docker', 'cli-plugins', 'docker-desktop.exe'),
      ],
    };
  }
  const path = environment.path ?? posix;
  const installDir = environment.linuxInstallDir ?? '/opt/docker-desktop';
  return {
    platform: 'linux',
    settingsStore: path.join(homeDir, '.docker', 'desktop', 'settings-store.json'),
    settingsLegacy: path.join(homeDir, '.docker', 'desktop', 'settings.json'),
    adminSettings: path.join(environment.linuxShareDir ?? '/usr/share/docker-desktop', 'admin-settings.json'),
    installDir,
    componentsVersion: path.join(installDir, 'componentsVersion.json'),
    dockerExe: 'docker',
    dockerCliExe: null,
    desktopPlugins: [
      path.join(homeDir, '.docker', 'cli-plugins', 'docker-desktop'),
      path.join(installDir, 'cli-plugins', 'docker-desktop'),
      '/usr/local/lib/docker/cli-plugins/docker-desktop',
      '/usr/lib/docker/cli-plugins/docker-desktop',
    ],
  };
}
