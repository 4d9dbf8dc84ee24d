// Backpressure on one page's WebSocket. While the socket holds more than the high-water mark of
// replies and events the page has not taken yet, Silo reads no more of the page's frames (its
// requests wait in the page's own buffers, not in Silo); it reads again below the low mark. A page
// that takes nothing at all for the stall time while so much waits (it stopped reading, and events
// kept coming) is disconnected: it reconnects and is sent the whole state again, instead of Silo
// holding it all.
import type { WebSocket } from 'ws';
import { FLOW_LIMITS } from '../dashboard/stream-flow';

export const SOCKET_LIMITS = { high: FLOW_LIMITS.high, low: FLOW_LIMITS.low, stallMs: FLOW_LIMITS.stallMs, pollMs: 50 };

export interface SocketFlow {
  /** After each frame Silo sends: stop reading the page while it is behind. */
  sent(): void;
  close(): void;
}

export function socketFlow(ws: WebSocket, limits = SOCKET_LIMITS, now: () => number = Date.now): SocketFlow {
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  return {
    sent() {
      if (timer || ws.bufferedAmount <= limits.high) return;
      ws.pause();
      let last = ws.bufferedAmount;
      let progressAt = now();
      // The socket has no event for "drained": look again until it has.
      timer = setInterval(() => {
        const buffered = ws.bufferedAmount;
        if (ws.readyState !== ws.OPEN) return stop();
        if (buffered < limits.low) {
          stop();
          ws.resume();
          return;
        }
        if (buffered < last) progressAt = now();
        last = buffered;
        if (now() - progressAt > limits.stallMs) {
          stop();
          ws.terminate();
        }
      }, limits.pollMs);
      timer.unref();
    },
    close: stop,
  };
}
