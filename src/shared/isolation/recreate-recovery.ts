// After a re-create was cut short (Silo or the engine stopped mid-way): what to do so that the
// original or the new container exists under the name, never neither and never both. The
// decision reads what the engine shows under the name and under the plan's aside name.
import type { RawContainerInspect } from '../engine-api';
import type { RecreatePlan, UndoAction } from './recreate-plan';

export type UpState = 'up' | 'pending' | 'failed';

/** Whether the new container counts as up: running, and healthy when it has a healthcheck. */
export function upState(inspect: Pick<RawContainerInspect, 'State'>, requireHealthy: boolean): UpState {
  const s = inspect.State;
  if (s.Running === true && s.Restarting !== true) {
    if (!requireHealthy) return 'up';
    const health = s.Health?.Status ?? '';
    if (health === 'healthy') return 'up';
    return health === 'unhealthy' ? 'failed' : 'pending';
  }
  if (s.Restarting === true || s.Status === 'created') return 'pending';
  return 'failed';
}

export type RecoveryAction =
  | UndoAction
  | { kind: 'remove'; container: 'old'; volumes: false }
  | { kind: 'connect'; network: string } // with the matching plan.options.connect body
  | { kind: 'start'; container: 'new' };

export interface Recovery {
  /** Which container keeps the name once the actions ran. */
  outcome: 'original' | 'moved';
  actions: RecoveryAction[];
}

export interface Observed {
  /** The container under the plan's name, if any. */
  underName: RawContainerInspect | null;
  /** The container under the plan's aside name, if any. */
  aside: RawContainerInspect | null;
}

/** Undo steps that bring the original back under its name, running if it ran. */
function restoreOriginal(plan: RecreatePlan, old: RawContainerInspect, renameBack: boolean): RecoveryAction[] {
  const actions: RecoveryAction[] = [];
  if (renameBack) actions.push({ kind: 'rename', container: 'old', to: plan.name });
  const policy = plan.original.body.HostConfig.RestartPolicy;
  if (plan.steps.some((s) => s.kind === 'disable-restart')) {
    actions.push({
      kind: 'restore-restart-policy',
      container: 'old',
      policy: { Name: policy?.Name ?? 'no', MaximumRetryCount: policy?.MaximumRetryCount ?? 0 },
    });
  }
  if (plan.wasRunning && old.State.Running !== true) actions.push({ kind: 'start', container: 'old' });
  return actions;
}

/** The networks the plan gives the new container that it does not have yet. */
function missingNetworks(plan: RecreatePlan, created: RawContainerInspect): string[] {
  const networks = created.NetworkSettings?.Networks ?? {};
  return plan.options.connect.map((c) => c.network).filter((n) => !(n in networks));
}

export function decideRecovery(plan: RecreatePlan, observed: Observed): Recovery {
  const { underName, aside } = observed;
  const isOld = (c: RawContainerInspect | null): boolean => c !== null && c.Id === plan.containerId;

  if (underName !== null && isOld(underName)) return { outcome: 'original', actions: restoreOriginal(plan, underName, false) };

  if (aside !== null && isOld(aside)) {
    if (underName === null) return { outcome: 'original', actions: restoreOriginal(plan, aside, true) };
    const ready = missingNetworks(plan, underName).length === 0 && (!plan.wasRunning || upState(underName, false) === 'up');
    if (ready) return { outcome: 'moved', actions: [{ kind: 'remove', container: 'old', volumes: false }] };
    return {
      outcome: 'original',
      actions: [{ kind: 'remove', container: 'new', force: true, volumes: false }, ...restoreOriginal(plan, aside, true)],
    };
  }

  // The old container is gone: removed at the end of the move, or an auto-remove one stopped.
  if (underName !== null) {
    const actions: RecoveryAction[] = missingNetworks(plan, underName).map((network) => ({ kind: 'connect', network }));
    if (plan.wasRunning && underName.State.Running !== true) actions.push({ kind: 'start', container: 'new' });
    return { outcome: 'moved', actions };
  }
  const commit = plan.steps.find((s) => s.kind === 'commit');
  return { outcome: 'original', actions: [{ kind: 'recreate-original', image: commit && commit.kind === 'commit' ? commit.image : null }] };
}
