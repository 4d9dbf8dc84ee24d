// The create options that re-create a container under another isolation: the body of
// POST /containers/create (Engine API 1.41), its name, and the POST /networks/{id}/connect bodies
// for the networks beyond the first (API 1.41 attaches one network at create). Everything the
// person configured is carried over; only the runtime or the Windows isolation changes.
import type { RawContainerConfig, RawContainerInspect, RawEndpointSettings, RawHostConfig } from '../engine-api';
import type { WindowsIsolation } from '../model/isolation';
import { isWindowsInspect, planMounts, type VolumeAttachment } from './recreate-mounts';

/** Where the container goes: a Linux runtime by name, or a Windows isolation mode. */
export type IsolationTarget = { os: 'linux'; runtime: string } | { os: 'windows'; isolation: WindowsIsolation };

/** The endpoint settings create and connect accept (no addresses the engine assigns). */
export interface EndpointConfig {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] };
  Aliases?: string[];
  Links?: string[];
  DriverOpts?: Record<string, string>;
}

export interface CreateBody extends RawContainerConfig {
  HostConfig: RawHostConfig;
  NetworkingConfig?: { EndpointsConfig: Record<string, EndpointConfig> };
}

export interface NetworkConnect {
  /** The network's name (or id) for POST /networks/{id}/connect. */
  network: string;
  /** `Container` is the new container's name: the one it is created under. */
  body: { Container: string; EndpointConfig: EndpointConfig };
}

export type OptionsNote =
  | 'hostname-generated' // the engine had generated the hostname: the new container gets its own
  | 'ports-assigned-by-engine' // a published port without a fixed host port may get another one
  | 'volumes-reattached' // volumes attached by name that were not before (anonymous or image VOLUMEs)
  | 'auto-remove'; // removes itself when stopped: the original cannot be kept aside

export interface CreateOptions {
  /** Without the leading `/`. */
  name: string;
  body: CreateBody;
  connect: NetworkConnect[];
  volumes: VolumeAttachment[];
  /** Destinations claimed twice: the engine would refuse the create. */
  duplicateMounts: string[];
  notes: OptionsNote[];
}

export interface CreateOptionsInput {
  /** Create from another image reference (a commit of the writable layer, or the image id). */
  image?: string;
  /** The engine host's name (GET /info `Name`): with host networking it fills Hostname. */
  engineHostname?: string;
}

