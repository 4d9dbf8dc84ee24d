// The few shapes of the Engine API's JSON that Silo reads, declared here so that pure code in
// src/shared can map them without dockerode's types. Only the fields Silo uses are listed.

export interface RawRuntime {
  path?: string;
  runtimeArgs?: string[];
  runtimeType?: string;
  options?: Record<string, unknown>;
}

/** GET /info */
export interface RawInfo {
  ID?: string;
  Name?: string;
  OSType?: string;
  OperatingSystem?: string;
  OSVersion?: string;
  KernelVersion?: string;
  Architecture?: string;
  ServerVersion?: string;
  Isolation?: string;
  Runtimes?: Record<string, RawRuntime> | null;
  DefaultRuntime?: string;
  SecurityOptions?: string[] | null;
  CgroupVersion?: string;
  CgroupDriver?: string;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  Warnings?: string[] | null;
  Labels?: string[] | null;
  /** The engine's data root (`/var/lib/docker`). */
  DockerRootDir?: string;
  /** API 1.46+: the containerd the engine uses. */
  Containerd?: { Address?: string } | null;
  /** Only Podman's Docker-compatible `/info` has it (the Buildah inside Podman). */
  BuildahVersion?: string;
}

export interface RawPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

export interface RawMountPoint {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  Driver?: string;
  Mode?: string;
  RW?: boolean;
  Propagation?: string;
}

/** One item of GET /containers/json */
export interface RawContainerListItem {
  Id: string;
  Names: string[];
  Image: string;
  ImageID?: string;
  Command?: string;
  Created: number;
  Ports?: RawPort[];
  Labels?: Record<string, string> | null;
  State: string;
  Status: string;
  HostConfig?: { NetworkMode?: string };
  Mounts?: RawMountPoint[];
}

/** One entry of HostConfig.Mounts (`--mount`), as create takes it and inspect returns it. */
export interface RawMountSpec {
  Type?: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  Consistency?: string;
  BindOptions?: Record<string, unknown> | null;
  VolumeOptions?: { NoCopy?: boolean; Labels?: Record<string, string> | null; DriverConfig?: unknown } | null;
  TmpfsOptions?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface RawPortBinding {
  HostIp?: string;
  HostPort?: string;
}

export interface RawRestartPolicy {
  Name?: string;
  MaximumRetryCount?: number;
}

export interface RawHostConfig {
  Isolation?: string;
  Runtime?: string;
  Binds?: string[] | null;
  Mounts?: RawMountSpec[] | null;
  NetworkMode?: string;
  PortBindings?: Record<string, RawPortBinding[] | null> | null;
  PublishAllPorts?: boolean;
  RestartPolicy?: RawRestartPolicy | null;
  AutoRemove?: boolean;
  Links?: string[] | null;
  VolumesFrom?: string[] | null;
  Tmpfs?: Record<string, string> | null;
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  Privileged?: boolean;
  SecurityOpt?: string[] | null;
  Devices?: Array<{ PathOnHost?: string; PathInContainer?: string; CgroupPermissions?: string }> | null;
  DeviceRequests?: Array<{ Driver?: string; Count?: number; DeviceIDs?: string[] | null; Capabilities?: string[][] | null }> | null;
  IpcMode?: string;
  PidMode?: string;
  [key: string]: unknown;
}

/** Config of GET /containers/{id}/json: the image's config merged with the creator's. */
export interface RawContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  Image?: string;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Labels?: Record<string, string> | null;
  Volumes?: Record<string, object> | null;
  ExposedPorts?: Record<string, object> | null;
  WorkingDir?: string;
  StopSignal?: string;
  StopTimeout?: number;
  Healthcheck?: { Test?: string[] | null; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number } | null;
  MacAddress?: string;
  [key: string]: unknown;
}

/** One network of a container (NetworkSettings.Networks), and the endpoint config of create/connect. */
export interface RawEndpointSettings {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] | null } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  IPv6Gateway?: string;
  GlobalIPv6Address?: string;
  GlobalIPv6PrefixLen?: number;
  MacAddress?: string;
  DriverOpts?: Record<string, string> | null;
  [key: string]: unknown;
}

/** GET /containers/{id}/json */
export interface RawContainerInspect {
  Id: string;
  Name: string;
  Created: string;
  Image: string;
  /** `linux` or `windows`. */
  Platform?: string;
  State: {
    Status: string;
    Running?: boolean;
    Paused?: boolean;
    Restarting?: boolean;
    OOMKilled?: boolean;
    /** Why the runtime could not run it (e.g. "exec: \"sh\": executable file not found"). */
    Error?: string;
    Dead?: boolean;
    ExitCode?: number;
    StartedAt?: string;
    FinishedAt?: string;
    Health?: { Status?: string } | null;
  };
  RestartCount?: number;
  Config: RawContainerConfig;
  HostConfig: RawHostConfig;
  NetworkSettings?: {
    Ports?: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | null;
    Networks?: Record<string, RawEndpointSettings> | null;
    [key: string]: unknown;
  };
  Mounts?: RawMountPoint[];
}

/** One message of GET /events */
export interface RawEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  status?: string;
  id?: string;
  time?: number;
  timeNano?: number;
}
