// A container's effective boundary (docs/isolation.md, "The effective boundary"): from its inspect
// and the engine's GET /info, the rung and every finding that weakens or strengthens it, each
// weakening judged on that rung (boundary-reach.ts). Pure; main passes the binds it resolved
// (bind-sources.ts) and the root-access findings it already computed from them.
import type { RawContainerInspect } from '../engine-api';
import type { Boundary, BoundaryFinding, BoundarySeverity, BoundaryVerdict } from '../model/boundary';
import type { EngineInfo } from '../model/engine';
import type { EffectiveIsolation } from '../model/isolation';
import type { RootFinding } from '../model/root-access';
import type { Draft } from './boundary-draft';
import { unknown } from './boundary-draft';
import { linuxDrafts } from './boundary-linux';
import { homeDrafts, rootDrafts } from './boundary-paths';
import { judge, severityRank, worse } from './boundary-reach';
import { SOURCES } from './boundary-sources';
import { windowsDrafts } from './boundary-windows';
import { resolveIsolation } from './resolve';
import { choicesFromInspect, hostPathsOf, rootFindings, type ContainerChoices } from './root-access';

export interface BoundaryInput {
  inspect: RawContainerInspect;
  info: EngineInfo;
  /** Resolved already (resolve.ts); computed from the inspect when absent. */
  isolation?: EffectiveIsolation;
  /** The binds as main resolved them; read from the inspect, unresolved, when absent. */
  choices?: ContainerChoices;
  /** The root-access findings of those binds; computed from them when absent. */
  rootAccess?: readonly RootFinding[];
  /** The address Silo is connected to: its socket is the engine's. */
  endpointHost?: string | null;
}

const EFFECT_ORDER = { weakens: 0, strengthens: 1, unknown: 2 } as const;

function finish(draft: Draft, isolation: EffectiveIsolation): BoundaryFinding {
  if (draft.effect !== 'weakens')
    return { code: draft.code, effect: draft.effect, severity: null, setting: draft.setting, detail: draft.detail, reach: null, source: draft.source };
  const judged = judge(draft.kind, draft.severity, isolation.rung);
  return {
    code: draft.code,
    effect: 'weakens',
    severity: judged.severity,
    setting: draft.setting,
    detail: draft.detail,
    reach: judged.reach,
    source: draft.source,
  };
}

/** Medium or worse is `weakened`: every default container runs as root without limits, which is low. */
function verdictOf(worst: BoundarySeverity | null, findings: readonly BoundaryFinding[]): BoundaryVerdict {
  if (worst !== null && severityRank(worst) >= severityRank('medium')) return 'weakened';
  if (findings.some((f) => f.effect === 'unknown')) return 'unknown';
  if (findings.some((f) => f.effect === 'strengthens')) return 'strengthened';
  return 'default';
}

export function computeBoundary(input: BoundaryInput): Boundary {
  const { inspect, info } = input;
  const isolation = input.isolation ?? resolveIsolation(inspect.HostConfig, info);
  const choices = input.choices ?? choicesFromInspect(inspect);
  const rootAccess = input.rootAccess ?? rootFindings(choices, hostPathsOf(info, input.endpointHost ?? null));
  const windows = info.osType === 'windows';
  const drafts: Draft[] = [
    ...rootDrafts(rootAccess),
    ...(windows ? [] : homeDrafts(choices)),
    ...(windows ? windowsDrafts(inspect) : linuxDrafts(inspect, info.hardening)),
  ];
  if (isolation.rung === 'unknown') drafts.push(unknown('rung-unknown', isolation.mode, SOURCES.inspect));
  const findings = drafts
    .map((d) => finish(d, isolation))
    .sort((a, b) => EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] || severityRank(b.severity) - severityRank(a.severity));
  let worst: BoundarySeverity | null = null;
  for (const f of findings) if (f.severity !== null) worst = worse(worst, f.severity);
  return {
    rung: isolation.rung,
    verdict: verdictOf(worst, findings),
    worst,
    reachesEngine: findings.some((f) => f.reach === 'engine'),
    privileged: inspect.HostConfig?.Privileged === true,
    findings,
  };
}
