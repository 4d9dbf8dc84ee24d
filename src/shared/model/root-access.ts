// A choice that gives a container root on the host, as it crosses every boundary (the rules are in
// src/shared/isolation/root-access.ts; the sentences in the catalogs under `root.<code>`).

export const ROOT_FINDING_CODES = [
  'engine-socket',
  'containerd-socket',
  'host-root',
  'host-etc',
  'host-proc',
  'host-sys',
  'host-dev',
  'host-root-home',
  'host-boot',
  'data-root',
  'unknown-source',
  'network-host',
  'network-container',
  'pid-host',
  'pid-container',
  'ipc-host',
  'ipc-container',
  'privileged',
] as const;
export type RootFindingCode = (typeof ROOT_FINDING_CODES)[number];

export interface RootFinding {
  code: RootFindingCode;
  /** The setting that causes it, as the person wrote it (`/tmp/s:/s`, `network: host`). */
  setting: string;
  /** Where a bind's source really leads, when that differs from what was written; else null. */
  path: string | null;
}
