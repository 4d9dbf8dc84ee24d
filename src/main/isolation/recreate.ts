// Runs the pure re-create plans of one group (a container, or a compose project: all or nothing)
// step by step: each member up to the point of no return, then, once every member is up, the old
// containers are removed. Any failure before that rolls every member of the group back with the
// plan's own undo actions. Once every new container runs, `onRunning` is told (the move's answer)
// and the group waits out the settle time watching for a new container's death (settle.ts): one
// that dies rolls the group back, as if its verify-up had failed. A journal is written around
// every step, so that a crash can be finished or undone later (recovery.ts); progress is reported
// step by step.
import type { SiloError } from '../../shared/errors';
import { SiloFailure, siloError } from '../../shared/errors';
import { rollbackActions, type PlanIssue, type RecreatePlan } from '../../shared/isolation/recreate-plan';
import type { ContainerMoveReport, MoveProgress, RollbackReport } from '../../shared/model/move';
import { mapEngineError } from '../engine/errors';
import type { EngineOps } from './engine-ops';
import { runAction, runStep, type MoveContext, type VerifyOptions } from './actions';
import { isSimulatedCrash, type FaultHooks, type HookPoint } from './hooks';
import type { Journal, JournalEntry, JournalMember } from './journal';
import { DeathWatch, settle, type ContainerEvents } from './settle';

export interface GroupRun {
  ops: EngineOps;
  journal: Journal;
  /** `<operationId>.<group>` */
  key: string;
  operationId: string;
  endpoint: string;
  plans: RecreatePlan[];
  progress: (event: MoveProgress) => void;
  verify: VerifyOptions;
  hooks?: FaultHooks;
  /** The engine's container events, to see a new container die during the settle time. */
  events?: ContainerEvents;
  /** Every new container runs (the old ones still wait, set aside): what the answer says now. */
  onRunning?: (containers: ContainerMoveReport[]) => void;
}

export interface GroupResult {
  ok: boolean;
  containers: ContainerMoveReport[];
  /** The journal stays: the rollback did not finish, recovery will on the next connection. */
  journalKept: boolean;
}

const toError = (error: unknown): SiloError => (error instanceof SiloFailure ? error.error : mapEngineError(error));

/** Steps before the point of no return: all but a final removal of the old container. */
export const forwardSteps = (plan: RecreatePlan): number => (plan.steps.at(-1)?.kind === 'remove' ? plan.steps.length - 1 : plan.steps.length);

class GroupExecutor {
  private readonly entry: JournalEntry;
  private readonly contexts: MoveContext[];

  constructor(private readonly run: GroupRun) {
    const startedAt = Date.now();
    this.entry = {
      version: 1,
      key: run.key,
      operationId: run.operationId,
      endpoint: run.endpoint,
      startedAt,
      phase: 'moving',
      members: run.plans.map((plan): JournalMember => ({ plan, completed: 0, newId: null })),
    };
    this.contexts = run.plans.map((plan) => ({ ops: run.ops, plan, newId: null, startedAt, verify: run.verify, settleLater: true }));
  }

  async execute(): Promise<GroupResult> {
    const watch = new DeathWatch(this.run.events);
    try {
      return await this.moveAndSettle(watch);
    } finally {
      watch.close();
    }
  }

  private async moveAndSettle(watch: DeathWatch): Promise<GroupResult> {
    const reports = this.run.plans.map((plan) => untouchedReport({ id: plan.containerId, name: plan.name }, 'unchanged', plan.warnings));
    this.save();
    // Up to the point of no return, member after member.
    for (let m = 0; m < this.contexts.length; m++) {
      const failure = await this.forward(m);
      if (failure) return this.rollBack(m, failure, reports);
    }
    // Every new container runs: the person has their answer; the originals wait out the settle time.
    this.run.onRunning?.(reports.map((report, m) => this.moved(report, m)));
    const died = await settle(this.contexts, this.run.verify.settleMs, watch);
    if (died) return this.rollBack(this.contexts.length - 1, { step: 'verify-up', error: died.error }, reports, died.member);
    // Every member is up: the old containers go. A failure here leaves one aside, it undoes nothing.
    this.entry.phase = 'committed';
    this.save();
    for (let m = 0; m < this.contexts.length; m++) {
      const ctx = this.contexts[m]!;
      const report = reports[m]!;
      const last = forwardSteps(ctx.plan);
      for (let i = last; i < ctx.plan.steps.length; i++) {
        try {
          await this.step(m, i);
        } catch (error) {
          if (isSimulatedCrash(error)) throw error;
          report.leftover = ctx.plan.asideName;
          report.error = toError(error);
        }
      }
      Object.assign(report, this.moved(report, m));
    }
    this.run.journal.remove(this.run.key);
    this.finish(reports);
    return { ok: true, containers: reports, journalKept: false };
  }

  /** Member m's report once its new container stands. */
  private moved(report: ContainerMoveReport, m: number): ContainerMoveReport {
    const ctx = this.contexts[m]!;
    const keptImage = ctx.plan.steps.some((s) => s.kind === 'commit') ? (ctx.plan.options.body.Image ?? null) : null;
    return { ...report, outcome: 'moved', newId: ctx.newId, keptImage };
  }

  /** Member m's steps before the point of no return; the failure, if one happened. */
  private async forward(m: number): Promise<{ step: string; error: unknown } | null> {
    const ctx = this.contexts[m]!;
    for (let i = 0; i < forwardSteps(ctx.plan); i++) {
      try {
        await this.step(m, i);
      } catch (error) {
        if (isSimulatedCrash(error)) throw error;
        return { step: ctx.plan.steps[i]!.kind, error };
      }
    }
    return null;
  }

