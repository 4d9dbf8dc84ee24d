// The desktop integration's wiring (src/main/electron/desktop.ts), Electron replaced by a double.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ContainersPatch, ContainerSummary } from '../../../../src/shared/model/container';
import { container, snapshot } from './fixtures';

const electron = vi.hoisted(() => {
  const shown: Array<{ title: string; body: string }> = [];
  const notifications: Array<{ handlers: Map<string, () => void> }> = [];
  const trays: Array<{ destroyed: boolean; menu: unknown }> = [];
  class FakeTray {
    destroyed = false;
    menu: unknown = null;
    constructor() {
      trays.push(this);
    }
    setImage() {}
    setToolTip() {}
    setContextMenu(menu: unknown) {
      this.menu = menu;
    }
    on() {}
    destroy() {
      this.destroyed = true;
    }
  }
  class FakeNotification {
    static isSupported = () => true;
    handlers = new Map<string, () => void>();
    constructor(readonly options: { title: string; body: string }) {
      notifications.push(this);
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
    show() {
      shown.push(this.options);
    }
  }
  const userData = { dir: '' };
  return {
    shown,
    notifications,
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

function fakeCore(list: ContainerSummary[] = []) {
  const off = { engine: 0, preferences: 0 };
  const containerListeners: Array<(patch: ContainersPatch) => void> = [];
  const engine = {
    snapshot: () => snapshot('connected'),
    containers: () => list,
    endpoints: () => [],
    on: (event: string, listener: (patch: ContainersPatch) => void) => {
      if (event === 'containers') containerListeners.push(listener);
      return () => void off.engine++;
    },
    act: vi.fn(),
    select: vi.fn(),
  };
  const preferences = { get: () => ({ language: null }), on: () => () => void off.preferences++ };
  const hub = { openPlace: vi.fn() };
  const emit = (patch: ContainersPatch) => containerListeners.forEach((l) => l(patch));
  return { core: { engine, preferences, hub, stop: vi.fn() }, off, hub, emit };
}

type MenuItem = { label?: string; submenu?: MenuItem[]; click?: () => void };
const find = (items: MenuItem[], label: string): MenuItem | undefined => {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu ? find(item.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
};

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
    expect(off).toEqual({ engine: 4, preferences: 1 }); // the tray's three listeners and the notifier's
  });

  it("opens the window at a container's logs from the tray, and at the container a notification is about", async () => {
    electron.userData.dir = mkdtempSync(join(tmpdir(), 'silo-desktop-'));
    const web = container(1, 'running', { name: 'web' });
    const { core, hub, emit } = fakeCore([web]);
    const openWindow = vi.fn();
    const desktop = startDesktop({ core: core as never, openWindow, quit: vi.fn(), log: () => undefined });

    find(electron.trays.at(-1)!.menu as MenuItem[], 'Abrir registros')!.click!();
    expect(openWindow).toHaveBeenCalledTimes(1);
    expect(hub.openPlace).toHaveBeenLastCalledWith({ view: 'containers', container: web.id, tab: 'logs' });

    emit({
      reset: false,
      upsert: [{ ...web, state: 'exited', detail: { startedAt: 0, finishedAt: 1, exitCode: 3, oomKilled: false, health: null, restartCount: 0 } }],
      remove: [],
    });
    electron.notifications.at(-1)!.handlers.get('click')!();
    expect(openWindow).toHaveBeenCalledTimes(2);
    expect(hub.openPlace).toHaveBeenLastCalledWith({ view: 'containers', container: web.id, tab: 'logs' });
    desktop.stop();
  });
});
