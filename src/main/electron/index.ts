// The desktop app's lifecycle: one instance, one window, the shared core behind it.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { startCore, type Core } from '../host/core';
import { startDesktop, type Desktop } from './desktop';
import { guardWebContents } from './guards';
import { serveContract } from './ipc';
import { registerSchemeAsPrivileged, serveRenderer } from './protocol';
import { createMainWindow, denyPermissions } from './window';

const log = (line: string) => {
  if (process.env.SILO_DEBUG === '1') process.stderr.write(`${line}\n`);
};

registerSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let window: BrowserWindow | null = null;
  let stopContract: (() => void) | null = null;
  let desktop: Desktop | null = null;

  const open = () => {
    if (!core) return;
    window = createMainWindow({
      preload: join(__dirname, '..', 'preload', 'index.cjs'),
      stateFile: join(app.getPath('userData'), 'window-state.json'),
      title: app.getName(),
      packaged: app.isPackaged,
    });
    stopContract = serveContract(window, core.hub, log);
    window.on('closed', () => {
      stopContract?.();
      stopContract = null;
      window = null;
    });
  };

  const show = () => {
    if (!window) return open();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  app.on('second-instance', show);

  // Every web contents, whoever made it: navigation, new windows and webviews refused ('will-attach-webview' too).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    serveRenderer(join(__dirname, '..', 'renderer'));
    core = await startCore({ configDir: app.getPath('userData'), log });
    open();
    try {
      desktop = startDesktop({ core, openWindow: show, quit: () => app.quit(), log });
    } catch (error) {
      log(`desktop integration: ${(error as Error)?.stack ?? error}`);
    }
  });

  // With the tray up, closing the window leaves Silo running there; without it, it quits.
  app.on('window-all-closed', () => (desktop ? desktop.closedToTray() : app.quit()));
  app.on('before-quit', () => {
    desktop?.stop();
    desktop = null;
    void core?.stop();
  });
}
