// Added capabilities by what they allow (capabilities(7); CIS Docker Benchmark 5.3). Docker's
// default set is given to every container anyway: adding one of those changes nothing.
import type { BoundarySeverity } from '../model/boundary';

/** Docker's default capabilities (moby's oci/caps/defaults.go). */
export const DEFAULT_CAPS: ReadonlySet<string> = new Set([
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
]);

/** The capabilities with their own sentence (`boundary.cap.<NAME>`), by how far they open the host. */
export const CAP_SEVERITY: Readonly<Record<string, BoundarySeverity>> = {
  ALL: 'critical',
  SYS_ADMIN: 'critical',
  SYS_MODULE: 'critical',
  SYS_RAWIO: 'critical',
  DAC_READ_SEARCH: 'high',
  SYS_PTRACE: 'high',
  BPF: 'high',
  PERFMON: 'high',
  SYS_TIME: 'high',
  MAC_ADMIN: 'high',
  MAC_OVERRIDE: 'high',
  NET_ADMIN: 'medium',
  SYSLOG: 'medium',
  SYS_RESOURCE: 'medium',
  SYS_BOOT: 'medium',
  AUDIT_CONTROL: 'medium',
  CHECKPOINT_RESTORE: 'medium',
  LINUX_IMMUTABLE: 'low',
  IPC_LOCK: 'low',
  SYS_NICE: 'low',
};

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` are one capability. */
export function capName(raw: string): string {
  return raw.trim().toUpperCase().replace(/^CAP_/, '');
}

/** A capability Silo does not know opens the host as far as an unknown can: medium, never low. */
export function capSeverity(name: string): BoundarySeverity {
  return CAP_SEVERITY[name] ?? 'medium';
}

/** The sentence key's last part: the capability, or `other` for one without its own sentence. */
export function capSentence(name: string): string {
  return name in CAP_SEVERITY ? name : 'other';
}
