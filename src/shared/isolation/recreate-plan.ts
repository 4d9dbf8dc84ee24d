// The plan to move a container to another isolation, as data: what to check first, the steps, and
// what undoes each one (docs/security.md, "Moving a container": nothing dropped silently, the original restored
// on any failure). The steps run in src/main/isolation; this file decides, it does no I/O.
import type { RawContainerInspect } from '../engine-api';
import type { EngineInfo } from '../model/engine';
import { buildCreateOptions, containerName, type CreateOptions, type IsolationTarget } from './recreate-options';
import { gvisorLimits, type GvisorLimit } from './gvisor-limits';
import type { WindowsCompat } from './windows-compat';
import { isWindowsInspect } from './recreate-mounts';
import { classifyRuntime } from './ladder';
import { sameRuntime } from './runtime-aliases';
import { runtimeChoosable } from './engine-info';

/** What happens to changes in the writable layer (GET /containers/{id}/changes): the person says. */
export type WritableLayerChoice = 'empty' | 'commit' | 'discard';

export type Ref = 'old' | 'new';

export type RecreateStep =
  // So that a daemon restart cannot start the old one again. After the stop: updating a running
  // runsc container fails (the engine calls the runtime's `update`; seen with runsc 20221219).
  | { kind: 'disable-restart'; container: 'old' }
  // An auto-remove container is removed by its stop: wait until it is gone.
  | { kind: 'stop'; container: 'old'; untilRemoved: boolean }
  | { kind: 'commit'; container: 'old'; image: string; pause: boolean }
  | { kind: 'rename'; container: 'old'; to: string }
  | { kind: 'create'; name: string } // with plan.options.body
  | { kind: 'connect'; network: string } // with the matching plan.options.connect body
  | { kind: 'start'; container: 'new' }
  | { kind: 'verify-up'; container: 'new'; requireHealthy: boolean }
  // Never with its volumes: the new one uses them. The point of no return: a failure here leaves
  // the old container aside (reported), it does not undo the move.
  | { kind: 'remove'; container: 'old'; volumes: false };

export type UndoAction =
  | { kind: 'restore-restart-policy'; container: 'old'; policy: { Name: string; MaximumRetryCount: number } }
  | { kind: 'start'; container: 'old' }
  | { kind: 'remove-image'; image: string }
  | { kind: 'rename'; container: 'old'; to: string }
  | { kind: 'remove'; container: 'new'; force: true; volumes: false }
  // The old container removed itself (auto-remove): create it again from plan.original.
  | { kind: 'recreate-original'; image: string | null };

export type PlanIssueCode =
  | 'same-isolation'
  | 'unknown-runtime'
  | 'runtime-not-choosable'
  | 'invalid-isolation'
  | 'container-paused'
  | 'writable-layer-not-checked'
  | 'duplicate-mount-destination'
  | 'hyperv-shared-network'
  | 'windows-build-incompatible'
  | 'windows-build-unknown'
  | 'gvisor-limit'
  | 'writable-layer-hidden'; // the container runs on gVisor now: its changes list can miss files

export interface PlanIssue {
  code: PlanIssueCode;
  params: Record<string, string | number>;
}

export interface RecreatePlan {
  containerId: string;
  name: string;
  /** Where the old container waits until the new one is up: deterministic, so a crash can be recovered. */
  asideName: string;
  wasRunning: boolean;
  autoRemove: boolean;
  target: IsolationTarget;
  options: CreateOptions;
  /** The same container under its current isolation: to create it again if it removed itself. */
  original: CreateOptions;
  steps: RecreateStep[];
  /** Anything here stops the plan before its first step. */
  blockers: PlanIssue[];
  warnings: PlanIssue[];
  gvisorLimits: GvisorLimit[];
}

export interface PlanInput {
  /** The person's answer about the writable layer; undefined = not looked at yet (a blocker). */
  writableLayer?: WritableLayerChoice;
  engine?: Pick<EngineInfo, 'osType' | 'runtimes' | 'defaultRuntime' | 'defaultIsolation' | 'name'> & Partial<Pick<EngineInfo, 'kind'>>;
  /** The image's compatibility with this Windows host, when moving a Windows container. */
  windowsCompat?: WindowsCompat;
  /** Create from this image reference instead of Config.Image (see chooseImage). */
  image?: string;
}

/** `<name>-silo-old-<short id>`: where the old container waits. */
export const asideName = (inspect: Pick<RawContainerInspect, 'Id' | 'Name'>): string => `${containerName(inspect)}-silo-old-${inspect.Id.slice(0, 12)}`;

