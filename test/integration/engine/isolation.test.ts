// The isolation column comes from inspect: gVisor on its own rung, runc from the daemon default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { managerFor, waitFor, type Recorded } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `iso-${process.pid}-`;
let silo: Recorded;

beforeAll(async () => {
  silo = managerFor(engine.dockerHost);
  await silo.manager.start();
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
});

const isolationOf = (id: string) =>
  waitFor(`isolation of ${id.slice(0, 12)}`, () => silo.manager.containers().find((c) => c.id === id && c.isolation)?.isolation);

describe('isolation per container', () => {
  it('shows a container created with --runtime runsc on the user-space-kernel rung', async () => {
    const id = await engine.docker([
      'create',
      '--network',
      'none',
      '--runtime',
      'runsc',
      '--name',
      `${prefix}gvisor`,
      'silo-test/busybox:latest',
      'sleep',
      '3600',
    ]);
    expect(await isolationOf(id)).toEqual({ mode: 'runsc', rung: 'user-space-kernel', source: 'container' });
  });

  it('shows a container created without a runtime as runc, pinned at creation from the daemon default', async () => {
    // dockerd writes its default runtime into HostConfig.Runtime at create: from then on the
    // container keeps runc even if the default changes, so "set on the container" is the truth.
    const id = await engine.docker(['create', '--network', 'none', '--name', `${prefix}plain`, 'silo-test/busybox:latest', 'sleep', '3600']);
    expect(await engine.docker(['inspect', '-f', '{{.HostConfig.Runtime}}', id])).toBe('runc');
    expect(await isolationOf(id)).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'container' });
  });

  it('keeps a container’s isolation through its life and drops it on destroy', async () => {
    const id = await engine.docker([
      'create',
      '--network',
      'none',
      '--runtime',
      'runsc',
      '--name',
      `${prefix}life`,
      'silo-test/busybox:latest',
      'sleep',
      '3600',
    ]);
    const first = await isolationOf(id);
    await engine.docker(['start', id]);
    const running = await waitFor('running', () => silo.manager.containers().find((c) => c.id === id && c.state === 'running'));
    expect(running.isolation).toEqual(first);
    // gVisor really runs it: its kernel answers, not the host's.
    expect(await engine.docker(['exec', id, 'uname', '-r'])).toBe('4.4.0');
    await engine.docker(['rm', '-f', id]);
    await waitFor('gone', () => !silo.manager.containers().some((c) => c.id === id));
  });

  it('marks a container that mounts the engine socket', async () => {
    const id = await engine.docker([
      'create',
      '--network',
      'none',
      '-v',
      '/var/run/docker.sock:/var/run/docker.sock',
      '--name',
      `${prefix}sock`,
      'silo-test/busybox:latest',
    ]);
    const plain = await engine.docker(['create', '--network', 'none', '--name', `${prefix}nosock`, 'silo-test/busybox:latest']);
    await isolationOf(id);
    await isolationOf(plain);
    expect(silo.manager.containers().find((c) => c.id === id)?.mountsEngineSocket).toBe(true);
    expect(silo.manager.containers().find((c) => c.id === plain)?.mountsEngineSocket).toBe(false);
  });
});
