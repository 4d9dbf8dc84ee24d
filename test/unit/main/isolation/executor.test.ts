// The executor runs the pure plan's steps in order and, on any failure before the point of no
// return, the plan's undo actions: the original gets its name, its restart policy and its running
// state back, and no other container is left under its name or aside.
import { describe, expect, it } from 'vitest';
import { SiloFailure } from '../../../../src/shared/errors';
import { forwardSteps } from '../../../../src/main/isolation/recreate';
import { planRecreate } from '../../../../src/shared/isolation/recreate-plan';
import { toEngineInfo } from '../../../../src/shared/isolation/engine-info';
import { bench } from './support';
import { loadInspect } from '../../shared/recreate/load';

const WEB_ID = loadInspect('web').Id;
const RUNSC = { os: 'linux', runtime: 'runsc' } as const;
const webPlan = planRecreate(loadInspect('web'), RUNSC, { writableLayer: 'empty', engine: toEngineInfo(bench().engine.info) });

describe('a move that succeeds', () => {
  it('stops, disables the restart policy, sets aside, creates, connects, starts, checks, then removes the old one', async () => {
    const b = bench();
    b.engine.add('web');
    const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' });
    expect(b.engine.calls).toEqual([
      'stop old',
      'restart-policy old no',
      `rename old web-silo-old-${WEB_ID.slice(0, 12)}`,
      'create web',
      'connect silo-back',
      'start new',
      'remove old',
    ]);
    expect(result?.ok).toBe(true);
    expect(result?.containers[0]).toMatchObject({ outcome: 'moved', failedStep: null, leftover: null, keptImage: null });
    const now = b.engine.find('web');
    expect(now?.HostConfig.Runtime).toBe('runsc');
    expect(now?.State.Running).toBe(true);
    expect(b.engine.names()).toEqual(['web']);
    expect(b.journal.list()).toEqual([]);
  });

  it('reports each step running then done, in the plan’s order', async () => {
    const b = bench();
    b.engine.add('web');
    await b.move({ ids: [WEB_ID], target: 'runsc' });
    const kinds = webPlan.steps.map((s) => s.kind);
    expect(b.progress.map((p) => `${p.step}:${p.status}`)).toEqual([...kinds.flatMap((k) => [`${k}:running`, `${k}:done`]), 'moved:done']);
    expect(b.progress.at(-1)?.phase).toBe('finish');
    expect(b.progress.slice(0, -1).every((p) => p.operationId === 'op-test' && p.containerName === 'web' && p.total === kinds.length)).toBe(true);
  });

  it('leaves the old one aside, and says so, when only its removal fails (the point of no return)', async () => {
    const b = bench();
    b.engine.add('web');
    b.engine.fail('remove', ([id]) => id === WEB_ID);
    const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' });
    expect(result?.containers[0]).toMatchObject({ outcome: 'moved', leftover: webPlan.asideName });
    expect(b.engine.find('web')?.HostConfig.Runtime).toBe('runsc');
  });
});

