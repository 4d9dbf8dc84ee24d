// What the "Change isolation" dialog offers and when it may go on: pure, tested without a page.
import type { MoveTarget } from '../../../shared/isolation/gvisor-limits';
import type { ContainerSummary } from '../../../shared/model/container';
import type { Rung } from '../../../shared/model/isolation';
import { RUNGS } from '../../../shared/model/isolation';
import type { IsolationTargets, LadderPosition, MoveAdvice, WritableLayerDecision } from '../../../shared/model/move';

/**
 * Every target some member can move to, in the engine's order. A member already there stays as it
 * is (the move leaves it alone), so one member on the target never hides it from the others.
 */
export function reachableTargets(members: readonly Pick<IsolationTargets, 'targets'>[]): MoveTarget[] {
  const out = new Map<string, MoveTarget>();
  for (const m of members) {
    for (const target of m.targets) {
      const seen = out.get(target.name);
      // "Same rung" only when it is so for every member that would move.
      out.set(target.name, seen ? { ...seen, sameRung: seen.sameRung && target.sameRung } : target);
    }
  }
  return [...out.values()];
}

/** The members already under `target` (it is not among their targets): they stay as they are. */
export function alreadyThere(members: ReadonlyMap<string, Pick<IsolationTargets, 'targets'>>, target: string | null): Set<string> {
  const out = new Set<string>();
  if (target === null) return out;
  for (const [id, m] of members) if (!m.targets.some((t) => t.name === target)) out.add(id);
  return out;
}

export interface LadderRow {
  rung: Rung;
  /** Where members run now (distinct modes on this rung). */
  current: string[];
  targets: MoveTarget[];
}

/** The ladder from the weakest boundary to the strongest; `unknown` only when something sits there. */
export function ladderRows(current: readonly LadderPosition[], targets: readonly MoveTarget[]): LadderRow[] {
  return RUNGS.map((rung) => ({
    rung,
    current: [...new Set(current.filter((c) => c.rung === rung).map((c) => c.mode))],
    targets: targets.filter((t) => t.rung === rung),
  })).filter((row) => row.rung !== 'unknown' || row.current.length > 0 || row.targets.length > 0);
}

/** The writable layer holds changes (or could not be read): the person must say what to do. */
export const needsLayerChoice = (advice: Pick<MoveAdvice, 'writableLayer'>): boolean => advice.writableLayer.changed;

export type ConfirmBlock = 'no-target' | 'loading' | 'failed' | 'blocked' | 'choice' | 'acknowledge' | 'running' | 'done';

/** Something will not work as before under the target: the person must tick that they know. */
export const needsAcknowledgement = (advice: Pick<MoveAdvice, 'mustAcknowledge'>): boolean => advice.mustAcknowledge.length > 0;

/** Why "Change isolation" cannot be pressed yet, or null when it can. */
export function confirmBlock(input: {
  target: string | null;
  memberIds: readonly string[];
  advice: ReadonlyMap<string, MoveAdvice | 'loading' | 'failed'>;
  choices: Readonly<Record<string, WritableLayerDecision>>;
  /** Members whose "will not work as before" findings the person acknowledged. */
  acknowledged?: ReadonlySet<string>;
  phase: 'choose' | 'running' | 'done';
}): ConfirmBlock | null {
  if (input.phase === 'running') return 'running';
  if (input.phase === 'done') return 'done';
  if (input.target === null) return 'no-target';
  let choice = false;
  let acknowledge = false;
  for (const id of input.memberIds) {
    const advice = input.advice.get(id);
    if (advice === undefined || advice === 'loading') return 'loading';
    if (advice === 'failed') return 'failed';
    if (advice.after.mode !== input.target) return 'loading';
    if (advice.alreadyThere) continue;
    if (advice.blockers.length > 0) return 'blocked';
    if (needsLayerChoice(advice) && input.choices[id] === undefined) choice = true;
    if (needsAcknowledgement(advice) && !input.acknowledged?.has(id)) acknowledge = true;
  }
  return choice ? 'choice' : acknowledge ? 'acknowledge' : null;
}

/** The members whose "will not work as before" findings the person ticked, to send with the move. */
export function acknowledgedToSend(
  memberIds: readonly string[],
  advice: ReadonlyMap<string, MoveAdvice | 'loading' | 'failed'>,
  acknowledged: ReadonlySet<string>,
): string[] | undefined {
  const out = memberIds.filter((id) => {
    const a = advice.get(id);
    return a && typeof a === 'object' && !a.alreadyThere && needsAcknowledgement(a) && acknowledged.has(id);
  });
  return out.length > 0 ? out : undefined;
}

/** The choices to send: only for members whose layer holds changes. */
export function choicesToSend(
  memberIds: readonly string[],
  advice: ReadonlyMap<string, MoveAdvice | 'loading' | 'failed'>,
  choices: Readonly<Record<string, WritableLayerDecision>>,
): Record<string, WritableLayerDecision> | undefined {
  const out: Record<string, WritableLayerDecision> = {};
  for (const id of memberIds) {
    const a = advice.get(id);
    const choice = choices[id];
    if (a && typeof a === 'object' && !a.alreadyThere && needsLayerChoice(a) && choice) out[id] = choice;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The containers of a compose project, by name. */
export function projectMembers(containers: Iterable<ContainerSummary>, project: string): ContainerSummary[] {
  const out: ContainerSummary[] = [];
  for (const c of containers) if (c.composeProject === project) out.push(c);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An operation id the host accepts ([A-Za-z0-9_-]{8,64}), so the page can follow its own move. */
export function newOperationId(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(20));
  let id = 'ui-';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

/** Runs `task` over the items, at most `limit` at a time; rejects with the first failure. */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
