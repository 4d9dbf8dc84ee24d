// The contract over Electron IPC: one invoke channel, every sender checked, every argument
// validated by the shared dispatch; events go out on one channel to the one window.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Reply, type WireEvent } from '../../shared/contract';
import { siloError } from '../../shared/errors';
import { createDispatch } from '../host/dispatch';
import type { SessionHub } from '../host/sessions';
import { isTrustedSender } from './policy';

export function serveContract(window: BrowserWindow, hub: SessionHub, log: (line: string) => void): () => void {
  const session = hub.open((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload } satisfies WireEvent);
  });
  const dispatch = createDispatch(session.handlers, (error) => log(`internal error: ${(error as Error)?.stack ?? error}`));

  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, call: unknown, args: unknown): Promise<Reply> => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender({
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
      fromAppWindow: !window.isDestroyed() && event.sender === window.webContents,
    });
    if (!trusted) return { ok: false, error: siloError('validation', { field: 'sender' }) };
    return dispatch(call, args);
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    session.close();
  };
}
