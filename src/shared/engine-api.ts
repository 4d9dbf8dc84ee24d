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

export interface RawHostConfig {
  Isolation?: string;
  Runtime?: string;
  Binds?: string[] | null;
  Mounts?: Array<{ Type?: string; Source?: string; Target?: string }> | null;
  [key: string]: unknown;
}

/** GET /containers/{id}/json */
export interface RawContainerInspect {
  Id: string;
  Name: string;
  Created: string;
  Image: string;
  State: {
    Status: string;
    Running?: boolean;
    Paused?: boolean;
    Restarting?: boolean;
    OOMKilled?: boolean;
    Dead?: boolean;
    ExitCode?: number;
    StartedAt?: string;
    FinishedAt?: string;
    Health?: { Status?: string } | null;
  };
  RestartCount?: number;
  Config: { Image?: string; Labels?: Record<string, string> | null; [key: string]: unknown };
  HostConfig: RawHostConfig;
  NetworkSettings?: {
    Ports?: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | null;
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
