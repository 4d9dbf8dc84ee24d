// The desktop integration's wiring (src/main/electron/desktop.ts), Electron replaced by a double.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { snapshot } from './fixtures';

const electron = vi.hoisted(() => {
  const shown: Array<{ title: string; body: string }> = [];
  const trays: Array<{ destroyed: boolean }> = [];
  class FakeTray {
    destroyed = false;
    constructor() {
      trays.push(this);
    }
    setImage() {}
    setToolTip() {}
    setContextMenu() {}
    on() {}
    destroy() {
      this.destroyed = true;
    }
  }
  class FakeNotification {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {}
    on() {}
    show() {
      shown.push(this.options);
    }
  }
  const userData = { dir: '' };
  return {
    shown,
    trays,
    userData,
    module: {
      app: { getLocale: () => 'es-ES', getAppPath: () => '/app', getPath: () => userData.dir, isPackaged: false },
      Tray: FakeTray,
      Notification: FakeNotification,
      Menu: { buildFromTemplate: (t: unknown) => t },
      nativeImage: { createFromPath: (path: string) => ({ path }) },
    },
  };
});
vi.mock('electron', () => electron.module);

const { startDesktop } = await import('../../../../src/main/electron/desktop');

function fakeCore() {
  const off = { engine: 0, settings: 0 };
  const engine = {
    snapshot: () => snapshot('connected'),
    containers: () => [],
    endpoints: () => [],
    on: () => () => void off.engine++,
    act: vi.fn(),
    select: vi.fn(),
  };
  const settings = { get: () => ({ language: null }), on: () => () => void off.settings++ };
  return { core: { engine, settings, hub: {}, stop: vi.fn() }, off };
}

describe('the desktop integration', () => {
  it('says once, in the system language, that closing the window leaves Silo in the tray', () => {
    electron.userData.dir = mkdtempSync(join(tmpdir(), 'silo-desktop-'));
    const { core, off } = fakeCore();
    const desktop = startDesktop({ core: core as never, openWindow: vi.fn(), quit: vi.fn(), log: () => undefined });
    desktop.closedToTray();
    desktop.closedToTray();
    expect(electron.shown).toEqual([{ title: 'Silo sigue en marcha', body: 'Queda en la bandeja del sistema. Se cierra desde su menú.' }]);

    desktop.stop();
    expect(electron.trays.at(-1)?.destroyed).toBe(true);
    expect(off).toEqual({ engine: 4, settings: 1 }); // the tray's three listeners and the notifier's
  });
});
