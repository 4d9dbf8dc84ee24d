// Limits on the browser host's connections, so that a local process without the secret cannot
// exhaust its file descriptors or memory with half-open requests. On loopback every client is
// 127.0.0.1, so the caps are on all connections and on those not (yet) a signed-in WebSocket:
// past the second cap the oldest idle one is dropped for the newcomer, so a flood of half-open
// sockets can delay the real page by a moment but never lock it out.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export const LIMITS = {
  /** Whole request head within this. */
  headersTimeoutMs: 10_000,
  /** Whole request within this. */
  requestTimeoutMs: 20_000,
  /** How often Node checks the two above. */
  checkEveryMs: 1_000,
  /** An idle keep-alive connection closes after this. */
  keepAliveMs: 5_000,
  /** Every connection, signed-in WebSockets included. */
  maxConnections: 512,
  /** Connections that are not a signed-in WebSocket (static files, a page signing in, strangers). */
  maxUnauthenticated: 64,
} as const;

export interface ConnectionLimiter {
  /** The socket became a signed-in WebSocket: it no longer counts against the unauthenticated cap. */
  trust(socket: Socket): void;
  /** Busy serving a request (not to be dropped for a newcomer) until `done`. */
  busy(socket: Socket): () => void;
  unauthenticated(): number;
}

export function serverOptions() {
  return {
    headersTimeout: LIMITS.headersTimeoutMs,
    requestTimeout: LIMITS.requestTimeoutMs,
    connectionsCheckingInterval: LIMITS.checkEveryMs,
    keepAliveTimeout: LIMITS.keepAliveMs,
  };
}

export function limitConnections(server: Server, cap: number = LIMITS.maxUnauthenticated): ConnectionLimiter {
  server.maxConnections = LIMITS.maxConnections;
  /** Unauthenticated connections, oldest first; the value says whether a request is being served. */
  const open = new Map<Socket, { busy: number }>();

  server.on('connection', (socket: Socket) => {
    if (open.size >= cap) {
      const idle = [...open].find(([, state]) => state.busy === 0)?.[0];
      if (!idle) {
        socket.destroy();
        return;
      }
      open.delete(idle);
      idle.destroy();
    }
    open.set(socket, { busy: 0 });
    socket.once('close', () => open.delete(socket));
  });

  return {
    trust: (socket) => void open.delete(socket),
    busy(socket) {
      const state = open.get(socket);
      if (!state) return () => undefined;
      state.busy += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        state.busy -= 1;
      };
    },
    unauthenticated: () => open.size,
  };
}
