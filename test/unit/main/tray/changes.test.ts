// The tray's engine-wide changes, Electron replaced by a double at the module boundary: the
// change runs through the backends' services, the questions come in a small native box, the
// outcome in a notification whose click opens Engine settings.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DaemonApplyResult, DesktopSwitchResult } from '../../../../src/shared/model/backends';
import { snapshot } from './fixtures';

const electron = vi.hoisted(() => {
  class FakeNotification {
    static all: FakeNotification[] = [];
    static isSupported = () => true;
    handlers = new Map<string, () => void>();
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      FakeNotification.all.push(this);
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
    show() {
      this.shown = true;
    }
  }
  const boxes: Array<{ title: string; detail: string; buttons: string[] }> = [];
  const answer = { response: 1 };
  return {
    FakeNotification,
    boxes,
    answer,
    dialog: {
      showMessageBox: async (options: { title: string; detail: string; buttons: string[] }) => {
        boxes.push(options);
        return { response: answer.response };
      },
    },
  };
});
vi.mock('electron', () => ({ Notification: electron.FakeNotification, dialog: electron.dialog }));

const { trayChanges } = await import('../../../../src/main/tray/changes');

const APPLIED: DaemonApplyResult = { status: 'applied', backupPath: '/etc/docker/daemon.json.bak', changes: [], needsRestart: [], warnings: [] };

function setup(first: DaemonApplyResult = APPLIED, language: 'en' | 'es' = 'en') {
  const read = {
    editable: true,
    engine: 'e',
    platform: 'linux',
    configFile: '/etc/docker/daemon.json',
    exists: true,
    text: '{}',
    sha256: 'base',
    problems: [],
    commandLineFlags: [],
    commandLineRuntimes: [],
    reload: 'signal',
  };
  const daemon = {
    read: vi.fn(async () => read),
    setDefaultRuntime: vi.fn(async () => first),
    setWindowsIsolation: vi.fn(),
    applyElevated: vi.fn(async () => APPLIED),
  };
  const switched: DesktopSwitchResult = { status: 'switched', backupPath: null, restart: 'manual' };
  const desktop = { switchContainers: vi.fn(async () => switched) };
  const openPlace = vi.fn();
  const actions = trayChanges({
    backends: { daemon, desktop } as never,
    engine: { snapshot: () => snapshot('connected') },
    language: () => language,
    openPlace,
    log: () => undefined,
  });
  return { actions, daemon, desktop, openPlace };
}

describe("the tray's engine-wide changes", () => {
  beforeEach(() => {
    electron.FakeNotification.all = [];
    electron.boxes.length = 0;
    electron.answer.response = 1;
  });

  it('apply the default isolation through the safe apply and tell it; the click opens Engine settings', async () => {
    const { actions, daemon, openPlace } = setup();
    await actions.setDefaultIsolation('runsc');
    expect(daemon.setDefaultRuntime).toHaveBeenCalledWith(
      snapshot('connected').endpoint!.id,
      'runsc',
      { baseSha256: 'base', acknowledged: [] },
      expect.any(Function),
    );
    expect(electron.boxes).toEqual([]); // a change Silo may make needs no question
    const [told] = electron.FakeNotification.all;
    expect(told?.options).toEqual({
      title: 'Default isolation: runsc',
      body: 'New containers on default start with runsc. Existing ones keep theirs until you move them.',
    });
    expect(told?.shown).toBe(true);
    told?.handlers.get('click')?.();
    expect(openPlace).toHaveBeenCalledWith({ view: 'backends' });
  });

  it('ask before using administrator rights, and say nothing was written when refused', async () => {
    const needsRoot: DaemonApplyResult = {
      status: 'needs-elevation',
      error: { code: 'config-permission-denied', step: 'write' },
      configFile: '/etc/docker/daemon.json',
      method: 'pkexec',
    };
    const { actions, daemon } = setup(needsRoot, 'es');
    await actions.setDefaultIsolation('runsc');
    expect(electron.boxes.map((b) => b.title)).toEqual(['Hacen falta permisos de administrador']);
    expect(electron.boxes[0]?.buttons).toEqual(['Pedir permisos', 'Cancelar']);
    expect(daemon.applyElevated).not.toHaveBeenCalled();
    expect(electron.FakeNotification.all[0]?.options.title).toBe('El aislamiento por defecto no se cambió');

    electron.answer.response = 0;
    await actions.setDefaultIsolation('runsc');
    expect(daemon.applyElevated).toHaveBeenCalledTimes(1);
    expect(electron.FakeNotification.all[1]?.options.title).toBe('Aislamiento por defecto: runsc');
  });

  it('tell a rolled-back change as one that left daemon.json as it was', async () => {
    const failed: DaemonApplyResult = {
      status: 'failed',
      error: { code: 'verify-failed', step: 'verify' },
      backupPath: '/etc/docker/daemon.json.bak',
      rollback: { restored: true, reloaded: true, error: null },
    };
    const { actions } = setup(failed);
    await actions.setDefaultIsolation('runsc');
    expect(electron.FakeNotification.all[0]?.options).toEqual({
      title: 'Default isolation not changed',
      body: 'The engine did not take the change, and daemon.json is back as it was. Engine settings shows why.',
    });
  });

  it("switch Docker Desktop's containers only once acknowledged, and tell it", async () => {
    const { actions, desktop } = setup();
    await actions.switchEngineOs('windows');
    expect(electron.boxes.map((b) => b.title)).toEqual(['Switch to Windows containers?']);
    expect(desktop.switchContainers).not.toHaveBeenCalled();
    expect(electron.FakeNotification.all).toEqual([]);

    electron.answer.response = 0;
    await actions.switchEngineOs('windows');
    expect(desktop.switchContainers).toHaveBeenCalledWith('windows', expect.any(Function));
    expect(electron.FakeNotification.all[0]?.options).toEqual({
      title: 'Docker Desktop uses Windows containers',
      body: 'Restart Docker Desktop to finish the switch.',
    });
  });

  it('tell a change that could not start, with its error code', async () => {
    const { actions, daemon } = setup();
    daemon.read.mockRejectedValueOnce(new Error('connect ENOENT'));
    await actions.setDefaultIsolation('runsc');
    expect(electron.FakeNotification.all[0]?.options).toEqual({
      title: 'Default isolation not changed',
      body: "Silo could not start the change (internal). Engine settings shows the engine's state.",
    });
  });
});
