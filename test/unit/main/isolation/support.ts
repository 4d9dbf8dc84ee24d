// Shared pieces of the executor tests: a fake engine, a journal in a temporary folder, a move.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyOptions } from '../../../../src/main/isolation/actions';
import type { FaultHooks } from '../../../../src/main/isolation/hooks';
import { Journal } from '../../../../src/main/isolation/journal';
import { prepareGroups, type MoveRequest } from '../../../../src/main/isolation/moves';
import { moveGroup, type GroupResult } from '../../../../src/main/isolation/recreate';
import type { MoveProgress } from '../../../../src/shared/model/move';
import { FakeEngine } from './fake-engine';

export const FAST: VerifyOptions = { settleMs: 0, pollMs: 1, runningDeadlineMs: 50, healthDeadlineCapMs: 50 };
export const ENDPOINT = 'unix:///fake/docker.sock';

export interface Bench {
  engine: FakeEngine;
  journal: Journal;
  progress: MoveProgress[];
  /** Plan every group of the request and move them one after the other. */
  move(request: MoveRequest, hooks?: FaultHooks): Promise<GroupResult[]>;
}

export function bench(): Bench {
  const engine = new FakeEngine();
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'silo-j-')), 'recreate-journal'));
  const progress: MoveProgress[] = [];
  const label = (id: string): string => (id.startsWith('bbbbbbbb') ? 'new' : 'old');
  return {
    engine,
    journal,
    progress,
    async move(request, hooks) {
      const ops = engine.ops(label);
      // The person acknowledged what will not work as before, unless the test says otherwise.
      const groups = await prepareGroups(ops, { acknowledged: [...engine.containers.keys()], ...request });
      const results: GroupResult[] = [];
      for (const [i, group] of groups.entries()) {
        results.push(
          await moveGroup({
            ops,
            journal,
            key: `op-test.${i}`,
            operationId: 'op-test',
            endpoint: ENDPOINT,
            plans: group.members.map((m) => m.plan),
            progress: (p) => progress.push(p),
            verify: FAST,
            ...(hooks ? { hooks } : {}),
          }),
        );
      }
      return results;
    },
  };
}
