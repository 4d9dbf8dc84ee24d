// The move's answer corrected by the last progress events (src/renderer/views/isolation/settled.ts):
// Silo answers once the new container runs, and a death within the settle time rolls it back after.
import { describe, expect, it } from 'vitest';
import type { ContainerMoveReport, MoveProgress, MoveReport } from '../../../../src/shared/model/move';
import { settledReport } from '../../../../src/renderer/views/isolation/settled';

const container = (id: string, outcome: ContainerMoveReport['outcome']): ContainerMoveReport => ({
  id,
  name: `c-${id}`,
  outcome,
  newId: outcome === 'moved' ? `new-${id}` : null,
  failedStep: null,
  error: null,
  rollback: null,
  keptImage: null,
  leftover: null,
  warnings: [],
});
const report = (...containers: ContainerMoveReport[]): MoveReport => ({
  operationId: 'op',
  target: 'runsc',
  ok: true,
  groups: [{ project: null, ok: true, containers }],
});
const finish = (id: string, step: string, error: MoveProgress['error'] = null): MoveProgress => ({
  operationId: 'op',
  containerId: id,
  containerName: `c-${id}`,
  step,
  phase: 'finish',
  status: step === 'moved' ? 'done' : 'failed',
  index: 0,
  total: 1,
  error,
});

describe('settledReport', () => {
  it('keeps the answer while no finish event says otherwise', () => {
    const answer = report(container('a', 'moved'));
    expect(settledReport(answer, [])).toBe(answer);
    expect(settledReport(answer, [finish('a', 'moved')])).toEqual(answer);
    expect(settledReport(null, [finish('a', 'moved')])).toBeNull();
  });

  it('a container rolled back after the answer is shown restored, with its error, and the move not ok', () => {
    const error = { code: 'container-not-up', params: { state: 'failed', exitCode: 137 } } as unknown as MoveProgress['error'];
    const settled = settledReport(report(container('a', 'moved'), container('b', 'moved')), [finish('a', 'restored', error), finish('b', 'restored')]);
    expect(settled?.ok).toBe(false);
    expect(settled?.groups[0]?.ok).toBe(false);
    expect(settled?.groups[0]?.containers.map((c) => [c.id, c.outcome, c.newId, c.failedStep])).toEqual([
      ['a', 'restored', null, 'verify-up'],
      ['b', 'restored', null, 'verify-up'],
    ]);
    expect(settled?.groups[0]?.containers[0]?.error).toBe(error);
  });

  it('ignores progress that is not a finish event', () => {
    const answer = report(container('a', 'moved'));
    const step: MoveProgress = { ...finish('a', 'remove'), phase: 'step', status: 'running' };
    expect(settledReport(answer, [step])).toEqual(answer);
  });
});
