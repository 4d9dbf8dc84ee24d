// Networks as the Networks view words them: the drivers a person can create with, the checks of
// the create form, the containers on a network (joined with the live list) and those that can be
// connected. Pure.
import type { ContainerSummary } from '../../../shared/model/container';
import type { NetworkSummary } from '../../../shared/model/network';
import { isIpAddress } from '../../../shared/validate';

/** Drivers each engine ships with that make a network a person can create. */
const BUILT_IN_DRIVERS: Record<string, readonly string[]> = {
  linux: ['bridge', 'macvlan', 'ipvlan'],
  windows: ['nat', 'transparent', 'l2bridge', 'l2tunnel', 'ics'],
};
/** Drivers of the engine's own networks that make nothing new. */
const NOT_CREATABLE = new Set(['host', 'null', 'none']);

/**
 * The drivers offered in the create form: those the engine's OS ships with, then any other driver
 * the engine's networks already use (a plugin, overlay on a swarm), the engine's default first.
 */
export function offeredDrivers(osType: string | null | undefined, networks: Iterable<Pick<NetworkSummary, 'driver'>>): string[] {
  const drivers = [...(BUILT_IN_DRIVERS[osType === 'windows' ? 'windows' : 'linux'] ?? [])];
  for (const network of networks) {
    const driver = network.driver.trim();
    if (driver && !NOT_CREATABLE.has(driver.toLowerCase()) && !drivers.includes(driver)) drivers.push(driver);
  }
  return drivers;
}

export type NetworkFieldProblem = 'required' | 'network-name' | 'subnet' | 'gateway' | 'gateway-needs-subnet';

/** The engine's rule for a network name. */
export function networkNameProblem(name: string): NetworkFieldProblem | null {
  if (name.trim() === '') return 'required';
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) && name.length <= 255 ? null : 'network-name';
}

/** `172.30.0.0/16` or `fd00:1::/64`; empty is fine (the engine picks one). */
export function subnetProblem(subnet: string): NetworkFieldProblem | null {
  const value = subnet.trim();
  if (value === '') return null;
  const [address = '', bits, extra] = value.split('/');
  if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return 'subnet';
  const max = !isIpAddress(address) ? -1 : address.includes(':') ? 128 : 32;
  return max >= 0 && Number(bits) <= max ? null : 'subnet';
}

export function gatewayProblem(gateway: string, subnet: string): NetworkFieldProblem | null {
  const value = gateway.trim();
  if (value === '') return null;
  if (!isIpAddress(value)) return 'gateway';
  return subnet.trim() === '' ? 'gateway-needs-subnet' : null;
}

export interface AttachedContainer {
  id: string;
  name: string;
  ipv4: string | null;
  ipv6: string | null;
  /** False when the container is not (or no longer) in Silo's list. */
  listed: boolean;
}

/** The containers on a network, named as the container list names them now, sorted by name. */
export function attachedContainers(network: Pick<NetworkSummary, 'containers'>, containers: ReadonlyMap<string, ContainerSummary>): AttachedContainer[] {
  return network.containers
    .map((endpoint) => {
      const live = containers.get(endpoint.containerId);
      return { id: endpoint.containerId, name: live?.name ?? endpoint.name, ipv4: endpoint.ipv4, ipv6: endpoint.ipv6, listed: live !== undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The host's own stack (`host`) and no network at all (`null`): a container is put there when created, never connected later. */
export const isFixedMode = (network: Pick<NetworkSummary, 'driver'>): boolean => network.driver === 'host' || network.driver === 'null';

/**
 * Containers that could join: not on it already, not being removed, and not in the host's or no
 * network (the engine refuses those a second network), sorted by name.
 */
export function connectableContainers(
  network: Pick<NetworkSummary, 'containers' | 'driver'>,
  containers: Iterable<ContainerSummary>,
  networks: Iterable<Pick<NetworkSummary, 'containers' | 'driver'>> = [],
): ContainerSummary[] {
  if (isFixedMode(network)) return [];
  const attached = new Set(network.containers.map((e) => e.containerId));
  const fixed = new Set<string>();
  for (const other of networks) if (isFixedMode(other)) for (const e of other.containers) fixed.add(e.containerId);
  return [...containers]
    .filter((c) => !attached.has(c.id) && !fixed.has(c.id) && c.state !== 'removing' && c.state !== 'dead')
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function sortNetworks(networks: Iterable<NetworkSummary>): NetworkSummary[] {
  return [...networks].sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

export function matchesNetwork(network: NetworkSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return (
    network.name.toLowerCase().includes(needle) ||
    network.driver.toLowerCase().includes(needle) ||
    network.subnets.some((s) => s.includes(needle)) ||
    network.containers.some((c) => c.name.toLowerCase().includes(needle))
  );
}
