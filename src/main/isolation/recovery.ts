// On connecting to an engine: the journals of moves cut short against it (Silo or the engine
// stopped mid-way) are finished or undone, so that the original or the new container holds each
// name, never neither and never both. What happened is reported for the person.
import type { RawContainerInspect } from '../../shared/engine-api';
import { SiloFailure, type SiloError } from '../../shared/errors';
import type { RecoveryReport } from '../../shared/model/move';
import type { MoveProgress } from '../../shared/model/move';
import { mapEngineError } from '../engine/errors';
import type { EngineOps } from './engine-ops';
import { runAction, type MoveContext, type VerifyOptions } from './actions';
import type { Journal, JournalEntry } from './journal';
import { decideMember } from './recovery-decision';

export interface RecoveryRun {
  ops: EngineOps;
  journal: Journal;
  endpoint: string;
  /** Journals of moves still running in this process: not touched. */
  skip: ReadonlySet<string>;
  progress: (event: MoveProgress) => void;
  verify: VerifyOptions;
  log: (line: string) => void;
}

const toError = (error: unknown): SiloError => (error instanceof SiloFailure ? error.error : mapEngineError(error));

/** The container whose name is exactly `name` (a name lookup also matches an id prefix). */
async function byName(ops: EngineOps, name: string): Promise<RawContainerInspect | null> {
  const found = await ops.inspect(name);
  return found !== null && found.Name === `/${name}` ? found : null;
}

async function recoverEntry(run: RecoveryRun, entry: JournalEntry): Promise<RecoveryReport> {
  const report: RecoveryReport = { operationId: entry.operationId, at: Date.now(), ok: true, containers: [] };
  // The last member first: the reverse of the order they were moved in.
  for (const member of [...entry.members].reverse()) {
    const { plan } = member;
    const line: RecoveryReport['containers'][number] = { name: plan.name, outcome: 'original', actions: [], ok: true, error: null };
    report.containers.unshift(line);
    try {
      const observed = { underName: await byName(run.ops, plan.name), aside: await byName(run.ops, plan.asideName) };
      const decision = decideMember(entry.phase, entry.members.length, plan, observed);
      line.outcome = decision.outcome;
      line.actions = decision.actions.map((a) => a.kind);
      const underName = observed.underName;
      const ctx: MoveContext = {
        ops: run.ops,
        plan,
        startedAt: entry.startedAt,
        verify: run.verify,
        newId: underName !== null && underName.Id !== plan.containerId ? underName.Id : member.newId,
      };
      for (let k = 0; k < decision.actions.length; k++) {
        const action = decision.actions[k]!;
        const event = {
          operationId: entry.operationId,
          containerId: plan.containerId,
          containerName: plan.name,
          step: action.kind,
          phase: 'recover' as const,
          index: k,
          total: decision.actions.length,
        };
        run.progress({ ...event, status: 'running', error: null });
        try {
          await runAction(ctx, action);
          run.progress({ ...event, status: 'done', error: null });
        } catch (error) {
          run.progress({ ...event, status: 'failed', error: toError(error) });
          if (action.kind !== 'remove-image') throw error;
        }
      }
      // Exactly one container holds the name, and none waits aside.
      const holder = await byName(run.ops, plan.name);
      const aside = await byName(run.ops, plan.asideName);
      if (holder === null || aside !== null) {
        throw new SiloFailure({ code: 'container-not-up', params: { name: plan.name, state: holder === null ? 'gone' : 'aside-left' } });
      }
    } catch (error) {
      line.ok = false;
      line.error = toError(error);
      report.ok = false;
    }
  }
  return report;
}

/** Every journal of this engine that is not running here now; each removed once its recovery succeeded. */
export async function recoverJournals(run: RecoveryRun): Promise<RecoveryReport[]> {
  const reports: RecoveryReport[] = [];
  for (const entry of run.journal.list(run.endpoint, run.log)) {
    if (run.skip.has(entry.key)) continue;
    const report = await recoverEntry(run, entry);
    if (report.ok) run.journal.remove(entry.key);
    else run.log(`recovery of ${entry.key} did not finish: ${report.containers.map((c) => c.error?.code ?? 'ok').join(', ')}`);
    reports.push(report);
  }
  return reports;
}
