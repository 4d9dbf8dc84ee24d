// The few raw Engine API shapes the dashboard's pure code reads (images, volumes, networks,
// system df, top, changes). Only the fields Silo uses are listed.

/** One item of GET /images/json */
export interface RawImageListItem {
  Id: string;
  ParentId?: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Created: number;
  Size: number;
  SharedSize?: number;
  VirtualSize?: number;
  Labels?: Record<string, string> | null;
  Containers?: number;
}

/** GET /images/{id}/json (the fields the list adds) */
export interface RawImageInspect {
  Id: string;
  Os?: string;
  OsVersion?: string;
  Architecture?: string;
  Variant?: string;
  RepoTags?: string[] | null;
  Size?: number;
}

/** One entry of GET /images/{id}/history */
export interface RawHistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags?: string[] | null;
  Size: number;
  Comment?: string;
}

/** One item of GET /volumes (`Volumes`) and of GET /system/df (`Volumes`, with UsageData) */
export interface RawVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  Scope?: string;
  Options?: Record<string, string> | null;
  UsageData?: { Size: number; RefCount: number } | null;
}

/** GET /system/df */
export interface RawSystemDf {
  LayersSize?: number;
  Images?: RawImageListItem[] | null;
  Volumes?: RawVolume[] | null;
}

export interface RawNetworkEndpoint {
  Name?: string;
  EndpointID?: string;
  MacAddress?: string;
  IPv4Address?: string;
  IPv6Address?: string;
}

/** One item of GET /networks, or GET /networks/{id} (which fills Containers) */
export interface RawNetwork {
  Name: string;
  Id: string;
  Created?: string;
  Scope?: string;
  Driver?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  IPAM?: { Driver?: string; Config?: Array<{ Subnet?: string; Gateway?: string }> | null } | null;
  Containers?: Record<string, RawNetworkEndpoint> | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

/** GET /containers/{id}/top */
export interface RawTop {
  Titles?: string[] | null;
  Processes?: string[][] | null;
}

/** One item of GET /containers/{id}/changes (null when nothing changed) */
export interface RawChange {
  Path: string;
  /** 0 modified, 1 added, 2 deleted */
  Kind: number;
}
