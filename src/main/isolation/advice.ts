// The advice a person reads before a move, from what was gathered and the plan: pure.
import { classifyRuntime, classifyWindowsIsolation } from '../../shared/isolation';
import { moveTargets } from '../../shared/isolation/gvisor-limits';
import { bindParts, isWindowsInspect } from '../../shared/isolation/recreate-mounts';
import { currentTarget } from '../../shared/isolation/recreate-plan';
import type { IsolationTarget } from '../../shared/isolation/recreate-options';
import type { RawChange } from '../../shared/isolation/writable-layer';
import type { EngineInfo } from '../../shared/model/engine';
import type { KeptSettings, LadderPosition, LayerChange, MoveAdvice, WritableLayerDecision } from '../../shared/model/move';
import type { Gathered, Planned } from './planning';

const SAMPLE = 20;
const COMPOSE_PROJECT = 'com.docker.compose.project';

export function ladderPosition(target: IsolationTarget, engine: Pick<EngineInfo, 'runtimes'>): LadderPosition {
  if (target.os === 'windows') return { mode: target.isolation, rung: classifyWindowsIsolation(target.isolation) };
  const listed = engine.runtimes.find((r) => r.name === target.runtime);
  return { mode: target.runtime, rung: listed ? listed.rung : classifyRuntime(target.runtime) };
}

export function layerChanges(changes: readonly RawChange[]): LayerChange[] {
  return changes.slice(0, SAMPLE).map((c) => ({ path: c.Path, kind: c.Kind === 0 ? 'modified' : c.Kind === 1 ? 'added' : 'deleted' }));
}

function keptSettings(g: Gathered, planned: Planned): KeptSettings {
  const { plan } = planned;
  const hc = plan.options.body.HostConfig;
  const windows = isWindowsInspect(g.inspect);
  const binds = [
    ...(hc.Binds ?? []).filter((b) => {
      const source = bindParts(b, windows).source;
      return source.startsWith('/') || /^[A-Za-z]:|^\\\\/.test(source);
    }),
    ...(hc.Mounts ?? []).filter((m) => (m.Type ?? '').toLowerCase() === 'bind').map((m) => `${m.Source ?? ''}:${m.Target ?? ''}${m.ReadOnly ? ':ro' : ''}`),
  ];
  const ports = Object.entries(hc.PortBindings ?? {}).flatMap(([port, list]) =>
    (list ?? []).map((b) => `${b.HostIp ? `${b.HostIp}:` : ''}${b.HostPort ?? ''}->${port}`),
  );
  const policy = hc.RestartPolicy;
  const networks = Object.keys(g.inspect.NetworkSettings?.Networks ?? {});
  const committed = plan.steps.some((s) => s.kind === 'commit');
  return {
    image: plan.options.body.Image ?? '',
    imageReason: committed ? 'commit' : planned.image.reason,
    volumes: plan.options.volumes.map((v) => ({ name: v.name, destination: v.destination, anonymous: v.anonymous, readOnly: v.readOnly })),
    binds,
    networks: networks.length > 0 ? networks.sort() : [hc.NetworkMode ?? ''].filter((n) => n !== ''),
    ports,
    restartPolicy: policy?.Name === 'on-failure' && policy.MaximumRetryCount ? `on-failure:${policy.MaximumRetryCount}` : policy?.Name || 'no',
    env: plan.options.body.Env?.length ?? 0,
    labels: Object.keys(plan.options.body.Labels ?? {}).length,
    running: plan.wasRunning,
    notes: plan.options.notes,
  };
}

export function buildAdvice(g: Gathered, target: IsolationTarget, planned: Planned, choice: WritableLayerDecision | undefined): MoveAdvice {
  const { plan } = planned;
  const current = currentTarget(g.inspect, g.engine);
  const currentName = current.os === 'linux' ? current.runtime : current.isolation;
  const changes = g.changes ?? [];
  const alreadyThere = plan.blockers.some((b) => b.code === 'same-isolation');
  return {
    containerId: g.inspect.Id,
    name: plan.name,
    before: ladderPosition(current, g.engine),
    after: ladderPosition(target, g.engine),
    targets: moveTargets(g.engine, currentName),
    alreadyThere,
    // The writable layer was looked at: whether to keep it is the person's question, not a blocker.
    // A member already there is left as it is: nothing about it can stop the others.
    blockers: alreadyThere ? [] : plan.blockers.filter((b) => b.code !== 'writable-layer-not-checked'),
    warnings: plan.warnings,
    gvisorLimits: plan.gvisorLimits,
    // The engine's own default: 10 s (30 s on Windows) unless the container sets its own.
    graceSeconds: g.inspect.Config.StopTimeout ?? (isWindowsInspect(g.inspect) ? 30 : 10),
    mustAcknowledge: alreadyThere ? [] : plan.gvisorLimits.filter((l) => l.severity === 'warns').map((l) => l.code),
    writableLayer: {
      changed: g.changes === null ? true : changes.length > 0,
      count: changes.length,
      sample: layerChanges(changes),
      mayBeIncomplete: plan.warnings.some((w) => w.code === 'writable-layer-hidden') || g.changes === null,
      choiceRequired: planned.choiceRequired,
      choice: choice ?? null,
    },
    keeps: keptSettings(g, planned),
    steps: plan.steps,
    windows: planned.windows,
    composeProject: g.inspect.Config.Labels?.[COMPOSE_PROJECT] ?? null,
  };
}
