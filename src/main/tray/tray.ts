// The tray icon and its menu. Rebuilt from the engine's events (never by polling), at most once
// per turn of the event loop however many events arrive together, and only handed to Electron
// when the menu, icon or tooltip actually changed.
import { Menu, Tray, nativeImage, type NativeImage } from 'electron';
import { join } from 'node:path';
import type { ContainerAction } from '../../shared/model/container';
import type { Language } from '../../shared/model/preferences';
import { runTrayAction, type TrayAppActions, type TrayEngine } from './actions';
import { buildTrayMenu, trayTooltip } from './menu';
import { trayStateFrom } from './state';
import { toElectronTemplate } from './template';
import { iconStateFor, type TrayAction, type TrayIconState } from './types';

export interface TrayOptions {
  engine: TrayEngine;
  app: TrayAppActions;
  language(): Language;
  pinned(): readonly string[];
  engineOsSwitch(): 'windows' | 'linux' | null;
  /** The folder holding tray-<state>.png (and @2x). */
  iconDir: string;
  platform: NodeJS.Platform;
  /** Told of every container action the person takes from the tray (notifications use it). */
  onAct?(ids: string[], action: ContainerAction): void;
  onError?(error: unknown): void;
  /** How a rebuild is deferred; setImmediate by default. */
  schedule?(run: () => void): void;
}

export interface SiloTray {
  /** Rebuild soon (a setting the menu shows has changed). */
  refresh(): void;
  destroy(): void;
}

export function createTray(options: TrayOptions): SiloTray {
  const schedule = options.schedule ?? ((run: () => void) => void setImmediate(run));
  const images = new Map<TrayIconState, NativeImage>();
  const image = (state: TrayIconState) => {
    let found = images.get(state);
    if (!found) {
      // nativeImage picks tray-<state>@2x.png by itself on high-density displays.
      found = nativeImage.createFromPath(join(options.iconDir, `tray-${state}.png`));
      images.set(state, found);
    }
    return found;
  };

  const onAction = (action: TrayAction) => {
    runTrayAction(action, options.engine, options.app, options.onAct).catch((error: unknown) => options.onError?.(error));
  };

  let iconState = iconStateFor(options.engine.snapshot().connection.phase);
  const tray = new Tray(image(iconState));
  let lastMenu = '';
  let lastTooltip = '';
  let pending = false;
  let destroyed = false;

  const rebuild = () => {
    pending = false;
    if (destroyed) return;
    const { engine } = options;
    const snapshot = engine.snapshot();
    const state = trayStateFrom({
      language: options.language(),
      snapshot,
      containers: engine.containers(),
      endpoints: engine.endpoints(),
      pinned: options.pinned(),
      engineOsSwitch: options.engineOsSwitch(),
    });
    const nextIcon = iconStateFor(snapshot.endpoint ? snapshot.connection.phase : null);
    if (nextIcon !== iconState) {
      iconState = nextIcon;
      tray.setImage(image(iconState));
    }
    const tooltip = trayTooltip(state);
    if (tooltip !== lastTooltip) {
      lastTooltip = tooltip;
      tray.setToolTip(tooltip);
    }
    const menu = buildTrayMenu(state);
    const key = JSON.stringify(menu);
    if (key !== lastMenu) {
      lastMenu = key;
      tray.setContextMenu(Menu.buildFromTemplate(toElectronTemplate(menu, onAction)));
    }
  };

  const refresh = () => {
    if (pending || destroyed) return;
    pending = true;
    schedule(rebuild);
  };

  // Windows opens the window on a left click; Linux shows the menu, which is complete there.
  if (options.platform === 'win32') tray.on('click', () => options.app.openWindow());

  const unsubscribe = [options.engine.on('engine', refresh), options.engine.on('containers', refresh), options.engine.on('endpoints', refresh)];
  rebuild();

  return {
    refresh,
    destroy() {
      destroyed = true;
      for (const off of unsubscribe) off();
      tray.destroy();
    },
  };
}
