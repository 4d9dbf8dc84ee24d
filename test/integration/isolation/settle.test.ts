// A move is answered once the new container runs; the original stays set aside until the settle
// time has passed without the new one dying (src/main/isolation/settle.ts). A new container that
// dies in that time is seen in the engine's events and the move rolls back: the original comes
// back under its name, running, on its runtime.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MoveReport } from '../../../src/shared/model/move';
import { TestEngine } from '../../support/test-engine';
import { holders, inspect, removeByPrefix, runningWithData, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `isosettle-${process.pid}-`;
// Far longer than any test runs: only a death seen in the engine's events ends it early.
const LONG_SETTLE_MS = 10 * 60_000;
let silo: Silo;

beforeAll(async () => {
  silo = await startSilo(engine, undefined, LONG_SETTLE_MS);
});
afterEach(() => {
  delete silo.hooks.before;
});
afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
  const volumes = await engine.docker(['volume', 'ls', '-q', '--filter', `name=${prefix}`]).catch(() => '');
  if (volumes) await engine.docker(['volume', 'rm', ...volumes.split('\n')]).catch(() => undefined);
});

describe('the settle time after the answer', () => {
  it('answers "moved" while the original waits set aside; a death of the new container then rolls the move back', async () => {
    const { name, id } = await runningWithData(engine, `${prefix}dies`);
    let answer: MoveReport | null = null;
    let asideAtAnswer: string[] = [];
    let killed: Promise<string> | null = null;
    const settled = silo.service.move({ ids: [id], target: 'runsc' }, (report) => {
      answer = report;
      const newId = report.groups[0]?.containers[0]?.newId ?? '';
      // What stands when the answer goes, then the new container dies within the settle time.
      killed = holders(engine, name).then(async (found) => {
        asideAtAnswer = found;
        return engine.docker(['kill', newId]);
      });
    });
    const final = await settled;
    await killed;

    expect(answer).not.toBeNull();
    const answered = answer as unknown as MoveReport;
    expect(answered.ok).toBe(true);
    expect(answered.groups[0]?.containers[0]).toMatchObject({ id, outcome: 'moved' });
    expect(asideAtAnswer).toHaveLength(2);
    expect(asideAtAnswer.some((n) => n.startsWith(`${name}-silo-old-`))).toBe(true);

    expect(final.ok).toBe(false);
    expect(final.groups[0]?.containers[0]).toMatchObject({ id, outcome: 'restored', failedStep: 'verify-up', error: { code: 'container-not-up' } });
    expect(await holders(engine, name)).toEqual([name]);
    expect(await inspect(engine, name)).toMatchObject({ Id: id, State: { Running: true }, HostConfig: { Runtime: 'runc' } });
    const finish = silo.progress.filter((p) => p.containerId === id && p.phase === 'finish').at(-1);
    expect(finish).toMatchObject({ step: 'restored', status: 'failed' });
  });

  it('moveAnswered answers before the original is removed, and the move completes behind it', async () => {
    const settling = await startSilo(engine, undefined, 300);
    try {
      const { name, id } = await runningWithData(engine, `${prefix}stays`);
      let answeredFirst: boolean | null = null;
      let answered = false;
      let removed!: () => void;
      const removal = new Promise<void>((resolve) => (removed = resolve));
      settling.hooks.before = (point) => {
        if (point.phase === 'step' && point.step === 'remove') {
          answeredFirst = answered;
          removed();
        }
      };
      const answer = await settling.service.moveAnswered({ ids: [id], target: 'runsc' });
      answered = true;
      expect(answer.ok).toBe(true);
      expect(answer.groups[0]?.containers[0]).toMatchObject({ id, outcome: 'moved' });
      await removal;
      expect(answeredFirst).toBe(true);
      await expect.poll(() => holders(engine, name), { timeout: 30_000 }).toEqual([name]);
      expect(await inspect(engine, name)).toMatchObject({ State: { Running: true }, HostConfig: { Runtime: 'runsc' } });
      const finish = settling.progress.filter((p) => p.containerId === id && p.phase === 'finish').at(-1);
      expect(finish).toMatchObject({ step: 'moved', status: 'done' });
    } finally {
      await settling.close();
    }
  });
});
