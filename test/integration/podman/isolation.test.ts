// Silo on a real Podman 4.3 service (test/support/podman.ts): the engine is named Podman, a
// container's isolation is the runtime it runs under (libpod's OCIRuntime, not the compatible
// API's `oci`), a create or a move Podman's API cannot honour is refused plainly, and a move it can
// make (gVisor → runc) works, keeps the data and does not trip over Podman's ulimit names.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SiloFailure } from '../../../src/shared/errors';
import { PodmanService, PODMAN_IMAGE } from '../../support/podman';
import { byName, waitFor } from '../engine/helpers';
import { startSilo, type Silo } from '../isolation/helpers';

const podman = new PodmanService(inject('podmanDir'));
const prefix = `pmiso-${process.pid}-`;
let silo: Silo;

beforeAll(async () => {
  silo = await startSilo(podman);
});

afterAll(async () => {
  await silo?.close();
  const ids = await podman.podman(['ps', '-aq', '--filter', `name=${prefix}`]).catch(() => '');
  if (ids) await podman.podman(['rm', '-f', '-t', '0', ...ids.split('\n')]).catch(() => undefined);
  await podman.podman(['volume', 'rm', '-f', `${prefix}data`]).catch(() => undefined);
});

const manager = () => silo.recorded.manager;
const failureOf = async (run: () => Promise<unknown>) => {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SiloFailure);
  return (error as SiloFailure).error;
};

describe('a Podman engine', () => {
  it('is named Podman, with its default runtime and gVisor registered as runsc', () => {
    const info = manager().snapshot().info!;
    expect(info.kind).toBe('podman');
    expect(info.defaultRuntime).toBe('runc');
    expect(info.runtimes.find((r) => r.name === 'runsc')?.rung).toBe('user-space-kernel');
  });

  it('shows a container started under gVisor outside Silo as gVisor, and a runc one as runc', async () => {
    await podman.podman(['run', '-d', '--name', `${prefix}g`, PODMAN_IMAGE, 'sleep', '3600'], ['--runtime', 'runsc']);
    await podman.podman(['run', '-d', '--name', `${prefix}r`, PODMAN_IMAGE, 'sleep', '3600']);
    expect(await podman.podman(['exec', `${prefix}g`, 'uname', '-r'])).toBe('4.4.0');
    const g = await waitFor('the gVisor container with its isolation', () => byName(manager(), `${prefix}g`)?.isolation);
    expect(g).toEqual({ mode: 'runsc', rung: 'user-space-kernel', source: 'container' });
    const r = await waitFor('the runc container with its isolation', () => byName(manager(), `${prefix}r`)?.isolation);
    expect(r).toMatchObject({ mode: 'runc', rung: 'shared-kernel' });
  });
});

describe('create on Podman', () => {
  it('refuses a runtime Podman would not use, and makes nothing', async () => {
    const error = await failureOf(() =>
      silo.service.createContainer({ image: PODMAN_IMAGE, name: `${prefix}asked-runsc`, isolation: 'runsc', command: ['sleep', '60'] }),
    );
    expect(error).toMatchObject({ code: 'runtime-not-choosable', field: 'isolation', params: { runtime: 'runsc', default: 'runc' } });
    expect(await podman.podman(['ps', '-aq', '--filter', `name=${prefix}asked-runsc`])).toBe('');
  });

  it('measures no cost for a runtime Podman would not use (the figure would be runc’s)', async () => {
    const error = await failureOf(() => silo.service.measureCost({ runtime: 'runsc', image: PODMAN_IMAGE, runs: 1 }));
    expect(error).toMatchObject({ code: 'runtime-not-choosable', params: { runtime: 'runsc' } });
  });

  it('creates under the default runtime, read back as what was asked', async () => {
    const result = await silo.service.createContainer({ image: PODMAN_IMAGE, name: `${prefix}made`, isolation: 'runc', command: ['sleep', '60'], start: true });
    expect(result).toMatchObject({ started: true, startError: null, isolationMismatch: null });
    expect((await podman.inspect(result.id)).OCIRuntime).toBe('runc');
  });
});

describe('moves on Podman', () => {
  const name = `${prefix}web`;

  beforeAll(async () => {
    await podman.podman(['volume', 'create', `${prefix}data`]);
    await podman.podman(['run', '-d', '--name', name, '-v', `${prefix}data:/data`, PODMAN_IMAGE, 'sleep', '3600'], ['--runtime', 'runsc']);
    await podman.podman(['exec', name, 'sh', '-c', 'echo kept > /data/proof']);
  });

  it('refuses runc → gVisor plainly before touching anything (Podman would make it under runc)', async () => {
    const id = (await podman.inspect(`${prefix}r`)).Id;
    const advice = await silo.service.advise(id, 'runsc');
    expect(advice.blockers.map((b) => b.code)).toEqual(['runtime-not-choosable']);
    const error = await failureOf(() => silo.service.move({ ids: [id], target: 'runsc' }));
    expect(error).toMatchObject({ code: 'recreate-blocked', params: { blockers: 'runtime-not-choosable' } });
    expect(await podman.inspect(`${prefix}r`)).toMatchObject({ Id: id, OCIRuntime: 'runc', State: { Running: true } });
  });

  it('moves gVisor → runc: the host kernel inside, the volume’s data kept, ulimits written as create takes them', async () => {
    const before = await podman.inspect(name);
    expect(before.OCIRuntime).toBe('runsc');
    const report = await silo.service.move({ ids: [before.Id], target: 'runc', operationId: 'podman-to-runc' });
    expect(report.groups[0]?.containers[0]).toMatchObject({ outcome: 'moved', error: null });
    expect(report.ok).toBe(true);
    const after = await podman.inspect(name);
    expect(after.Id).toBe(report.groups[0]?.containers[0]?.newId);
    expect(after).toMatchObject({ OCIRuntime: 'runc', State: { Running: true } });
    expect(await podman.podman(['exec', name, 'uname', '-r'])).not.toBe('4.4.0');
    expect(await podman.podman(['exec', name, 'cat', '/data/proof'])).toBe('kept');
    const moved = await waitFor('the moved container as runc', () => {
      const c = byName(manager(), name);
      return c?.id === after.Id && c.isolation ? c.isolation : null;
    });
    expect(moved.mode).toBe('runc');
  });
});
