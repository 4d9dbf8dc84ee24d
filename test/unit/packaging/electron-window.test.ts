// The window's hardening, with Electron replaced by a test double at the module boundary:
// the options src/main/electron/window.ts really passes, and the handlers it really installs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  class FakeWebContents {
    handlers = new Map<string, Handler>();
    openHandler: Handler | null = null;
    on(event: string, handler: Handler) {
      this.handlers.set(event, handler);
      return this;
    }
    setWindowOpenHandler(handler: Handler) {
      this.openHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | null = null;
    webContents = new FakeWebContents();
    loaded: string[] = [];
    handlers = new Map<string, Handler>();
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.last = this;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    once(event: string, handler: Handler) {
      this.handlers.set(event, handler);
    }
    on(event: string, handler: Handler) {
      this.handlers.set(event, handler);
    }
    maximize() {}
    show() {}
    isDestroyed() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
  }
  return { FakeBrowserWindow, shell: { openExternal: vi.fn(async () => undefined) } };
});
vi.mock('electron', () => ({ BrowserWindow: electron.FakeBrowserWindow, shell: electron.shell }));

const { createMainWindow, denyPermissions } = await import('../../../src/main/electron/window');

function open(packaged = true) {
  const dir = mkdtempSync(join(tmpdir(), 'silo-window-'));
  const stateFile = join(dir, 'window-state.json');
  createMainWindow({ preload: '/app/dist/preload/index.cjs', stateFile, title: 'Silo', packaged });
  return { window: electron.FakeBrowserWindow.last!, stateFile };
}

const prevented = (handler: Handler | undefined, ...args: unknown[]) => {
  const event = { preventDefault: vi.fn() };
  handler?.(event, ...args);
  return event.preventDefault.mock.calls.length > 0;
};

describe('the main window (checklist 2–4, 6, 8–14, 18)', () => {
  beforeEach(() => electron.shell.openExternal.mockClear());

  it('runs its page sandboxed, isolated and without Node, from the preload Silo built', () => {
    const { window } = open();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.devTools).toBe(false);
    expect(open(false).window.options.webPreferences).toMatchObject({ devTools: true });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it("loads Silo's own app:// origin, never file:// or the network", () => {
    const { window } = open();
    expect(window.loaded).toEqual(['app://silo/index.html']);
  });

  it('denies navigation and redirects away from its own origin', () => {
    const { window } = open();
    const { handlers } = window.webContents;
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'app://silo.evil/', 'file:///etc/passwd', 'http://127.0.0.1:2375/', 'javascript:alert(1)']) {
        expect(prevented(handlers.get(event), url), `${event} ${url}`).toBe(true);
      }
      expect(prevented(handlers.get(event), 'app://silo/index.html#/containers')).toBe(false);
    }
    // Every frame's navigation, as will-frame-navigate reports it (one details object).
    const frame = handlers.get('will-frame-navigate');
    for (const url of ['https://evil.example/', 'app://silo.evil/', 'file:///etc/passwd']) {
      const details = { url, isMainFrame: false, preventDefault: vi.fn() };
      frame?.(details);
      expect(details.preventDefault, url).toHaveBeenCalled();
    }
    const own = { url: 'app://silo/index.html', isMainFrame: true, preventDefault: vi.fn() };
    frame?.(own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only https links in the browser', () => {
    const { window } = open();
    const openHandler = window.webContents.openHandler!;
    for (const url of [
      'https://docs.docker.com/',
      'http://example.com/',
      'file:///etc/passwd',
      'app://silo/index.html',
      'javascript:alert(1)',
      'https://user:pw@example.com/',
    ]) {
      expect(openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://docs.docker.com/']]);
  });

  it('refuses to attach a webview', () => {
    const { window } = open();
    expect(prevented(window.webContents.handlers.get('will-attach-webview'))).toBe(true);
  });

  it('remembers its bounds when it closes', () => {
    const { window, stateFile } = open();
    window.handlers.get('close')?.();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });
});

describe('permission requests (checklist 5)', () => {
  it('are all denied, asked or checked', () => {
    let request: Handler | null = null;
    let check: Handler | null = null;
    const session = {
      setPermissionRequestHandler: (handler: Handler) => (request = handler),
      setPermissionCheckHandler: (handler: Handler) => (check = handler),
    };
    denyPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'app://silo', {})).toBe(false);
    }
  });
});
