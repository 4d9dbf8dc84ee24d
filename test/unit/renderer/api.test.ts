import { describe, expect, it } from 'vitest';
import { SiloCallError, bridgeClient, defaultBackoff, errorOf, socketClient, type HostLink, type SocketLike } from '../../../src/renderer/api';
import { createStores, startSession } from '../../../src/renderer/stores';
import type { Reply, SiloBridge, WireEvent } from '../../../src/shared/contract';
import type { ContainersPatch } from '../../../src/shared/model/container';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  requests(): { id: number; call: string; args: unknown }[] {
    return this.sent.map((s) => JSON.parse(s) as { id: number; call: string; args: unknown });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const links: HostLink[] = [];
  const client = socketClient('ws://127.0.0.1:1/ws', {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    now: () => 1000,
  });
  client.onLink((link) => links.push(link));
  const last = () => sockets[sockets.length - 1] as FakeSocket;
  return { client, sockets, timers, links, last };
}

describe('socketClient', () => {
  it('queues calls until the socket opens, then sends WireRequests in order', async () => {
    const { client, last } = harness();
    const first = client.call('engines.list', {});
    const second = client.call('preferences.get', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(
      last()
        .requests()
        .map((r) => r.call),
    ).toEqual(['engines.list', 'preferences.get']);
    const [a, b] = last().requests();
    last().receive({ id: b?.id, ok: true, result: { language: 'es' } });
    last().receive({ id: a?.id, ok: true, result: [] });
    await expect(first).resolves.toEqual([]);
    await expect(second).resolves.toEqual({ language: 'es' });
  });

  it('rejects with an object carrying the SiloError', async () => {
    const { client, last } = harness();
    last().open();
    const call = client.call('engines.select', { id: 'unix:///nope.sock' });
    last().receive({ id: last().requests()[0]?.id, ok: false, error: { code: 'engine-not-found', detail: 'ENOENT' } });
    const reason = await call.catch((e: unknown) => e);
    expect(reason).toBeInstanceOf(SiloCallError);
    expect((reason as SiloCallError).error).toEqual({ code: 'engine-not-found', detail: 'ENOENT' });
    expect(errorOf(reason)).toEqual({ code: 'engine-not-found', detail: 'ENOENT' });
  });

  it('dispatches events to their listeners and ignores unknown ones and garbage', () => {
    const { client, last } = harness();
    last().open();
    const patches: ContainersPatch[] = [];
    const off = client.on('containers.changed', (patch) => patches.push(patch));
    last().receive({ event: 'containers.changed', payload: { reset: true, upsert: [], remove: [] } });
    last().receive({ event: 'made.up', payload: 1 });
    last().onmessage?.({ data: 'not json' });
    off();
    last().receive({ event: 'containers.changed', payload: { reset: false, upsert: [], remove: [] } });
    expect(patches).toEqual([{ reset: true, upsert: [], remove: [] }]);
  });

  it('on close: fails calls in flight, reports the link lost, reconnects with backoff', async () => {
    const { client, sockets, timers, links, last } = harness();
    last().open();
    const inFlight = client.call('engines.refresh', {});
    last().drop();
    await expect(inFlight).rejects.toBeInstanceOf(SiloCallError);
    expect(links.map((l) => l.state)).toEqual(['open', 'lost']);
    expect(links[1]).toEqual({ state: 'lost', attempt: 1, retryAt: 1000 + defaultBackoff(1) });

    // a call made while lost waits for the next socket, and survives a failed attempt
    const queued = client.call('preferences.get', {});
    timers.shift()?.fn();
    expect(sockets).toHaveLength(2);
    last().drop();
    expect(links[links.length - 1]).toMatchObject({ state: 'lost', attempt: 2 });
    expect(timers[0]?.ms).toBe(defaultBackoff(2));
    timers.shift()?.fn();
    last().open();
    expect(links[links.length - 1]).toEqual({ state: 'open', attempt: 0, retryAt: null });
    expect(
      last()
        .requests()
        .map((r) => r.call),
    ).toEqual(['preferences.get']);
    last().receive({ id: last().requests()[0]?.id, ok: true, result: { language: null } });
    await expect(queued).resolves.toEqual({ language: null });
  });

  it('backs off up to ten seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(defaultBackoff)).toEqual([250, 500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('close() stops reconnecting and fails what is pending', async () => {
    const { client, timers, last } = harness();
    const pending = client.call('preferences.get', {});
    client.close();
    await expect(pending).rejects.toBeInstanceOf(SiloCallError);
    expect(timers).toEqual([]);
    void last;
  });

  it('offers the page secret as protocols once they are known, and reports a socket that never opened', async () => {
    const offered: string[][] = [];
    let unopened = 0;
    let release: (p: string[]) => void = () => undefined;
    const sockets: FakeSocket[] = [];
    const client = socketClient('ws://127.0.0.1:1/ws', {
      protocols: new Promise<string[]>((resolve) => (release = resolve)),
      createSocket: (url, protocols) => {
        offered.push(protocols);
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      onUnopened: () => (unopened += 1),
      setTimer: (fn) => queueMicrotask(fn),
      clearTimer: () => {},
    });
    const call = client.call('preferences.get', {});
    expect(sockets).toEqual([]); // nothing opens before the secret is known
    release(['silo', 'the-secret']);
    await Promise.resolve();
    await Promise.resolve();
    expect(offered).toEqual([['silo', 'the-secret']]);
    sockets[0]!.drop(); // refused before it opened
    expect(unopened).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(offered).toEqual([
      ['silo', 'the-secret'],
      ['silo', 'the-secret'],
    ]);
    sockets[1]!.open();
    sockets[1]!.receive({ id: sockets[1]!.requests()[0]?.id, ok: true, result: { language: 'en' } });
    await expect(call).resolves.toEqual({ language: 'en' });
    sockets[1]!.drop(); // it had opened: a lost link, not a refusal
    expect(unopened).toBe(1);
    client.close();
  });
});

describe('bridgeClient', () => {
  function fakeBridge(reply: (call: string, args: unknown) => Reply) {
    const listeners = new Set<(event: WireEvent) => void>();
    const bridge: SiloBridge = {
      invoke: async (call, args) => reply(call, args),
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return { bridge, emit: (event: WireEvent) => listeners.forEach((l) => l(event)) };
  }

  it('resolves results, rejects errors as SiloCallError, relays events', async () => {
    const { bridge, emit } = fakeBridge((call) =>
      call === 'preferences.get' ? { ok: true, result: { language: 'en' } } : { ok: false, error: { code: 'no-engine' } },
    );
    const client = bridgeClient(bridge);
    await expect(client.call('preferences.get', {})).resolves.toEqual({ language: 'en' });
    const reason = await client.call('engines.refresh', {}).catch((e: unknown) => e);
    expect((reason as SiloCallError).error).toEqual({ code: 'no-engine' });
    const seen: unknown[] = [];
    client.on('preferences.changed', (s) => seen.push(s));
    emit({ event: 'preferences.changed', payload: { language: 'es' } });
    expect(seen).toEqual([{ language: 'es' }]);
  });

  it('wraps a thrown invoke as an internal error', async () => {
    const client = bridgeClient({
      invoke: async () => {
        throw new Error('ipc broke');
      },
      subscribe: () => () => {},
    });
    const reason = await client.call('preferences.get', {}).catch((e: unknown) => e);
    expect((reason as SiloCallError).error).toMatchObject({ code: 'internal', detail: 'ipc broke' });
  });
});

describe('startSession', () => {
  it('starts a session each time the link opens, and feeds the stores from events only', async () => {
    const { client, last } = harness();
    const stores = createStores(client, { urlLang: 'es', system: ['en-US'] });
    const flushes: (() => void)[] = [];
    startSession(client, stores, { schedule: (flush) => flushes.push(flush) });
    expect(stores.preferences.getState().language).toBe('es');
    last().open();
    expect(
      last()
        .requests()
        .map((r) => r.call),
    ).toEqual(['session.start']);
    last().receive({ id: last().requests()[0]?.id, ok: true, result: null });
    last().receive({ event: 'preferences.changed', payload: { language: 'en' } });
    last().receive({
      event: 'engines.changed',
      payload: [{ id: 'unix:///s', name: 's', host: 'unix:///s', source: 'default', flavor: null, tls: false, active: true }],
    });
    last().receive({
      event: 'containers.changed',
      payload: { reset: true, upsert: [{ id: 'aaaaaaaaaaaa', name: 'one' }], remove: [] },
    });
    last().receive({
      event: 'containers.changed',
      payload: { reset: false, upsert: [{ id: 'bbbbbbbbbbbb', name: 'two' }], remove: ['aaaaaaaaaaaa'] },
    });
    expect(stores.preferences.getState().language).toBe('en');
    expect(stores.engine.getState().endpoints).toHaveLength(1);
    // container patches wait for the next frame, then apply in order as one update
    expect(stores.containers.getState().loaded).toBe(false);
    expect(flushes).toHaveLength(1);
    let notified = 0;
    stores.containers.subscribe(() => (notified += 1));
    flushes[0]?.();
    expect(notified).toBe(1);
    expect([...stores.containers.getState().byId.keys()]).toEqual(['bbbbbbbbbbbb']);
    expect(stores.containers.getState().loaded).toBe(true);
    expect(stores.engine.getState().link.state).toBe('open');

    last().drop();
    expect(stores.engine.getState().link.state).toBe('lost');
  });
});
