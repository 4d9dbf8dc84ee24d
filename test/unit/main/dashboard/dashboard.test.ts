// The Dashboard's guards over a fake live engine: a terminal whose exec stream never ends is ended
// by exec_die or the container's death (dockerode #534), every stream of a lost session ends
// saying so, and the lists re-list only for events of their kind and only while followed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiloError } from '../../../../src/shared/errors';
import type { EngineEvent } from '../../../../src/main/engine/events';
import type { LiveEngine, LiveEngineSource } from '../../../../src/main/engine/live';
import type { StreamPayload, StreamSink } from '../../../../src/main/dashboard/stream-sink';

const terminals: Array<{ execId: string; containerId: string; endedWith: Array<number | null>; closed: boolean; sink: StreamSink }> = [];

vi.mock('../../../../src/main/dashboard/exec', () => ({
  openTerminal: async (_live: unknown, id: string, _size: unknown, sink: StreamSink) => {
    const record = { execId: `exec-${terminals.length}`, containerId: id, endedWith: [] as Array<number | null>, closed: false, sink };
    terminals.push(record);
    return {
      shell: '/bin/sh',
      execId: record.execId,
      containerId: id,
      // Like the real one: the socket is destroyed and the end reported with the code.
      ended: (code: number | null) => {
        record.endedWith.push(code);
        sink.end(null, code);
      },
      handle: { input: () => undefined, resize: async () => undefined, close: () => void (record.closed = true) },
    };
  },
}));

const listed = { images: 0, volumes: 0, networks: 0 };
vi.mock('../../../../src/main/dashboard/images', () => ({ listImages: async () => (listed.images++, []) }));
vi.mock('../../../../src/main/dashboard/volumes', () => ({
  listVolumes: async () => (
    listed.volumes++,
    [{ name: 'data', driver: 'local', mountpoint: '', scope: 'local', createdAt: null, labels: {}, size: null, usedBy: [], anonymous: false }]
  ),
  usersByVolume: () => new Map([['data', [{ id: 'c1', name: 'web', state: 'running' }]]]),
}));
vi.mock('../../../../src/main/dashboard/networks', () => ({ listNetworks: async () => (listed.networks++, []) }));

const { Dashboard } = await import('../../../../src/main/dashboard/dashboard');

class FakeSource implements LiveEngineSource {
  session: object | null = {};
  endpointId = 'unix:///a.sock';
  private readonly listeners = { event: new Set<(e: EngineEvent) => void>(), session: new Set<() => void>(), containers: new Set<() => void>() };
  live(): LiveEngine | null {
    if (!this.session) return null;
    return {
      session: this.session,
      endpointId: this.endpointId,
      client: {} as never,
      apiVersion: '1.41',
      info: null,
      containers: () => [],
      volumeNames: () => [],
      dockerConfigDir: '/nonexistent/.docker',
      lost: () => undefined,
    };
  }
  onEngineEvent(l: (e: EngineEvent) => void) {
    this.listeners.event.add(l);
    return () => this.listeners.event.delete(l);
  }
  onSessionChange(l: () => void) {
    this.listeners.session.add(l);
    return () => this.listeners.session.delete(l);
  }
  on(_event: 'containers', l: () => void) {
    this.listeners.containers.add(l);
    return () => this.listeners.containers.delete(l);
  }
  async act() {
    return [];
  }
  emit(type: string, action: string, id = 'c1', attributes: Record<string, string> = {}) {
    for (const l of this.listeners.event) l({ type, action, rawAction: action, id, attributes, time: null });
  }
  changeSession(session: object | null) {
    this.session = session;
    for (const l of this.listeners.session) l();
  }
  containersChanged() {
    for (const l of this.listeners.containers) l();
  }
}

function recordingSink() {
  const data: StreamPayload[] = [];
  const ends: Array<{ error: SiloError | null; exitCode: number | null | undefined }> = [];
  const sink: StreamSink = { data: (p) => data.push(p), end: (error, exitCode) => ends.push({ error, exitCode }) };
  return { sink, data, ends };
}

