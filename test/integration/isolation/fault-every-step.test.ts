// A failure injected at every step of a move, on the real engine: before each step runs, the
// step fails. Every time exactly one container holds the name, the volumes hold their data, the
// person is told which step failed, and (until the new container is up) the original is back
// running as it was. A failure of the last step (removing the original) leaves the move done and
// the original kept aside, said so in the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { holders, inspect, runningWithData, startSilo, type Silo } from './helpers';

const engine = new TestEngine();
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

const original = () => runningWithData(engine, `step${++counter}`, { changeLayer: true });

async function volumesHoldTheirData(name: string): Promise<void> {
  expect(await engine.docker(['exec', name, 'cat', '/data/proof', '/anon/proof'])).toBe('kept\nkept');
}

const STEPS = ['stop', 'disable-restart', 'commit', 'rename', 'create', 'start', 'verify-up', 'remove'] as const;

describe('a failure at every step of a move (runc → runsc)', () => {
  it.each(STEPS)('fails before %s: one container holds the name, its data is whole, the person is told', async (failing) => {
    const { name, id } = await original();
    let reached = false;
    silo.hooks.before = (point) => {
      if (point.phase === 'step' && point.step === failing && point.containerName === name) {
        reached = true;
        throw new Error(`injected failure before ${failing}`);
      }
    };
    let report;
    try {
      report = await silo.service.move({ ids: [id], target: 'runsc', choices: { [id]: 'keep' } });
    } finally {
      silo.hooks.before = undefined;
    }
    expect(reached, `the plan has a ${failing} step`).toBe(true);
    const moved = report.groups[0]?.containers[0];

    // `holders` lists the name and any `<name>-silo-old-…` kept aside.
    const held = await holders(engine, name);
    expect(held.filter((n) => n === name)).toEqual([name]);
    const now = await inspect(engine, name);
    expect(now.State.Running).toBe(true);
    await volumesHoldTheirData(name);
    if (failing === 'remove') {
      // The new container is up under gVisor; the original could not be removed and is kept aside.
      expect(now.HostConfig.Runtime).toBe('runsc');
      expect(moved?.outcome).toBe('moved');
      expect(moved?.leftover, 'the report names the original kept aside').toBeTruthy();
      expect(held).toEqual([name, moved!.leftover!].sort());
    } else {
      expect(held).toEqual([name]);
      expect(report.ok).toBe(false);
      expect(moved).toMatchObject({ outcome: 'restored', failedStep: failing, rollback: { ok: true } });
      expect(moved?.error?.detail).toContain(`injected failure before ${failing}`);
      expect(now.Id).toBe(id);
      expect(now.HostConfig.Runtime).toBe('runc');
      expect(now.HostConfig.RestartPolicy?.Name).toBe('unless-stopped');
    }
  });
});
