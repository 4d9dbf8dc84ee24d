// One step of a re-create plan, one undo action, one recovery action: each as Engine API calls.
// The plan decides what to do (src/shared/isolation/recreate-plan.ts); this file only does it.
import type { RawContainerInspect } from '../../shared/engine-api';
import { SiloFailure, siloError } from '../../shared/errors';
import type { RecreatePlan, RecreateStep, UndoAction } from '../../shared/isolation/recreate-plan';
import type { RecoveryAction } from '../../shared/isolation/recreate-recovery';
import { upState } from '../../shared/isolation/recreate-recovery';
import type { EngineOps } from './engine-ops';

export interface VerifyOptions {
  /** How long a started container must stay up before it counts (a crash right after start fails it). */
  settleMs: number;
  pollMs: number;
  /** Without a healthcheck: how long to wait for it to be running. */
  runningDeadlineMs: number;
  /** The longest wait for a healthcheck to say healthy. */
  healthDeadlineCapMs: number;
}

export const DEFAULT_VERIFY: VerifyOptions = { settleMs: 1500, pollMs: 200, runningDeadlineMs: 30_000, healthDeadlineCapMs: 10 * 60_000 };

/** One container's move: the plan, and the ids the steps learn. */
export interface MoveContext {
  ops: EngineOps;
  plan: RecreatePlan;
  /** The new container, once created (or found under the name during a recovery). */
  newId: string | null;
  /** When the move began (epoch ms): a container under the name created since is the new one. */
  startedAt: number;
  verify: VerifyOptions;
  /**
   * The group settles its new containers together after the last one runs (settle.ts): verify-up
   * then only waits for running (or healthy) and keeps what it saw in `upAt`.
   */
  settleLater?: boolean;
  /** The new container as verify-up last saw it up (its StartedAt and RestartCount). */
  upAt?: RawContainerInspect;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function newContainer(ctx: MoveContext): string {
  if (ctx.newId === null) throw new SiloFailure(siloError('internal', { detail: 'no new container yet' }));
  return ctx.newId;
}

/** The healthcheck's own timing, in ms: start period, then (interval + timeout) per retry. */
function healthDeadline(ctx: MoveContext): number {
  const hc = ctx.plan.options.body.Healthcheck ?? {};
  const ns = (v: number | undefined, fallbackS: number): number => (v && v > 0 ? v / 1e6 : fallbackS * 1000);
  const total = ns(hc.StartPeriod, 0) + (ns(hc.Interval, 30) + ns(hc.Timeout, 30)) * ((hc.Retries && hc.Retries > 0 ? hc.Retries : 3) + 1) + 10_000;
  return Math.min(total, ctx.verify.healthDeadlineCapMs);
}

/** Still up as it was: running, and neither restarted nor started again since `before`. */
export function stillUp(before: RawContainerInspect, again: RawContainerInspect): boolean {
  const restarted = (again.RestartCount ?? 0) !== (before.RestartCount ?? 0) || again.State.StartedAt !== before.State.StartedAt;
  return upState(again, false) === 'up' && !restarted;
}

/** The container did not stay up: its state and exit code in the error. */
export function notUp(state: string, inspect: RawContainerInspect | null): SiloFailure {
  const exit = inspect?.State.ExitCode;
  return new SiloFailure(siloError('container-not-up', { params: { state, ...(exit !== undefined ? { exitCode: exit } : {}) } }));
}

/** Up: running (and healthy when it has a healthcheck), and still so after the settle time (or later, by the group). */
async function verifyUp(ctx: MoveContext, requireHealthy: boolean): Promise<void> {
  const id = newContainer(ctx);
  const deadline = Date.now() + (requireHealthy ? healthDeadline(ctx) : ctx.verify.runningDeadlineMs);
  const read = async (): Promise<RawContainerInspect> => {
    const inspect = await ctx.ops.inspect(id);
    if (inspect === null) throw new SiloFailure(siloError('container-not-up', { params: { state: 'gone' } }));
    return inspect;
  };
  let inspect = await read();
  let state = upState(inspect, requireHealthy);
  while (state === 'pending' && Date.now() < deadline) {
    await sleep(ctx.verify.pollMs);
    inspect = await read();
    state = upState(inspect, requireHealthy);
  }
  if (state === 'up' && ctx.settleLater) ctx.upAt = inspect;
  else if (state === 'up' && ctx.verify.settleMs > 0) {
    await sleep(ctx.verify.settleMs);
    const again = await read();
    if (!stillUp(inspect, again)) state = 'failed';
    inspect = again;
  }
  if (state !== 'up') throw notUp(state, inspect);
}

/**
 * Read back what the engine made: an engine may take a runtime and make the container under
 * another (Podman's API uses its default whatever is asked). The step fails, and the move rolls
 * back, rather than report a move that did not happen.
 */
async function madeAsAsked(ctx: MoveContext, id: string): Promise<void> {
  const target = ctx.plan.target;
  if (target.os !== 'linux') return;
  const made = await ctx.ops.inspect(id);
  const got = typeof made?.HostConfig?.Runtime === 'string' ? made.HostConfig.Runtime.trim() : '';
  // An engine that records no runtime (empty) used the one asked for or says nothing to compare.
  if (made === null || got === '' || got === target.runtime) return;
  // The step did not complete, so its undo will not run: the container it made goes here. Should
  // that fail, the rename back still finds it under the name as this move's (isOurs) and removes it.
  try {
    await ctx.ops.remove(id, true);
    ctx.newId = null;
  } catch {
    // left for the rename back
  }
  throw new SiloFailure(siloError('isolation-not-applied', { params: { asked: target.runtime, got } }));
}

export async function runStep(ctx: MoveContext, step: RecreateStep): Promise<void> {
  const { ops, plan } = ctx;
  const old = plan.containerId;
  switch (step.kind) {
    case 'disable-restart':
      return ops.setRestartPolicy(old, { Name: 'no', MaximumRetryCount: 0 });
    case 'stop':
      // The container's own stop timeout (10 s unless set), and a minute more for the engine.
      await ops.stop(old, ((plan.original.body.StopTimeout ?? 10) + 60) * 1000);
      if (step.untilRemoved) await ops.waitGone(old, 60_000);
      return;
    case 'commit':
      await ops.commit(old, step.image, step.pause);
      return;
    case 'rename':
      return ops.rename(old, step.to);
    case 'create':
      ctx.newId = (await ops.create(step.name, plan.options.body)).id;
      await madeAsAsked(ctx, ctx.newId);
      return;
    case 'connect': {
      const connect = plan.options.connect.find((c) => c.network === step.network);
      if (!connect) throw new SiloFailure(siloError('internal', { detail: `no connect body for ${step.network}` }));
      return ops.connect(step.network, connect.body);
    }
    case 'start':
      return ops.start(newContainer(ctx));
    case 'verify-up':
      return verifyUp(ctx, step.requireHealthy);
    case 'remove':
      return ops.remove(old, false);
  }
}

/** Whether the container under the name is the one this move created (its id, or made since, under the target). */
function isOurs(ctx: MoveContext, holder: RawContainerInspect): boolean {
  if (holder.Id === ctx.newId) return true;
  const target = ctx.plan.target;
  const isolation =
    target.os === 'linux' ? holder.HostConfig.Runtime === target.runtime : (holder.HostConfig.Isolation ?? '').toLowerCase() === target.isolation;
  return isolation && Date.parse(holder.Created) >= ctx.startedAt - 1000;
}

/** Give the old container its name back; a new one still holding the name (a create that answered late) goes first. */
async function renameBack(ctx: MoveContext, to: string): Promise<void> {
  const old = ctx.plan.containerId;
  try {
    await ctx.ops.rename(old, to);
  } catch (error) {
    if (!(error instanceof SiloFailure) || error.error.code !== 'name-conflict') throw error;
    const holder = await ctx.ops.inspect(to);
    if (holder === null || holder.Id === old || !isOurs(ctx, holder)) throw error;
    await ctx.ops.remove(holder.Id, true);
    await ctx.ops.rename(old, to);
  }
}

/** Create the original again (it removed itself): its settings, its isolation, its volumes by name. */
async function recreateOriginal(ctx: MoveContext, image: string | null): Promise<void> {
  const { ops, plan } = ctx;
  const body = image ? { ...plan.original.body, Image: image } : plan.original.body;
  const { id } = await ops.create(plan.name, body);
  for (const c of plan.original.connect) await ops.connect(c.network, c.body);
  if (plan.wasRunning) await ops.start(id);
}

const ignoreGone = async (run: () => Promise<void>): Promise<void> => {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof SiloFailure) || error.error.code !== 'container-not-found') throw error;
  }
};

export async function runAction(ctx: MoveContext, action: UndoAction | RecoveryAction): Promise<void> {
  const { ops, plan } = ctx;
  const old = plan.containerId;
  switch (action.kind) {
    case 'restore-restart-policy':
      return ops.setRestartPolicy(old, action.policy);
    case 'start':
      return ops.start(action.container === 'old' ? old : newContainer(ctx));
    case 'remove-image':
      return ops.removeImage(action.image);
    case 'rename':
      return renameBack(ctx, action.to);
    case 'remove':
      // Never with volumes: the original (or the new one) uses them.
      if (action.container === 'new') return ctx.newId === null ? undefined : ignoreGone(() => ops.remove(newContainer(ctx), true));
      return ignoreGone(() => ops.remove(old, true));
    case 'recreate-original':
      return recreateOriginal(ctx, action.image);
    case 'connect': {
      const connect = plan.options.connect.find((c) => c.network === action.network);
      if (connect) await ops.connect(action.network, connect.body);
      return;
    }
  }
}