const settle = () => new Promise((r) => setTimeout(r, 80));

beforeEach(() => {
  terminals.length = 0;
  listed.images = listed.volumes = listed.networks = 0;
});

describe('Dashboard guards', () => {
  it('ends a terminal on its exec_die, with the exit code the engine gives', async () => {
    const source = new FakeSource();
    const dashboard = new Dashboard(source);
    const out = recordingSink();
    await dashboard.openTerminal('c1', { cols: 80, rows: 24 }, out.sink);
    source.emit('container', 'exec_die', 'c1', { execID: 'someone-else', exitCode: '0' });
    expect(terminals[0]!.endedWith).toEqual([]);
    source.emit('container', 'exec_die', 'c1', { execID: 'exec-0', exitCode: '137' });
    expect(terminals[0]!.endedWith).toEqual([137]);
    expect(out.ends).toEqual([{ error: null, exitCode: 137 }]);
    // Gone from the terminals: a later die does not end it twice.
    source.emit('container', 'die', 'c1');
    expect(terminals[0]!.endedWith).toEqual([137]);
  });

  it('ends every terminal of a container that dies, and only those', async () => {
    const source = new FakeSource();
    const dashboard = new Dashboard(source);
    await dashboard.openTerminal('c1', { cols: 80, rows: 24 }, recordingSink().sink);
    await dashboard.openTerminal('c2', { cols: 80, rows: 24 }, recordingSink().sink);
    source.emit('container', 'kill', 'c1');
    expect(terminals.map((t) => t.endedWith)).toEqual([[null], []]);
  });

  it('ends the streams of a session that is gone, saying the engine was lost', async () => {
    const source = new FakeSource();
    const dashboard = new Dashboard(source);
    const out = recordingSink();
    await dashboard.openTerminal('c1', { cols: 80, rows: 24 }, out.sink);
    source.changeSession({});
    expect(terminals[0]!.closed).toBe(true);
    expect(out.ends).toEqual([{ error: expect.objectContaining({ code: 'engine-unreachable' }), exitCode: undefined }]);
  });

  it('re-lists a kind only for its events and only while a page follows it', async () => {
    const source = new FakeSource();
    const dashboard = new Dashboard(source);
    source.emit('image', 'pull');
    await settle();
    expect(listed.images).toBe(0);
    const patches: unknown[] = [];
    const stop = dashboard.follow('images', (p) => patches.push(p));
    await dashboard.images.listNow();
    source.emit('image', 'tag');
    source.emit('image', 'untag');
    source.emit('container', 'destroy');
    source.emit('volume', 'create');
    await settle();
    await dashboard.images.idle();
    expect(listed).toEqual({ images: 2, volumes: 0, networks: 0 });
    stop();
    source.emit('image', 'delete');
    await settle();
    expect(listed.images).toBe(2);
  });

  it('follows volume users through the container list without asking the engine', async () => {
    const source = new FakeSource();
    const dashboard = new Dashboard(source);
    const patches: Array<{ upsert: Array<{ usedBy: unknown[] }> }> = [];
    dashboard.follow('volumes', (p) => patches.push(p));
    await dashboard.volumes.listNow();
    source.containersChanged();
    expect(listed.volumes).toBe(1);
    expect(patches.at(-1)!.upsert[0]!.usedBy).toEqual([{ id: 'c1', name: 'web', state: 'running' }]);
  });

  it('clears the lists for another engine, and re-lists them whole after a reconnect', async () => {
    const source = new FakeSource();
    const dashboard = new Dashboard(source);
    const patches: Array<{ reset: boolean }> = [];
    dashboard.follow('networks', (p) => patches.push(p));
    await dashboard.networks.listNow();
    source.changeSession({});
    await dashboard.networks.idle();
    expect(listed.networks).toBe(2);
    source.endpointId = 'unix:///b.sock';
    source.changeSession({});
    await dashboard.networks.idle();
    expect(patches.filter((p) => p.reset).length).toBeGreaterThanOrEqual(1);
    expect(listed.networks).toBe(3);
  });
});
