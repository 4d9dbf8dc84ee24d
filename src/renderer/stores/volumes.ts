// Volumes: the list (one `volumes.list`, then `volumes.changed`), create, remove (refused while
// in use unless the person chose to remove the containers too), and prune.
import { createStore } from 'zustand/vanilla';
import type { CallArgs, CallResult } from '../../shared/contract';
import type { ResourcePatch } from '../../shared/model/resource-patch';
import type { VolumeSummary } from '../../shared/model/volume';
import type { CallPort } from './api-port';
import { listSlice, type ResourceList } from './resource-list';

export interface VolumesState extends ResourceList<VolumeSummary> {
  load(): Promise<void>;
  applyPatch(patch: ResourcePatch<VolumeSummary>): void;
  unfollow(): void;
  create(spec: CallArgs<'volumes.create'>): Promise<CallResult<'volumes.create'>>;
  /** `force`: the containers that use it are removed first (the person said so). */
  remove(name: string, force: boolean): Promise<void>;
  pruneEstimate(): Promise<CallResult<'volumes.pruneEstimate'>>;
  prune(): Promise<CallResult<'volumes.prune'>>;
}

const volumeKey = (volume: VolumeSummary): string => volume.name;

export function createVolumesStore(api: CallPort) {
  return createStore<VolumesState>()((set, get) => ({
    ...listSlice(get, set, () => api.call('volumes.list', {}), volumeKey),
    create: (spec) => api.call('volumes.create', spec),
    async remove(name, force) {
      await api.call('volumes.remove', { name, force });
    },
    pruneEstimate: () => api.call('volumes.pruneEstimate', {}),
    prune: () => api.call('volumes.prune', {}),
  }));
}

export type VolumesStore = ReturnType<typeof createVolumesStore>;
