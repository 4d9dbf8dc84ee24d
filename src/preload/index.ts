// Exposes exactly Silo's contract to the sandboxed page, as `window.silo`: one call function and
// one event subscription, plain data only. Never ipcRenderer itself, never the IPC event object.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Reply, type SiloBridge, type WireEvent } from '../shared/bridge';

const bridge: SiloBridge = {
  invoke: (call: string, args: unknown): Promise<Reply> => ipcRenderer.invoke(IPC_CALL_CHANNEL, call, args),
  subscribe(listener: (event: WireEvent) => void): () => void {
    const forward = (_event: unknown, message: WireEvent) => listener(message);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('silo', bridge);
