// Speaks to the browser host the way its page does: one WebSocket, the token, the host's own
// Origin, WireRequest in and WireResponse / WireEvent out. Call names are plain strings here so
// a benchmark can ask for a call the built host may not have yet (and report it as pending).
import WebSocket from 'ws';
import type { BenchHost } from './host';

export interface SiloReply {
  ok: boolean;
  result?: unknown;
  error?: { code: string; field?: string; detail?: string };
}

export interface SiloSocket {
  call(name: string, args: unknown, timeoutMs?: number): Promise<SiloReply>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  close(): void;
}

export async function connectSilo(host: BenchHost): Promise<SiloSocket> {
  // Signed in as a page is: its secret offered as a WebSocket protocol beside Silo's own.
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, ['silo', await host.secret()], { headers: { Origin: host.origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (reply: SiloReply) => void>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let closed: Error | null = null;
  ws.on('close', (code) => {
    closed = new Error(`the browser host closed the WebSocket (${code})`);
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'closed', detail: closed.message } });
    pending.clear();
  });
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; event?: string; payload?: unknown } & SiloReply;
    if (typeof message.id === 'number') {
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    } else if (typeof message.event === 'string') {
      for (const listener of listeners) listener(message.event, message.payload);
    }
  });
  return {
    call(name, args, timeoutMs = 120_000) {
      const id = nextId++;
      if (closed) return Promise.reject(closed);
      return new Promise<SiloReply>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        ws.send(JSON.stringify({ id, call: name, args }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => ws.close(),
  };
}

/** True when the host knows the call (any answer but `unknown-call`). */
export async function hostHasCall(socket: SiloSocket, name: string): Promise<boolean> {
  const reply = await socket.call(name, { __probe: true }, 10_000);
  return !(reply.ok === false && reply.error?.code === 'unknown-call');
}
