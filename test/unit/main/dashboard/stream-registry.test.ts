// A page's streams: ids, the answer before the first data, one end, closed with the page.
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../../src/shared/contract';
import { SiloFailure } from '../../../../src/shared/errors';
import type { StreamSink } from '../../../../src/main/dashboard/stream-sink';
import type { Send } from '../../../../src/main/util/send';
import { StreamRegistry } from '../../../../src/main/dashboard/stream-registry';

function setup(limit?: number) {
  const sent: Array<{ event: EventName; payload: unknown }> = [];
  const send: Send = (event, payload) => sent.push({ event, payload });
  const registry = new StreamRegistry(send, { limit });
  const closed: string[] = [];
  const open = async (name: string, early?: (sink: StreamSink) => void) => {
    let sink: StreamSink | null = null;
    const opened = await registry.open('logs', async (s) => {
      sink = s;
      early?.(s);
      return { handle: { close: () => closed.push(name) }, tty: false };
    });
    return { ...opened, sink: sink! };
  };
  return { sent, registry, closed, open };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('StreamRegistry', () => {
  it('holds what a stream sends until its opening call has answered, then sends it in order', async () => {
    const t = setup();
    const { streamId, tty, sink } = await t.open('a', (s) => s.data({ kind: 'logs', lines: [{ stream: 'stdout', time: null, text: 'early' }] }));
    expect(streamId).toBe('s1');
    expect(tty).toBe(false);
    expect(t.sent).toEqual([]);
    sink.data({ kind: 'logs', lines: [{ stream: 'stdout', time: null, text: 'second' }] });
    await turn();
    sink.data({ kind: 'logs', lines: [{ stream: 'stdout', time: null, text: 'third' }] });
    sink.end(null);
    sink.data({ kind: 'logs', lines: [] });
    sink.end(null);
    expect(t.sent.map((e) => [e.event, (e.payload as { lines?: Array<{ text: string }> }).lines?.[0]?.text ?? null])).toEqual([
      ['stream.data', 'early'],
      ['stream.data', 'second'],
      ['stream.data', 'third'],
      ['stream.end', null],
    ]);
    expect(t.sent.at(-1)!.payload).toEqual({ streamId: 's1', error: null });
    expect(t.registry.size).toBe(0);
  });

  it('closes a stream on the page’s word: the engine side stops, no end follows', async () => {
    const t = setup();
    const { streamId, sink } = await t.open('a');
    t.registry.close(streamId);
    expect(t.closed).toEqual(['a']);
    sink.data({ kind: 'logs', lines: [] });
    sink.end(null);
    await turn();
    expect(t.sent).toEqual([]);
    expect(() => t.registry.close(streamId)).toThrow(SiloFailure);
  });

  it('closes every stream when the page goes, and opens none after', async () => {
    const t = setup();
    await t.open('a');
    await t.open('b');
    t.registry.closeAll();
    expect(t.closed).toEqual(['a', 'b']);
    await expect(t.open('c')).rejects.toMatchObject({ error: { code: 'stream-not-found' } });
  });

  it('keeps nothing of a stream whose start failed, and refuses past the limit', async () => {
    const t = setup(2);
    await expect(t.registry.open('stats', async () => Promise.reject(new SiloFailure({ code: 'container-not-running' })))).rejects.toMatchObject({
      error: { code: 'container-not-running' },
    });
    expect(t.registry.size).toBe(0);
    await t.open('a');
    await t.open('b');
    await expect(t.open('c')).rejects.toMatchObject({ error: { code: 'too-many-streams', params: { limit: 2 } } });
  });

  it('finds a handle only for its kind, and forgets an upload quietly', async () => {
    const t = setup();
    const { streamId } = await t.open('a');
    expect(() => t.registry.get(streamId, 'terminal')).toThrow(SiloFailure);
    expect(t.registry.get(streamId, 'logs')).toBeDefined();
    t.registry.forget(streamId);
    await turn();
    expect(t.registry.size).toBe(0);
    expect(t.sent).toEqual([]);
  });

  it('closes the engine side of a stream whose page went while it was opening', async () => {
    const t = setup();
    let release!: () => void;
    const pending = t.registry.open('logs', async () => {
      await new Promise<void>((r) => (release = r));
      return { handle: { close: () => t.closed.push('late') } };
    });
    await turn();
    t.registry.closeAll();
    release();
    await pending;
    expect(t.closed).toEqual(['late']);
  });
});
