// The tray glue, with Electron replaced by a test double at the module boundary.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { EngineManagerEvents } from '../../../../src/main/engine/types';
import type { ContainerSummary } from '../../../../src/shared/model/container';
import type { EngineSnapshot } from '../../../../src/shared/model/engine';
import { container, endpoint, snapshot } from './fixtures';

const electron = vi.hoisted(() => {
  class FakeTray {
    static last: FakeTray | null = null;
    image: unknown;
    tooltip = '';
    menus: MenuItemConstructorOptions[][] = [];
    images: unknown[] = [];
    handlers = new Map<string, () => void>();
    destroyed = false;
    constructor(image: unknown) {
      this.image = image;
      FakeTray.last = this;
    }
    setImage(image: unknown) {
      this.image = image;
      this.images.push(image);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: MenuItemConstructorOptions[]) {
      this.menus.push(menu);
    }
    on(event: string, handler: () => void) {
      this.handlers.set(event, handler);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    FakeTray,
    Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => template },
    nativeImage: { createFromPath: (path: string) => ({ path }) },
  };
});
vi.mock('electron', () => ({ Tray: electron.FakeTray, Menu: electron.Menu, nativeImage: electron.nativeImage }));

const { createTray } = await import('../../../../src/main/tray/tray');

function fakeEngine(initial: EngineSnapshot, list: ContainerSummary[]) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const state = { snapshot: initial, containers: list };
  return {
    state,
    act: vi.fn(async () => []),
    select: vi.fn(async () => undefined),
    snapshot: () => state.snapshot,
    containers: () => state.containers,
    endpoints: () => [endpoint('default', true)],
    on<E extends keyof EngineManagerEvents>(event: E, listener: (payload: EngineManagerEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event: keyof EngineManagerEvents, payload: unknown = null) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

function setup(platform: NodeJS.Platform = 'linux') {
  const engine = fakeEngine(snapshot('connected'), [container(1, 'running', { name: 'web' })]);
  const queue: Array<() => void> = [];
  const app = { openWindow: vi.fn(), quit: vi.fn(), setDefaultIsolation: vi.fn(), switchEngineOs: vi.fn() };
  const onAct = vi.fn();
  const tray = createTray({
    engine,
    app,
    language: () => 'en',
    pinned: () => [],
    engineOsSwitch: () => null,
    iconDir: '/icons',
    platform,
    onAct,
    schedule: (run) => queue.push(run),
  });
  const fake = electron.FakeTray.last!;
  const flush = () => queue.splice(0).forEach((run) => run());
  return { engine, app, onAct, tray, fake, queue, flush };
}

const labelsOf = (menu: MenuItemConstructorOptions[] | undefined) => (menu ?? []).map((item) => item.label ?? item.type);
const findItem = (menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined =>
  menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? item.submenu : [])]).find((item) => item.label === label);

describe('the tray', () => {
  beforeEach(() => {
    electron.FakeTray.last = null;
  });

  it('shows the icon of the engine state and the menu built from the engine', () => {
    const { fake } = setup();
    expect(fake.image).toEqual({ path: '/icons/tray-connected.png' });
    expect(fake.menus).toHaveLength(1);
    expect(labelsOf(fake.menus[0])[0]).toBe('default: 1 of 1 running · runc (shared kernel)');
    expect(fake.tooltip).toBe('Silo · default: 1 of 1 running · runc (shared kernel)');
  });

  it('rebuilds once for a burst of engine events, and not at all when nothing changed', () => {
    const { engine, fake, queue, flush } = setup();
    for (let i = 0; i < 100; i++) engine.emit('containers');
    engine.emit('engine');
    expect(queue).toHaveLength(1);
    flush();
    expect(fake.menus).toHaveLength(1); // the same menu: not handed to Electron again

    engine.state.containers = [{ ...engine.state.containers[0]!, state: 'exited' }];
    engine.emit('containers');
    flush();
    expect(fake.menus).toHaveLength(2);
    expect(labelsOf(fake.menus[1])).toContain('No container is running');
  });

  it('changes the icon as the engine state changes', () => {
    const { engine, fake, flush } = setup();
    engine.state.snapshot = snapshot('reconnecting');
    engine.emit('engine');
    flush();
    expect(fake.image).toEqual({ path: '/icons/tray-reconnecting.png' });
    engine.state.snapshot = snapshot('unreachable');
    engine.emit('engine');
    flush();
    expect(fake.image).toEqual({ path: '/icons/tray-unreachable.png' });
    engine.state.snapshot = { ...snapshot('unreachable'), endpoint: null };
    engine.emit('engine');
    flush();
    expect(fake.images).toHaveLength(2);
  });

  it('acts on a container from its submenu', async () => {
    const { engine, fake, onAct, app } = setup();
    const id = engine.state.containers[0]!.id;
    findItem(fake.menus[0]!, 'Stop')!.click!({} as never, undefined, {} as never);
    await Promise.resolve();
    expect(onAct).toHaveBeenCalledWith([id], 'stop');
    expect(engine.act).toHaveBeenCalledWith([id], 'stop', {});
    findItem(fake.menus[0]!, 'Open logs')!.click!({} as never, undefined, {} as never);
    expect(app.openWindow).toHaveBeenCalledWith({ view: 'containers', container: id, tab: 'logs' });
    findItem(fake.menus[0]!, 'runsc (user-space kernel)')!.click!({} as never, undefined, {} as never);
    expect(app.setDefaultIsolation).toHaveBeenCalledWith('runsc');
    findItem(fake.menus[0]!, 'Engine settings…')!.click!({} as never, undefined, {} as never);
    expect(app.openWindow).toHaveBeenLastCalledWith({ view: 'backends' });
    findItem(fake.menus[0]!, 'Quit Silo')!.click!({} as never, undefined, {} as never);
    expect(app.quit).toHaveBeenCalled();
  });

  it('opens the window on a left click on Windows; on Linux the menu is all', () => {
    const windows = setup('win32');
    windows.fake.handlers.get('click')!();
    expect(windows.app.openWindow).toHaveBeenCalledWith();
    const linux = setup('linux');
    expect(linux.fake.handlers.has('click')).toBe(false);
  });

  it('lets go of the engine and the icon when destroyed', () => {
    const { engine, tray, fake, queue } = setup();
    expect(engine.listenerCount()).toBe(3);
    tray.destroy();
    expect(engine.listenerCount()).toBe(0);
    expect(fake.destroyed).toBe(true);
    tray.refresh();
    expect(queue).toHaveLength(0);
  });
});
