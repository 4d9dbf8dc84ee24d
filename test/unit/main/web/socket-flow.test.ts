// The browser host's own backpressure: a page's WebSocket is read no further while its replies
// back up, read again once they drain, and dropped when the page takes nothing for the stall time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { socketFlow } from '../../../../src/main/web/socket-flow';

const LIMITS = { high: 1000, low: 100, stallMs: 30_000, pollMs: 50 };

function fakeSocket() {
  const calls: string[] = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    bufferedAmount: 0,
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    terminate: () => calls.push('terminate'),
  };
  return { ws, calls, flow: socketFlow(ws as unknown as WebSocket, LIMITS) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a page WebSocket behind its replies', () => {
  it('stops reading above the high-water mark and reads again below the low one', () => {
    const { ws, calls, flow } = fakeSocket();
    ws.bufferedAmount = 900;
    flow.sent();
    expect(calls).toEqual([]);
    ws.bufferedAmount = 5000;
    flow.sent();
    flow.sent();
    expect(calls).toEqual(['pause']);
    ws.bufferedAmount = 500;
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(['pause']);
    ws.bufferedAmount = 50;
    vi.advanceTimersByTime(60);
    expect(calls).toEqual(['pause', 'resume']);
    flow.close();
  });

  it('keeps a page that drains slowly, and drops one that takes nothing for the stall time', () => {
    const { ws, calls, flow } = fakeSocket();
    ws.bufferedAmount = 50_000;
    flow.sent();
    for (let s = 0; s < 60; s++) {
      ws.bufferedAmount -= 100;
      vi.advanceTimersByTime(1000);
    }
    expect(calls).toEqual(['pause']);
    vi.advanceTimersByTime(29_000);
    expect(calls).toEqual(['pause']);
    vi.advanceTimersByTime(2_000);
    expect(calls).toEqual(['pause', 'terminate']);
  });
});
