import { describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../../../src/shared/contract';
import type { StreamData, StreamEnd } from '../../../../src/shared/model/stream';
import type { StatsSample } from '../../../../src/shared/model/stats';
import { SiloCallError } from '../../../../src/renderer/api';
import type { CallPort } from '../../../../src/renderer/stores/api-port';
import { createStreamHub, feedStreams } from '../../../../src/renderer/stores/streams';
import { LOG_CAP, STATS_WINDOW, createDetailsStore, inputPieces, pushSample } from '../../../../src/renderer/stores/details';

const ID = 'abcdef012345';

/** A fake Silo: answers stream opens with s1, s2…; records every call; each answer can be held back. */
function fakeSilo(answers: Partial<{ [N in CallName]: (args: CallArgs<N>) => CallResult<N> | Promise<CallResult<N>> }> = {}) {
  const calls: { name: CallName; args: unknown }[] = [];
  let next = 1;
  let gate: Promise<void> | null = null;
  const api: CallPort = {
    async call(name, args) {
      calls.push({ name, args });
      if (gate) await gate;
      const answer = answers[name] as ((a: unknown) => unknown) | undefined;
      if (answer) return (await answer(args)) as never;
      if (name === 'logs.open') return { streamId: `s${next++}`, tty: false } as never;
      if (name === 'terminal.open') return { streamId: `s${next++}`, shell: '/bin/sh' } as never;
      if (name.endsWith('.open') || name === 'logs.download') return { streamId: `s${next++}` } as never;
      return null as never;
    },
  };
  const hold = () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    return () => {
      gate = null;
      release();
    };
  };
  return { api, calls, hold, closed: () => calls.filter((c) => c.name === 'stream.close').map((c) => (c.args as { streamId: string }).streamId) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(answers?: Parameters<typeof fakeSilo>[0]) {
  const silo = fakeSilo(answers);
  const hub = createStreamHub(silo.api);
  const store = createDetailsStore(silo.api, hub, { schedule: (flush) => flush() });
  const data = (d: StreamData) => hub.dispatchData(d);
  const end = (e: StreamEnd) => hub.dispatchEnd(e);
  return { silo, hub, store, data, end };
}

const logBatch = (streamId: string, from: number, count: number): StreamData => ({
  streamId,
  kind: 'logs',
  lines: Array.from({ length: count }, (_, i) => ({ stream: 'stdout' as const, time: null, text: String(from + i) })),
});

const statsSample = (n: number): StatsSample => ({
  readAt: n * 1000,
  cpuPercent: n,
  memoryUsage: 0,
  memoryLimit: null,
  memoryPercent: null,
  networkRx: 0,
  networkTx: 0,
  blockRead: 0,
  blockWrite: 0,
  pids: 1,
  cpus: 2,
});

describe('the log held in memory', () => {
  it('asks for the last LOG_CAP lines with timestamps, and keeps at most LOG_CAP, saying how many went', async () => {
    const { silo, store, data } = setup();
    const stop = store.getState().followLogs(ID);
    await tick();
    expect(silo.calls[0]).toEqual({ name: 'logs.open', args: { id: ID, tail: LOG_CAP, timestamps: true } });
    expect(store.getState().logs.status).toBe('open');
    for (let i = 0; i < 130; i++) data(logBatch('s1', i * 500, 500));
    const { lines } = store.getState().logs;
    expect(lines.length).toBeLessThanOrEqual(LOG_CAP);
    expect(lines.length).toBeGreaterThanOrEqual(LOG_CAP - 500);
    expect(lines.length + lines.dropped).toBe(65_000);
    stop();
  });

  it('closes its stream when the view stops following, and forgets the lines', async () => {
    const { silo, store, data } = setup();
    const stop = store.getState().followLogs(ID);
    await tick();
    data(logBatch('s1', 0, 3));
    expect(store.getState().logs.lines.length).toBe(3);
    stop();
    expect(silo.closed()).toEqual(['s1']);
    expect(store.getState().logs.lines.length).toBe(0);
    // Data still in flight for the closed stream is not taken.
    data(logBatch('s1', 3, 3));
    expect(store.getState().logs.lines.length).toBe(0);
  });

  it('a stream whose view went before Silo answered is closed as soon as the answer comes', async () => {
    const { silo, store } = setup();
    const release = silo.hold();
    const stop = store.getState().followLogs(ID);
    stop();
    release();
    await tick();
    expect(silo.closed()).toEqual(['s1']);
  });

  it('a new follow starts a new generation and ignores the old stream', async () => {
    const { store, data } = setup();
    const stopA = store.getState().followLogs(ID);
    await tick();
    const first = store.getState().logs.generation;
    stopA();
    store.getState().followLogs(ID);
    await tick();
    expect(store.getState().logs.generation).toBe(first + 1);
    data(logBatch('s1', 0, 5));
    data(logBatch('s2', 0, 2));
    expect(store.getState().logs.lines.length).toBe(2);
  });

  it('says when the log ended or failed', async () => {
    const { store, end } = setup();
    store.getState().followLogs(ID);
    await tick();
    end({ streamId: 's1', error: null });
    expect(store.getState().logs.status).toBe('ended');
    store.getState().followLogs(ID);
    await tick();
    end({ streamId: 's2', error: { code: 'engine-unreachable' } });
    expect(store.getState().logs.status).toBe('failed');
    expect(store.getState().logs.error?.code).toBe('engine-unreachable');
  });

  it('a refused open is a failure with the engine’s reason', async () => {
    const { store } = setup({
      'logs.open': () => {
        throw new SiloCallError({ code: 'container-not-found' });
      },
    });
    store.getState().followLogs(ID);
    await tick();
    expect(store.getState().logs).toMatchObject({ status: 'failed', error: { code: 'container-not-found' } });
  });
});

describe('stats', () => {
  it('keeps the last STATS_WINDOW samples and closes the stream when nobody looks', async () => {
    const { silo, store, data } = setup();
    const stop = store.getState().watchStats(ID);
    await tick();
    for (let i = 0; i < STATS_WINDOW + 5; i++) data({ streamId: 's1', kind: 'stats', sample: statsSample(i) });
    const { samples } = store.getState().stats;
    expect(samples).toHaveLength(STATS_WINDOW);
    expect(samples[0]?.cpuPercent).toBe(5);
    stop();
    expect(silo.closed()).toEqual(['s1']);
    expect(store.getState().stats.status).toBe('idle');
  });

  it('pushSample never grows past the window', () => {
    let s: StatsSample[] = [];
    for (let i = 0; i < 10; i++) s = pushSample(s, statsSample(i), 3);
    expect(s.map((x) => x.cpuPercent)).toEqual([7, 8, 9]);
  });
});

describe('the stream hub', () => {
  it('routes data and end by stream id, and ends every open stream when the link is lost', async () => {
    const silo = fakeSilo();
    const hub = createStreamHub(silo.api);
    const got: string[] = [];
    const handlers = (tag: string) => ({ data: () => got.push(`${tag}:data`), end: (e: StreamEnd) => got.push(`${tag}:end:${e.error?.code ?? 'ok'}`) });
    const a = await hub.open('stats.open', { id: ID }, handlers('a'));
    await hub.open('stats.open', { id: ID }, handlers('b'));
    hub.dispatchData({ streamId: 's2', kind: 'stats', sample: statsSample(1) });
    hub.dispatchData({ streamId: 's9', kind: 'stats', sample: statsSample(1) });
    a?.close();
    expect(hub.openIds()).toEqual(['s2']);
    const listeners = new Map<string, (p: unknown) => void>();
    let linkListener: ((link: { state: 'lost' | 'open' | 'connecting'; attempt: number; retryAt: number | null }) => void) | null = null;
    feedStreams(
      {
        on: ((event: string, listener: (p: unknown) => void) => {
          listeners.set(event, listener);
          return () => listeners.delete(event);
        }) as never,
        onLink: (l) => {
          linkListener = l;
          return () => undefined;
        },
      },
      hub,
    );
    listeners.get('stream.data')?.({ streamId: 's2', kind: 'stats', sample: statsSample(2) });
    linkListener!({ state: 'lost', attempt: 1, retryAt: 0 });
    expect(got).toEqual(['b:data', 'b:data', 'b:end:stream-not-found']);
    expect(hub.openIds()).toEqual([]);
    expect(silo.closed()).toEqual(['s1']);
  });
});

describe('the terminal', () => {
  it('sends input (pieces a paste too long for one message) and resizes on its stream', async () => {
    const { silo, store, data, end } = setup();
    const out: string[] = [];
    let ended: [unknown, unknown] | null = null;
    const session = await store.getState().openTerminal(ID, { cols: 80, rows: 24 }, { output: (d) => out.push(d), end: (e, c) => (ended = [e, c]) });
    expect(session?.shell).toBe('/bin/sh');
    expect(silo.calls[0]).toEqual({ name: 'terminal.open', args: { id: ID, cols: 80, rows: 24 } });
    data({ streamId: 's1', kind: 'terminal', data: 'hello' });
    session!.input('ls\r');
    session!.resize(100, 30);
    await tick();
    expect(out).toEqual(['hello']);
    expect(silo.calls.slice(1)).toEqual([
      { name: 'terminal.input', args: { streamId: 's1', data: 'ls\r' } },
      { name: 'terminal.resize', args: { streamId: 's1', cols: 100, rows: 30 } },
    ]);
    end({ streamId: 's1', error: null, exitCode: 0 });
    expect(ended).toEqual([null, 0]);
    session!.input('ignored');
    expect(silo.calls.filter((c) => c.name === 'terminal.input')).toHaveLength(1);
  });

  it('cuts input into pieces the contract takes, never inside a surrogate pair', () => {
    expect(inputPieces('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(inputPieces('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
    expect(inputPieces('', 4)).toEqual([]);
    expect(inputPieces('x'.repeat(70_000)).map((p) => p.length)).toEqual([65_536, 4464]);
  });
});

describe('inspect, top and changes', () => {
  it('keep the answer for the container asked for, and a failure with its reason', async () => {
    const { store } = setup({
      'containers.inspect': () => ({ Id: ID }),
      'containers.top': () => {
        throw new SiloCallError({ code: 'container-not-running' });
      },
      'containers.changes': () => [{ path: '/a', kind: 'added' }],
    });
    await store.getState().loadInspect(ID);
    await store.getState().loadTop(ID);
    await store.getState().loadChanges(ID);
    expect(store.getState().inspect).toMatchObject({ id: ID, status: 'ready', value: { Id: ID } });
    expect(store.getState().top).toMatchObject({ status: 'failed', error: { code: 'container-not-running' } });
    expect(store.getState().changes?.value).toEqual([{ path: '/a', kind: 'added' }]);
    store.getState().reset();
    expect(store.getState().inspect).toBeNull();
  });
});

describe('downloading the whole log', () => {
  it('collects the pieces in order and ends', async () => {
    const { store, data, end } = setup();
    const done = store.getState().downloadLogs(ID, true);
    await tick();
    data({ streamId: 's1', kind: 'download', text: 'a\n' });
    data({ streamId: 's1', kind: 'download', text: 'b\n' });
    expect(store.getState().download).toMatchObject({ status: 'running', received: 4 });
    end({ streamId: 's1', error: null });
    expect(await done).toEqual(['a\n', 'b\n']);
    expect(store.getState().download?.status).toBe('done');
  });

  it('a cancelled download closes its stream and answers null', async () => {
    const { silo, store } = setup();
    const abort = new AbortController();
    const done = store.getState().downloadLogs(ID, false, abort.signal);
    await tick();
    abort.abort();
    expect(await done).toBeNull();
    expect(silo.closed()).toEqual(['s1']);
    expect(store.getState().download).toBeNull();
  });
});
