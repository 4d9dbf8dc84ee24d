export interface NetworkEndpoint {
  containerId: string;
  name: string;
  ipv4: string | null;
  ipv6: string | null;
  mac: string | null;
}

export interface NetworkSummary {
  id: string;
  name: string;
  /** The engine's driver name: `bridge`, `host`, `null`, `overlay`, `macvlan`; on Windows `nat`, `transparent`, `l2bridge`, `l2tunnel`, `ics`… */
  driver: string;
  /** `local`, `swarm`, `global`. */
  scope: string;
  internal: boolean;
  attachable: boolean;
  ipv6: boolean;
  /** `172.18.0.0/16` … from the IPAM config. */
  subnets: string[];
  gateways: string[];
  createdAt: number | null;
  labels: Record<string, string>;
  /** A network the engine made itself (`bridge`, `host`, `none`, Windows `nat`): it cannot be removed. */
  builtIn: boolean;
  containers: NetworkEndpoint[];
}
