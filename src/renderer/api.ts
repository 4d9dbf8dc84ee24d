// The only file that touches `window.silo` (Electron's preload) or the browser host's WebSocket.
// Everything else in the renderer sees a typed SiloApi and the state of the link to Silo.
import type { CallArgs, CallName, CallResult, EventName, EventPayloads, SiloApi } from '../shared/contract';
import type { Reply, SiloBridge, WireEvent, WireRequest } from '../shared/bridge';
import type { SiloError } from '../shared/errors';
import { isSiloError, siloError } from '../shared/errors';
import { EVENT_NAMES } from '../shared/events';
import { WS_PROTOCOL, checkSecret, pageSecret } from './host-session';

declare global {
  interface Window {
    silo?: SiloBridge;
  }
}

/** A failed call: `error` carries the SiloError the host answered with. */
export class SiloCallError extends Error {
  constructor(readonly error: SiloError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code);
    this.name = 'SiloCallError';
  }
}

/** The SiloError inside whatever a call rejected with. */
export function errorOf(reason: unknown): SiloError {
  if (reason instanceof SiloCallError) return reason.error;
  if (isSiloError(reason)) return reason;
  if (typeof reason === 'object' && reason !== null && isSiloError((reason as { error?: unknown }).error)) {
    return (reason as { error: SiloError }).error;
  }
  return siloError('internal', { detail: reason instanceof Error ? reason.message : String(reason) });
}

/** The link between this page and Silo itself (not the engine): always open under Electron. */
export interface HostLink {
  state: 'connecting' | 'open' | 'lost';
  /** Reconnect attempts since the link was lost. */
  attempt: number;
  /** When the next attempt starts (epoch ms), while lost. */
  retryAt: number | null;
}

export interface SiloClient extends SiloApi {
  link(): HostLink;
  /** Called on every change of the link; `session.start` is due each time it becomes open. */
  onLink(listener: (link: HostLink) => void): () => void;
  close(): void;
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set<string>(EVENT_NAMES);

type AnyListener = (payload: never) => void;

class EventHub {
  private readonly listeners = new Map<EventName, Set<AnyListener>>();

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as AnyListener);
    return () => set.delete(listener as AnyListener);
  }

  /** Dispatches a wire event; unknown names are ignored (an older page, a newer host). */
  dispatch(message: WireEvent): void {
    if (!KNOWN_EVENTS.has(message.event)) return;
    for (const listener of this.listeners.get(message.event) ?? []) {
      try {
        (listener as (payload: unknown) => void)(message.payload);
      } catch (error) {
        console.error(`listener of ${message.event} failed`, error);
      }
    }
  }
}

function settle<T>(reply: Reply): T {
  if (reply.ok) return reply.result as T;
  throw new SiloCallError(isSiloError(reply.error) ? reply.error : siloError('internal', { detail: 'malformed error reply' }));
}

/** Electron: the preload's bridge. IPC does not drop, so the link is always open. */
export function bridgeClient(bridge: SiloBridge): SiloClient {
  const hub = new EventHub();
  const unsubscribe = bridge.subscribe((message) => hub.dispatch(message));
  const link: HostLink = { state: 'open', attempt: 0, retryAt: null };
  return {
    async call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
      let reply: Reply;
      try {
        reply = await bridge.invoke(name, args);
      } catch (error) {
        throw new SiloCallError(errorOf(error));
      }
      return settle<CallResult<N>>(reply);
    },
    on: (event, listener) => hub.on(event, listener),
    link: () => link,
    onLink(listener) {
      queueMicrotask(() => listener(link));
      return () => {};
    },
    close: unsubscribe,
  };
}

/** The part of a WebSocket the client uses (a test passes a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface SocketClientOptions {
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  /** The `Sec-WebSocket-Protocol` values to offer (the page's secret); the first open waits for them. */
  protocols?: Promise<string[]>;
  /** A socket closed without ever opening (refused, or the host is away). */
  onUnopened?: () => void;
  /** Milliseconds before reconnect attempt n (1-based). */
  backoff?: (attempt: number) => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const OPEN = 1;

