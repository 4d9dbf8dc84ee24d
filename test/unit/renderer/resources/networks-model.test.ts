import { describe, expect, it } from 'vitest';
import {
  attachedContainers,
  connectableContainers,
  gatewayProblem,
  matchesNetwork,
  networkNameProblem,
  offeredDrivers,
  sortNetworks,
  subnetProblem,
} from '../../../../src/renderer/views/networks/model';
import type { ContainerSummary } from '../../../../src/shared/model/container';
import { container } from '../fixtures';
import { network } from './fixtures';

describe('offeredDrivers', () => {
  it('offers the drivers the engine OS ships with, then the others its networks use', () => {
    expect(offeredDrivers('linux', [network({ driver: 'bridge' }), network({ driver: 'host' }), network({ driver: 'null' })])).toEqual([
      'bridge',
      'macvlan',
      'ipvlan',
    ]);
    expect(offeredDrivers('linux', [network({ driver: 'overlay' }), network({ driver: 'weaveworks/net-plugin:latest' })])).toEqual([
      'bridge',
      'macvlan',
      'ipvlan',
      'overlay',
      'weaveworks/net-plugin:latest',
    ]);
  });

  it('offers the Windows drivers on a Windows engine', () => {
    expect(offeredDrivers('windows', [network({ driver: 'nat', name: 'nat', builtIn: true }), network({ driver: 'none' })])).toEqual([
      'nat',
      'transparent',
      'l2bridge',
      'l2tunnel',
      'ics',
    ]);
  });
});

describe('the create form', () => {
  it('needs a name the engine takes', () => {
    expect(networkNameProblem('')).toBe('required');
    expect(networkNameProblem('front_end.1')).toBeNull();
    expect(networkNameProblem('a b')).toBe('network-name');
  });

  it('takes IPv4 and IPv6 subnets, or none', () => {
    expect(subnetProblem('')).toBeNull();
    expect(subnetProblem('172.30.0.0/16')).toBeNull();
    expect(subnetProblem('fd00:1::/64')).toBeNull();
    expect(subnetProblem('10.1.2.0/33')).toBe('subnet');
    expect(subnetProblem('10.1.2.0')).toBe('subnet');
    expect(subnetProblem('300.1.2.0/24')).toBe('subnet');
    expect(subnetProblem('10.0.0.0/8/1')).toBe('subnet');
    expect(subnetProblem('fd00::/129')).toBe('subnet');
  });

  it('takes a gateway only with a subnet', () => {
    expect(gatewayProblem('', '')).toBeNull();
    expect(gatewayProblem('172.30.0.1', '172.30.0.0/16')).toBeNull();
    expect(gatewayProblem('172.30.0.1', '')).toBe('gateway-needs-subnet');
    expect(gatewayProblem('gateway', '172.30.0.0/16')).toBe('gateway');
  });
});

describe('containers on a network', () => {
  const web = container({ name: 'web' });
  const db = container({ name: 'db', state: 'exited' });
  const dying = container({ name: 'dying', state: 'removing' });
  const byId: ReadonlyMap<string, ContainerSummary> = new Map([web, db, dying].map((c) => [c.id, c]));
  const net = network({
    containers: [
      { containerId: web.id, name: 'web-old', ipv4: '172.30.0.2', ipv6: null, mac: null },
      { containerId: 'eeeeeeeeeeee', name: 'elsewhere', ipv4: null, ipv6: null, mac: null },
    ],
  });

  it('names the attached containers as the list has them now', () => {
    expect(attachedContainers(net, byId)).toEqual([
      { id: 'eeeeeeeeeeee', name: 'elsewhere', ipv4: null, ipv6: null, listed: false },
      { id: web.id, name: 'web', ipv4: '172.30.0.2', ipv6: null, listed: true },
    ]);
  });

  it('offers the others, running or not, but not one being removed', () => {
    expect(connectableContainers(net, byId.values()).map((c) => c.name)).toEqual(['db']);
  });

  it('offers none in the host or no network, and nothing to join those', () => {
    const none = network({ name: 'none', driver: 'null', builtIn: true, containers: [{ containerId: db.id, name: 'db', ipv4: null, ipv6: null, mac: null }] });
    expect(connectableContainers(net, byId.values(), [net, none])).toEqual([]);
    expect(connectableContainers(none, byId.values(), [net, none])).toEqual([]);
    expect(connectableContainers(network({ driver: 'host' }), byId.values())).toEqual([]);
  });

  it('sorts the engine networks first and filters by name, driver, subnet or container', () => {
    const own = network({ name: 'a-own' });
    const builtIn = network({ name: 'z-bridge', builtIn: true, subnets: ['172.17.0.0/16'] });
    expect(sortNetworks([own, builtIn]).map((n) => n.name)).toEqual(['z-bridge', 'a-own']);
    expect(matchesNetwork(builtIn, '172.17')).toBe(true);
    expect(matchesNetwork(net, 'elsewhere')).toBe(true);
    expect(matchesNetwork(own, 'nat')).toBe(false);
  });
});
