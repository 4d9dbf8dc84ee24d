// Where each rule comes from (docs/isolation.md, "Sources"). CIS items are those of the CIS Docker
// Benchmark v1.6.0, section 5 "Container Runtime Configuration" (and 4.1 for the user).
import type { BoundarySource } from '../model/boundary';

const cis = (item: string): BoundarySource => ({ doc: 'cis', item });
const run = (item: string): BoundarySource => ({ doc: 'docker-run', item });

export const SOURCES = {
  privileged: cis('5.4'),
  capAdd: cis('5.3'),
  capDropAll: cis('5.3'),
  networkHost: cis('5.9'),
  pidHost: cis('5.15'),
  ipcHost: cis('5.16'),
  utsHost: cis('5.20'),
  usernsHost: cis('5.30'),
  joinContainer: run('--network/--pid/--ipc container:<name>'),
  apparmor: cis('5.1'),
  label: cis('5.2'),
  seccomp: cis('5.21'),
  device: cis('5.17'),
  gpu: run('--gpus'),
  hostPath: cis('5.5'),
  engineSocket: cis('5.31'),
  memory: cis('5.10'),
  pids: cis('5.28'),
  readOnly: cis('5.12'),
  noNewPrivileges: cis('5.25'),
  user: cis('4.1'),
  userns: { doc: 'docker-security', item: 'userns-remap' },
  rootless: { doc: 'docker-security', item: 'rootless' },
  windowsIsolation: { doc: 'windows', item: 'hyperv-isolation' },
  windowsUser: { doc: 'windows', item: 'container-user' },
  inspect: run('docker inspect'),
} as const satisfies Record<string, BoundarySource>;
