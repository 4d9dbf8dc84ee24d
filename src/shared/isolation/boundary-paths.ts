// Host paths, the engine's socket and the host's namespaces as boundary findings: the root-access
// rules (root-access.ts) find them, with every spelling of a path and the socket of the engine Silo
// is connected to; here each gets its severity, how it acts, and its source. `/home` is the
// boundary's own: people's keys and shell start-up files, not root by itself.
import type { BoundarySeverity, BoundarySource } from '../model/boundary';
import type { RootFinding, RootFindingCode } from '../model/root-access';
import type { WeakeningKind } from './boundary-reach';
import { weakens, type Draft } from './boundary-draft';
import { SOURCES } from './boundary-sources';
import { normalizeHostPath } from './host-path';
import type { ContainerChoices } from './root-access';

type Rule = { kind: WeakeningKind; severity: BoundarySeverity; readOnly?: BoundarySeverity; source: BoundarySource };

const RULES: Record<Exclude<RootFindingCode, 'privileged'>, Rule> = {
  'engine-socket': { kind: 'engine', severity: 'critical', source: SOURCES.engineSocket },
  'containerd-socket': { kind: 'engine', severity: 'critical', source: SOURCES.engineSocket },
  'host-root': { kind: 'files', severity: 'critical', readOnly: 'high', source: SOURCES.hostPath },
  'host-etc': { kind: 'files', severity: 'critical', source: SOURCES.hostPath },
  'host-proc': { kind: 'files', severity: 'critical', source: SOURCES.hostPath },
  'host-sys': { kind: 'files', severity: 'critical', source: SOURCES.hostPath },
  'host-dev': { kind: 'files', severity: 'critical', source: SOURCES.hostPath },
  'host-root-home': { kind: 'files', severity: 'critical', source: SOURCES.hostPath },
  'host-boot': { kind: 'files', severity: 'critical', source: SOURCES.hostPath },
  'data-root': { kind: 'files', severity: 'critical', readOnly: 'high', source: SOURCES.hostPath },
  'unknown-source': { kind: 'files', severity: 'high', source: SOURCES.hostPath },
  'network-host': { kind: 'network', severity: 'high', source: SOURCES.networkHost },
  'network-container': { kind: 'kernel', severity: 'medium', source: SOURCES.joinContainer },
  'pid-host': { kind: 'kernel', severity: 'high', source: SOURCES.pidHost },
  'pid-container': { kind: 'kernel', severity: 'medium', source: SOURCES.joinContainer },
  'ipc-host': { kind: 'kernel', severity: 'medium', source: SOURCES.ipcHost },
  'ipc-container': { kind: 'kernel', severity: 'low', source: SOURCES.joinContainer },
};

const isReadOnly = (setting: string): boolean => /:ro$/.test(setting);

export function rootDrafts(findings: readonly RootFinding[]): Draft[] {
  const out: Draft[] = [];
  for (const f of findings) {
    if (f.code === 'privileged') continue; // boundary-linux.ts has its own, judged by rung
    const rule = RULES[f.code];
    const severity = isReadOnly(f.setting) && rule.readOnly ? rule.readOnly : rule.severity;
    out.push(weakens(`root:${f.code}`, rule.kind, severity, f.setting, rule.source, f.path));
  }
  return out;
}

/**
 * Binds of `/home` or one person's home (`/home/<name>`): their keys, tokens and shell start-up
 * files. A project folder deeper down is what bind mounts are for, and is not a finding.
 */
export function homeDrafts(choices: ContainerChoices): Draft[] {
  const out: Draft[] = [];
  for (const bind of choices.binds) {
    const paths = [bind.source, typeof bind.resolved === 'string' ? bind.resolved : null].map((p) => (p === null ? null : normalizeHostPath(p)));
    if (!paths.some((p) => p !== null && /^\/home(\/[^/]+)?$/.test(p))) continue;
    out.push(weakens('host-home', 'files', bind.readOnly ? 'medium' : 'high', bind.setting, SOURCES.hostPath));
  }
  return out;
}
