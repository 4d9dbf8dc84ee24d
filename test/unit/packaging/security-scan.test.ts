// The static security scan of the app, run in `npm test`: Silo's own checker of the Electron
// checklist over src/, proven to fire on a bad sample of every rule, and the CSPs Silo serves.
// Every finding is fixed, or explained in SECURITY.md and listed here with its reason.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../src/main/host/static-files';
import { checkCsp, scanProject, scanSource } from './scan/checker';

const root = resolve(__dirname, '..', '..', '..');
const security = readFileSync(join(root, 'SECURITY.md'), 'utf8');

/** Findings explained in SECURITY.md (rule, where, what): a new one fails; a fixed one must leave. */
const EXPLAINED_CSP: Array<{ where: string; text: string }> = [];

function metaCsp(html: string): string | null {
  return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

describe("Silo's own security scan of src/", () => {
  // It parses every source file: give it room on a loaded two-core machine.
  it('finds nothing in the app', { timeout: 60_000 }, () => {
    expect(scanProject(join(root, 'src'))).toEqual([]);
  });

  it('serves a strict CSP, its open points explained', () => {
    const issues = [
      ...checkCsp('RENDERER_CSP', RENDERER_CSP),
      ...checkCsp('renderer/index.html', metaCsp(readFileSync(join(root, 'src/renderer/index.html'), 'utf8'))),
    ];
    expect(issues.map(({ where, text }) => ({ where, text }))).toEqual(EXPLAINED_CSP);
    expect(security).toContain('connect-src');
  });

  const bad: Array<[string, string, string]> = [
    ['NODE_INTEGRATION', 'main/w.ts', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } });'],
    ['NODE_INTEGRATION', 'main/w.ts', 'const p = { nodeIntegrationInSubFrames: true };'],
    ['CONTEXT_ISOLATION', 'main/w.ts', 'const p = { contextIsolation: false };'],
    ['SANDBOX', 'main/w.ts', 'const p = { sandbox: false };'],
    ['WEB_SECURITY', 'main/w.ts', 'const p = { webSecurity: false };'],
    ['INSECURE_CONTENT', 'main/w.ts', 'const p = { allowRunningInsecureContent: true };'],
    ['EXPERIMENTAL_FEATURES', 'main/w.ts', 'const p = { experimentalFeatures: true };'],
    ['BLINK_FEATURES', 'main/w.ts', "const p = { enableBlinkFeatures: 'CSSVariables' };"],
    ['WEBVIEW', 'main/w.ts', 'const p = { webviewTag: true };'],
    ['WEBVIEW', 'renderer/v.tsx', "export const V = () => <webview src='https://example.com' />;"],
    ['REMOTE_MODULE', 'main/w.ts', "import remote from '@electron/remote';"],
    ['OPEN_EXTERNAL', 'main/w.ts', "contents.setWindowOpenHandler(({ url }) => { void shell.openExternal(url); return { action: 'deny' }; });"],
    ['OPEN_EXTERNAL', 'main/w.ts', 'if (isSafeExternalUrl(other)) void shell.openExternal(url);'],
    ['IPC_SENDER', 'main/i.ts', "ipcMain.handle('x', async (event, args) => dispatch(args));"],
    ['IPC_SENDER', 'main/i.ts', "ipcMain.on('x', (event) => event.reply('y'));"],
    ['FILE_PROTOCOL', 'main/w.ts', "void window.loadFile('index.html');"],
    ['FILE_PROTOCOL', 'main/w.ts', "void window.loadURL('file:///app/index.html');"],
    ['FILE_PROTOCOL', 'main/w.ts', "void window.loadURL('https://silo.example/');"],
    ['RAW_IPC_RENDERER', 'preload/p.ts', "contextBridge.exposeInMainWorld('ipc', ipcRenderer);"],
    ['RAW_IPC_RENDERER', 'preload/p.ts', "contextBridge.exposeInMainWorld('ipc', { send: ipcRenderer.send });"],
    ['RAW_IPC_RENDERER', 'preload/p.ts', "contextBridge.exposeInMainWorld('ipc', { on: (channel, listener) => ipcRenderer.on(channel, listener) });"],
    ['NAVIGATION', 'main/w.ts', "const w = new BrowserWindow({}); w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));"],
    ['NEW_WINDOW', 'main/w.ts', "const w = new BrowserWindow({}); w.webContents.on('will-navigate', (e) => e.preventDefault());"],
  ];
  it.each(bad)('finds %s in a bad sample (%s)', (rule, file, text) => {
    expect(scanSource(file, text).map((f) => f.rule)).toContain(rule);
  });

  it('passes the safe forms of the same code', () => {
    const good = [
      'if (isSafeExternalUrl(url)) void shell.openExternal(url);',
      "ipcMain.handle('x', async (event, call) => { if (!isTrustedSender(toSender(event))) return refused; return dispatch(call); });",
      'void window.loadURL(APP_ENTRY);',
      "const forward = (_e, m) => listener(m); contextBridge.exposeInMainWorld('silo', { invoke: (c, a) => ipcRenderer.invoke('silo:call', c, a), subscribe: (l) => { ipcRenderer.on('silo:event', forward); return () => ipcRenderer.removeListener('silo:event', forward); } });",
      'const p = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false };',
    ];
    for (const text of good) expect(scanSource('main/ok.ts', text), text).toEqual([]);
  });

  it('checks CSPs for real', () => {
    expect(checkCsp('x', null).map((i) => i.text)).toEqual(['no Content-Security-Policy']);
    expect(checkCsp('x', "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'").map((i) => i.text)).toEqual([
      "script-src allows 'unsafe-eval'",
    ]);
    expect(checkCsp('x', "default-src *; object-src 'none'; base-uri 'none'").map((i) => i.text)).toContain('script-src allows *');
    expect(checkCsp('x', "default-src 'self'").map((i) => i.text)).toEqual(["object-src is not 'none'", "base-uri is not 'none'"]);
  });
});
