// The transport between the main process and a page, as plain data. Kept apart from the
// schemas so the sandboxed preload bundles nothing but these few lines.
import type { SiloError } from './errors';
import type { EventName } from './events';

/** Wire shapes shared by the Electron IPC and the browser host's WebSocket. */
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: SiloError };
export interface WireRequest {
  id: number;
  call: string;
  args: unknown;
}
export type WireResponse = { id: number } & Reply;
export interface WireEvent {
  event: EventName;
  payload: unknown;
}

/**
 * The transport the preload puts on `window.silo` (and the browser host's WebSocket mirrors):
 * plain data only, so nothing but Replies and events crosses the context bridge.
 */
export interface SiloBridge {
  invoke(call: string, args: unknown): Promise<Reply>;
  subscribe(listener: (event: WireEvent) => void): () => void;
}

/** The IPC channel names, derived from the contract (the preload's allowlist). */
export const IPC_CALL_CHANNEL = 'silo:call';
export const IPC_EVENT_CHANNEL = 'silo:event';
