// A compose project moves all or nothing; a crash mid-way leaves a journal that recovery finishes
// or undoes, so that exactly one container holds each name; a changed writable layer waits for
// the person's choice.
import { describe, expect, it } from 'vitest';
import { SimulatedCrash } from '../../../../src/main/isolation/hooks';
import { recoverJournals } from '../../../../src/main/isolation/recovery';
import { keepImageName } from '../../../../src/shared/isolation/recreate-plan';
import { SiloFailure } from '../../../../src/shared/errors';
import type { RawContainerInspect } from '../../../../src/shared/engine-api';
import { bench, ENDPOINT, FAST, type Bench } from './support';

const inProject =
  (project: string, id: string, name: string) =>
  (c: RawContainerInspect): void => {
    c.Id = id.repeat(64).slice(0, 64);
    c.Name = `/${name}`;
    c.Config.Labels = { ...(c.Config.Labels ?? {}), 'com.docker.compose.project': project };
  };

function project(b: Bench): [RawContainerInspect, RawContainerInspect] {
  // Plain running containers without networks, like compose services with `network_mode: none`.
  const a = b.engine.add('notes', inProject('shop', 'a', 'shop-api'));
  const d = b.engine.add('notes', inProject('shop', 'd', 'shop-db'));
  return [a, d];
}

const recover = (b: Bench) =>
  recoverJournals({
    ops: b.engine.ops(),
    journal: b.journal,
    endpoint: ENDPOINT,
    skip: new Set(),
    progress: () => undefined,
    verify: FAST,
    log: () => undefined,
  });

describe('what will not work as before', () => {
  it('refuses the request, touching nothing, unless the person acknowledged it', async () => {
    const b = bench();
    const web = b.engine.add('web');
    // The test engine's runsc is registered with --network=none: web's network goes.
    const refusal = await b.move({ ids: [web.Id], target: 'runsc', acknowledged: [] }).catch((e: unknown) => e);
    expect((refusal as SiloFailure).error).toMatchObject({
      code: 'move-not-acknowledged',
      params: { name: 'web', limits: expect.stringContaining('runtime-network-none') },
    });
    expect(b.engine.calls.filter((c) => !c.startsWith('inspect') && !c.startsWith('info') && !c.startsWith('changes'))).toEqual([]);
    expect(b.engine.find('web')?.HostConfig.Runtime).not.toBe('runsc');
    // Acknowledged by its short id: it moves.
    const [result] = await b.move({ ids: [web.Id], target: 'runsc', acknowledged: [web.Id.slice(0, 12)] });
    expect(result?.ok).toBe(true);
    expect(b.engine.find('web')?.HostConfig.Runtime).toBe('runsc');
  });
});

describe('a compose project, all or nothing', () => {
  it('moves every container, and removes the old ones only once all are up', async () => {
    const b = bench();
    project(b);
    const [result] = await b.move({ project: 'shop', target: 'runsc' });
    expect(result?.ok).toBe(true);
    const calls = b.engine.calls;
    expect(calls.filter((c) => c.startsWith('remove'))).toEqual(['remove old', 'remove old']);
    expect(calls.indexOf('remove old')).toBeGreaterThan(calls.lastIndexOf('start new'));
    expect(b.engine.names()).toEqual(['shop-api', 'shop-db']);
    expect(['shop-api', 'shop-db'].map((n) => b.engine.find(n)?.HostConfig.Runtime)).toEqual(['runsc', 'runsc']);
  });

  it('moves the ones already moved back when one fails', async () => {
    const b = bench();
    const [api, db] = project(b);
    b.engine.fail('create', ([name]) => name === 'shop-db');
    const [result] = await b.move({ project: 'shop', target: 'runsc' });
    expect(result?.ok).toBe(false);
    expect(result?.containers.map((c) => [c.name, c.outcome, c.failedStep])).toEqual([
      ['shop-api', 'restored', null],
      ['shop-db', 'restored', 'create'],
    ]);
    expect(b.engine.find('shop-api')?.Id).toBe(api.Id);
    expect(b.engine.find('shop-db')?.Id).toBe(db.Id);
    expect(b.engine.find('shop-api')?.State.Running && b.engine.find('shop-db')?.State.Running).toBe(true);
    expect(b.engine.names()).toEqual(['shop-api', 'shop-db']);
  });

  it('a selection moves each container outside a project on its own', async () => {
    const b = bench();
    const one = b.engine.add('notes', inProject('', 'e', 'one'));
    const two = b.engine.add('notes', inProject('', 'f', 'two'));
    delete one.Config.Labels?.['com.docker.compose.project'];
    delete two.Config.Labels?.['com.docker.compose.project'];
    b.engine.fail('create', ([name]) => name === 'two');
    const results = await b.move({ ids: [one.Id, two.Id], target: 'runsc' });
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(b.engine.find('one')?.HostConfig.Runtime).toBe('runsc');
    expect(b.engine.find('two')?.Id).toBe(two.Id);
  });
});

