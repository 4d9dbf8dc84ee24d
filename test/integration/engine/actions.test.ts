// Every container action, on one container and on a selection, against the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { managerFor, waitFor, type Recorded } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `act-${process.pid}-`;
let silo: Recorded;
let serial = 0;

const name = (what: string): string => `${prefix}${what}-${serial++}`;
// busybox sleep as PID 1 ignores SIGTERM: a short stop timeout keeps stop and restart quick.
const run = (what: string) => engine.run(['--stop-timeout', '1', '--name', name(what)]);
const stateOf = (id: string) => silo.manager.containers().find((c) => c.id === id)?.state;
const engineState = (id: string) => engine.docker(['inspect', '-f', '{{.State.Status}}', id]);
const known = (id: string) => waitFor(`container ${id.slice(0, 12)} in Silo`, () => silo.manager.containers().find((c) => c.id === id && c.detail));

beforeAll(async () => {
  silo = managerFor(engine.dockerHost);
  await silo.manager.start();
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', '-v', ...ids.split('\n')]);
});

describe('actions on one container', () => {
  it('stop, start, restart, pause, unpause, kill, remove', async () => {
    const id = await run('one');
    await known(id);
    const act = async (action: Parameters<typeof silo.manager.act>[1]) => {
      const outcomes = await silo.manager.act([id], action, {});
      expect(outcomes).toEqual([{ id, ok: true, error: null }]);
    };
    await act('stop');
    expect(await engineState(id)).toBe('exited');
    await waitFor('exited in Silo', () => stateOf(id) === 'exited');
    await act('start');
    expect(await engineState(id)).toBe('running');
    await act('pause');
    expect(await engineState(id)).toBe('paused');
    await waitFor('paused in Silo', () => stateOf(id) === 'paused');
    await act('unpause');
    expect(await engineState(id)).toBe('running');
    const restartsBefore = await engine.docker(['inspect', '-f', '{{.State.StartedAt}}', id]);
    await act('restart');
    expect(await engine.docker(['inspect', '-f', '{{.State.StartedAt}}', id])).not.toBe(restartsBefore);
    await act('kill');
    expect(await engineState(id)).toBe('exited');
    await act('remove');
    await expect(engineState(id)).rejects.toThrow(/No such/i);
    await waitFor('gone from Silo', () => stateOf(id) === undefined);
  });

  it('counts 304 (already started, already stopped) as success', async () => {
    const id = await run('idem');
    expect(await silo.manager.act([id], 'start', {})).toEqual([{ id, ok: true, error: null }]);
    await engine.docker(['stop', '-t', '0', id]);
    expect(await silo.manager.act([id], 'stop', {})).toEqual([{ id, ok: true, error: null }]);
  });

  it('removing a container removed meanwhile is done, marked gone; another action on it still fails', async () => {
    const id = await run('vanished');
    await known(id);
    await engine.docker(['rm', '-f', id]);
    expect(await silo.manager.act([id], 'remove', {})).toEqual([{ id, ok: true, error: null, gone: true }]);
    const [start] = await silo.manager.act([id], 'start', {});
    expect(start).toMatchObject({ id, ok: false, error: { code: 'container-not-found' } });
  });

  it('gives the engine’s refusals as codes, with the container’s name', async () => {
    const n = name('refuse');
    const id = await engine.run(['--stop-timeout', '1', '--name', n]);
    await known(id);
    const [mustStop] = await silo.manager.act([id], 'remove', {});
    expect(mustStop).toMatchObject({ id, ok: false, error: { code: 'must-stop-container', params: { name: n } } });
    expect(mustStop?.error?.detail).toMatch(/running container/);
    const [notPaused] = await silo.manager.act([id], 'unpause', {});
    expect(notPaused?.error?.code).toBe('container-not-paused');
    await silo.manager.act([id], 'pause', {});
    const [already] = await silo.manager.act([id], 'pause', {});
    expect(already?.error?.code).toBe('container-already-paused');
    const [paused] = await silo.manager.act([id], 'start', {});
    expect(paused?.error?.code).toBe('container-paused');
    await silo.manager.act([id], 'kill', {});
    const [notRunning] = await silo.manager.act([id], 'pause', {});
    expect(notRunning?.error?.code).toBe('container-not-running');
    const [missing] = await silo.manager.act(['0123456789ab'], 'start', {});
    expect(missing?.error?.code).toBe('container-not-found');
  });

  it('removes a running container with force', async () => {
    const id = await run('force');
    expect(await silo.manager.act([id], 'remove', { force: true })).toEqual([{ id, ok: true, error: null }]);
    await expect(engineState(id)).rejects.toThrow(/No such/i);
  });
});

