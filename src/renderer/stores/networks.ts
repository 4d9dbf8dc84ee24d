// Networks: the list (one `networks.list`, then `networks.changed`), create, remove, and
// connecting or disconnecting a container.
import { createStore } from 'zustand/vanilla';
import type { CallArgs, CallResult } from '../../shared/contract';
import type { NetworkSummary } from '../../shared/model/network';
import type { ResourcePatch } from '../../shared/model/resource-patch';
import type { CallPort } from './api-port';
import { listSlice, type ResourceList } from './resource-list';

export interface NetworksState extends ResourceList<NetworkSummary> {
  load(): Promise<void>;
  applyPatch(patch: ResourcePatch<NetworkSummary>): void;
  unfollow(): void;
  create(spec: CallArgs<'networks.create'>): Promise<CallResult<'networks.create'>>;
  remove(id: string): Promise<void>;
  connect(network: string, container: string): Promise<void>;
  disconnect(network: string, container: string, force?: boolean): Promise<void>;
}

const networkKey = (network: NetworkSummary): string => network.id;

export function createNetworksStore(api: CallPort) {
  return createStore<NetworksState>()((set, get) => ({
    ...listSlice(get, set, () => api.call('networks.list', {}), networkKey),
    create: (spec) => api.call('networks.create', spec),
    async remove(id) {
      await api.call('networks.remove', { id });
    },
    async connect(network, container) {
      await api.call('networks.connect', { network, container });
    },
    async disconnect(network, container, force) {
      await api.call('networks.disconnect', { network, container, ...(force ? { force } : {}) });
    },
  }));
}

export type NetworksStore = ReturnType<typeof createNetworksStore>;
