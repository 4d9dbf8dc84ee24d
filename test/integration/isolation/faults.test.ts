// Faults on an engine of this file's own (it is stopped and killed here): a runtime registered
// with a broken path, the engine stopped or killed in the middle of a move, and Silo itself
// stopping mid-way. Every time, once the engine is back, the original or the new container holds
// the name, never neither and never both, and the original comes back whole when the move fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedCrash } from '../../../src/main/isolation/hooks';
import { TestEngine, TEST_IMAGE } from '../../support/test-engine';
import { waitFor } from '../engine/helpers';
import { holders, inspect, runningWithData, startSilo, type Silo } from './helpers';

const engine = new TestEngine(undefined, {
  daemonConfig: { runtimes: { runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] }, broken: { path: '/nonexistent' } } },
});
let silo: Silo;
let counter = 0;

beforeAll(async () => {
  await engine.start();
  silo = await startSilo(engine);
});

afterAll(async () => {
  await silo?.close();
  await engine.destroy();
});

const original = () => runningWithData(engine, `fault${++counter}`);

async function expectWhole(name: string, id: string): Promise<void> {
  expect(await holders(engine, name)).toEqual([name]);
  const now = await inspect(engine, name);
  expect(now.Id).toBe(id);
  expect(now.State.Running).toBe(true);
  expect(now.HostConfig.RestartPolicy?.Name).toBe('unless-stopped');
  expect(await engine.docker(['exec', name, 'cat', '/data/proof', '/anon/proof'])).toBe('kept\nkept');
}

const connected = (s: Silo) => waitFor('connected again', () => s.recorded.manager.snapshot().connection.phase === 'connected', 30_000);

describe('faults', () => {
  it('a runtime with a broken path fails at start: the original comes back running, with its name and data', async () => {
    const { name, id } = await original();
    expect((await silo.service.targets(id)).targets.map((t) => t.name)).toContain('broken');
    const report = await silo.service.move({ ids: [id], target: 'broken' });
    const moved = report.groups[0]?.containers[0];
    expect(report.ok).toBe(false);
    expect(moved).toMatchObject({ outcome: 'restored', failedStep: 'start', rollback: { ok: true } });
    expect(moved?.error?.detail).toMatch(/nonexistent/);
    await expectWhole(name, id);
  });

  it('the engine refuses the create (the runtime went away since the plan): the original is back, none is left aside', async () => {
    const { name, id } = await original();
    const config = JSON.parse(readFileSync(engine.configFile, 'utf8')) as { runtimes: Record<string, unknown> };
    const runtimes = async (): Promise<string> => engine.docker(['info', '--format', '{{json .Runtimes}}']);
    const write = async (withVanishing: boolean): Promise<void> => {
      const { vanishing: _gone, ...rest } = config.runtimes;
      const next = withVanishing ? { ...rest, vanishing: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] } } : rest;
      writeFileSync(engine.configFile, JSON.stringify({ ...config, runtimes: next }));
      engine.reload();
      for (let i = 0; (await runtimes()).includes('"vanishing"') !== withVanishing; i++) {
        if (i > 200) throw new Error('the engine did not reload its runtimes');
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await write(true);
    silo.hooks.before = async (p) => {
      if (p.phase === 'step' && p.step === 'create') await write(false);
    };
    try {
      const report = await silo.service.move({ ids: [id], target: 'vanishing' });
      expect(report.groups[0]?.containers[0]).toMatchObject({
        outcome: 'restored',
        failedStep: 'create',
        error: { code: 'unknown-runtime' },
        rollback: { ok: true },
      });
    } finally {
      silo.hooks.before = undefined;
    }
    await expectWhole(name, id);
  });

  it('the engine stops in the middle: the rollback cannot run, and on its return Silo restores the original', async () => {
    const { name, id } = await original();
    silo.hooks.after = async (p) => {
      if (p.phase === 'step' && p.step === 'rename') await engine.stopDaemon();
    };
    try {
      const report = await silo.service.move({ ids: [id], target: 'runsc' });
      expect(report.groups[0]?.containers[0]).toMatchObject({ outcome: 'unrecovered', failedStep: 'create' });
    } finally {
      silo.hooks.after = undefined;
    }
    const before = silo.recovered.length;
    await engine.launch();
    await connected(silo);
    const report = await waitFor('the recovery', () => silo.recovered[before], 30_000);
    expect(report).toMatchObject({ ok: true, containers: [{ name, outcome: 'original', ok: true }] });
    await expectWhole(name, id);
    expect(silo.service.journal.list()).toEqual([]);
  });

  it('the engine is killed after the new one started and comes straight back: exactly one container holds the name', async () => {
    const { name, id } = await original();
    silo.hooks.after = async (p) => {
      if (p.phase === 'step' && p.step === 'start') {
        await engine.stopDaemon('SIGKILL');
        await engine.launch();
      }
    };
    try {
      await silo.service.move({ ids: [id], target: 'runsc' });
    } finally {
      silo.hooks.after = undefined;
    }
    await connected(silo);
    await silo.service.recover();
    expect(await holders(engine, name)).toEqual([name]);
    const now = await inspect(engine, name);
    expect(now.Id === id || now.HostConfig.Runtime === 'runsc').toBe(true);
    expect(await engine.docker(['run', '--rm', '--network', 'none', '-v', `${name}-data:/data`, TEST_IMAGE, 'cat', '/data/proof'])).toBe('kept');
  });

  it('Silo stops after the create: the next Silo finds the journal and undoes the move', async () => {
    const { name, id } = await original();
    silo.hooks.after = (p) => {
      if (p.phase === 'step' && p.step === 'create') throw new SimulatedCrash('create');
    };
    await expect(silo.service.move({ ids: [id], target: 'runsc' })).rejects.toBeInstanceOf(SimulatedCrash);
    expect((await holders(engine, name)).length).toBe(2);
    const configDir = silo.configDir;
    await silo.close(false);

    silo = await startSilo(engine, configDir);
    const report = await waitFor('the recovery', () => silo.recovered[0], 30_000);
    expect(report.containers[0]).toMatchObject({ name, outcome: 'original', ok: true, actions: ['remove', 'rename', 'restore-restart-policy', 'start'] });
    await expectWhole(name, id);
    expect(silo.service.recovered()).toHaveLength(1);
  });
});
