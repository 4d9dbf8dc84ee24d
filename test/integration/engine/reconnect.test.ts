// A dead engine and a dead events stream are noticed; Silo reconnects by itself and
// resynchronizes with a full list (changes it could not see by events show up).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { TestEngine } from '../../support/test-engine';
import { ContainerApi } from '../../../src/main/engine/containers';
import { applyPatches, byName, managerFor, SocketProxy, waitFor, type Recorded } from './helpers';

/** dockerd refuses to start over a pid file whose process is a not-yet-reaped zombie. */
function relaunchable(engine: TestEngine): void {
  rmSync(engine.pidFile, { force: true });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an engine killed and started again', () => {
  // Its own engine: this test kills it.
  const engine = new TestEngine();
  let silo: Recorded;

  beforeAll(async () => {
    await engine.start();
    silo = managerFor(engine.dockerHost);
  });

  afterAll(async () => {
    await silo?.close();
    await engine.destroy();
  });

  it('goes unreachable, comes back connected, and resynchronizes the list', async () => {
    const doomed = await engine.run(['--name', 'doomed']);
    const survivor = await engine.run(['--name', 'survivor']);
    await silo.manager.start();
    await waitFor('both containers', () => byName(silo.manager, 'doomed') && byName(silo.manager, 'survivor'));
    await silo.manager.settled();
    expect(byName(silo.manager, 'survivor')?.state).toBe('running');

    const phases: string[] = [];
    silo.manager.on('engine', (s) => phases.push(s.connection.phase));
    await engine.stopDaemon('SIGKILL');
    const down = await waitFor('unreachable', () => (silo.manager.snapshot().connection.phase === 'unreachable' ? silo.manager.snapshot().connection : null));
    expect(down.error?.code).toMatch(/^engine-(unreachable|not-found)$/);
    expect(down.nextAttemptAt).toBeGreaterThan(0);

    relaunchable(engine);
    await engine.launch();
    const back = Date.now();
    await waitFor('connected again', () => silo.manager.snapshot().connection.phase === 'connected', 10_000);
    silo.logs.push(`reconnected ${Date.now() - back} ms after the engine answered`);
    expect(phases[0]).toBe('reconnecting');
    expect(phases).toContain('unreachable');
    // The kill stopped every container without an event Silo could see: the new list says so.
    await waitFor('survivor seen as exited', () => silo.manager.containers().find((c) => c.id === survivor)?.state === 'exited');
    expect(silo.manager.containers().find((c) => c.id === doomed)?.state).toBe('exited');
  });

  it('shows a container created, and drops one removed, while it was away', async () => {
    await silo.close(); // only one manager lists from here on
    // Silo reaches this engine through a proxy, so the engine can change while Silo cannot see it.
    const proxy = new SocketProxy(engine.socketPath);
    await proxy.up();
    const behind = managerFor(proxy.dockerHost);
    try {
      await behind.manager.start();
      await waitFor('doomed listed', () => byName(behind.manager, 'doomed'));
      const lists = vi.spyOn(ContainerApi.prototype, 'list');

      await engine.stopDaemon('SIGKILL');
      await waitFor('unreachable', () => behind.manager.snapshot().connection.phase === 'unreachable');
      await proxy.down();
      relaunchable(engine);
      await engine.launch();
      const newcomer = await engine.run(['--name', 'newcomer']);
      await engine.docker(['rm', '-f', 'doomed']);
      await proxy.up();

      await waitFor('connected again', () => behind.manager.snapshot().connection.phase === 'connected', 10_000);
      await waitFor('newcomer', () => behind.manager.containers().some((c) => c.id === newcomer));
      expect(byName(behind.manager, 'doomed')).toBeUndefined();
      expect(lists).toHaveBeenCalledTimes(1);
      lists.mockRestore();
      // The patches alone (a reset, then changes) tell the same story.
      await behind.manager.settled();
      const folded = applyPatches(behind.patches);
      expect([...folded.values()].map((c) => c.name).sort()).toEqual(
        behind.manager
          .containers()
          .map((c) => c.name)
          .sort(),
      );
      expect([...folded.values()].map((c) => c.name)).toContain('newcomer');
      expect([...folded.values()].map((c) => c.name)).not.toContain('doomed');
    } finally {
      await behind.close();
      await proxy.destroy();
    }
  });
  it('shows a reloaded default runtime from the daemon’s reload event, without polling', async () => {
    const watcher = managerFor(engine.dockerHost);
    try {
      await watcher.manager.start();
      expect(watcher.manager.snapshot().info?.defaultRuntime).toBe('runc');
      const config = JSON.parse(readFileSync(engine.configFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(engine.configFile, JSON.stringify({ ...config, 'default-runtime': 'runsc' }));
      engine.reload();
      await waitFor('runsc as the default', () => watcher.manager.snapshot().info?.defaultRuntime === 'runsc');
      const id = await engine.docker(['create', '--network', 'none', 'silo-test/busybox:latest']);
      const created = await waitFor('the new container’s isolation', () => watcher.manager.containers().find((c) => c.id === id && c.isolation));
      expect(created.isolation).toMatchObject({ mode: 'runsc', rung: 'user-space-kernel' });
      // A key left out is not reset by a reload: name runc again.
      writeFileSync(engine.configFile, JSON.stringify({ ...config, 'default-runtime': 'runc' }));
      engine.reload();
      await waitFor('runc as the default again', () => watcher.manager.snapshot().info?.defaultRuntime === 'runc');
    } finally {
      await watcher.close();
    }
  });
});

describe('an events stream closed under Silo while the engine runs on', () => {
  const engine = new TestEngine(inject('engineDir'));
  const prefix = `cut-${process.pid}-`;
  let proxy: SocketProxy;
  let silo: Recorded;

  beforeAll(async () => {
    proxy = new SocketProxy(engine.socketPath);
    await proxy.up();
    silo = managerFor(proxy.dockerHost);
    await silo.manager.start();
  });

  afterAll(async () => {
    await silo?.close();
    await proxy?.destroy();
    const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
    if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
  });

  it('notices the cut, reconnects, lists again, and follows events on the new stream', async () => {
    expect(silo.manager.snapshot().connection.phase).toBe('connected');
    expect(proxy.connections).toBeGreaterThan(0);
    const lists = vi.spyOn(ContainerApi.prototype, 'list');
    const phases: string[] = [];
    silo.manager.on('engine', (s) => phases.push(s.connection.phase));

    proxy.cut();
    await waitFor('reconnecting', () => phases.includes('reconnecting'));
    await waitFor('connected again', () => silo.manager.snapshot().connection.phase === 'connected');
    expect(lists).toHaveBeenCalledTimes(1);
    const resets = silo.patches.filter((p) => p.reset);
    expect(resets.length).toBeGreaterThanOrEqual(2);

    // The new stream delivers: a container created now shows up without another list.
    const id = await engine.run(['--name', `${prefix}after`]);
    await waitFor('the container made after the cut', () => silo.manager.containers().some((c) => c.id === id && c.state === 'running'));
    expect(lists).toHaveBeenCalledTimes(1);
    lists.mockRestore();
  });

  it('resynchronizes what changed while the stream was gone', async () => {
    const gone = await engine.run(['--name', `${prefix}gone`]);
    await waitFor('listed', () => silo.manager.containers().some((c) => c.id === gone));
    await proxy.down();
    await waitFor('unreachable', () => silo.manager.snapshot().connection.phase === 'unreachable');
    expect(silo.manager.snapshot().connection.error?.code).toBe('engine-not-found');
    const born = await engine.run(['--name', `${prefix}born`]);
    await engine.docker(['rm', '-f', gone]);
    await proxy.up();
    await waitFor('connected', () => silo.manager.snapshot().connection.phase === 'connected', 10_000);
    await waitFor('born listed', () => silo.manager.containers().some((c) => c.id === born));
    expect(silo.manager.containers().some((c) => c.id === gone)).toBe(false);
  });
});
