// After an interrupted move: the original or the new container under the name, never neither, never both.
import { describe, expect, it } from 'vitest';
import { planRecreate } from '../../../../src/shared/isolation/recreate-plan';
import { decideRecovery, upState } from '../../../../src/shared/isolation/recreate-recovery';
import type { RawContainerInspect } from '../../../../src/shared/engine-api';
import { clone, loadInspect } from './load';

const RUNSC = { os: 'linux', runtime: 'runsc' } as const;
const web = loadInspect('web');
const plan = planRecreate(web, RUNSC, { writableLayer: 'empty' });
const restorePolicy = { kind: 'restore-restart-policy', container: 'old', policy: { Name: 'unless-stopped', MaximumRetryCount: 0 } };

const stopped = (c: RawContainerInspect): RawContainerInspect => ({ ...clone(c), State: { Status: 'exited', Running: false, ExitCode: 0 } });
const renamed = (c: RawContainerInspect, name: string): RawContainerInspect => ({ ...clone(c), Name: `/${name}` });

describe('up or not', () => {
  it('running is up; with a healthcheck, healthy is up', () => {
    const running = loadInspect('web-runsc');
    expect(upState(running, false)).toBe('up');
    expect(upState({ State: { ...running.State, Health: { Status: 'starting' } } }, true)).toBe('pending');
    expect(upState({ State: { ...running.State, Health: { Status: 'healthy' } } }, true)).toBe('up');
    expect(upState({ State: { ...running.State, Health: { Status: 'unhealthy' } } }, true)).toBe('failed');
  });

  it('restarting or just created is pending, exited is failed', () => {
    expect(upState({ State: { Status: 'restarting', Running: true, Restarting: true } }, false)).toBe('pending');
    expect(upState({ State: { Status: 'created', Running: false } }, false)).toBe('pending');
    expect(upState({ State: { Status: 'exited', Running: false, ExitCode: 1 } }, false)).toBe('failed');
  });
});

describe('what the engine shows after an interruption', () => {
  it('the original still under its name, stopped: it gets its policy back and runs again', () => {
    expect(decideRecovery(plan, { underName: stopped(web), aside: null })).toEqual({
      outcome: 'original',
      actions: [restorePolicy, { kind: 'start', container: 'old' }],
    });
  });

  it('the original aside, the name free: renamed back and started', () => {
    expect(decideRecovery(plan, { underName: null, aside: renamed(stopped(web), plan.asideName) })).toEqual({
      outcome: 'original',
      actions: [{ kind: 'rename', container: 'old', to: 'web' }, restorePolicy, { kind: 'start', container: 'old' }],
    });
  });

  it('the original aside, the new one created but not running: the new one goes, the original comes back', () => {
    const created = { ...clone(loadInspect('web-runsc')), State: { Status: 'created', Running: false } };
    expect(decideRecovery(plan, { underName: created, aside: renamed(stopped(web), plan.asideName) })).toEqual({
      outcome: 'original',
      actions: [
        { kind: 'remove', container: 'new', force: true, volumes: false },
        { kind: 'rename', container: 'old', to: 'web' },
        restorePolicy,
        { kind: 'start', container: 'old' },
      ],
    });
  });

  it('the new one running on every network: the move is finished by removing the old one', () => {
    expect(decideRecovery(plan, { underName: loadInspect('web-runsc'), aside: renamed(stopped(web), plan.asideName) })).toEqual({
      outcome: 'moved',
      actions: [{ kind: 'remove', container: 'old', volumes: false }],
    });
  });

  it('the new one running but missing a network: rolled back', () => {
    const partial = clone(loadInspect('web-runsc'));
    delete partial.NetworkSettings!.Networks!['silo-back'];
    expect(decideRecovery(plan, { underName: partial, aside: renamed(stopped(web), plan.asideName) }).outcome).toBe('original');
  });

  it('only the new one left: it is the container now, started if the old one ran', () => {
    expect(decideRecovery(plan, { underName: loadInspect('web-runsc'), aside: null })).toEqual({ outcome: 'moved', actions: [] });
    const notStarted = { ...clone(loadInspect('web-runsc')), State: { Status: 'created', Running: false } };
    delete notStarted.NetworkSettings!.Networks!['silo-back'];
    expect(decideRecovery(plan, { underName: notStarted, aside: null })).toEqual({
      outcome: 'moved',
      actions: [
        { kind: 'connect', network: 'silo-back' },
        { kind: 'start', container: 'new' },
      ],
    });
  });

  it('neither (an auto-remove original stopped, the new one gone): the original is created again', () => {
    const auto = loadInspect('auto-remove');
    const autoPlan = planRecreate(auto, RUNSC, { writableLayer: 'commit' });
    expect(decideRecovery(autoPlan, { underName: null, aside: null })).toEqual({
      outcome: 'original',
      actions: [{ kind: 'recreate-original', image: `silo-keep/auto:${auto.Id.slice(0, 12)}` }],
    });
  });
});
