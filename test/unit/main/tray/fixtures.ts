// Plain DTOs for the tray and notification tests.
import type { ContainerState, ContainerSummary } from '../../../../src/shared/model/container';
import type { ConnectionPhase, EngineEndpoint, EngineSnapshot } from '../../../../src/shared/model/engine';

export function hexId(n: number): string {
  return n.toString(16).padStart(12, '0') + 'a'.repeat(52);
}

export function container(n: number, state: ContainerState, extra: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id: hexId(n),
    name: `c${String(n).padStart(3, '0')}`,
    image: 'busybox',
    state,
    statusText: state,
    detail: null,
    createdAt: 0,
    ports: [],
    composeProject: null,
    composeService: null,
    isolation: null,
    mountsEngineSocket: false,
    rootAccess: [],
    boundary: null,
    labels: {},
    ...extra,
  };
}

/** n containers: every third one running, the others exited. */
export function containers(n: number): ContainerSummary[] {
  return Array.from({ length: n }, (_, i) => container(i, i % 3 === 0 ? 'running' : 'exited'));
}

export function endpoint(name: string, active: boolean): EngineEndpoint {
  return { id: `unix:///run/${name}.sock`, name, host: `unix:///run/${name}.sock`, source: 'default', flavor: null, tls: false, active };
}

export function snapshot(phase: ConnectionPhase, withInfo = phase === 'connected'): EngineSnapshot {
  return {
    endpoint: endpoint('default', true),
    connection: { phase, error: null, apiVersion: phase === 'connected' ? '1.47' : null, attempt: 0, nextAttemptAt: null },
    info: withInfo
      ? {
          osType: 'linux',
          kind: 'native-linux',
          name: 'host',
          serverVersion: '27.0.0',
          operatingSystem: 'Debian',
          kernelVersion: '6.1',
          architecture: 'x86_64',
          hostBuild: null,
          defaultIsolation: null,
          defaultRuntime: 'runc',
          runtimes: [
            { name: 'runc', path: 'runc', runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true },
            { name: 'runsc', path: '/usr/bin/runsc', runtimeType: null, args: [], rung: 'user-space-kernel', isDefault: false },
          ],
          hardening: {
            rootless: false,
            userns: false,
            seccompProfile: 'builtin',
            apparmor: false,
            selinux: false,
            cgroupns: true,
            noNewPrivileges: false,
            cgroupVersion: '2',
          },
          dataRoot: '/var/lib/docker',
          containerdAddress: null,
          containers: { total: 0, running: 0, paused: 0, stopped: 0 },
          images: 0,
          warnings: [],
        }
      : null,
  };
}