/** `silo-keep/<name>:<short id>`: the commit of the writable layer (a repository name is lowercase). */
export function keepImageName(inspect: Pick<RawContainerInspect, 'Id' | 'Name'>): string {
  const repo =
    containerName(inspect)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[._-]+|[._-]+$/g, '') || 'container';
  return `silo-keep/${repo}:${inspect.Id.slice(0, 12)}`;
}

/** The isolation a container runs under now, as a target. */
export function currentTarget(inspect: RawContainerInspect, engine?: PlanInput['engine']): IsolationTarget {
  if (isWindowsInspect(inspect)) {
    const mode = (inspect.HostConfig.Isolation ?? '').toLowerCase();
    return { os: 'windows', isolation: mode === 'hyperv' ? 'hyperv' : mode === 'process' ? 'process' : (engine?.defaultIsolation ?? 'process') };
  }
  return { os: 'linux', runtime: inspect.HostConfig.Runtime || engine?.defaultRuntime || 'runc' };
}

/**
 * Which image the new container is created from. Config.Image keeps the name the person chose,
 * but only while it still names the same image; otherwise the image id keeps what ran.
 */
export function chooseImage(
  inspect: Pick<RawContainerInspect, 'Image' | 'Config'>,
  resolvedId: string | null,
): { image: string; reason: 'same-image' | 'reference-moved' | 'reference-missing' } {
  const reference = inspect.Config.Image ?? '';
  if (reference !== '' && resolvedId === inspect.Image) return { image: reference, reason: 'same-image' };
  return { image: inspect.Image, reason: resolvedId === null ? 'reference-missing' : 'reference-moved' };
}

/** The same isolation: equal, or two names of one runtime (runc and `io.containerd.runc.v2`). */
function sameIsolation(current: IsolationTarget, target: IsolationTarget, runtimes: readonly { name: string }[]): boolean {
  if (current.os === 'linux' && target.os === 'linux') return sameRuntime(current.runtime, target.runtime, runtimes);
  return JSON.stringify(current) === JSON.stringify(target);
}

function issues(
  inspect: RawContainerInspect,
  target: IsolationTarget,
  options: CreateOptions,
  input: PlanInput,
  limits: GvisorLimit[],
): { blockers: PlanIssue[]; warnings: PlanIssue[] } {
  const blockers: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const windows = isWindowsInspect(inspect);
  const current = currentTarget(inspect, input.engine);
  const targetName = target.os === 'linux' ? target.runtime : target.isolation;

  if ((target.os === 'windows') !== windows) blockers.push({ code: 'invalid-isolation', params: { target: targetName } });
  else if (sameIsolation(current, target, input.engine?.runtimes ?? [])) blockers.push({ code: 'same-isolation', params: { target: targetName } });
  if (target.os === 'linux' && input.engine && !input.engine.runtimes.some((r) => r.name === target.runtime)) {
    blockers.push({ code: 'unknown-runtime', params: { runtime: target.runtime } });
  } else if (target.os === 'linux' && input.engine && !runtimeChoosable(input.engine, target.runtime)) {
    blockers.push({ code: 'runtime-not-choosable', params: { runtime: target.runtime, default: input.engine.defaultRuntime ?? '' } });
  }
  if (inspect.State.Paused === true) blockers.push({ code: 'container-paused', params: {} });
  if (input.writableLayer === undefined) blockers.push({ code: 'writable-layer-not-checked', params: {} });
  if (current.os === 'linux') {
    const rung = input.engine?.runtimes.find((r) => r.name === current.runtime)?.rung ?? classifyRuntime(current.runtime);
    if (rung === 'user-space-kernel') warnings.push({ code: 'writable-layer-hidden', params: { runtime: current.runtime } });
  }
  if (options.duplicateMounts.length > 0) blockers.push({ code: 'duplicate-mount-destination', params: { destinations: options.duplicateMounts.join(', ') } });
  if (target.os === 'windows' && target.isolation === 'hyperv' && (inspect.HostConfig.NetworkMode ?? '').startsWith('container:')) {
    blockers.push({ code: 'hyperv-shared-network', params: {} });
  }
  if (target.os === 'windows' && input.windowsCompat) {
    const verdict = input.windowsCompat[target.isolation];
    const params = { reason: verdict.reason, imageBuild: verdict.params.imageBuild ?? '', hostBuild: verdict.params.hostBuild ?? '' };
    if (verdict.ok === false) blockers.push({ code: 'windows-build-incompatible', params });
    if (verdict.ok === null) warnings.push({ code: 'windows-build-unknown', params });
  }
  for (const limit of limits) {
    (limit.severity === 'blocks' ? blockers : warnings).push({
      code: 'gvisor-limit',
      params: { limit: limit.code, severity: limit.severity, ...limit.params },
    });
  }
  return { blockers, warnings };
}