  /** One step with its hooks, progress and journal. `completed` counts it as soon as the engine did it. */
  private async step(m: number, i: number): Promise<void> {
    const ctx = this.contexts[m]!;
    const member = this.entry.members[m]!;
    const step = ctx.plan.steps[i]!;
    const point: HookPoint = { operationId: this.run.operationId, containerName: ctx.plan.name, step: step.kind, phase: 'step', index: i };
    const total = ctx.plan.steps.length;
    await this.run.hooks?.before?.(point);
    this.emit(ctx, step.kind, 'step', 'running', i, total, null);
    try {
      await runStep(ctx, step);
    } catch (error) {
      this.emit(ctx, step.kind, 'step', 'failed', i, total, toError(error));
      throw error;
    }
    member.completed = i + 1;
    member.newId = ctx.newId;
    this.save();
    this.emit(ctx, step.kind, 'step', 'done', i, total, null);
    await this.run.hooks?.after?.(point);
  }

  /** Members `from`…0 rolled back, the last moved first; `failed` is the one that failed. */
  private async rollBack(from: number, failure: { step: string; error: unknown }, reports: ContainerMoveReport[], failed = from): Promise<GroupResult> {
    this.entry.phase = 'rolling-back';
    this.save();
    let allRestored = true;
    // The failed member first, then the members already moved, the last moved first.
    for (let m = from; m >= 0; m--) {
      const report = reports[m]!;
      const rollback = await this.undo(m);
      report.rollback = rollback;
      report.outcome = rollback.ok ? 'restored' : 'unrecovered';
      if (m === failed) {
        report.failedStep = failure.step;
        report.error = toError(failure.error);
      }
      allRestored &&= rollback.ok;
    }
    if (allRestored) this.run.journal.remove(this.run.key);
    this.finish(reports);
    return { ok: false, containers: reports, journalKept: !allRestored };
  }

  /** Every undo action of member m, each tried even if one before failed; then a check that the original holds the name. */
  private async undo(m: number): Promise<RollbackReport> {
    const ctx = this.contexts[m]!;
    const actions = rollbackActions(ctx.plan, this.entry.members[m]!.completed);
    let failed: { action: string; error: SiloError } | null = null;
    for (let k = 0; k < actions.length; k++) {
      const action = actions[k]!;
      const point: HookPoint = { operationId: this.run.operationId, containerName: ctx.plan.name, step: action.kind, phase: 'undo', index: k };
      try {
        await this.run.hooks?.before?.(point);
        this.emit(ctx, action.kind, 'undo', 'running', k, actions.length, null);
        await runAction(ctx, action);
        this.emit(ctx, action.kind, 'undo', 'done', k, actions.length, null);
        await this.run.hooks?.after?.(point);
      } catch (error) {
        if (isSimulatedCrash(error)) throw error;
        const mapped = toError(error);
        this.emit(ctx, action.kind, 'undo', 'failed', k, actions.length, mapped);
        // A commit image still in use is not worth failing a rollback for.
        if (action.kind !== 'remove-image') failed ??= { action: action.kind, error: mapped };
      }
    }
    if (failed) return { ok: false, failedAction: failed.action, error: failed.error };
    return this.checkRestored(ctx);
  }

  /** The original (or its re-creation) holds the name again, running if it ran. */
  private async checkRestored(ctx: MoveContext): Promise<RollbackReport> {
    try {
      const holder = await ctx.ops.inspect(ctx.plan.name);
      const recreated = ctx.plan.autoRemove && holder !== null && holder.Id !== ctx.newId;
      const isOriginal = holder !== null && holder.Name === `/${ctx.plan.name}` && (holder.Id === ctx.plan.containerId || recreated);
      const stateOk = holder !== null && (!ctx.plan.wasRunning || holder.State.Running === true);
      if (isOriginal && stateOk) return { ok: true, failedAction: null, error: null };
      return {
        ok: false,
        failedAction: 'check',
        error: siloError('container-not-up', { params: { name: ctx.plan.name, state: holder === null ? 'gone' : 'not-original' } }),
      };
    } catch (error) {
      return { ok: false, failedAction: 'check', error: toError(error) };
    }
  }

  /** The last event of each container: its outcome, so a page that lost the call's answer still learns it. */
  private finish(reports: ContainerMoveReport[]): void {
    reports.forEach((report, m) => {
      const ok = report.outcome === 'moved' || report.outcome === 'unchanged';
      this.emit(this.contexts[m]!, report.outcome, 'finish', ok ? 'done' : 'failed', 0, 1, report.error ?? report.rollback?.error ?? null);
    });
  }

  private emit(
    ctx: MoveContext,
    step: string,
    phase: MoveProgress['phase'],
    status: MoveProgress['status'],
    index: number,
    total: number,
    error: SiloError | null,
  ): void {
    this.run.progress({
      operationId: this.run.operationId,
      containerId: ctx.plan.containerId,
      containerName: ctx.plan.name,
      step,
      phase,
      status,
      index,
      total,
      error,
    });
  }

  private save(): void {
    this.run.journal.save(this.entry);
  }
}

/** Move one group; all or nothing. A SimulatedCrash from a hook propagates (the journal stays). */
/** A member's report before anything was done to it (or when nothing will be). */
export function untouchedReport(member: { id: string; name: string }, outcome: 'unchanged' | 'already-there', warnings: PlanIssue[] = []): ContainerMoveReport {
  return { id: member.id, name: member.name, outcome, newId: null, failedStep: null, error: null, rollback: null, keptImage: null, leftover: null, warnings };
}

export function moveGroup(run: GroupRun): Promise<GroupResult> {
  return new GroupExecutor(run).execute();
}
