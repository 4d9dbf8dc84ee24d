// Shared pieces of the executor tests: a fake engine, a journal in a temporary folder, a move.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyOptions } from '../../../../src/main/isolation/actions';
import type { FaultHooks } from '../../../../src/main/isolation/hooks';
import { Journal } from '../../../../src/main/isolation/journal';
import { prepareUnits, type MoveRequest } from '../../../../src/main/isolation/moves';
import { moveUnit, type UnitResult } from '../../../../src/main/isolation/recreate';
import type { RecreateProgress } from '../../../../src/shared/model/move';
import { FakeEngine } from './fake-engine';

export const FAST: VerifyOptions = { settleMs: 0, pollMs: 1, runningDeadlineMs: 50, healthDeadlineCapMs: 50 };
export const ENDPOINT = 'unix:///fake/docker.sock';

export interface Bench {
  engine: FakeEngine;
  journal: Journal;
  progress: RecreateProgress[];
  /** Plan every unit of the request and move them one after the other. */
  move(request: MoveRequest, hooks?: FaultHooks): Promise<UnitResult[]>;
}

export function bench(): Bench {
  const engine = new FakeEngine();
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'silo-j-')), 'recreate-journal'));
  const progress: RecreateProgress[] = [];
  const label = (id: string): string => (id.startsWith('bbbbbbbb') ? 'new' : 'old');
  return {
    engine,
    journal,
    progress,
    async move(request, hooks) {
      const ops = engine.ops(label);
      const units = await prepareUnits(ops, request);
      const results: UnitResult[] = [];
      for (const [i, unit] of units.entries()) {
        results.push(
          await moveUnit({
            ops,
            journal,
            key: `op-test.${i}`,
            operationId: 'op-test',
            endpoint: ENDPOINT,
            plans: unit.members.map((m) => m.plan),
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