describe('Silo stops in the middle: the journal lets the next connection finish or undo', () => {
  const crashAfter = (step: string, name?: string) => ({
    after: (p: { step: string; phase: string; containerName: string }) => {
      if (p.phase === 'step' && p.step === step && (name === undefined || p.containerName === name)) throw new SimulatedCrash(step);
    },
  });

  it('after the create: the new one is removed and the original comes back under its name, running', async () => {
    const b = bench();
    const [api] = project(b);
    await expect(b.move({ ids: [api.Id], target: 'runsc' }, crashAfter('create'))).rejects.toBeInstanceOf(SimulatedCrash);
    expect(b.engine.names()).toEqual(['shop-api', `shop-api-silo-old-${api.Id.slice(0, 12)}`, 'shop-db']);
    const [entry] = b.journal.list();
    expect(entry).toMatchObject({ phase: 'moving', endpoint: ENDPOINT });
    expect(entry?.members[0]?.newId).not.toBeNull();

    const [report] = await recover(b);
    expect(report).toMatchObject({ ok: true, containers: [{ name: 'shop-api', outcome: 'original', ok: true }] });
    expect(b.engine.names()).toEqual(['shop-api', 'shop-db']);
    expect(b.engine.find('shop-api')).toMatchObject({ Id: api.Id, State: { Running: true } });
    expect(b.journal.list()).toEqual([]);
  });

  it('after the new one is up: a lone container’s move is finished (the old one removed)', async () => {
    const b = bench();
    const [api] = project(b);
    await expect(b.move({ ids: [api.Id], target: 'runsc' }, crashAfter('verify-up'))).rejects.toBeInstanceOf(SimulatedCrash);
    const [report] = await recover(b);
    expect(report?.containers[0]).toMatchObject({ outcome: 'moved', actions: ['remove'], ok: true });
    expect(b.engine.find('shop-api')?.HostConfig.Runtime).toBe('runsc');
    expect(b.engine.names()).toEqual(['shop-api', 'shop-db']);
  });

  it('in a project before its point of no return: every member is undone, even one already up', async () => {
    const b = bench();
    const [api, db] = project(b);
    await expect(b.move({ project: 'shop', target: 'runsc' }, crashAfter('create', 'shop-db'))).rejects.toBeInstanceOf(SimulatedCrash);
    // shop-api is up under runsc; shop-db's new container is created.
    const [report] = await recover(b);
    expect(report?.ok).toBe(true);
    expect(report?.containers.map((c) => [c.name, c.outcome])).toEqual([
      ['shop-api', 'original'],
      ['shop-db', 'original'],
    ]);
    expect(b.engine.find('shop-api')?.Id).toBe(api.Id);
    expect(b.engine.find('shop-db')?.Id).toBe(db.Id);
    expect(b.engine.names()).toEqual(['shop-api', 'shop-db']);
  });

  it('in a project past its point of no return: the move is finished', async () => {
    const b = bench();
    project(b);
    const hooks = {
      before: (p: { step: string; phase: string }) => {
        if (p.step === 'remove' && p.phase === 'step') throw new SimulatedCrash('remove');
      },
    };
    await expect(b.move({ project: 'shop', target: 'runsc' }, hooks)).rejects.toBeInstanceOf(SimulatedCrash);
    expect(b.journal.list()[0]?.phase).toBe('committed');
    const [report] = await recover(b);
    expect(report?.containers.map((c) => c.outcome)).toEqual(['moved', 'moved']);
    expect(b.engine.names()).toEqual(['shop-api', 'shop-db']);
  });

  it('recovery leaves alone a journal of another engine, and one still running here', async () => {
    const b = bench();
    const [api] = project(b);
    await expect(b.move({ ids: [api.Id], target: 'runsc' }, crashAfter('rename'))).rejects.toBeInstanceOf(SimulatedCrash);
    const key = b.journal.list()[0]!.key;
    expect(
      await recoverJournals({
        ops: b.engine.ops(),
        journal: b.journal,
        endpoint: 'unix:///other.sock',
        skip: new Set(),
        progress: () => undefined,
        verify: FAST,
        log: () => undefined,
      }),
    ).toEqual([]);
    expect(
      await recoverJournals({
        ops: b.engine.ops(),
        journal: b.journal,
        endpoint: ENDPOINT,
        skip: new Set([key]),
        progress: () => undefined,
        verify: FAST,
        log: () => undefined,
      }),
    ).toEqual([]);
    expect(b.journal.list()).toHaveLength(1);
  });
});

