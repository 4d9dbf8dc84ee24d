// How a change of isolation is worded: runtimes, the advice's codes and parameters, the plan's
// steps, progress, outcomes, measured costs and recoveries. Pure: (data, t) → sentences.
import type { SiloError } from '../../../shared/errors';
import type { GvisorLimit, LimitSeverity } from '../../../shared/isolation/gvisor-limits';
import type { PlanIssue, RecreateStep } from '../../../shared/isolation/recreate-plan';
import type { WindowsCompat, WindowsCompatVerdict } from '../../../shared/isolation/windows-compat';
import type { CostSample } from '../../../shared/model/cost';
import type { Rung } from '../../../shared/model/isolation';
import type { ContainerMoveReport, KeptSettings, LayerChange, MoveProgress, RecoveryReport } from '../../../shared/model/move';
import type { MessageKey, Params, Translate } from '../../i18n';
import { isMessageKey } from '../../i18n';
import { describeError } from '../../format/errors';

/** The catalog key `prefix + value`, when the catalog has it (codes come from the host as strings). */
export function knownKey(prefix: string, value: string): MessageKey | null {
  const key = `${prefix}${value}`;
  return isMessageKey(key) ? key : null;
}

/** Product names are not translated; a plain runtime name (runc, crun) needs no second name. */
const PRODUCT_BY_RUNG: Partial<Record<Rung, string>> = {
  'user-space-kernel': 'gVisor',
  'virtual-machine': 'Kata Containers',
  'user-namespaced': 'Sysbox',
};

/**
 * A runtime or Windows mode as a person reads it, always with the engine's own name in it:
 * "gVisor (runsc)", "runc", "Hyper-V isolation (hyperv)".
 */
export function modeLabel(mode: string, rung: Rung, windows: boolean, t: Translate): string {
  if (windows) {
    const named = knownKey('move.windowsMode.', mode.toLowerCase());
    return named ? t('move.modeNamed', { product: t(named), mode }) : mode;
  }
  const product = PRODUCT_BY_RUNG[rung];
  return product && product.toLowerCase() !== mode.toLowerCase() ? t('move.modeNamed', { product, mode }) : mode;
}

// Windows ------------------------------------------------------------------

/** One sentence for a verdict on an image and this host, e.g. the Hyper-V advice for an old build. */
export function describeWindowsVerdict(verdict: WindowsCompatVerdict, t: Translate): string {
  const p = verdict.params;
  const params: Params = {
    imageBuild: p.imageBuild ?? '',
    hostBuild: p.hostBuild ?? '',
    imageVersion: p.imageVersion ?? '',
    hostVersion: p.hostVersion ?? '',
    minBuild: p.minBuild ?? '',
    maxBuild: p.maxBuild ?? '',
  };
  const hyperv = p.alternative === 'hyperv';
  switch (verdict.reason) {
    case 'image-build-mismatch':
      if (hyperv) return t('windows.mismatchUseHyperv', params);
      return p.minBuild !== null && p.minBuild === p.maxBuild ? t('windows.mismatchExact', params) : t('windows.mismatchRange', params);
    case 'image-newer-than-host':
      return t('windows.newerThanHost', params);
    case 'os-version-mismatch':
      return t('windows.osVersionMismatch', params);
    case 'process-isolation-unsupported':
      return t(hyperv ? 'windows.processUnsupportedUseHyperv' : 'windows.processUnsupported', params);
    case 'unknown-image-version':
      return t('windows.unknownImage', params);
    case 'unknown-host-version':
      return t('windows.unknownHost', params);
    case 'same-build':
      return t('windows.sameBuild', params);
    case 'within-ltsc-window':
      return t('windows.withinWindow', params);
    case 'older-image-in-vm':
      return t('windows.olderInVm', params);
  }
}

// Advice -------------------------------------------------------------------

