// The list, then changes made with the docker CLI reach Silo through the events stream alone.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { ContainerApi } from '../../../src/main/engine/containers';
import { applyPatches, byName, managerFor, waitFor, type Recorded } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `ev-${process.pid}-`;
let silo: Recorded;
let preexisting: string;

beforeAll(async () => {
  preexisting = await engine.run(['--name', `${prefix}before`, '--label', 'com.docker.compose.project=shop', '--label', 'com.docker.compose.service=db']);
  silo = managerFor(engine.dockerHost);
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

describe('the container list and its events', () => {
  it('connects, negotiates the API version, and lists every container', async () => {
    const list = vi.spyOn(ContainerApi.prototype, 'list');
    await silo.manager.start();
    const snapshot = silo.manager.snapshot();
    expect(snapshot.connection).toMatchObject({ phase: 'connected', apiVersion: '1.41', error: null });
    expect(snapshot.info?.serverVersion).toMatch(/^20\.10/);
    expect(snapshot.endpoint).toMatchObject({ host: engine.dockerHost, source: 'docker-host', active: true });
    const before = await waitFor('the pre-existing container', () => byName(silo.manager, `${prefix}before`));
    expect(before).toMatchObject({ id: preexisting, state: 'running', composeProject: 'shop', composeService: 'db', image: 'silo-test/busybox:latest' });
    expect(before.statusText).toMatch(/^Up/);
    // The first patch after connecting is the reset, with the list only.
    const reset = silo.patches.filter((p) => p.reset).at(-1);
    expect(reset?.upsert.find((c) => c.id === preexisting)).toMatchObject({ isolation: null, detail: null });
    await silo.manager.settled();
    const inspected = byName(silo.manager, `${prefix}before`);
    expect(inspected?.isolation?.mode).toBe('runc');
    expect(inspected?.detail).toMatchObject({ exitCode: null, oomKilled: false, restartCount: 0 });
    expect(inspected?.detail?.startedAt).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(list).toHaveBeenCalledTimes(1);
    list.mockRestore();
  });

  it('follows create, start, pause, stop, rename and remove without listing again', async () => {
    const list = vi.spyOn(ContainerApi.prototype, 'list');
    const id = await engine.docker(['create', '--network', 'none', '--name', `${prefix}life`, 'silo-test/busybox:latest', 'sleep', '3600']);
    const created = await waitFor('created', () => silo.manager.containers().find((c) => c.id === id && c.isolation));
    expect(created).toMatchObject({ name: `${prefix}life`, state: 'created', statusText: 'Created' });

    await engine.docker(['start', id]);
    await waitFor('running', () => silo.manager.containers().find((c) => c.id === id && c.state === 'running'));
    await engine.docker(['pause', id]);
    await waitFor('paused', () => silo.manager.containers().find((c) => c.id === id && c.state === 'paused'));
    await engine.docker(['unpause', id]);
    await waitFor('running again', () => silo.manager.containers().find((c) => c.id === id && c.state === 'running'));
    await engine.docker(['stop', '-t', '0', id]);
    const stopped = await waitFor('exited', () => silo.manager.containers().find((c) => c.id === id && c.state === 'exited'));
    expect(stopped.detail?.exitCode).toBe(137);
    expect(stopped.detail?.finishedAt).toBeGreaterThan(0);
    await engine.docker(['rename', id, `${prefix}renamed`]);
    await waitFor('renamed', () => silo.manager.containers().find((c) => c.id === id && c.name === `${prefix}renamed`));
    await engine.docker(['rm', id]);
    await waitFor('removed', () => !silo.manager.containers().some((c) => c.id === id));

    expect(list).not.toHaveBeenCalled();
    list.mockRestore();
    // What the patches say is what the manager holds.
    await silo.manager.settled();
    const folded = applyPatches(silo.patches);
    expect([...folded.keys()].sort()).toEqual(
      silo.manager
        .containers()
        .map((c) => c.id)
        .sort(),
    );
    expect(folded.get(preexisting)).toEqual(byName(silo.manager, `${prefix}before`));
  });

  it('keeps the engine view’s container counts in step with the events', async () => {
    const running = () => silo.manager.snapshot().info?.containers.running ?? -1;
    const start = running();
    const id = await engine.run(['--name', `${prefix}count`]);
    await waitFor('one more running', () => running() === start + 1);
    await engine.docker(['rm', '-f', id]);
    await waitFor('back to the count before', () => running() === start);
  });
});
