// The contract over Electron IPC: one invoke channel, every sender checked, every argument
// validated by the shared dispatch; events go out on one channel to the one window.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Reply, type WireEvent } from '../../shared/contract';
import { siloError } from '../../shared/errors';
import { createDispatch } from '../host/dispatch';
import { inFlightGate } from '../host/in-flight';
import type { SessionHub } from '../host/sessions';
import { isTrustedSender } from './policy';

export function serveContract(window: BrowserWindow, hub: SessionHub, log: (line: string) => void): () => void {
  // One session per page load: a reload or a crashed renderer is a new page, and the old page's
  // streams (logs, stats, terminals) must close with it, as a closed WebSocket's do.
  const openPage = () => {
    const session = hub.open((event, payload) => {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload } satisfies WireEvent);
    });
    // IPC has no buffered amount: the page's `stream.ack`s are the flow signal, and calls in flight are capped.
    return { session, dispatch: createDispatch(session.handlers, (error) => log(`internal error: ${(error as Error)?.stack ?? error}`), inFlightGate()) };
  };
  let page = openPage();
  const newPage = () => {
    page.session.close();
    page = openPage();
  };
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) newPage();
  });
  window.webContents.on('render-process-gone', newPage);

  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, call: unknown, args: unknown): Promise<Reply> => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender({
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
      fromAppWindow: !window.isDestroyed() && event.sender === window.webContents,
    });
    if (!trusted) return { ok: false, error: siloError('validation', { field: 'sender' }) };
    return page.dispatch(call, args);
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    page.session.close();
  };
}
