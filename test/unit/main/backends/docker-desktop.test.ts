// Docker Desktop against files laid out as it lays them out, in a temporary APPDATA, ProgramData
// and ProgramFiles: detection, casing, admin locks, exactly one key written, the right command
// for each installed variant (checked through the runner double, never a real Docker Desktop).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectDockerDesktop, switchDesktopBackend, switchDesktopContainers } from '../../../../src/main/backends/docker-desktop';
import { nodeFileOps } from '../../../../src/main/backends/file-ops';
import type { SwitchProgress } from '../../../../src/shared/backends/platform-model';
import type { RawInfo } from '../../../../src/shared/engine-api';
import { SETTINGS, exit, recordingRunner, settingsText, windowsLayout, type Layout } from './desktop-layout';

let layout: Layout;
beforeEach(() => {
  layout = windowsLayout();
});
afterEach(() => layout.cleanup());

const WSL2_INFO: RawInfo = { OSType: 'linux', KernelVersion: '5.10.16.3-microsoft-standard-WSL2', OperatingSystem: 'Docker Desktop' };
const HYPERV_INFO: RawInfo = { OSType: 'linux', KernelVersion: '5.10.25-linuxkit', OperatingSystem: 'Docker Desktop' };

/** A Docker Desktop 4.40-like install: settings-store.json, the desktop CLI plugin, DockerCli.exe. */
function install(options: { settings?: string; plugin?: boolean; dockerCli?: boolean; version?: string } = {}): void {
  layout.write(layout.settingsStore, options.settings ?? settingsText());
  if (options.plugin ?? true) layout.write(layout.plugin, '');
  if (options.dockerCli ?? true) layout.write(layout.dockerCliExe, '');
  layout.write(
    `${dirname(layout.dockerExe)}/../componentsVersion.json`,
    JSON.stringify({ Version: options.version ?? '4.40.0.187762', EngineVersion: '28.0.4' }),
  );
}

const desktopCliRunner = (engineLs = true) =>
  recordingRunner((argv) =>
    argv.slice(1).join(' ') === 'desktop engine ls' && !engineLs ? exit(1, '', 'unknown command "engine" for "docker desktop"') : exit(0),
  );

describe('inspectDockerDesktop', () => {
  it('finds the installation, its version, backend and container platform, and what can switch', async () => {
    install();
    const runner = desktopCliRunner();
    const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, runner);
    expect(state).toEqual({
      installed: true,
      platform: 'windows',
      version: '4.40.0',
      settingsFile: { path: layout.settingsStore, format: 'settings-store' },
      adminSettingsFile: null,
      backend: { current: 'wsl2', locked: false, offered: true, unavailable: null },
      containers: { current: 'linux', offered: ['windows'], method: 'desktop-cli', unavailable: null },
      restart: 'desktop-cli',
      enhancedContainerIsolation: { value: null, locked: false },
      exposeDockerAPIOnTCP2375: { value: false, locked: false },
      problems: [],
    });
    expect(runner.calls).toEqual([
      [layout.dockerExe, 'desktop', 'version'],
      [layout.dockerExe, 'desktop', 'engine', 'ls'],
    ]);
  });

  it('reads settings.json on 4.34 and earlier', async () => {
    layout.write(layout.settingsLegacy, settingsText({ ...SETTINGS, wslEngineEnabled: false }));
    const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, null);
    expect(state).toMatchObject({
      installed: true,
      version: null,
      settingsFile: { path: layout.settingsLegacy, format: 'settings' },
      backend: { current: 'hyperv' },
      restart: 'manual',
    });
  });

  it('reads keys in whatever casing the file uses', async () => {
    install({ settings: settingsText({ ...SETTINGS, useWindowsContainers: true }, true) });
    const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, desktopCliRunner());
    expect(state.backend.current).toBe('wsl2');
    expect(state.containers).toMatchObject({ current: 'windows', offered: ['linux'] });
  });

  it('says when nothing is installed', async () => {
    const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, recordingRunner());
    expect(state).toMatchObject({
      installed: false,
      backend: { offered: false, unavailable: 'not-installed' },
      containers: { offered: [], unavailable: 'not-installed' },
    });
  });

  describe('admin locks', () => {
    it('a locked wslEngineEnabled is reported locked and not offered', async () => {
      install();
      layout.write(
        layout.adminSettings,
        JSON.stringify(
          {
            configurationFileVersion: 2,
            linuxVM: { wslEngineEnabled: { locked: true, value: true } },
            enhancedContainerIsolation: { locked: true, value: true },
          },
          null,
          2,
        ),
      );
      const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, desktopCliRunner());
      expect(state.adminSettingsFile).toBe(layout.adminSettings);
      expect(state.backend).toEqual({ current: 'wsl2', locked: true, offered: false, unavailable: 'locked' });
      expect(state.enhancedContainerIsolation).toEqual({ value: true, locked: true });
    });

    it('an unlocked default is only a suggestion: the switch stays offered', async () => {
      install();
      layout.write(layout.adminSettings, JSON.stringify({ linuxVM: { wslEngineEnabled: { locked: false, value: false } } }));
      expect((await inspectDockerDesktop(layout.environment, nodeFileOps, desktopCliRunner())).state.backend).toMatchObject({ locked: false, offered: true });
    });

    it('an admin file that cannot be read locks the switch', async () => {
      install();
      layout.write(layout.adminSettings, '{ "linuxVM": { "wslEngineEnabled": { "locked": true, } } }');
      const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, desktopCliRunner());
      expect(state.backend).toMatchObject({ offered: false, unavailable: 'admin-settings-unreadable' });
      expect(state.problems[0]).toContain('treated as locked');
    });

    it('the switch refuses a locked setting and leaves the file alone', async () => {
      install();
      layout.write(layout.adminSettings, JSON.stringify({ linuxVM: { wslEngineEnabled: { locked: true, value: true } } }));
      const runner = desktopCliRunner();
      const result = await switchDesktopBackend(layout.environment, 'hyperv', { runner, waitForEngine: async () => HYPERV_INFO });
      expect(result).toEqual({ status: 'refused', error: { code: 'setting-locked', params: { reason: 'locked' } } });
      expect(readFileSync(layout.settingsStore, 'utf8')).toBe(settingsText());
      expect(runner.calls.some((argv) => argv.includes('restart'))).toBe(false);
    });
  });
});

