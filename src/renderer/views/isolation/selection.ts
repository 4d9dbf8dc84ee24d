// What the "Change isolation" dialog offers and when it may go on: pure, tested without a page.
import type { MoveTarget } from '../../../shared/isolation/gvisor-limits';
import type { ContainerSummary } from '../../../shared/model/container';
import type { Rung } from '../../../shared/model/isolation';
import { RUNGS } from '../../../shared/model/isolation';
import type { IsolationTargets, LadderPosition, MoveAdvice, WritableLayerDecision } from '../../../shared/model/move';

/**
 * The targets every member can move to: a move of several is refused as a whole when one of them
 * already runs there, so only the targets all of them share are offered (in the engine's order).
 */
export function commonTargets(members: readonly Pick<IsolationTargets, 'targets'>[]): MoveTarget[] {
  const [first, ...rest] = members;
  if (!first) return [];
  return first.targets.filter((target) => rest.every((m) => m.targets.some((other) => other.name === target.name)));
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

export type ConfirmBlock = 'no-target' | 'loading' | 'failed' | 'blocked' | 'choice' | 'running' | 'done';

/** Why "Change isolation" cannot be pressed yet, or null when it can. */
export function confirmBlock(input: {
  target: string | null;
  memberIds: readonly string[];
  advice: ReadonlyMap<string, MoveAdvice | 'loading' | 'failed'>;
  choices: Readonly<Record<string, WritableLayerDecision>>;
  phase: 'choose' | 'running' | 'done';
}): ConfirmBlock | null {
  if (input.phase === 'running') return 'running';
  if (input.phase === 'done') return 'done';
  if (input.target === null) return 'no-target';
  let choice = false;
  for (const id of input.memberIds) {
    const advice = input.advice.get(id);
    if (advice === undefined || advice === 'loading') return 'loading';
    if (advice === 'failed') return 'failed';
    if (advice.after.mode !== input.target) return 'loading';
    if (advice.blockers.length > 0) return 'blocked';
    if (needsLayerChoice(advice) && input.choices[id] === undefined) choice = true;
  }
  return choice ? 'choice' : null;
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
    if (a && typeof a === 'object' && needsLayerChoice(a) && choice) out[id] = choice;
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