export function describeLimit(limit: Pick<GvisorLimit, 'code' | 'params'>, t: Translate): string {
  const key = knownKey('limit.', limit.code);
  return key ? t(key, limit.params) : t('limit.other', { code: limit.code });
}

export function severityName(severity: LimitSeverity, t: Translate): string {
  return t(`severity.${severity}`);
}

/** A blocker or warning of the plan; Windows build problems use the full verdict when the advice has it. */
export function describeIssue(issue: PlanIssue, t: Translate, windows: WindowsCompat | null = null, target = ''): string {
  const p = issue.params;
  if (issue.code === 'gvisor-limit') {
    return describeLimit({ code: String(p['limit'] ?? '') as GvisorLimit['code'], params: p }, t);
  }
  if (issue.code === 'windows-build-incompatible' || issue.code === 'windows-build-unknown') {
    const mode = target.toLowerCase();
    const verdict = windows && (mode === 'process' || mode === 'hyperv') ? windows[mode] : null;
    if (verdict) return describeWindowsVerdict(verdict, t);
    const reason = String(p['reason'] ?? '');
    return describeWindowsVerdict(
      {
        mode: 'process',
        ok: issue.code === 'windows-build-unknown' ? null : false,
        reason: (knownReason(reason) ?? 'unknown-image-version') as WindowsCompatVerdict['reason'],
        params: {
          imageBuild: toNumber(p['imageBuild']),
          hostBuild: toNumber(p['hostBuild']),
          imageVersion: null,
          hostVersion: null,
          minBuild: null,
          maxBuild: null,
          alternative: null,
        },
      },
      t,
    );
  }
  const key = knownKey('plan.issue.', issue.code);
  return key ? t(key, { target, ...p }) : t('plan.issue.other', { code: issue.code });
}

const REASONS = [
  'same-build',
  'within-ltsc-window',
  'older-image-in-vm',
  'image-build-mismatch',
  'image-newer-than-host',
  'os-version-mismatch',
  'process-isolation-unsupported',
  'unknown-image-version',
  'unknown-host-version',
];
const knownReason = (reason: string): string | null => (REASONS.includes(reason) ? reason : null);
const toNumber = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/**
 * The advice split for the dialog: blockers (gVisor limits that block included), warnings other
 * than gVisor limits, and the gVisor limits that do not block, each with its severity.
 */
export function splitAdvice(advice: { blockers: PlanIssue[]; warnings: PlanIssue[]; gvisorLimits: GvisorLimit[] }): {
  blockers: PlanIssue[];
  warnings: PlanIssue[];
  limits: GvisorLimit[];
} {
  return {
    blockers: advice.blockers,
    warnings: advice.warnings.filter((w) => w.code !== 'gvisor-limit'),
    limits: advice.gvisorLimits.filter((l) => l.severity !== 'blocks'),
  };
}

// The plan ------------------------------------------------------------------

/** One step of the plan, in a sentence (what Silo will do, in order). */
export function describePlanStep(step: RecreateStep, t: Translate, target: string): string {
  switch (step.kind) {
    case 'disable-restart':
      return t('plan.step.disable-restart');
    case 'stop':
      return t(step.untilRemoved ? 'plan.step.stopUntilRemoved' : 'plan.step.stop');
    case 'commit':
      return t(step.pause ? 'plan.step.commitPaused' : 'plan.step.commit', { image: step.image });
    case 'rename':
      return t('plan.step.rename', { to: step.to });
    case 'create':
      return t('plan.step.create', { name: step.name, target });
    case 'connect':
      return t('plan.step.connect', { network: step.network });
    case 'start':
      return t('plan.step.start');
    case 'verify-up':
      return t(step.requireHealthy ? 'plan.step.verifyHealthy' : 'plan.step.verifyUp');
    case 'remove':
      return t('plan.step.remove');
  }
}