describe('actions on a selection', () => {
  it('runs each id and returns one outcome per id, in order', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => run('sel')));
    for (const id of ids) await known(id);
    const stopped = await silo.manager.act(ids, 'stop', {});
    expect(stopped).toEqual(ids.map((id) => ({ id, ok: true, error: null })));
    for (const id of ids) expect(await engineState(id)).toBe('exited');
    await waitFor('all exited in Silo', () => ids.every((id) => stateOf(id) === 'exited'));
    // One container already running: the others still start, it counts as started.
    await engine.docker(['start', ids[0]!]);
    expect((await silo.manager.act(ids, 'start', {})).every((o) => o.ok)).toBe(true);
    await waitFor('all running in Silo', () => ids.every((id) => stateOf(id) === 'running'));
    // A mixed result: one paused container cannot be paused again; the rest can.
    await engine.docker(['pause', ids[2]!]);
    const paused = await silo.manager.act(ids, 'pause', {});
    expect(paused.map((o) => o.ok)).toEqual([true, true, false, true, true]);
    expect(paused[2]?.error?.code).toBe('container-already-paused');
    expect((await silo.manager.act(ids, 'unpause', {})).every((o) => o.ok)).toBe(true);
    expect((await silo.manager.act(ids, 'restart', {})).every((o) => o.ok)).toBe(true);
    expect((await silo.manager.act(ids, 'kill', {})).every((o) => o.ok)).toBe(true);
    expect((await silo.manager.act(ids, 'remove', {})).every((o) => o.ok)).toBe(true);
    await waitFor('all gone from Silo', () => ids.every((id) => stateOf(id) === undefined));
  });
});

describe('remove and anonymous volumes', () => {
  const volumesOf = async (id: string): Promise<string[]> =>
    (await engine.docker(['inspect', '-f', '{{range .Mounts}}{{.Name}} {{end}}', id])).split(' ').filter(Boolean);
  const allVolumes = async (): Promise<string[]> => (await engine.docker(['volume', 'ls', '-q'])).split('\n').filter(Boolean);

  it('keeps anonymous volumes unless asked', async () => {
    const id = await engine.docker(['create', '--network', 'none', '-v', '/data', '--name', name('keepvol'), 'silo-test/busybox:latest']);
    const [volume] = await volumesOf(id);
    expect(volume).toMatch(/^[a-f0-9]{64}$/);
    expect(await silo.manager.act([id], 'remove', {})).toEqual([{ id, ok: true, error: null }]);
    expect(await allVolumes()).toContain(volume);
    await engine.docker(['volume', 'rm', volume!]);
  });

  it('removes them with removeVolumes', async () => {
    const id = await engine.docker(['create', '--network', 'none', '-v', '/data', '--name', name('dropvol'), 'silo-test/busybox:latest']);
    const [volume] = await volumesOf(id);
    expect(await allVolumes()).toContain(volume);
    expect(await silo.manager.act([id], 'remove', { removeVolumes: true })).toEqual([{ id, ok: true, error: null }]);
    expect(await allVolumes()).not.toContain(volume);
  });
});
