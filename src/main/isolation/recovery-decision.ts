// What to do with one member of an interrupted move, from its journal phase and what the engine
// shows now. A lone container follows recreate-recovery.ts (finish it if the new one is ready,
// else undo). A move that was rolling back, or a compose project that had not reached its point
// of no return, is undone whatever the new container looks like: all or nothing.
import { decideRecovery, type Observed, type Recovery, type RecoveryAction } from '../../shared/isolation/recreate-recovery';
import type { RecreatePlan } from '../../shared/isolation/recreate-plan';
import type { JournalPhase } from './journal';

export function mustUndo(phase: JournalPhase, members: number): boolean {
  return phase === 'rolling-back' || (phase === 'moving' && members > 1);
}

/** Undo, whatever state the move reached: the original back under its name, running if it ran. */
export function undoToOriginal(plan: RecreatePlan, observed: Observed): Recovery {
  const isOld = (id: string | undefined): boolean => id === plan.containerId;
  if (observed.underName !== null && isOld(observed.underName.Id)) return decideRecovery(plan, observed);
  const removeNew: RecoveryAction[] = observed.underName !== null ? [{ kind: 'remove', container: 'new', force: true, volumes: false }] : [];
  const commit = plan.steps.find((s) => s.kind === 'commit');
  const image = commit && commit.kind === 'commit' ? commit.image : null;
  if (observed.aside !== null && isOld(observed.aside.Id)) {
    const restore = decideRecovery(plan, { underName: null, aside: observed.aside }).actions;
    return { outcome: 'original', actions: [...removeNew, ...restore, ...(image ? [{ kind: 'remove-image', image } as const] : [])] };
  }
  // The original removed itself (auto-remove): create it again from its own settings.
  return { outcome: 'original', actions: [...removeNew, { kind: 'recreate-original', image }] };
}

export function decideMember(phase: JournalPhase, members: number, plan: RecreatePlan, observed: Observed): Recovery {
  return mustUndo(phase, members) ? undoToOriginal(plan, observed) : decideRecovery(plan, observed);
}
