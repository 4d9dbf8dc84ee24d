// Networks as the Networks view shows them, Windows drivers included (nat, transparent,
// l2bridge, l2tunnel, ics, overlay). Pure.
import type { NetworkEndpoint, NetworkSummary } from '../model/network';
import type { RawNetwork } from './raw';

/** Networks every engine makes for itself; the engine refuses to remove them. */
const PREDEFINED_NAMES = new Set(['bridge', 'host', 'none', 'nat', 'ingress', 'docker_gwbridge']);

/** A network the engine made itself. Windows' default `nat` network is one; a `nat` network a person made is not. */
export function isBuiltInNetwork(raw: Pick<RawNetwork, 'Name' | 'Driver' | 'Ingress' | 'Labels'>): boolean {
  if (raw.Ingress) return true;
  if (!PREDEFINED_NAMES.has(raw.Name)) return false;
  // A user-defined network may be named `nat` on a Linux engine: predefined only with its own driver.
  const driver = (raw.Driver ?? '').toLowerCase();
  const expected: Record<string, string[]> = {
    bridge: ['bridge'],
    host: ['host'],
    none: ['null'],
    nat: ['nat'],
    ingress: ['overlay'],
    docker_gwbridge: ['bridge'],
  };
  return (expected[raw.Name] ?? []).includes(driver);
}

function address(cidr: string | undefined): string | null {
  if (!cidr) return null;
  return cidr.split('/')[0] || null;
}

export function toNetworkEndpoints(raw: RawNetwork): NetworkEndpoint[] {
  return Object.entries(raw.Containers ?? {})
    .filter(([id]) => !id.startsWith('ep-')) // swarm load-balancer endpoints, not containers
    .map(([id, e]) => ({
      containerId: id,
      name: e.Name ?? id.slice(0, 12),
      ipv4: address(e.IPv4Address),
      ipv6: address(e.IPv6Address),
      mac: e.MacAddress || null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function toNetworkSummary(raw: RawNetwork): NetworkSummary {
  const config = raw.IPAM?.Config ?? [];
  const created = raw.Created ? Date.parse(raw.Created) : NaN;
  return {
    id: raw.Id,
    name: raw.Name,
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? 'local',
    internal: raw.Internal === true,
    attachable: raw.Attachable === true,
    ipv6: raw.EnableIPv6 === true,
    subnets: config.map((c) => c.Subnet).filter((s): s is string => Boolean(s)),
    gateways: config.map((c) => c.Gateway).filter((s): s is string => Boolean(s)),
    createdAt: Number.isNaN(created) || created < 0 ? null : created,
    labels: raw.Labels ?? {},
    builtIn: isBuiltInNetwork(raw),
    containers: toNetworkEndpoints(raw),
  };
}
