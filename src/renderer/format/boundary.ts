// A container's effective boundary (src/shared/isolation/boundary.ts) in the person's words: each
// finding's sentence, what it reaches on this rung, its source, and the row's mark.
import { WEAKENING_CODES, type Boundary, type BoundaryCode, type BoundaryFinding } from '../../shared/model/boundary';
import type { RootFindingCode } from '../../shared/model/root-access';
import type { MessageKey, Translate } from '../i18n';
import { describeFinding } from './root-access';

const rootCode = (code: BoundaryCode): RootFindingCode | null => (code.startsWith('root:') ? (code.slice(5) as RootFindingCode) : null);

/** What the finding lets a process in the container do. */
export function describeBoundaryFinding(f: BoundaryFinding, t: Translate): string {
  const root = rootCode(f.code);
  if (root) return describeFinding({ code: root, setting: f.setting, path: f.detail }, t);
  if (f.code === 'cap-add') {
    const name = f.detail ?? '';
    const key = `boundary.cap.${name}` as MessageKey;
    const capability = key in CAP_KEYS ? t(key) : t('boundary.cap.other');
    return t('boundary.finding.cap-add', { setting: f.setting, capability });
  }
  return t(`boundary.finding.${f.code as Exclude<BoundaryCode, `root:${string}`>}`, { setting: f.setting, detail: f.detail ?? '' });
}

/** The capabilities with a sentence of their own (boundary-caps.ts's table). */
const CAP_KEYS: Readonly<Record<string, true>> = Object.fromEntries(
  [
    'ALL',
    'SYS_ADMIN',
    'SYS_MODULE',
    'SYS_RAWIO',
    'DAC_READ_SEARCH',
    'SYS_PTRACE',
    'BPF',
    'PERFMON',
    'SYS_TIME',
    'MAC_ADMIN',
    'MAC_OVERRIDE',
    'NET_ADMIN',
    'SYSLOG',
    'SYS_RESOURCE',
    'SYS_BOOT',
    'AUDIT_CONTROL',
    'CHECKPOINT_RESTORE',
    'LINUX_IMMUTABLE',
    'IPC_LOCK',
    'SYS_NICE',
  ].map((name) => [`boundary.cap.${name}`, true]),
);

/** The sentence and, for a weakening, what it reaches on this rung. */
export function describeWithReach(f: BoundaryFinding, t: Translate): string {
  const sentence = describeBoundaryFinding(f, t);
  return f.reach === null ? sentence : `${sentence} ${t(`boundary.reach.${f.reach}`)}`;
}

export function describeSource(f: BoundaryFinding, t: Translate): string {
  return t(`boundary.source.${f.source.doc}`, { item: f.source.item });
}

/** A short name for the kind of a finding, as the Engine view counts them and the row's mark says. */
export type BoundaryGroup = Exclude<BoundaryCode, `root:${string}`> | 'engine-socket' | 'host-path' | 'host-namespace';

export function groupOf(code: BoundaryCode): BoundaryGroup {
  const root = rootCode(code);
  if (root === null) return code as BoundaryGroup;
  if (root === 'engine-socket' || root === 'containerd-socket') return 'engine-socket';
  if (/^(network|pid|ipc)-/.test(root)) return 'host-namespace';
  return 'host-path';
}

export function groupName(group: BoundaryGroup, t: Translate): string {
  const key = `boundary.code.${group}` as MessageKey;
  return key in GROUP_NAMES ? t(key) : t(`boundary.effect.weakens`);
}
const GROUP_NAMES: Readonly<Record<string, true>> = Object.fromEntries(
  [...WEAKENING_CODES, 'engine-socket', 'host-path', 'host-namespace'].map((g) => [`boundary.code.${g}`, true]),
);

export interface BoundaryMarkWords {
  /** `weakened-critical`, `weakened-high`, `weakened-medium`, `strengthened`, `unknown`. */
  level: string;
  text: string;
  title: string;
}

/** The mark beside the rung: weakened (how badly, by what) or strengthened; null for a default boundary. */
export function boundaryMark(boundary: Boundary | null, t: Translate): BoundaryMarkWords | null {
  if (!boundary) return null;
  const worst = boundary.findings[0];
  if (boundary.verdict === 'weakened' && worst && worst.severity) {
    const weakenings = boundary.findings.filter((f) => f.effect === 'weakens' && f.severity !== 'low');
    const severity = t(`boundary.severity.${worst.severity}`);
    return {
      level: `weakened-${worst.severity}`,
      text: t('boundary.mark.weakenedBy', { what: groupName(groupOf(worst.code), t) }),
      title: t('boundary.verdict.weakened', { count: weakenings.length, severity, worst: describeWithReach(worst, t) }),
    };
  }
  if (boundary.verdict === 'strengthened') {
    const first = boundary.findings.find((f) => f.effect === 'strengthens');
    return {
      level: 'strengthened',
      text: t('boundary.mark.strengthened'),
      title: t('boundary.verdict.strengthened', { first: first ? describeBoundaryFinding(first, t) : '' }),
    };
  }
  if (boundary.verdict === 'unknown') {
    const first = boundary.findings.find((f) => f.effect === 'unknown');
    return { level: 'unknown', text: t('boundary.mark.unknown'), title: first ? describeBoundaryFinding(first, t) : t('boundary.mark.unknown') };
  }
  return null;
}

/** Host files and the host's network stay reachable under gVisor; what acts on the kernel does not. */
const REACHES_ON_EVERY_RUNG = /^(root:(host-|data-root|unknown-source|network-host|engine-socket|containerd-socket)|host-home|no-)/;

/** A weakening that reaches the host through the kernel, and that a user-space kernel or a VM would contain. */
export function containedUpARung(f: BoundaryFinding): boolean {
  return f.effect === 'weakens' && f.reach === 'host' && f.severity !== 'low' && !REACHES_ON_EVERY_RUNG.test(f.code);
}