export const containerName = (inspect: Pick<RawContainerInspect, 'Name'>): string => inspect.Name.replace(/^\//, '');

/** Whether Config.Hostname is one the engine filled in, not one the person chose. */
export function hostnameGenerated(inspect: RawContainerInspect, engineHostname?: string): boolean {
  const h = inspect.Config.Hostname ?? '';
  if (h === '' || h === inspect.Id.slice(0, 12)) return true;
  const mode = inspect.HostConfig.NetworkMode ?? '';
  if (mode.startsWith('container:')) return true; // the engine refuses a hostname there
  return mode === 'host' && engineHostname !== undefined && h === engineHostname;
}

/** The network the container is created on (HostConfig.NetworkMode), as a key of Networks. */
export function primaryNetwork(inspect: RawContainerInspect): string | null {
  const mode = inspect.HostConfig.NetworkMode ?? '';
  const networks = inspect.NetworkSettings?.Networks ?? {};
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return null;
  if (mode === '' || mode === 'default') {
    if ('bridge' in networks) return 'bridge';
    return isWindowsInspect(inspect) ? (Object.keys(networks)[0] ?? null) : null;
  }
  if (mode in networks) return mode;
  // Created with a network id: find it by NetworkID.
  const byId = Object.entries(networks).find(([, ep]) => ep?.NetworkID && (ep.NetworkID === mode || ep.NetworkID.startsWith(mode)));
  return byId ? byId[0] : null;
}

/** The settings a person gave for one network: aliases without the engine's short id, static addresses. */
export function endpointConfig(ep: RawEndpointSettings | null | undefined, containerId: string): EndpointConfig {
  const out: EndpointConfig = {};
  const ipam = ep?.IPAMConfig;
  if (ipam && (ipam.IPv4Address || ipam.IPv6Address || (ipam.LinkLocalIPs ?? []).length > 0)) {
    out.IPAMConfig = {};
    if (ipam.IPv4Address) out.IPAMConfig.IPv4Address = ipam.IPv4Address;
    if (ipam.IPv6Address) out.IPAMConfig.IPv6Address = ipam.IPv6Address;
    if ((ipam.LinkLocalIPs ?? []).length > 0) out.IPAMConfig.LinkLocalIPs = [...(ipam.LinkLocalIPs ?? [])];
  }
  const shortId = containerId.slice(0, 12);
  const aliases = (ep?.Aliases ?? []).filter((a) => a !== shortId && a !== containerId);
  if (aliases.length > 0) out.Aliases = aliases;
  if ((ep?.Links ?? []).length > 0) out.Links = (ep?.Links ?? []).map(linkForCreate);
  if (ep?.DriverOpts && Object.keys(ep.DriverOpts).length > 0) out.DriverOpts = { ...ep.DriverOpts };
  return out;
}

/** Inspect writes a link `/db:/web/dbalias`; create takes `db:dbalias`. */
export function linkForCreate(link: string): string {
  const m = /^\/?([^:]+):\/?(?:.*\/)?([^/]+)$/.exec(link);
  return m ? `${m[1]}:${m[2]}` : link;
}

/**
 * Ulimits as create takes them. Podman's inspect writes `RLIMIT_NOFILE` where its create (and
 * dockerd's) takes `nofile`, and refuses the other spelling ("invalid ulimit type").
 */
export function ulimitsForCreate(ulimits: unknown): unknown {
  if (!Array.isArray(ulimits)) return ulimits;
  return ulimits.map((u: unknown) => {
    if (!u || typeof u !== 'object') return u;
    const limit = u as { Name?: unknown };
    if (typeof limit.Name !== 'string') return u;
    const name = limit.Name.trim()
      .toLowerCase()
      .replace(/^rlimit_/, '');
    return { ...limit, Name: name };
  });
}

/** The create options that re-create `inspect` under `target`. */
export function buildCreateOptions(inspect: RawContainerInspect, target: IsolationTarget, input: CreateOptionsInput = {}): CreateOptions {
  const name = containerName(inspect);
  const notes: OptionsNote[] = [];
  const config: RawContainerConfig = { ...inspect.Config };
  if (input.image !== undefined) config.Image = input.image;
  if (hostnameGenerated(inspect, input.engineHostname)) {
    delete config.Hostname;
    notes.push('hostname-generated');
  }

  const mounts = planMounts(inspect);
  const hostConfig: RawHostConfig = { ...inspect.HostConfig, Binds: mounts.binds, Mounts: mounts.mounts };
  if (inspect.HostConfig.Links) hostConfig.Links = inspect.HostConfig.Links.map(linkForCreate);
  if (inspect.HostConfig['Ulimits'] !== undefined) hostConfig['Ulimits'] = ulimitsForCreate(inspect.HostConfig['Ulimits']);
  if (target.os === 'linux') hostConfig.Runtime = target.runtime;
  else hostConfig.Isolation = target.isolation;

  const networks = inspect.NetworkSettings?.Networks ?? {};
  const primary = primaryNetwork(inspect);
  const body: CreateBody = { ...config, HostConfig: hostConfig };
  if (primary !== null) {
    body.NetworkingConfig = { EndpointsConfig: { [primary]: endpointConfig(networks[primary], inspect.Id) } };
  }
  const mode = inspect.HostConfig.NetworkMode ?? '';
  // Host, none and another container's stack admit no further networks.
  const sharesStack = mode === 'host' || mode === 'none' || mode.startsWith('container:');
  const connect: NetworkConnect[] = Object.keys(networks)
    .filter((n) => !sharesStack && n !== primary)
    .sort()
    .map((network) => ({ network, body: { Container: name, EndpointConfig: endpointConfig(networks[network], inspect.Id) } }));

  const ports = Object.values(inspect.HostConfig.PortBindings ?? {}).flatMap((b) => b ?? []);
  if (inspect.HostConfig.PublishAllPorts === true || ports.some((p) => (p.HostPort ?? '') === '' || (p.HostPort ?? '').includes('-'))) {
    notes.push('ports-assigned-by-engine');
  }
  if (mounts.volumes.some((v) => v.reattached)) notes.push('volumes-reattached');
  if (inspect.HostConfig.AutoRemove === true) notes.push('auto-remove');

  return { name, body, connect, volumes: mounts.volumes, duplicateMounts: mounts.duplicates, notes };
}
