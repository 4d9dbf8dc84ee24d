import type { Rung, WindowsIsolation } from './isolation';
import type { SiloError } from '../errors';

export type EngineKind = 'native-linux' | 'podman' | 'docker-desktop-wsl2' | 'linuxkit-vm' | 'windows-server' | 'windows-client' | 'unknown';

/**
 * How an endpoint was found, in the docker CLI's order of precedence, then probes.
 * `context`: a docker context that is not the chosen one (listed so a person can switch to it).
 */
export type EndpointSource = 'docker-host' | 'docker-context' | 'current-context' | 'default' | 'context' | 'probe' | 'user';

export interface EngineEndpoint {
  /** Stable id: the endpoint's host URL. */
  id: string;
  /** A person's name for it: the context name, or a name for the well-known socket. */
  name: string;
  /** `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine`, `tcp://host:2376`, `ssh://…` */
  host: string;
  source: EndpointSource;
  /** Which well-known endpoint this is, when it is one (`linux`, `rootless`, `podman`, …). */
  flavor: string | null;
  tls: boolean;
  /** True for the endpoint Silo uses now. */
  active: boolean;
}

export type ConnectionPhase = 'connecting' | 'connected' | 'unreachable' | 'reconnecting';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Why the engine cannot be reached, when phase is `unreachable` or `reconnecting`. */
  error: SiloError | null;
  /** The Engine API version agreed with the engine, once connected. */
  apiVersion: string | null;
  /** Reconnect attempts since the connection was lost. */
  attempt: number;
  /** When the next attempt starts (epoch ms), while unreachable. */
  nextAttemptAt: number | null;
}

export interface RuntimeInfo {
  name: string;
  /** The binary path or the containerd runtime type, as the engine reports it. */
  path: string | null;
  runtimeType: string | null;
  args: string[];
  rung: Rung;
  isDefault: boolean;
  /** Another name of this runtime (`io.containerd.runc.v2` is runc): lists fold it under that one. */
  aliasOf?: string;
}

export interface Hardening {
  rootless: boolean;
  userns: boolean;
  /** `default`, `builtin`, `unconfined`, a path, or null when seccomp is off or unknown. */
  seccompProfile: string | null;
  apparmor: boolean;
  selinux: boolean;
  cgroupns: boolean;
  noNewPrivileges: boolean;
  /** `1`, `2`, or null when the engine does not say (Windows, old engines). */
  cgroupVersion: string | null;
}

export interface EngineInfo {
  osType: 'linux' | 'windows' | string;
  kind: EngineKind;
  name: string;
  serverVersion: string;
  operatingSystem: string;
  kernelVersion: string;
  architecture: string;
  /** Windows host build (e.g. 20348), from KernelVersion; null on Linux. */
  hostBuild: number | null;
  /** Windows daemon default isolation; null on Linux. */
  defaultIsolation: WindowsIsolation | null;
  /** Linux default runtime; null on Windows. */
  defaultRuntime: string | null;
  /** Linux runtimes, or on Windows the two isolation modes, each on its rung. */
  runtimes: RuntimeInfo[];
  hardening: Hardening;
  /** DockerRootDir: where the engine keeps every container's files; null when it does not say. */
  dataRoot: string | null;
  /** The containerd socket the engine uses (API 1.46+), or null. */
  containerdAddress: string | null;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  /** The engine's own warnings, as it words them. */
  warnings: string[];
}

/** Everything the Engine view shows, pushed whenever it changes. */
export interface EngineSnapshot {
  endpoint: EngineEndpoint | null;
  connection: ConnectionState;
  info: EngineInfo | null;
}
