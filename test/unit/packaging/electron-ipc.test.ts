// The IPC sender check (checklist 17), with Electron's ipcMain replaced by a test double: the
// handler src/main/electron/ipc.ts registers answers only the main frame of Silo's own window at
// Silo's own origin, and refuses anything else before any handler runs.
import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../src/shared/contract';

type Invoke = (event: unknown, call: unknown, args: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => {
  const state = { handler: null as Invoke | null, channel: '', removed: [] as string[] };
  return {
    state,
    ipcMain: {
      handle: (channel: string, handler: Invoke) => {
        state.channel = channel;
        state.handler = handler;
      },
      removeHandler: (channel: string) => state.removed.push(channel),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

const { serveContract } = await import('../../../src/main/electron/ipc');

function setup() {
  const settingsGet = vi.fn(async () => ({ language: null }));
  const handlers = { 'settings.get': settingsGet } as unknown as Handlers;
  const sent: unknown[] = [];
  const mainFrame = { url: 'app://silo/index.html' };
  const webContents = { mainFrame, send: (...args: unknown[]) => sent.push(args) };
  const window = { isDestroyed: () => false, webContents };
  const hub = { open: () => ({ handlers, close: vi.fn() }) };
  const stop = serveContract(window as never, hub as never, () => undefined);
  return { settingsGet, webContents, mainFrame, stop };
}

const refused = { ok: false, error: { code: 'validation', field: 'sender' } };

describe('IPC sender validation', () => {
  it('answers the main frame of its own window at app://silo', async () => {
    const { settingsGet, webContents, mainFrame } = setup();
    expect(electron.state.channel).toBe('silo:call');
    const reply = await electron.state.handler!({ sender: webContents, senderFrame: mainFrame }, 'settings.get', {});
    expect(reply).toEqual({ ok: true, result: { language: null } });
    expect(settingsGet).toHaveBeenCalledTimes(1);
  });

  it('refuses a null sender frame (navigated away or destroyed): fail closed', async () => {
    const { settingsGet, webContents } = setup();
    expect(await electron.state.handler!({ sender: webContents, senderFrame: null }, 'settings.get', {})).toEqual(refused);
    expect(await electron.state.handler!({ sender: webContents }, 'settings.get', {})).toEqual(refused);
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame, even one at app://silo', async () => {
    const { settingsGet, webContents } = setup();
    expect(await electron.state.handler!({ sender: webContents, senderFrame: { url: 'app://silo/index.html' } }, 'settings.get', {})).toEqual(refused);
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('refuses its own main frame once it is at another origin', async () => {
    const { settingsGet, webContents, mainFrame } = setup();
    for (const url of ['https://evil.example/', 'app://silo.evil/index.html', 'file:///index.html', 'app://evil/silo', '']) {
      mainFrame.url = url;
      expect(await electron.state.handler!({ sender: webContents, senderFrame: mainFrame }, 'settings.get', {}), url).toEqual(refused);
    }
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('refuses another window or web contents', async () => {
    const { settingsGet } = setup();
    const otherFrame = { url: 'app://silo/index.html' };
    const other = { mainFrame: otherFrame };
    expect(await electron.state.handler!({ sender: other, senderFrame: otherFrame }, 'settings.get', {})).toEqual(refused);
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('still validates the call and its argument for a trusted sender', async () => {
    const { settingsGet, webContents, mainFrame } = setup();
    const event = { sender: webContents, senderFrame: mainFrame };
    expect(await electron.state.handler!(event, 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await electron.state.handler!(event, 'settings.get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('removes its handler when the window goes', () => {
    const { stop } = setup();
    stop();
    expect(electron.state.removed).toContain('silo:call');
  });
});
