// The desktop integration around the window: the tray, native notifications, staying in the tray
// when the window closes (said once), and auto-update. Started once the core is up.
import { app, Notification } from 'electron';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Place } from '../../shared/place';
import type { Core } from '../host/core';
import { startNotifier } from '../notify/notifier';
import { RequestedStops } from '../notify/requested';
import { DEFAULT_NOTIFY_PREFERENCES } from '../notify/types';
import { wordCloseToTray } from '../notify/words';
import { pickLanguage } from '../tray/i18n/translate';
import { trayChanges } from '../tray/changes';
import { createTray } from '../tray/tray';
import { startAutoUpdate } from '../update/updater';

export interface DesktopOptions {
  core: Core;
  /** Shows the window (opens it, restores it, focuses it). */
  openWindow(): void;
  quit(): void;
  log(line: string): void;
}

export interface Desktop {
  /** The last window closed and Silo stays in the tray: say so, the first time only. */
  closedToTray(): void;
  stop(): void;
}

export function startDesktop({ core, openWindow, quit, log }: DesktopOptions): Desktop {
  const language = () => pickLanguage(core.preferences.get().language, app.getLocale());
  const requested = new RequestedStops();
  // The window first, then the page is asked to go there (a page still loading goes there on start).
  const openPlace = (place?: Place) => {
    openWindow();
    if (place) core.hub.openPlace(place);
  };
  const osSwitch = desktopContainersSwitch(core, log, () => tray.refresh());
  const tray = createTray({
    engine: core.engine,
    app: {
      openWindow: openPlace,
      quit,
      ...trayChanges({ backends: core.backends, engine: core.engine, language, openPlace, log }),
    },
    language,
    // Pins are not in the preferences yet.
    pinned: () => [],
    engineOsSwitch: osSwitch,
    iconDir: join(app.getAppPath(), 'assets'),
    platform: process.platform,
    onAct: (ids, action) => requested.record(ids, action, Date.now()),
    onError: (error) => log(`tray: ${(error as Error)?.message ?? String(error)}`),
  });
  const offPreferences = core.preferences.on(() => tray.refresh());
  const notifier = startNotifier({ engine: core.engine, preferences: () => DEFAULT_NOTIFY_PREFERENCES, language, requested, openWindow: openPlace });
  startAutoUpdate(log).catch((error: unknown) => log(`auto-update: ${(error as Error)?.message ?? String(error)}`));

  const toldFile = join(app.getPath('userData'), 'close-to-tray-told');
  return {
    closedToTray() {
      if (existsSync(toldFile) || !Notification.isSupported()) return;
      const { title, body } = wordCloseToTray(language());
      new Notification({ title, body }).show();
      try {
        writeFileSync(toldFile, '', { mode: 0o600 });
      } catch (error) {
        log(`close-to-tray: ${(error as Error).message}`);
      }
    },
    stop() {
      offPreferences();
      notifier.stop();
      tray.destroy();
    },
  };
}

/**
 * Which containers switch Docker Desktop offers (Windows only), read again whenever the tray
 * rebuilds with an engine answer it has not seen (a connection, a reconnection, a switch): the
 * engine's events drive it, nothing polls. Until the answer comes, no switch is offered.
 */
function desktopContainersSwitch(core: Pick<Core, 'backends' | 'engine'>, log: (line: string) => void, changed: () => void): () => 'windows' | 'linux' | null {
  if (process.platform !== 'win32') return () => null;
  let value: 'windows' | 'linux' | null = null;
  let seen: unknown = undefined;
  return () => {
    const info = core.engine.snapshot().info;
    if (info !== seen) {
      seen = info;
      core.backends.desktop
        .state()
        .then((state) => {
          const next = state.installed ? (state.containers.offered[0] ?? null) : null;
          if (next !== value) {
            value = next;
            changed();
          }
        })
        .catch((error: unknown) => log(`docker desktop state: ${(error as Error)?.message ?? String(error)}`));
    }
    return value;
  };
}
