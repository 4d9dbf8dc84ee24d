// A container's effective boundary (docs/isolation.md, "The effective boundary"): its rung, and every
// setting that weakens or strengthens it, each judged on that rung. The rules are in
// src/shared/isolation/boundary*.ts; the sentences in the catalogs under `boundary.*` (and `root.*`
// for the host paths and namespaces that src/shared/isolation/root-access.ts finds).
import type { RootFindingCode } from './root-access';
import type { Rung } from './isolation';

/** The codes of the boundary's own weakening rules, each of which names a group of findings. */
export const WEAKENING_CODES = [
  'privileged',
  'uts-host',
  'userns-host',
  'cap-add',
  'seccomp-unconfined',
  'apparmor-unconfined',
  'label-disable',
  'device',
  'gpu',
  'host-home',
  'root-user',
  'no-memory-limit',
  'no-pids-limit',
  'windows-administrator',
] as const;

export const BOUNDARY_CODES = [
  ...WEAKENING_CODES,
  'settings-unknown',
  'rung-unknown',
  'user-unknown',
  'read-only-rootfs',
  'cap-drop-all',
  'no-new-privileges',
  'non-root-user',
  'userns-engine',
  'rootless-engine',
  'windows-user',
] as const;
/** A boundary rule's own code, or a root-access code (its sentence is `root.<code>`). */
export type BoundaryCode = (typeof BOUNDARY_CODES)[number] | `root:${RootFindingCode}`;

export type BoundaryEffect = 'weakens' | 'strengthens' | 'unknown';

/** How badly a weakening opens the boundary on this rung, worst first. */
export type BoundarySeverity = 'critical' | 'high' | 'medium' | 'low';
export const BOUNDARY_SEVERITIES: readonly BoundarySeverity[] = ['critical', 'high', 'medium', 'low'];

/**
 * What a weakening reaches on this rung: the host itself, the engine (root on the host, on every
 * rung), only gVisor's user-space kernel, only the VM's kernel, or not known.
 */
export type BoundaryReach = 'host' | 'engine' | 'sandbox' | 'vm' | 'unknown';

/** Where a rule comes from (docs/isolation.md, "Sources"): a document and the item in it. */
export interface BoundarySource {
  doc: 'cis' | 'docker-run' | 'docker-security' | 'gvisor' | 'kata' | 'windows';
  item: string;
}

export interface BoundaryFinding {
  code: BoundaryCode;
  effect: BoundaryEffect;
  /** For weakenings, judged on the rung; null for strengthenings and unknowns. */
  severity: BoundarySeverity | null;
  /** The setting that causes it, as the engine reports it (`CapAdd: SYS_ADMIN`, `/:/host`). */
  setting: string;
  /** A capability, a device, or where a bind really leads; null when there is none. */
  detail: string | null;
  /** For weakenings: what it reaches on this rung; null otherwise. */
  reach: BoundaryReach | null;
  source: BoundarySource;
}

/** `weakened` when a weakening is medium or worse; `strengthened` when not and something strengthens. */
export type BoundaryVerdict = 'weakened' | 'strengthened' | 'default' | 'unknown';

export interface Boundary {
  rung: Rung;
  verdict: BoundaryVerdict;
  /** The worst weakening's severity, or null when nothing weakens. */
  worst: BoundarySeverity | null;
  /** A finding reaches the engine (its socket, pipe, or containerd's). */
  reachesEngine: boolean;
  privileged: boolean;
  /** Worst first, then strengthenings, then unknowns. */
  findings: BoundaryFinding[];
}