export function defaultBackoff(attempt: number): number {
  return Math.min(10_000, 250 * 2 ** Math.max(0, attempt - 1));
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * The browser host: one WebSocket speaking WireRequest / WireResponse / WireEvent. Calls made
 * before the socket opens wait in a queue; calls in flight when it closes fail (they may or may
 * not have run, so they are never replayed); then it reconnects with backoff.
 */
export function socketClient(url: string, options: SocketClientOptions = {}): SiloClient {
  const createSocket = options.createSocket ?? ((u: string, p: string[]) => new WebSocket(u, p) as unknown as SocketLike);
  const backoff = options.backoff ?? defaultBackoff;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  const hub = new EventHub();
  const linkListeners = new Set<(link: HostLink) => void>();
  const pending = new Map<number, Pending>();
  /** Requests not sent yet, in call order. */
  const queue: { id: number; frame: string }[] = [];
  let nextId = 1;
  let socket: SocketLike | null = null;
  let timer: unknown = null;
  let closed = false;
  let link: HostLink = { state: 'connecting', attempt: 0, retryAt: null };
  let protocols: string[] | null = options.protocols ? null : [];

  const setLink = (value: HostLink): void => {
    link = value;
    for (const listener of linkListeners) listener(link);
  };

  const onMessage = (data: unknown): void => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    if (typeof m.id === 'number') {
      const waiter = pending.get(m.id);
      if (!waiter) return;
      pending.delete(m.id);
      if (m.ok === true) waiter.resolve(m.result);
      else waiter.reject(new SiloCallError(isSiloError(m.error) ? m.error : siloError('internal', { detail: 'malformed error reply' })));
    } else if (typeof m.event === 'string') {
      hub.dispatch({ event: m.event as EventName, payload: m.payload });
    }
  };

  const open = (): void => {
    if (protocols === null) {
      void options.protocols?.then((offered) => {
        protocols = offered;
        if (!closed) open();
      });
      return;
    }
    const ws = createSocket(url, protocols);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      if (socket !== ws) return;
      opened = true;
      setLink({ state: 'open', attempt: 0, retryAt: null });
      for (const { frame } of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (event) => {
      if (socket === ws) onMessage(event.data);
    };
    ws.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (!opened && !closed) options.onUnopened?.();
      const lost = siloError('internal', { detail: 'The connection to Silo closed before the answer arrived.' });
      const unsent = new Set(queue.map((q) => q.id));
      for (const [id, waiter] of pending) {
        if (unsent.has(id)) continue;
        pending.delete(id);
        waiter.reject(new SiloCallError(lost));
      }
      if (closed) return;
      const attempt = link.state === 'open' ? 1 : link.attempt + 1;
      const delay = backoff(attempt);
      setLink({ state: 'lost', attempt, retryAt: now() + delay });
      timer = setTimer(() => {
        timer = null;
        if (!closed) open();
      }, delay);
    };
  };

  open();

  return {
    call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
      if (closed) return Promise.reject(new SiloCallError(siloError('internal', { detail: 'The client is closed.' })));
      const id = nextId++;
      const request: WireRequest = { id, call: name, args };
      const frame = JSON.stringify(request);
      return new Promise<CallResult<N>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        if (socket && socket.readyState === OPEN && link.state === 'open') socket.send(frame);
        else queue.push({ id, frame });
      });
    },
    on: (event, listener) => hub.on(event, listener),
    link: () => link,
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close() {
      closed = true;
      if (timer !== null) clearTimer(timer);
      socket?.close();
      const closedError = new SiloCallError(siloError('internal', { detail: 'The client is closed.' }));
      for (const waiter of pending.values()) waiter.reject(closedError);
      pending.clear();
      queue.length = 0;
    },
  };
}

/** Picks the transport: the preload's bridge under Electron, else the browser host's socket, signed in. */
export function connectToSilo(): SiloClient {
  if (window.silo) return bridgeClient(window.silo);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const secret = pageSecret();
  return socketClient(`${scheme}://${location.host}/ws`, {
    protocols: secret.then((value) => [WS_PROTOCOL, value]),
    onUnopened: () => void secret.then((value) => checkSecret(value)),
  });
}
