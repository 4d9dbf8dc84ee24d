// Networks: the list (each inspected for its connected containers: the list leaves them out),
// create, remove, and connecting or disconnecting a container.
import { toNetworkSummary } from '../../shared/dashboard/networks';
import type { RawNetwork } from '../../shared/dashboard/raw';
import type { NetworkSummary } from '../../shared/model/network';
import { CALL_DEADLINE_MS, engineCall } from './engine-calls';
import { mapBounded } from '../util/limiter';
import type { LiveEngine } from '../engine/live';

function inspectNetwork(live: LiveEngine, id: string): Promise<RawNetwork> {
  return engineCall(live, () => live.client.get<RawNetwork>(`/networks/${encodeURIComponent(id)}`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }), {
    network: id,
  });
}

export async function listNetworks(live: LiveEngine): Promise<NetworkSummary[]> {
  const list = await engineCall(live, () => live.client.get<RawNetwork[]>('/networks', { signal: AbortSignal.timeout(30_000) }));
  const full = await mapBounded(list, 8, (n) => inspectNetwork(live, n.Id).catch(() => n));
  return full.map(toNetworkSummary).sort((a, b) => a.name.localeCompare(b.name));
}

export interface NetworkSpec {
  name: string;
  driver?: string;
  internal?: boolean;
  attachable?: boolean;
  subnet?: string;
  gateway?: string;
  labels?: Record<string, string>;
}

export async function createNetwork(live: LiveEngine, spec: NetworkSpec): Promise<NetworkSummary> {
  const body: Record<string, unknown> = {
    Name: spec.name,
    CheckDuplicate: true,
    Internal: spec.internal ?? false,
    Attachable: spec.attachable ?? false,
    Labels: spec.labels ?? {},
  };
  if (spec.driver) body.Driver = spec.driver;
  if (spec.subnet) body.IPAM = { Driver: 'default', Config: [{ Subnet: spec.subnet, ...(spec.gateway ? { Gateway: spec.gateway } : {}) }] };
  const created = await engineCall(live, () => live.client.post<{ Id: string }>('/networks/create', { body, signal: AbortSignal.timeout(CALL_DEADLINE_MS) }), {
    name: spec.name,
  });
  return toNetworkSummary(await inspectNetwork(live, created.Id));
}

export async function removeNetwork(live: LiveEngine, id: string): Promise<void> {
  await engineCall(live, () => live.client.delete(`/networks/${encodeURIComponent(id)}`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }), { network: id });
}

export async function connectNetwork(live: LiveEngine, network: string, container: string): Promise<void> {
  await engineCall(
    live,
    () =>
      live.client.post(`/networks/${encodeURIComponent(network)}/connect`, { body: { Container: container }, signal: AbortSignal.timeout(CALL_DEADLINE_MS) }),
    { network },
  );
}

export async function disconnectNetwork(live: LiveEngine, network: string, container: string, force: boolean): Promise<void> {
  await engineCall(
    live,
    () =>
      live.client.post(`/networks/${encodeURIComponent(network)}/disconnect`, {
        body: { Container: container, Force: force },
        signal: AbortSignal.timeout(CALL_DEADLINE_MS),
      }),
    { network },
  );
}
