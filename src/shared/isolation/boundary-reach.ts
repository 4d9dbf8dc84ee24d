// The same setting means different things on different rungs (docs/isolation.md, "Judged by rung"):
// `--privileged` under runc gives the host's devices and capabilities; under gVisor the process is
// still inside the user-space kernel (gVisor, "Security model"); under Kata or Hyper-V it reaches the
// VM's kernel, not the host's (Kata, "Limitations"; Windows, "Isolation modes"). A socket mount
// reaches the engine on every rung; a bind gives the host's files on every rung.
import type { BoundaryReach, BoundarySeverity } from '../model/boundary';
import type { Rung } from '../model/isolation';

/**
 * How a weakening acts: on the kernel the container runs on (capabilities, seccomp, devices, host
 * namespaces), on the host's network, on the host's files, on the engine, or on the host's memory
 * and process table.
 */
export type WeakeningKind = 'kernel' | 'network' | 'files' | 'engine' | 'resources';

export interface Judged {
  reach: BoundaryReach;
  severity: BoundarySeverity;
}

const ORDER: readonly BoundarySeverity[] = ['low', 'medium', 'high', 'critical'];
const atMost = (s: BoundarySeverity, cap: BoundarySeverity): BoundarySeverity => (ORDER.indexOf(s) > ORDER.indexOf(cap) ? cap : s);

/** A weakening of `kind` with `severity` on a runc host, judged on `rung`. Unknown keeps its severity. */
export function judge(kind: WeakeningKind, severity: BoundarySeverity, rung: Rung): Judged {
  if (kind === 'engine') return { reach: 'engine', severity };
  if (kind === 'files') return { reach: 'host', severity };
  switch (rung) {
    case 'shared-kernel':
      return { reach: 'host', severity };
    case 'user-namespaced':
      // Capabilities and root act inside the user namespace: host resources stay out of reach.
      return { reach: 'host', severity: kind === 'kernel' ? atMost(severity, 'medium') : severity };
    case 'user-space-kernel':
      // gVisor's `--network=host` passes the host's network stack through (gVisor, "Networking");
      // the sandbox's memory is the host's memory.
      if (kind === 'network' || kind === 'resources') return { reach: 'host', severity };
      return { reach: 'sandbox', severity: 'low' };
    case 'virtual-machine':
      return { reach: 'vm', severity: 'low' };
    case 'unknown':
      return { reach: 'unknown', severity };
  }
}

export function worse(a: BoundarySeverity | null, b: BoundarySeverity): BoundarySeverity {
  return a === null || ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}

export const severityRank = (s: BoundarySeverity | null): number => (s === null ? -1 : ORDER.indexOf(s));
