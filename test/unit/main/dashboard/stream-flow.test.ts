// A page's flow control, through the stream registry as the hub builds it: paused above the
// high-water mark, resumed below the low one once the page acknowledges, overflowed (a live log
// skips, the rest end `too-slow`) past the hard cap or after the stall time; acks are checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../../src/shared/contract';
import { streamDataSize } from '../../../../src/shared/dashboard/stream-size';
import type { StreamData, StreamEnd } from '../../../../src/shared/model/stream';
import type { FlowLimits } from '../../../../src/main/dashboard/stream-flow';
import type { EngineStreamHandle, StreamSink } from '../../../../src/main/dashboard/stream-sink';
import type { Send } from '../../../../src/main/util/send';
import { StreamRegistry } from '../../../../src/main/dashboard/stream-registry';
import { inFlightGate } from '../../../../src/main/host/in-flight';
import { createDispatch } from '../../../../src/main/host/dispatch';
import type { Handlers } from '../../../../src/shared/contract';

const LIMITS: FlowLimits = { high: 10_000, low: 2_000, hard: 40_000, stallMs: 30_000, pollMs: 100 };
const piece = (n: number) => ({ kind: 'terminal' as const, data: 'x'.repeat(n) });

function setup(buffered = () => 0) {
  const sent: Array<{ event: EventName; payload: unknown }> = [];
  const send: Send = (event, payload) => sent.push({ event, payload });
  const registry = new StreamRegistry(send, { buffered, flow: LIMITS });
  const open = async (kind: 'terminal' | 'logs', copes = false) => {
    let sink: StreamSink | null = null;
    const calls: string[] = [];
    const handle: EngineStreamHandle = {
      close: () => calls.push('close'),
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      ...(copes ? { overflow: () => (calls.push('overflow'), true) } : {}),
    };
    const opened = await registry.open(kind, async (s) => {
      sink = s;
      return { handle };
    });
    return { streamId: opened.streamId, sink: sink!, calls };
  };
  const ends = () => sent.filter((e) => e.event === 'stream.end').map((e) => e.payload as StreamEnd);
  return { sent, registry, open, ends };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a page behind its streams', () => {
  it('pauses every stream of the page above the high-water mark and resumes them below the low one', async () => {
    const t = setup();
    const a = await t.open('terminal');
    const b = await t.open('terminal');
    a.sink.data(piece(6_000));
    expect(a.calls).toEqual([]);
    a.sink.data(piece(6_000));
    expect(a.calls).toEqual(['pause']);
    expect(b.calls).toEqual(['pause']);
    // A stream opened meanwhile starts paused.
    const c = await t.open('terminal');
    expect(c.calls).toEqual(['pause']);
    // Down to 12,128 - 6,064 = 6,064: still above the low mark.
    t.registry.ack(a.streamId, streamDataSize(piece(6_000)));
    expect(a.calls).toEqual(['pause']);
    t.registry.ack(a.streamId, streamDataSize(piece(6_000)));
    expect(a.calls).toEqual(['pause', 'resume']);
    expect(b.calls).toEqual(['pause', 'resume']);
    expect(c.calls).toEqual(['pause', 'resume']);
    expect(t.ends()).toEqual([]);
  });

  it('counts what the transport holds unsent too', async () => {
    let buffered = 0;
    const t = setup(() => buffered);
    const a = await t.open('terminal');
    buffered = 50_000;
    a.sink.data(piece(10));
    expect(a.calls).toEqual(['pause']);
    buffered = 1_000;
    t.registry.ack(a.streamId, streamDataSize(piece(10)));
    expect(a.calls).toEqual(['pause', 'resume']);
  });

  it('ends a stream too-slow when the page makes no progress for the stall time; a live log skips instead', async () => {
    const t = setup();
    const term = await t.open('terminal');
    const log = await t.open('logs', true);
    term.sink.data(piece(8_000));
    log.sink.data({ kind: 'logs', lines: [{ stream: 'stdout', time: null, text: 'y'.repeat(4_000) }] });
    expect(term.calls).toEqual(['pause']);
    vi.advanceTimersByTime(29_000);
    expect(t.ends()).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(t.ends()).toEqual([{ streamId: term.streamId, error: { code: 'too-slow' } }]);
    expect(term.calls).toEqual(['pause', 'close']);
    expect(log.calls).toEqual(['pause', 'overflow']);
    // The log overflows once, not on every look.
    vi.advanceTimersByTime(10_000);
    expect(log.calls).toEqual(['pause', 'overflow']);
    // The page catches up: the log resumes (and says what it skipped, see logs.ts).
    t.registry.ack(log.streamId, 4_000 + 128);
    expect(log.calls).toEqual(['pause', 'overflow', 'resume']);
  });

  it('keeps a stream paused, not ended, while the page makes progress within the hard cap', async () => {
    const t = setup();
    const a = await t.open('terminal');
    for (let i = 0; i < 30; i++) a.sink.data(piece(1_000));
    for (let s = 0; s < 60; s++) {
      vi.advanceTimersByTime(1_000);
      t.registry.ack(a.streamId, 100);
    }
    expect(t.ends()).toEqual([]);
    expect(a.calls).toEqual(['pause']);
  });

  it('overflows past the hard cap without waiting for the stall time', async () => {
    const t = setup();
    const a = await t.open('terminal');
    a.sink.data(piece(50_000));
    vi.advanceTimersByTime(150);
    expect(t.ends().map((e) => e.error?.code)).toEqual(['too-slow']);
  });

  it('refuses an acknowledgement of more than was sent, and ignores one of a stream that has ended', async () => {
    const t = setup();
    const a = await t.open('terminal');
    a.sink.data(piece(100));
    expect(() => t.registry.ack(a.streamId, 10_000)).toThrow(/validation/);
    a.sink.end(null);
    await vi.runOnlyPendingTimersAsync();
    expect(t.ends()).toHaveLength(1);
    expect(() => t.registry.ack(a.streamId, 10)).not.toThrow();
    expect(t.registry.flow.pressure()).toBe(0);
  });

  it('sends the data of a paused stream in order, nothing lost', async () => {
    const t = setup();
    const a = await t.open('terminal');
    for (let i = 0; i < 5; i++) a.sink.data({ kind: 'terminal', data: `${i}`.repeat(3_000) });
    await vi.runOnlyPendingTimersAsync();
    const got = t.sent.filter((e) => e.event === 'stream.data').map((e) => (e.payload as StreamData & { data: string }).data[0]);
    expect(got).toEqual(['0', '1', '2', '3', '4']);
  });
});

describe('calls in flight', () => {
  it('answers busy past the cap without running the call, checks arguments first, and never refuses an ack', async () => {
    vi.useRealTimers();
    let ran = 0;
    const gates: Array<() => void> = [];
    const wait = async () => {
      ran++;
      await new Promise<void>((r) => gates.push(r));
      return null;
    };
    const handlers = { 'containers.inspect': wait, 'stream.ack': wait } as unknown as Handlers;
    const gate = inFlightGate(3);
    const dispatch = createDispatch(handlers, undefined, gate);
    const id = 'a'.repeat(64);
    const replies = Array.from({ length: 5 }, () => dispatch('containers.inspect', { id }));
    const invalid = await dispatch('containers.inspect', { id: 'nope' });
    expect(invalid.ok ? null : invalid.error.code).toBe('validation');
    const ack = dispatch('stream.ack', { streamId: 's1', bytes: 1 });
    await new Promise((r) => setImmediate(r));
    expect(gate.running).toBe(3);
    gates.forEach((open) => open());
    const answers = await Promise.all(replies);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'busy', 'busy']);
    expect((await ack).ok).toBe(true);
    expect(ran).toBe(4);
    expect(gate.running).toBe(0);
  });
});
