// The IPC sender check (checklist 17), with Electron's ipcMain replaced by a test double: the
// handler src/main/electron/ipc.ts registers answers only the main frame of Silo's own window at
// Silo's own origin, and refuses anything else before any handler runs.
import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, type Handlers } from '../../../src/shared/contract';

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
  const handlers = { 'preferences.get': settingsGet } as unknown as Handlers;
  const sent: unknown[] = [];
  const mainFrame = { url: 'app://silo/index.html' };
  const listeners = new Map<string, (details?: unknown) => void>();
  const webContents = {
    mainFrame,
    send: (...args: unknown[]) => sent.push(args),
    on: (name: string, listener: (details?: unknown) => void) => listeners.set(name, listener),
  };
  const window = { isDestroyed: () => false, webContents };
  const sessions: Array<{ close: ReturnType<typeof vi.fn> }> = [];
  const hub = {
    open: () => {
      const session = { handlers, close: vi.fn() };
      sessions.push(session);
      return session;
    },
  };
  const stop = serveContract(window as never, hub as never, () => undefined);
  return { settingsGet, webContents, mainFrame, stop, listeners, sessions };
}

const refused = { ok: false, error: { code: 'validation', field: 'sender' } };

describe('IPC sessions follow the page', () => {
  it('a reload or a crashed renderer closes the old page’s session (and its streams) and opens a new one', () => {
    const { listeners, sessions, stop } = setup();
    expect(sessions).toHaveLength(1);
    listeners.get('did-start-navigation')!({ isMainFrame: true, isSameDocument: false });
    expect(sessions[0]!.close).toHaveBeenCalledTimes(1);
    expect(sessions).toHaveLength(2);
    listeners.get('did-start-navigation')!({ isMainFrame: false, isSameDocument: false });
    listeners.get('did-start-navigation')!({ isMainFrame: true, isSameDocument: true });
    expect(sessions).toHaveLength(2);
    listeners.get('render-process-gone')!();
    expect(sessions[1]!.close).toHaveBeenCalledTimes(1);
    expect(sessions).toHaveLength(3);
    stop();
    expect(sessions[2]!.close).toHaveBeenCalledTimes(1);
  });
});

describe('IPC events', () => {
  it("carry every event the hub sends a page, place.open too, on Silo's one event channel", () => {
    const sent: unknown[][] = [];
    const webContents = { mainFrame: {}, send: (...args: unknown[]) => sent.push(args), on: () => undefined };
    let send: ((event: string, payload: unknown) => void) | null = null;
    const hub = {
      open: (pageSend: (event: string, payload: unknown) => void) => {
        send = pageSend;
        return { handlers: {}, close: vi.fn() };
      },
    };
    const stop = serveContract({ isDestroyed: () => false, webContents } as never, hub as never, () => undefined);
    send!('place.open', { place: { view: 'backends' } });
    expect(sent).toEqual([[IPC_EVENT_CHANNEL, { event: 'place.open', payload: { place: { view: 'backends' } } }]]);
    stop();
  });
});

describe('IPC sender validation', () => {
  it('answers the main frame of its own window at app://silo', async () => {
    const { settingsGet, webContents, mainFrame } = setup();
    expect(electron.state.channel).toBe('silo:call');
    const reply = await electron.state.handler!({ sender: webContents, senderFrame: mainFrame }, 'preferences.get', {});
    expect(reply).toEqual({ ok: true, result: { language: null } });
    expect(settingsGet).toHaveBeenCalledTimes(1);
  });

  it('refuses a null sender frame (navigated away or destroyed): fail closed', async () => {
    const { settingsGet, webContents } = setup();
    expect(await electron.state.handler!({ sender: webContents, senderFrame: null }, 'preferences.get', {})).toEqual(refused);
    expect(await electron.state.handler!({ sender: webContents }, 'preferences.get', {})).toEqual(refused);
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame, even one at app://silo', async () => {
    const { settingsGet, webContents } = setup();
    expect(await electron.state.handler!({ sender: webContents, senderFrame: { url: 'app://silo/index.html' } }, 'preferences.get', {})).toEqual(refused);
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('refuses its own main frame once it is at another origin', async () => {
    const { settingsGet, webContents, mainFrame } = setup();
    for (const url of ['https://evil.example/', 'app://silo.evil/index.html', 'file:///index.html', 'app://evil/silo', '']) {
      mainFrame.url = url;
      expect(await electron.state.handler!({ sender: webContents, senderFrame: mainFrame }, 'preferences.get', {}), url).toEqual(refused);
    }
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('refuses another window or web contents', async () => {
    const { settingsGet } = setup();
    const otherFrame = { url: 'app://silo/index.html' };
    const other = { mainFrame: otherFrame };
    expect(await electron.state.handler!({ sender: other, senderFrame: otherFrame }, 'preferences.get', {})).toEqual(refused);
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('still validates the call and its argument for a trusted sender', async () => {
    const { settingsGet, webContents, mainFrame } = setup();
    const event = { sender: webContents, senderFrame: mainFrame };
    expect(await electron.state.handler!(event, 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await electron.state.handler!(event, 'preferences.get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(settingsGet).not.toHaveBeenCalled();
  });

  it('removes its handler when the window goes', () => {
    const { stop } = setup();
    stop();
    expect(electron.state.removed).toContain('silo:call');
  });
});
