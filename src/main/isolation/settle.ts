// The settle time of a group's new containers. Once the last one runs, the move is answered
// (the person waits no longer); the originals stay, set aside, until the settle time has passed
// without a new container dying. The engine's events tell a `die` (or a removal) at once, and
// the group rolls back then; when the time is up each new container is read once more, so a
// death the events missed (their stream was down) still counts.
import type { RawContainerInspect } from '../../shared/engine-api';
import { notUp, stillUp, type MoveContext } from './actions';

/** An engine event as isolation needs it: which container, what happened, when (epoch ms). */
export interface ContainerEvent {
  type: string;
  action: string;
  id: string;
  time: number | null;
}
export type ContainerEvents = (listener: (event: ContainerEvent) => void) => () => void;

/** A new container that did not stay up: the member, and why. */
export interface SettleFailure {
  member: number;
  error: unknown;
}

const ENDS = new Set(['die', 'destroy']);

/** The deaths of containers since the group began, from the engine's events. */
export class DeathWatch {
  private readonly deaths = new Map<string, number[]>();
  private wake: (() => void) | null = null;
  private readonly off: () => void;

  constructor(events: ContainerEvents | undefined) {
    this.off =
      events?.((event) => {
        if (event.type !== 'container' || !ENDS.has(event.action)) return;
        const times = this.deaths.get(event.id) ?? [];
        times.push(event.time ?? Number.POSITIVE_INFINITY);
        this.deaths.set(event.id, times);
        this.wake?.();
      }) ?? (() => undefined);
  }

  /** Whether `id` ended at or after `since` (its run's StartedAt, epoch ms). */
  ended(id: string, since: number): boolean {
    return (this.deaths.get(id) ?? []).some((time) => time >= since);
  }

  /** Resolves after `ms`, or as soon as `check` says a container ended. */
  until(ms: number, check: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (check()) done();
      };
      this.wake();
    });
  }

  close(): void {
    this.off();
  }
}

const startedMs = (inspect: RawContainerInspect): number => {
  const at = Date.parse(inspect.State.StartedAt ?? '');
  return Number.isFinite(at) ? at : 0;
};

/** Waits out the settle time of the members verify-up saw up; the first that did not stay up. */
export async function settle(contexts: readonly MoveContext[], settleMs: number, watch: DeathWatch): Promise<SettleFailure | null> {
  const members = contexts.flatMap((ctx, member) => (ctx.upAt && ctx.newId ? [{ ctx, member, id: ctx.newId, up: ctx.upAt }] : []));
  if (members.length === 0) return null;
  const died = (): { member: number } | undefined => members.find((m) => watch.ended(m.id, startedMs(m.up)));
  if (settleMs > 0) await watch.until(settleMs, () => died() !== undefined);
  const early = died();
  for (const m of early ? [members.find((x) => x.member === early.member)!] : members) {
    let again: RawContainerInspect | null;
    try {
      again = await m.ctx.ops.inspect(m.id);
    } catch (error) {
      return { member: m.member, error };
    }
    if (again === null) return { member: m.member, error: notUp('gone', null) };
    if (early || !stillUp(m.up, again)) return { member: m.member, error: notUp('failed', again) };
  }
  return null;
}
