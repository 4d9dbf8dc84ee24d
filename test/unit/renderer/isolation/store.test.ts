// The isolation slice: progress by operation, recoveries told once, the dialogs it opens.
import { describe, expect, it } from 'vitest';
import type { MoveProgress, RecoveryReport } from '../../../../src/shared/model/move';
import type { CallPort } from '../../../../src/renderer/stores/api-port';
import { createIsolationStore, recoveryKey } from '../../../../src/renderer/stores/isolation';

const recovery = (operationId: string, at: number): RecoveryReport => ({
  operationId,
  at,
  ok: true,
  containers: [{ name: 'web', outcome: 'original', actions: [], ok: true, error: null }],
});
const progress = (operationId: string, index: number): MoveProgress => ({
  operationId,
  containerId: 'a',
  containerName: 'web',
  step: 'stop',
  phase: 'step',
  status: 'done',
  index,
  total: 2,
  error: null,
});

function fakeApi(answers: Record<string, unknown>): CallPort & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    call: (async (name: string) => {
      calls.push(name);
      const answer = answers[name];
      if (answer instanceof Error) throw answer;
      return answer;
    }) as CallPort['call'],
  };
}

describe('isolation store', () => {
  it('keeps progress per operation, in order, until it is forgotten', () => {
    const store = createIsolationStore(fakeApi({}));
    store.getState().recordProgress(progress('op-1', 0));
    store.getState().recordProgress(progress('op-2', 0));
    store.getState().recordProgress(progress('op-1', 1));
    expect(
      store
        .getState()
        .progress.get('op-1')
        ?.map((p) => p.index),
    ).toEqual([0, 1]);
    store.getState().forgetProgress('op-1');
    expect([...store.getState().progress.keys()]).toEqual(['op-2']);
  });

  it('tells each recovery once, whether it came as an event or in the list', async () => {
    const api = fakeApi({ 'isolation.recoveries': [recovery('op-1', 5), recovery('op-2', 6)] });
    const store = createIsolationStore(api);
    store.getState().recordRecovery(recovery('op-1', 5));
    await store.getState().loadRecoveries();
    await store.getState().loadRecoveries();
    expect(store.getState().recoveries.map(recoveryKey)).toEqual(['op-1@5', 'op-2@6']);
    store.getState().dismissRecovery('op-1@5');
    expect([...store.getState().dismissed]).toEqual(['op-1@5']);
    expect(api.calls).toEqual(['isolation.recoveries', 'isolation.recoveries']);
  });

  it('opens one dialog at a time', () => {
    const store = createIsolationStore(fakeApi({}));
    store.getState().openMove({ kind: 'project', project: 'shop' });
    expect(store.getState().moveRequest).toEqual({ kind: 'project', project: 'shop' });
    store.getState().openCreate();
    expect(store.getState().moveRequest).toBeNull();
    expect(store.getState().creating).toBe(true);
    store.getState().closeCreate();
    expect(store.getState().creating).toBe(false);
  });
});