describe('the writable layer', () => {
  const changed = [
    { Path: '/srv', Kind: 1 },
    { Path: '/srv/notes', Kind: 1 },
  ];

  it('holds changes: nothing is done until the person chooses', async () => {
    const b = bench();
    const [api] = project(b);
    b.engine.layer = changed;
    const refusal = await b.move({ ids: [api.Id], target: 'runsc' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SiloFailure);
    expect((refusal as SiloFailure).error).toMatchObject({ code: 'writable-layer-choice-required', params: { name: 'shop-api', changes: 2 } });
    expect(b.engine.calls).toEqual([]);
  });

  it('keep: committed to an image after the stop, and the new container is created from it', async () => {
    const b = bench();
    const [api] = project(b);
    b.engine.layer = changed;
    const image = keepImageName(api);
    const [result] = await b.move({ ids: [api.Id], target: 'runsc', choices: { [api.Id.slice(0, 12)]: 'keep' } });
    expect(b.engine.calls.slice(0, 3)).toEqual(['stop old', 'restart-policy old no', `commit old ${image}`]);
    expect(b.engine.find('shop-api')?.Config.Image).toBe(image);
    expect(result?.containers[0]?.keptImage).toBe(image);
  });

  it('discard: moved without a commit, as the person said', async () => {
    const b = bench();
    const [api] = project(b);
    b.engine.layer = changed;
    await b.move({ ids: [api.Id], target: 'runsc', choices: { [api.Id]: 'discard' } });
    expect(b.engine.calls.some((c) => c.startsWith('commit'))).toBe(false);
    expect(b.engine.find('shop-api')?.HostConfig.Runtime).toBe('runsc');
  });

  it('a blocker (a runtime the engine does not have) refuses the move before any step', async () => {
    const b = bench();
    const [api] = project(b);
    const refusal = await b.move({ ids: [api.Id], target: 'kata' }).catch((e: unknown) => e);
    expect((refusal as SiloFailure).error).toMatchObject({ code: 'recreate-blocked', params: { blockers: 'unknown-runtime' } });
    expect(b.engine.calls).toEqual([]);
  });
});