describe('a failure at any step restores the original', () => {
  const forward = webPlan.steps.slice(0, forwardSteps(webPlan));
  for (const [index, step] of forward.entries()) {
    for (const when of ['before', 'after'] as const) {
      it(`${when} step ${index} (${step.kind})`, async () => {
        const b = bench();
        b.engine.add('web');
        const hooks = {
          [when]: (p: { step: string; phase: string; index: number }) => {
            if (p.phase === 'step' && p.index === index) throw new Error(`injected ${when} ${p.step}`);
          },
        };
        const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' }, hooks);
        const report = result?.containers[0];
        expect(result?.ok).toBe(false);
        expect(report?.outcome).toBe('restored');
        expect(report?.failedStep).toBe(step.kind);
        expect(report?.rollback).toEqual({ ok: true, failedAction: null, error: null });
        const original = b.engine.find('web');
        expect(original?.Id).toBe(WEB_ID);
        expect(original?.State.Running).toBe(true);
        expect(original?.HostConfig.RestartPolicy).toEqual({ Name: 'unless-stopped', MaximumRetryCount: 0 });
        expect(b.engine.names()).toEqual(['web']);
        expect(b.journal.list()).toEqual([]);
      });
    }
  }

  it('an engine refusal at start (a broken runtime) rolls back: remove new, rename, policy, start old', async () => {
    const b = bench();
    b.engine.add('web');
    b.engine.fail('start', ([id]) => id !== WEB_ID, new SiloFailure({ code: 'engine-error', detail: 'fork/exec /nonexistent: no such file or directory' }));
    const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' });
    expect(result?.containers[0]?.error?.detail).toMatch(/nonexistent/);
    expect(b.engine.calls.slice(-4)).toEqual(['remove new force', 'rename old web', 'restart-policy old unless-stopped', 'start old']);
    expect(b.progress.filter((p) => p.phase === 'undo' && p.status === 'done').map((p) => p.step)).toEqual([
      'remove',
      'rename',
      'restore-restart-policy',
      'start',
    ]);
    expect(b.progress.at(-1)).toMatchObject({ phase: 'finish', step: 'restored', status: 'failed', error: { code: 'engine-error' } });
  });

  it('a new container that exits right after its start fails the check, and the original comes back', async () => {
    const b = bench();
    b.engine.add('web');
    b.engine.crashingRuntimes.add('runsc');
    const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' });
    expect(result?.containers[0]).toMatchObject({ outcome: 'restored', failedStep: 'verify-up', error: { code: 'container-not-up' } });
    expect(b.engine.find('web')?.Id).toBe(WEB_ID);
  });

  it('a new container made under another runtime than asked fails its create, and the original comes back', async () => {
    const b = bench();
    b.engine.add('web');
    b.engine.onlyRuntime = 'runc';
    const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' });
    expect(result?.containers[0]).toMatchObject({
      outcome: 'restored',
      failedStep: 'create',
      error: { code: 'isolation-not-applied', params: { asked: 'runsc', got: 'runc' } },
    });
    expect(b.engine.find('web')).toMatchObject({ Id: WEB_ID, State: { Running: true } });
    expect(b.engine.names()).toEqual(['web']);
  });

  it('says the rollback failed, which undo did not work, and keeps the journal for recovery', async () => {
    const b = bench();
    b.engine.add('web');
    b.engine.fail('start');
    const [result] = await b.move({ ids: [WEB_ID], target: 'runsc' });
    expect(result?.containers[0]?.outcome).toBe('unrecovered');
    expect(result?.containers[0]?.rollback).toMatchObject({ ok: false, failedAction: 'start' });
    expect(result?.journalKept).toBe(true);
    expect(b.journal.list()[0]?.phase).toBe('rolling-back');
  });
});

describe('an auto-remove container', () => {
  it('sets it aside running, creates the new one, stops the old one (which removes itself), starts the new one', async () => {
    const b = bench();
    const auto = b.engine.add('auto-remove');
    const [result] = await b.move({ ids: [auto.Id], target: 'runsc' });
    expect(b.engine.calls).toEqual([`rename old auto-silo-old-${auto.Id.slice(0, 12)}`, 'create auto', 'stop old', 'start new']);
    expect(result?.containers[0]?.outcome).toBe('moved');
  });

  it('creates the original again from its own settings when the new one fails after the old one removed itself', async () => {
    const b = bench();
    const auto = b.engine.add('auto-remove');
    b.engine.crashingRuntimes.add('runsc');
    const [result] = await b.move({ ids: [auto.Id], target: 'runsc' });
    expect(result?.containers[0]).toMatchObject({ outcome: 'restored', failedStep: 'verify-up' });
    const back = b.engine.find('auto');
    expect(back?.HostConfig.Runtime).toBe('runc');
    expect(back?.HostConfig.AutoRemove).toBe(true);
    expect(back?.State.Running).toBe(true);
    expect(b.engine.names()).toEqual(['auto']);
  });
});