/** The plan to re-create `inspect` under `target`. */
export function planRecreate(inspect: RawContainerInspect, target: IsolationTarget, input: PlanInput = {}): RecreatePlan {
  const engineHostname = input.engine?.name || undefined;
  const commit = input.writableLayer === 'commit';
  const keep = keepImageName(inspect);
  const image = commit ? keep : input.image;
  const options = buildCreateOptions(inspect, target, { image, engineHostname });
  const original = buildCreateOptions(inspect, currentTarget(inspect, input.engine), { image: input.image, engineHostname });

  const runtime = target.os === 'linux' ? input.engine?.runtimes.find((r) => r.name === target.runtime) : undefined;
  const limits = runtime?.rung === 'user-space-kernel' ? gvisorLimits(inspect, runtime) : [];
  const { blockers, warnings } = issues(inspect, target, options, input, limits);

  const wasRunning = inspect.State.Running === true || inspect.State.Restarting === true;
  const autoRemove = inspect.HostConfig.AutoRemove === true;
  const aside = asideName(inspect);
  const steps: RecreateStep[] = [];
  const policy = inspect.HostConfig.RestartPolicy?.Name ?? '';
  const create: RecreateStep[] = [
    { kind: 'create', name: options.name },
    ...options.connect.map((c): RecreateStep => ({ kind: 'connect', network: c.network })),
  ];
  const startNew: RecreateStep[] = wasRunning
    ? [
        { kind: 'start', container: 'new' },
        {
          kind: 'verify-up',
          container: 'new',
          requireHealthy: Boolean(inspect.Config.Healthcheck?.Test?.length && inspect.Config.Healthcheck.Test[0] !== 'NONE'),
        },
      ]
    : [];

  if (autoRemove) {
    // Stopping it removes it: commit while it runs (paused), set it aside running, create the new
    // one first (so its volumes stay in use), and only then stop it.
    if (commit) steps.push({ kind: 'commit', container: 'old', image: keep, pause: true });
    steps.push({ kind: 'rename', container: 'old', to: aside }, ...create);
    steps.push(wasRunning ? { kind: 'stop', container: 'old', untilRemoved: true } : { kind: 'remove', container: 'old', volumes: false });
    steps.push(...startNew);
  } else {
    // Stopped before the commit, so nothing is written after the snapshot.
    if (wasRunning) steps.push({ kind: 'stop', container: 'old', untilRemoved: false });
    if (policy !== '' && policy !== 'no') steps.push({ kind: 'disable-restart', container: 'old' });
    if (commit) steps.push({ kind: 'commit', container: 'old', image: keep, pause: false });
    steps.push({ kind: 'rename', container: 'old', to: aside }, ...create, ...startNew);
    steps.push({ kind: 'remove', container: 'old', volumes: false });
  }

  return {
    containerId: inspect.Id,
    name: options.name,
    asideName: aside,
    wasRunning,
    autoRemove,
    target,
    options,
    original,
    steps,
    blockers,
    warnings,
    gvisorLimits: limits,
  };
}

/** What undoes one step, or null when a later undo covers it (or it is the point of no return). */
export function undoOf(plan: RecreatePlan, step: RecreateStep): UndoAction | null {
  switch (step.kind) {
    case 'disable-restart': {
      const p = plan.original.body.HostConfig.RestartPolicy;
      return { kind: 'restore-restart-policy', container: 'old', policy: { Name: p?.Name ?? 'no', MaximumRetryCount: p?.MaximumRetryCount ?? 0 } };
    }
    case 'stop':
      return step.untilRemoved ? null : { kind: 'start', container: 'old' };
    case 'commit':
      return { kind: 'remove-image', image: step.image };
    case 'rename':
      return { kind: 'rename', container: 'old', to: plan.name };
    case 'create':
      return { kind: 'remove', container: 'new', force: true, volumes: false };
    default:
      return null;
  }
}

/**
 * The undo actions, in order, after the first `completed` steps succeeded and the next failed. When
 * an auto-remove original is gone, it is created again (from the commit, if one was made).
 */
export function rollbackActions(plan: RecreatePlan, completed: number): UndoAction[] {
  const done = plan.steps.slice(0, completed);
  const oldGone = done.some((s) => s.kind === 'stop' && s.untilRemoved);
  const committed = done.find((s): s is Extract<RecreateStep, { kind: 'commit' }> => s.kind === 'commit');
  const actions: UndoAction[] = [];
  for (const step of [...done].reverse()) {
    const undo = undoOf(plan, step);
    if (undo === null) continue;
    if (oldGone && (undo.kind === 'rename' || undo.kind === 'restore-restart-policy' || undo.kind === 'remove-image')) continue;
    actions.push(undo);
  }
  if (oldGone) actions.push({ kind: 'recreate-original', image: committed ? committed.image : null });
  return actions;
}