/** A step, undo or recovery action as progress reports it (only its kind is known there). */
export function describeProgressStep(progress: Pick<MoveProgress, 'phase' | 'step'>, t: Translate): string {
  if (progress.phase === 'finish') return t('progress.finish');
  const key = knownKey(progress.phase === 'step' ? 'step.' : 'undo.', progress.step);
  return key ? t(key) : progress.step;
}

export interface StepState {
  status: 'waiting' | MoveProgress['status'];
  error: SiloError | null;
}

/**
 * Per step of one container's plan, what progress said last; undo actions after it, in the
 * order they ran. Events of other containers and operations are ignored.
 */
export function progressOf(events: readonly MoveProgress[], containerId: string, steps: number): { steps: StepState[]; undo: MoveProgress[] } {
  const out: StepState[] = Array.from({ length: steps }, () => ({ status: 'waiting', error: null }));
  const undo = new Map<number, MoveProgress>();
  for (const e of events) {
    if (e.containerId !== containerId) continue;
    if (e.phase === 'step' && e.index >= 0 && e.index < steps) out[e.index] = { status: e.status, error: e.error };
    else if (e.phase === 'undo' || e.phase === 'recover') undo.set(e.index, e);
  }
  return { steps: out, undo: [...undo.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e) };
}

// What is kept ----------------------------------------------------------------

/** Term and value pairs for "what the new container keeps". */
export function describeKeeps(keeps: KeptSettings, t: Translate): Array<{ term: string; value: string }> {
  const none = t('keep.none');
  const list = (items: readonly string[]): string => (items.length === 0 ? none : items.join(t('list.separator')));
  const rows = [
    { term: t('keep.image'), value: t(`keep.imageReason.${keeps.imageReason}`, { image: keeps.image }) },
    {
      term: t('keep.volumes'),
      value: list(
        keeps.volumes.map((v) =>
          t(v.anonymous ? (v.readOnly ? 'keep.volumeAnonymousRo' : 'keep.volumeAnonymous') : v.readOnly ? 'keep.volumeNamedRo' : 'keep.volumeNamed', {
            name: v.anonymous ? v.name.slice(0, 12) : v.name,
            destination: v.destination,
          }),
        ),
      ),
    },
    { term: t('keep.binds'), value: list(keeps.binds) },
    { term: t('keep.networks'), value: list(keeps.networks) },
    { term: t('keep.ports'), value: list(keeps.ports) },
    { term: t('keep.restart'), value: describeRestartPolicy(keeps.restartPolicy, t) },
    { term: t('keep.envAndLabels'), value: t('keep.counts', { env: keeps.env, labels: keeps.labels }) },
    { term: t('keep.state'), value: t(keeps.running ? 'keep.running' : 'keep.notRunning') },
  ];
  return rows;
}

/** `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:3`, in words. */
export function describeRestartPolicy(policy: string, t: Translate): string {
  const m = /^on-failure:(\d+)$/.exec(policy);
  if (m) return t('keep.restartRetries', { count: Number(m[1]) });
  const key = knownKey('create.restartPolicy.', policy);
  return key ? t(key) : policy;
}

export function describeNotes(keeps: Pick<KeptSettings, 'notes'>, t: Translate): string[] {
  return keeps.notes.map((note) => {
    const key = knownKey('keep.note.', note);
    return key ? t(key) : note;
  });
}

export function describeLayerChange(change: LayerChange, t: Translate): string {
  return t(`layer.kind.${change.kind}`, { path: change.path });
}

// Outcomes ------------------------------------------------------------------

export interface OutcomeWords {
  tone: 'ok' | 'bad' | 'warn';
  lines: string[];
}

