// Well-known Docker-compatible sockets on Linux (docs/isolation.md, "Linux engine").
// Data only: discovery probes these and counts one as found when the file exists.

export interface WellKnownSocket {
  /** A stable key the UI can word in the person's language. */
  flavor: string;
  /** A person's name for it when no context names it. */
  name: string;
  /** The socket's path, or null when the variable it depends on is unset. */
  path: string | null;
}

/** The engine the docker CLI talks to when nothing else is said. */
export const LINUX_DEFAULT_SOCKET = '/var/run/docker.sock';

export function linuxSockets(env: NodeJS.ProcessEnv, homeDir: string): WellKnownSocket[] {
  const runtimeDir = env.XDG_RUNTIME_DIR || null;
  return [
    { flavor: 'linux', name: 'Docker', path: LINUX_DEFAULT_SOCKET },
    { flavor: 'rootless', name: 'Docker (rootless)', path: runtimeDir && `${runtimeDir}/docker.sock` },
    { flavor: 'docker-desktop', name: 'Docker Desktop', path: `${homeDir}/.docker/desktop/docker.sock` },
    { flavor: 'podman', name: 'Podman', path: '/run/podman/podman.sock' },
    { flavor: 'podman-rootless', name: 'Podman (rootless)', path: runtimeDir && `${runtimeDir}/podman/podman.sock` },
  ];
}
