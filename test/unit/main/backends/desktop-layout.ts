// Docker Desktop's files laid out in a temporary folder as Docker Desktop lays them out on
// Windows (%APPDATA%, %ProgramData%, %ProgramFiles%) or Linux (~/.docker/desktop), and a command
// runner double that records every argv and answers as the test says.
//
// The settings file is constructed, not recorded: its keys and values are the ones Docker
// Desktop itself printed in docker/for-win#11574 and #11703 (GET /settings, camelCase), in that
// order, plus a key Silo knows nothing about; it is written pretty-printed with two spaces.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import type { CommandResult, CommandRunner } from '../../../../src/main/backends/command-runner';
import type { DesktopEnvironment } from '../../../../src/main/backends/docker-desktop';

export const SETTINGS = {
  swarmFederationExplicitlyLoggedOut: false,
  exposeDockerAPIOnTCP2375: false,
  lifecycleTimeoutSeconds: 600,
  customWslDistroDir: '',
  wslEngineEnabled: true,
  integratedWslDistros: ['Debian'],
  enableIntegrationWithDefaultWslDistro: true,
  skipUpdateToWSLPrompt: true,
  displaySwitchWinLinContainers: true,
  settingsVersion: 13,
  autoStart: true,
  dataFolder: 'C:\\ProgramData\\DockerDesktop\\vm-data',
  memoryMiB: 2048,
  cpus: 3,
  filesharingDirectories: [],
  useWindowsContainers: false,
  someFutureSetting: { nested: [1, 2, 3], on: true },
};

export function settingsText(settings: Record<string, unknown> = SETTINGS, pascal = false): string {
  const keyed = pascal ? Object.fromEntries(Object.entries(settings).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v])) : settings;
  return JSON.stringify(keyed, null, 2) + '\n';
}

export interface Layout {
  root: string;
  environment: DesktopEnvironment;
  appData: string;
  programData: string;
  programFiles: string;
  home: string;
  settingsStore: string;
  settingsLegacy: string;
  adminSettings: string;
  dockerExe: string;
  dockerCliExe: string;
  plugin: string;
  write(path: string, text: string): void;
  cleanup(): void;
}

export function windowsLayout(): Layout {
  const root = mkdtempSync(join(tmpdir(), 'silo-dd-'));
  const appData = join(root, 'Users', 'ana', 'AppData', 'Roaming');
  const programData = join(root, 'ProgramData');
  const programFiles = join(root, 'Program Files');
  const home = join(root, 'Users', 'ana');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  return {
    root,
    environment: { platform: 'win32', env: { APPDATA: appData, ProgramData: programData, ProgramFiles: programFiles }, homeDir: home, path: posix },
    appData,
    programData,
    programFiles,
    home,
    settingsStore: join(appData, 'Docker', 'settings-store.json'),
    settingsLegacy: join(appData, 'Docker', 'settings.json'),
    adminSettings: join(programData, 'DockerDesktop', 'admin-settings.json'),
    dockerExe: join(programFiles, 'Docker', 'Docker', 'resources', 'bin', 'docker.exe'),
    dockerCliExe: join(programFiles, 'Docker', 'Docker', 'DockerCli.exe'),
    plugin: join(programFiles, 'Docker', 'cli-plugins', 'docker-desktop.exe'),
    write,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface RecordingRunner extends CommandRunner {
  calls: string[][];
}

export const exit = (exitCode: number, stdout: string | Buffer = '', stderr = ''): CommandResult => ({
  exitCode,
  signal: null,
  stdout: Buffer.isBuffer(stdout) ? stdout : Buffer.from(stdout),
  stderr: Buffer.from(stderr),
  timedOut: false,
});

/** Answers each argv with `answer` (exit 0 by default) and records it. */
export function recordingRunner(answer: (argv: string[]) => CommandResult | Promise<CommandResult> = () => exit(0)): RecordingRunner {
  const calls: string[][] = [];
  return {
    calls,
    async run(file, args) {
      const argv = [file, ...args];
      calls.push(argv);
      return answer(argv);
    },
  };
}
