// The tray's engine-wide changes go through the Engine settings view's own services: the daemon.json key
// edited on the bytes that were read (their sha256 the base of the apply), administrator rights
// asked for only when Silo may not write and only used when the person agrees, and Docker
// Desktop's containers switch only once acknowledged.
import { describe, expect, it, vi } from 'vitest';
import { changeDefaultIsolation, switchDesktopContainersAcknowledged } from '../../../../src/main/backends/direct-changes';
import type { Backends } from '../../../../src/main/backends/handlers';
import type { DaemonApplyResult, DaemonRead, DesktopSwitchResult } from '../../../../src/shared/model/backends';
import type { SiloFailure } from '../../../../src/shared/errors';
import { snapshot } from '../tray/fixtures';

const APPLIED: DaemonApplyResult = { status: 'applied', backupPath: '/etc/docker/daemon.json.bak', changes: [], needsRestart: [], warnings: [] };
const NEEDS_ROOT: DaemonApplyResult = {
  status: 'needs-elevation',
  error: { code: 'config-permission-denied', step: 'write' },
  configFile: '/etc/docker/daemon.json',
  method: 'pkexec',
};

function readOf(platform: 'linux' | 'windows', text: string): DaemonRead {
  return {
    editable: true,
    engine: 'e',
    platform,
    configFile: platform === 'linux' ? '/etc/docker/daemon.json' : 'C:\\ProgramData\\docker\\config\\daemon.json',
    exists: true,
    text,
    sha256: `sha-of-${text}`,
    problems: [],
    commandLineFlags: [],
    commandLineRuntimes: [],
    reload: platform === 'linux' ? 'signal' : 'service',
  };
}

function daemonService(read: DaemonRead, first: DaemonApplyResult = APPLIED) {
  return {
    read: vi.fn(async () => read),
    setDefaultRuntime: vi.fn(async () => first),
    setWindowsIsolation: vi.fn(async () => first),
    applyElevated: vi.fn(async () => APPLIED),
  };
}

const engine = { snapshot: () => snapshot('connected') };
const id = snapshot('connected').endpoint!.id;
const never = { elevate: vi.fn(async () => false) };

