// A create is read back on every engine: one that takes a runtime and makes the container under
// another (as Podman's API does) is said, not reported as done; on Podman itself the choice is
// refused before anything is made.
import { describe, expect, it } from 'vitest';
import { createContainer } from '../../../../src/main/isolation/create';
import { SiloFailure } from '../../../../src/shared/errors';
import { FakeEngine } from './fake-engine';

describe('create, read back', () => {
  it('says so when the engine made the container under another runtime than asked', async () => {
    const engine = new FakeEngine();
    engine.onlyRuntime = 'runc';
    const result = await createContainer(engine.ops(), { image: 'silo-test/busybox:latest', name: 'asked', isolation: 'runsc' });
    expect(result.isolationMismatch).toEqual({ asked: 'runsc', got: 'runc' });
  });

  it('says nothing when it is what was asked, or when nothing was asked', async () => {
    const engine = new FakeEngine();
    expect(
      (await createContainer(engine.ops(), { image: 'silo-test/busybox:latest', name: 'same-as-asked', isolation: 'runsc' })).isolationMismatch,
    ).toBeNull();
    engine.onlyRuntime = 'runc';
    expect((await createContainer(engine.ops(), { image: 'silo-test/busybox:latest', name: 'nothing-asked' })).isolationMismatch).toBeNull();
  });

  it('on Podman, refuses a runtime other than its default before anything is made', async () => {
    const engine = new FakeEngine();
    Object.assign(engine.info, { BuildahVersion: '1.28.2' });
    const refusal = await createContainer(engine.ops(), { image: 'silo-test/busybox:latest', name: 'on-podman', isolation: 'runsc' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SiloFailure);
    expect((refusal as SiloFailure).error).toMatchObject({ code: 'runtime-not-choosable', field: 'isolation', params: { runtime: 'runsc' } });
    expect(engine.names()).not.toContain('on-podman');
  });
});