/** What became of one container, in plain words; `after` is the target as the person chose it. */
export function describeMoveOutcome(report: ContainerMoveReport, after: { label: string; rung: string }, t: Translate): OutcomeWords {
  const name = report.name;
  const reason = report.error ? describeError(report.error, t) : '';
  const step = report.failedStep ? describeProgressStep({ phase: 'step', step: report.failedStep }, t) : '';
  const said = report.error?.detail ? [t('outcome.engineSaid', { detail: report.error.detail })] : [];
  switch (report.outcome) {
    case 'moved': {
      const lines = [t('outcome.moved', { name, target: after.label, rung: after.rung })];
      if (report.keptImage) lines.push(t('outcome.keptImage', { image: report.keptImage }));
      if (report.leftover) lines.push(t('outcome.leftover', { aside: report.leftover, reason }), ...said);
      for (const w of report.warnings.filter((w) => w.code !== 'gvisor-limit')) lines.push(describeIssue(w, t, null, after.label));
      return { tone: report.leftover ? 'warn' : 'ok', lines };
    }
    case 'restored':
      return {
        tone: 'bad',
        lines: [
          report.failedStep ? t('outcome.failedAt', { name, step, reason }) : t('outcome.failed', { name, reason }),
          ...said,
          t('outcome.restored', { name }),
        ],
      };
    case 'unrecovered': {
      const rollback = report.rollback;
      const undoStep = rollback?.failedAction ? describeProgressStep({ phase: 'undo', step: rollback.failedAction }, t) : '';
      return {
        tone: 'bad',
        lines: [
          report.failedStep ? t('outcome.failedAt', { name, step, reason }) : t('outcome.failed', { name, reason }),
          ...said,
          t('outcome.unrecovered', { name, action: undoStep, reason: rollback?.error ? describeError(rollback.error, t) : '' }),
        ],
      };
    }
    case 'unchanged':
      return { tone: 'warn', lines: [t('outcome.unchanged', { name })] };
    case 'already-there':
      return { tone: 'ok', lines: [t('outcome.alreadyThere', { name, target: after.label })] };
  }
}

// Cost ----------------------------------------------------------------------

const MIB = 1024 * 1024;

export function formatMs(ms: number | null, t: Translate): string {
  if (ms === null) return t('cost.notMeasured');
  return t('cost.ms', { value: ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10 });
}

export function formatMemory(bytes: number | null, t: Translate): string {
  if (bytes === null) return t('cost.notMeasured');
  return t('cost.mib', { value: Math.round((bytes / MIB) * 10) / 10 });
}

/** Start-up time and memory of one sample; its error in words when it failed. */
export function describeCostSample(sample: CostSample, t: Translate): { startup: string; memory: string; detail: string; error: string | null } {
  return {
    startup: formatMs(sample.totalMs, t),
    memory: formatMemory(sample.memoryBytes, t),
    detail: t('cost.split', { create: formatMs(sample.createMs, t), start: formatMs(sample.startMs, t) }),
    error: sample.error ? describeError(sample.error, t) + (sample.error.detail ? ` ${t('outcome.engineSaid', { detail: sample.error.detail })}` : '') : null,
  };
}

/** "+120 ms, +8.5 MiB than runc": how much more the target costs than the reference, when both ran. */
export function describeCostDifference(target: CostSample, reference: CostSample | null, t: Translate): string | null {
  if (!reference || target.totalMs === null || reference.totalMs === null) return null;
  const dt = Math.round(target.totalMs - reference.totalMs);
  const memory =
    target.memoryBytes !== null && reference.memoryBytes !== null ? Math.round(((target.memoryBytes - reference.memoryBytes) / MIB) * 10) / 10 : null;
  const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`);
  return memory === null
    ? t('cost.differenceTime', { time: signed(dt), reference: reference.mode })
    : t('cost.difference', { time: signed(dt), memory: signed(memory), reference: reference.mode });
}

// Recoveries ------------------------------------------------------------------

/** One line per container of a recovery Silo made on its own. */
export function describeRecovery(report: RecoveryReport, t: Translate): string[] {
  return report.containers.map((c) => {
    if (!c.ok) return t('recovery.failed', { name: c.name, reason: describeError(c.error, t) });
    return t(c.outcome === 'moved' ? 'recovery.finished' : 'recovery.restored', { name: c.name });
  });
}
