// The desktop integration around the window: the tray, native notifications, staying in the tray
// when the window closes (said once), and auto-update. Started once the core is up.
import { app, Notification } from 'electron';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../host/core';
import { startNotifier } from '../notify/notifier';
import { RequestedStops } from '../notify/requested';
import { DEFAULT_NOTIFY_SETTINGS } from '../notify/types';
import { wordCloseToTray } from '../notify/words';
import type { WindowTarget } from '../tray/actions';
import { pickLanguage } from '../tray/i18n/translate';
import { createTray } from '../tray/tray';
import { startAutoUpdate } from '../update/updater';

export interface DesktopOptions {
  core: Core;
  openWindow(target?: WindowTarget): void;
  quit(): void;
  log(line: string): void;
}

export interface Desktop {
  /** The last window closed and Silo stays in the tray: say so, the first time only. */
  closedToTray(): void;
  stop(): void;
}

export function startDesktop({ core, openWindow, quit, log }: DesktopOptions): Desktop {
  const language = () => pickLanguage(core.settings.get().language, app.getLocale());
  const requested = new RequestedStops();
  const tray = createTray({
    engine: core.engine,
    app: {
      openWindow,
      quit,
      // Until the safe apply of the engine backends exists, these open the window, where the
      // person can see the engine's isolation.
      setDefaultIsolation: () => openWindow(),
      switchEngineOs: () => openWindow(),
    },
    language,
    // Pins and Docker Desktop's engine switch are not in the settings or the engine layer yet.
    pinned: () => [],
    engineOsSwitch: () => null,
    iconDir: join(app.getAppPath(), 'assets'),
    platform: process.platform,
    onAct: (ids, action) => requested.record(ids, action, Date.now()),
    onError: (error) => log(`tray: ${(error as Error)?.message ?? String(error)}`),
  });
  const offSettings = core.settings.on(() => tray.refresh());
  const notifier = startNotifier({ engine: core.engine, settings: () => DEFAULT_NOTIFY_SETTINGS, language, requested, openWindow: () => openWindow() });
  startAutoUpdate(log).catch((error: unknown) => log(`auto-update: ${(error as Error)?.message ?? String(error)}`));

  const toldFile = join(app.getPath('userData'), 'close-to-tray-told');
  return {
    closedToTray() {
      if (existsSync(toldFile) || !Notification.isSupported()) return;
      const { title, body } = wordCloseToTray(language());
      new Notification({ title, body }).show();
      try {
        writeFileSync(toldFile, '');
      } catch (error) {
        log(`close-to-tray: ${(error as Error).message}`);
      }
    },
    stop() {
      offSettings();
      notifier.stop();
      tray.destroy();
    },
  };
}
