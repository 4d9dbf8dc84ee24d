// Every web contents, not only the window's, is held to Silo's rules (checklist 12–14): the real
// src/main/electron/index.ts is loaded with Electron replaced at the module boundary, and the
// web contents it is told about through `web-contents-created` gets every guard.
import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler>();
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    // Never ready: the test looks only at what index.ts installs when it loads.
    whenReady: () => new Promise<void>(() => undefined),
    on: (event: string, handler: Handler) => {
      appHandlers.set(event, handler);
      return app;
    },
    quit: () => undefined,
    getPath: () => '/nowhere',
    getName: () => 'Silo',
  };
  return { app, appHandlers };
});
vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: class {},
  session: { defaultSession: {} },
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
  net: {},
  shell: { openExternal: vi.fn() },
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
  Notification: class {},
  Tray: class {},
  Menu: { buildFromTemplate: () => ({}) },
  nativeImage: { createFromPath: () => ({}) },
}));

class FakeContents {
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

const prevented = (handler: Handler | undefined, ...args: unknown[]): boolean => {
  const event = { preventDefault: vi.fn() };
  handler?.(event, ...args);
  return event.preventDefault.mock.calls.length > 0;
};

describe('every web contents (web-contents-created)', async () => {
  await import('../../../src/main/electron/index');
  const { guardWebContents } = await import('../../../src/main/electron/guards');

  it('index.ts guards each web contents Electron creates', () => {
    const created = electron.appHandlers.get('web-contents-created');
    expect(created).toBeDefined();
    const contents = new FakeContents();
    created!({}, contents);
    expect([...contents.handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.openHandler).not.toBeNull();
  });

  it('refuses navigation, redirects and any frame’s navigation away from app://silo; denies every window; refuses webviews', () => {
    const contents = new FakeContents();
    guardWebContents(contents as unknown as WebContents);
    const bad = ['https://evil.example/', 'app://silo.evil/', 'file:///etc/passwd', 'http://127.0.0.1:2375/', 'javascript:alert(1)', 'devtools://devtools/'];
    for (const url of bad) {
      expect(prevented(contents.handlers.get('will-navigate'), url), url).toBe(true);
      expect(prevented(contents.handlers.get('will-redirect'), url), url).toBe(true);
      const details = { url, isMainFrame: false, preventDefault: vi.fn() };
      contents.handlers.get('will-frame-navigate')!(details);
      expect(details.preventDefault, url).toHaveBeenCalled();
    }
    expect(prevented(contents.handlers.get('will-navigate'), 'app://silo/index.html#/images')).toBe(false);
    const own = { url: 'app://silo/index.html', isMainFrame: true, preventDefault: vi.fn() };
    contents.handlers.get('will-frame-navigate')!(own);
    expect(own.preventDefault).not.toHaveBeenCalled();
    for (const url of ['https://docs.docker.com/', 'app://silo/index.html', 'about:blank']) expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(prevented(contents.handlers.get('will-attach-webview'), {}, { src: 'https://evil.example/' })).toBe(true);
  });
});