describe('switchDesktopBackend', () => {
  it('writes exactly one key, keeps the rest byte for byte, restarts Desktop and waits with progress', async () => {
    install();
    const before = readFileSync(layout.settingsStore, 'utf8');
    const runner = desktopCliRunner();
    const progress: SwitchProgress[] = [];
    const result = await switchDesktopBackend(layout.environment, 'hyperv', {
      runner,
      waitForEngine: async (tick) => {
        tick(500);
        return HYPERV_INFO;
      },
      onProgress: (p) => progress.push(p),
      now: () => new Date('2026-05-01T10:20:30.123Z'),
    });
    expect(result).toEqual({ status: 'switched', backupPath: `${layout.settingsStore}.silo-backup-2026-05-01T10-20-30-123Z`, restart: 'desktop-cli' });
    const after = readFileSync(layout.settingsStore, 'utf8');
    expect(after).toBe(before.replace('"wslEngineEnabled": true', '"wslEngineEnabled": false'));
    expect(after.length).toBe(before.length + 1);
    expect(readFileSync(`${layout.settingsStore}.silo-backup-2026-05-01T10-20-30-123Z`, 'utf8')).toBe(before);
    expect(runner.calls.at(-1)).toEqual([layout.dockerExe, 'desktop', 'restart']);
    expect(progress.map((p) => p.phase)).toEqual(['writing', 'restarting', 'waiting', 'waiting', 'verifying', 'done']);
  });

  it('keeps the file’s PascalCase spelling of the key', async () => {
    install({ settings: settingsText(SETTINGS, true) });
    const before = readFileSync(layout.settingsStore, 'utf8');
    await switchDesktopBackend(layout.environment, 'hyperv', { runner: desktopCliRunner(), waitForEngine: async () => HYPERV_INFO });
    expect(readFileSync(layout.settingsStore, 'utf8')).toBe(before.replace('"WslEngineEnabled": true', '"WslEngineEnabled": false'));
  });

  it('does nothing when Desktop is already on that backend', async () => {
    install();
    const runner = desktopCliRunner();
    expect(await switchDesktopBackend(layout.environment, 'wsl2', { runner, waitForEngine: async () => WSL2_INFO })).toEqual({ status: 'unchanged' });
    expect(runner.calls.some((argv) => argv.includes('restart'))).toBe(false);
  });

  it('puts the old file back and restarts again when the engine does not come back', async () => {
    install();
    const before = readFileSync(layout.settingsStore, 'utf8');
    const runner = desktopCliRunner();
    let waits = 0;
    const result = await switchDesktopBackend(layout.environment, 'hyperv', { runner, waitForEngine: async () => (waits++ === 0 ? null : WSL2_INFO) });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'engine-wait-timeout' }, rollback: { restored: true, reloaded: true, error: null } });
    expect(readFileSync(layout.settingsStore, 'utf8')).toBe(before);
    expect(runner.calls.filter((argv) => argv.at(-1) === 'restart')).toHaveLength(2);
  });

  it('rolls back when the engine comes back on the old backend', async () => {
    install();
    const before = readFileSync(layout.settingsStore, 'utf8');
    const result = await switchDesktopBackend(layout.environment, 'hyperv', { runner: desktopCliRunner(), waitForEngine: async () => WSL2_INFO });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'verify-failed', params: { backend: 'wsl2' } } });
    expect(readFileSync(layout.settingsStore, 'utf8')).toBe(before);
  });

  it('notices when Desktop wrote its old backend back into the file while restarting', async () => {
    install();
    const before = readFileSync(layout.settingsStore, 'utf8');
    const runner = recordingRunner((argv) => {
      if (argv.at(-1) === 'restart') layout.write(layout.settingsStore, before);
      return exit(0);
    });
    const result = await switchDesktopBackend(layout.environment, 'hyperv', { runner, waitForEngine: async () => HYPERV_INFO });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'verify-failed', detail: expect.stringContaining('wrote its old backend back') } });
  });

  it('a failed write leaves the old file and no temporary file', async () => {
    install();
    const before = readFileSync(layout.settingsStore, 'utf8');
    const fs = { ...nodeFileOps, rename: async () => Promise.reject(new Error('EBUSY: resource busy')) };
    const result = await switchDesktopBackend(layout.environment, 'hyperv', { runner: desktopCliRunner(), waitForEngine: async () => HYPERV_INFO, fs });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'write-failed' }, rollback: null });
    expect(readFileSync(layout.settingsStore, 'utf8')).toBe(before);
    expect(readdirSync(dirname(layout.settingsStore)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('without the desktop CLI, waits for the person to restart Desktop', async () => {
    install({ plugin: false });
    const runner = recordingRunner();
    const progress: SwitchProgress[] = [];
    const result = await switchDesktopBackend(layout.environment, 'hyperv', {
      runner,
      waitForEngine: async () => HYPERV_INFO,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ status: 'switched', restart: 'manual' });
    expect(runner.calls).toEqual([]);
    expect(progress.find((p) => p.phase === 'restarting')?.detail).toBe('manual');
  });
});

