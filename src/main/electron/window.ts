// The one BrowserWindow: sandboxed, isolated, no Node, no navigation, no new windows, no
// permissions, Silo's own protocol with a strict CSP.
import { BrowserWindow, shell, type Session } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY, isAppUrl, isSafeExternalUrl, webPreferences } from './policy';
import { readBounds, writeBounds } from './window-state';

/** `packaged`: Electron's `app.isPackaged` (no DevTools then). */
export function createMainWindow(options: { preload: string; stateFile: string; title: string; packaged: boolean }): BrowserWindow {
  const bounds = readBounds(options.stateFile);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: options.title,
    icon: join(__dirname, '..', '..', 'assets', 'icon.png'),
    webPreferences: webPreferences(options.preload, options.packaged),
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A link the person clicked opens in their browser, https only; no window opens here.
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const save = () => {
    if (window.isDestroyed()) return;
    writeBounds(options.stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', save);

  void window.loadURL(APP_ENTRY);
  return window;
}

/** Deny every permission a page may ask for: Silo needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
