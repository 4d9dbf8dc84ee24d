// The desktop app's lifecycle: one instance, one window, the shared core behind it.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { startCore, type Core } from '../host/core';
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

  const open = () => {
    if (!core) return;
    window = createMainWindow({ preload: join(__dirname, '..', 'preload', 'index.cjs'), stateFile: join(app.getPath('userData'), 'window-state.json'), title: app.getName() });
    stopContract = serveContract(window, core.hub, log);
    window.on('closed', () => {
      stopContract?.();
      stopContract = null;
      window = null;
    });
  };

  app.on('second-instance', () => {
    if (!window) return open();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    serveRenderer(join(__dirname, '..', 'renderer'));
    core = await startCore({ configDir: app.getPath('userData'), log });
    open();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void core?.stop();
  });
}