describe('changing the default isolation from the tray', () => {
  it("sets a Linux engine's default runtime on the file as it was read", async () => {
    const daemon = daemonService(readOf('linux', '{"runtimes":{"runsc":{"path":"/usr/bin/runsc"}}}'));
    const result = await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runsc', never);
    expect(result).toEqual(APPLIED);
    expect(daemon.read).toHaveBeenCalledWith(id);
    expect(daemon.setDefaultRuntime).toHaveBeenCalledWith(
      id,
      'runsc',
      { baseSha256: 'sha-of-{"runtimes":{"runsc":{"path":"/usr/bin/runsc"}}}', acknowledged: [] },
      expect.any(Function),
    );
    expect(daemon.setWindowsIsolation).not.toHaveBeenCalled();
    expect(never.elevate).not.toHaveBeenCalled();
  });

  it("sets a Windows engine's isolation, and refuses a mode Windows does not have", async () => {
    const daemon = daemonService(readOf('windows', '{}'));
    await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'hyperv', never);
    expect(daemon.setWindowsIsolation).toHaveBeenCalledWith(id, 'hyperv', { baseSha256: 'sha-of-{}', acknowledged: [] }, expect.any(Function));
    const wrong = await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runsc', never).catch((e: unknown) => e);
    expect((wrong as SiloFailure).error.code).toBe('invalid-isolation');
    expect(daemon.setWindowsIsolation).toHaveBeenCalledTimes(1);
  });

  it('asks for administrator rights only when Silo may not write, and applies the same edit with them', async () => {
    const daemon = daemonService(readOf('linux', '{\n  "debug": true\n}\n'), NEEDS_ROOT);
    const declined = await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runsc', never);
    expect(declined).toEqual(NEEDS_ROOT);
    expect(never.elevate).toHaveBeenCalledWith('/etc/docker/daemon.json');
    expect(daemon.applyElevated).not.toHaveBeenCalled();

    const agree = { elevate: vi.fn(async () => true) };
    const result = await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runsc', agree);
    expect(result).toEqual(APPLIED);
    const [engineId, text, base] = daemon.applyElevated.mock.calls[0] as unknown as [string, string, { baseSha256: string }];
    expect([engineId, base]).toEqual([id, { baseSha256: 'sha-of-{\n  "debug": true\n}\n', acknowledged: [] }]);
    expect(JSON.parse(text)).toEqual({ debug: true, 'default-runtime': 'runsc' });
  });

  it('a weaker default (gVisor → runc) is applied only once the person accepts the weakening', async () => {
    const weakenings = [
      {
        id: 'default-runtime-weaker:runsc>runc',
        code: 'default-runtime-weaker' as const,
        key: 'default-runtime',
        params: { before: 'runsc', after: 'runc' },
        message: '',
      },
    ];
    const refused: DaemonApplyResult = { status: 'refused', error: { code: 'weakening-not-acknowledged', step: 'validate' }, problems: [], weakenings };
    const daemon = daemonService(readOf('linux', '{"default-runtime": "runsc"}'), refused);
    const declining = { elevate: vi.fn(async () => false), acknowledge: vi.fn(async () => false) };
    expect(await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runc', declining)).toEqual(refused);
    expect(declining.acknowledge).toHaveBeenCalledWith(weakenings);
    expect(daemon.setDefaultRuntime).toHaveBeenCalledTimes(1);

    daemon.setDefaultRuntime.mockResolvedValueOnce(refused).mockResolvedValueOnce(APPLIED);
    const accepting = { elevate: vi.fn(async () => false), acknowledge: vi.fn(async () => true) };
    expect(await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runc', accepting)).toEqual(APPLIED);
    expect(daemon.setDefaultRuntime).toHaveBeenLastCalledWith(
      id,
      'runc',
      { baseSha256: 'sha-of-{"default-runtime": "runsc"}', acknowledged: ['default-runtime-weaker:runsc>runc'] },
      expect.any(Function),
    );
  });

  it("says when the engine's daemon.json is not Silo's to change, and never writes", async () => {
    const daemon = daemonService({ editable: false, engine: id, reason: 'remote' });
    expect(await changeDefaultIsolation({ daemon } as unknown as Backends, engine, 'runsc', never)).toEqual({ status: 'locked', reason: 'remote' });
    expect(daemon.setDefaultRuntime).not.toHaveBeenCalled();
  });

  it('refuses without an engine', async () => {
    const daemon = daemonService(readOf('linux', '{}'));
    const none = { snapshot: () => ({ ...snapshot('unreachable'), endpoint: null }) };
    const error = await changeDefaultIsolation({ daemon } as unknown as Backends, none, 'runsc', never).catch((e: unknown) => e);
    expect((error as SiloFailure).error.code).toBe('no-engine');
    expect(daemon.read).not.toHaveBeenCalled();
  });
});

describe("Docker Desktop's containers switch from the tray", () => {
  it('switches only once the person acknowledged it', async () => {
    const switched: DesktopSwitchResult = { status: 'switched', backupPath: null, restart: 'desktop-cli' };
    const desktop = { switchContainers: vi.fn(async () => switched) };
    const no = { acknowledge: vi.fn(async () => false) };
    expect(await switchDesktopContainersAcknowledged({ desktop } as unknown as Backends, 'windows', no)).toBeNull();
    expect(no.acknowledge).toHaveBeenCalledWith('windows');
    expect(desktop.switchContainers).not.toHaveBeenCalled();
    const yes = { acknowledge: vi.fn(async () => true) };
    expect(await switchDesktopContainersAcknowledged({ desktop } as unknown as Backends, 'windows', yes)).toEqual(switched);
    expect(desktop.switchContainers).toHaveBeenCalledWith('windows', expect.any(Function));
  });
});