describe('switchDesktopContainers: the command for each installed variant', () => {
  const waitForEngine = async (): Promise<RawInfo> => ({ OSType: 'windows' });

  it('`docker desktop engine use windows` where the desktop CLI has it', async () => {
    install();
    const runner = desktopCliRunner();
    expect(await switchDesktopContainers(layout.environment, 'windows', { runner, waitForEngine })).toMatchObject({ status: 'switched' });
    expect(runner.calls.at(-1)).toEqual([layout.dockerExe, 'desktop', 'engine', 'use', 'windows']);
  });

  it('DockerCli.exe -SwitchWindowsEngine on an older install without the desktop CLI', async () => {
    install({ plugin: false });
    const runner = recordingRunner();
    expect(await switchDesktopContainers(layout.environment, 'windows', { runner, waitForEngine })).toMatchObject({ status: 'switched' });
    expect(runner.calls).toEqual([[layout.dockerCliExe, '-SwitchWindowsEngine']]);
  });

  it('DockerCli.exe when the desktop CLI is too old to have `engine`', async () => {
    install();
    const runner = desktopCliRunner(false);
    await switchDesktopContainers(layout.environment, 'windows', { runner, waitForEngine });
    expect(runner.calls.at(-1)).toEqual([layout.dockerCliExe, '-SwitchWindowsEngine']);
  });

  it('-SwitchLinuxEngine back to Linux containers', async () => {
    install({ plugin: false, settings: settingsText({ ...SETTINGS, useWindowsContainers: true }) });
    const runner = recordingRunner();
    await switchDesktopContainers(layout.environment, 'linux', { runner, waitForEngine: async () => ({ OSType: 'linux' }) });
    expect(runner.calls).toEqual([[layout.dockerCliExe, '-SwitchLinuxEngine']]);
  });

  it('offers nothing, and runs nothing, when neither command is there', async () => {
    install({ plugin: false, dockerCli: false });
    const runner = recordingRunner();
    const { state } = await inspectDockerDesktop(layout.environment, nodeFileOps, runner);
    expect(state.containers).toEqual({ current: 'linux', offered: [], method: null, unavailable: 'no-switch-command' });
    expect(await switchDesktopContainers(layout.environment, 'windows', { runner, waitForEngine })).toMatchObject({
      status: 'refused',
      error: { code: 'switch-not-offered' },
    });
    expect(runner.calls).toEqual([]);
  });

  it('reports a switch whose engine answers as the wrong platform', async () => {
    install();
    const result = await switchDesktopContainers(layout.environment, 'windows', {
      runner: desktopCliRunner(),
      waitForEngine: async () => ({ OSType: 'linux' }),
    });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'verify-failed', params: { platform: 'linux' } } });
  });
});

describe('Docker Desktop for Linux', () => {
  it('reads ~/.docker/desktop/settings-store.json and offers no Windows-only switch', async () => {
    layout.write(`${layout.home}/.docker/desktop/settings-store.json`, settingsText({ autoStart: false, enhancedContainerIsolation: true }));
    const environment = {
      platform: 'linux' as const,
      env: {},
      homeDir: layout.home,
      linuxInstallDir: `${layout.root}/opt/docker-desktop`,
      linuxShareDir: `${layout.root}/usr/share/docker-desktop`,
    };
    const { state } = await inspectDockerDesktop(environment, nodeFileOps, recordingRunner());
    expect(state).toMatchObject({
      installed: true,
      platform: 'linux',
      backend: { current: null, offered: false, unavailable: 'not-windows' },
      containers: { current: 'linux', offered: [], unavailable: 'not-windows' },
      enhancedContainerIsolation: { value: true, locked: false },
    });
  });
});
