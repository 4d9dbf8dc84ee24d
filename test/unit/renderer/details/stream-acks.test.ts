// The page's side of flow control: what a view has processed is acknowledged (`stream.ack`), with
// the size both sides count; the log acknowledges once its lines are in the store, the terminal
// once xterm has drawn them; a live log's skipped lines are summed for the view's note.
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../../../src/shared/contract';
import { streamDataSize } from '../../../../src/shared/dashboard/stream-size';
import type { StreamData } from '../../../../src/shared/model/stream';
import type { CallPort } from '../../../../src/renderer/stores/api-port';
import { createStreamHub } from '../../../../src/renderer/stores/streams';
import { createStreamAcks } from '../../../../src/renderer/stores/stream-acks';
import { createDetailsStore } from '../../../../src/renderer/stores/details';

const ID = 'abcdef012345';
const tick = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const calls: { name: CallName; args: unknown }[] = [];
  let next = 1;
  const api: CallPort = {
    async call(name, args) {
      calls.push({ name, args });
      if (name === 'logs.open') return { streamId: `s${next++}`, tty: false } as never;
      if (name === 'terminal.open') return { streamId: `s${next++}`, shell: '/bin/sh' } as never;
      return null as never;
    },
  };
  const timers: Array<() => void> = [];
  const acks = createStreamAcks(api, { setTimer: (fn) => timers.push(fn) });
  let flushLog: (() => void) | null = null;
  const hub = createStreamHub(api);
  const store = createDetailsStore(api, hub, { acks, schedule: (flush) => (flushLog = flush) });
  const acked = () => calls.filter((c) => c.name === 'stream.ack').map((c) => c.args);
  return { api, calls, acks, timers, hub, store, acked, flushLog: () => flushLog?.() };
}

const batch = (streamId: string, texts: string[], skipped?: number): StreamData => ({
  streamId,
  kind: 'logs',
  lines: texts.map((text) => ({ stream: 'stdout' as const, time: null, text })),
  ...(skipped !== undefined ? { skipped } : {}),
});

describe('stream acknowledgements', () => {
  it('sums a stream’s sizes and sends them after a short wait, or at once past the eager size', () => {
    const t = setup();
    t.acks.consumedBytes('s1', 100);
    t.acks.consumedBytes('s1', 50);
    t.acks.consumedBytes('s2', 7);
    expect(t.acked()).toEqual([]);
    t.timers.shift()!();
    expect(t.acked()).toEqual([
      { streamId: 's1', bytes: 150 },
      { streamId: 's2', bytes: 7 },
    ]);
    t.acks.consumedBytes('s3', 300 * 1024);
    expect(t.acked().at(-1)).toEqual({ streamId: 's3', bytes: 300 * 1024 });
  });

  it('acknowledges log lines once they are in the store, and counts the lines Silo skipped', async () => {
    const t = setup();
    const stop = t.store.getState().followLogs(ID);
    await tick();
    const first = batch('s1', ['a', 'b']);
    const second = batch('s1', ['c'], 1234);
    t.hub.dispatchData(first);
    t.hub.dispatchData(second);
    t.timers.splice(0).forEach((fn) => fn());
    expect(t.acked()).toEqual([]);
    t.flushLog();
    expect(t.store.getState().logs.lines.length).toBe(3);
    expect(t.store.getState().logs.skipped).toBe(1234);
    t.timers.splice(0).forEach((fn) => fn());
    expect(t.acked()).toEqual([{ streamId: 's1', bytes: streamDataSize(first) + streamDataSize(second) }]);
    stop();
  });

  it('acknowledges terminal output once the screen has drawn it', async () => {
    const t = setup();
    const drawn: Array<() => void> = [];
    const session = await t.store.getState().openTerminal(ID, { cols: 80, rows: 24 }, { output: (_data, done) => drawn.push(done), end: () => undefined });
    const data: StreamData = { streamId: 's1', kind: 'terminal', data: 'x'.repeat(1000) };
    t.hub.dispatchData(data);
    t.timers.splice(0).forEach((fn) => fn());
    expect(t.acked()).toEqual([]);
    drawn.forEach((done) => done());
    t.timers.splice(0).forEach((fn) => fn());
    expect(t.acked()).toEqual([{ streamId: 's1', bytes: streamDataSize(data) }]);
    session?.close();
  });
});
