// The container list (a Map by id, fed only by `containers.changed`), actions in flight and the
// outcome of the last action.
import { createStore } from 'zustand/vanilla';
import type { ContainerAction, ContainerSummary, ContainersPatch } from '../../shared/model/container';
import type { SiloError } from '../../shared/errors';
import { errorOf } from '../api';
import type { CallPort } from './api-port';
import { applyContainersPatch } from './containers-patch';

export interface ActionFailure {
  id: string;
  /** The name when the action started (the container may be gone since). */
  name: string;
  error: SiloError;
}

export interface ActionReport {
  action: ContainerAction;
  total: number;
  failures: ActionFailure[];
  /** Removed already by someone else meanwhile: what the person wanted, said by name. */
  gone: Array<{ id: string; name: string }>;
}

export interface ActOptions {
  removeVolumes?: boolean;
  force?: boolean;
  /** Names the caller knew (a remove dialog opened before the container vanished), by id. */
  names?: Readonly<Record<string, string>>;
}

export interface ContainersState {
  byId: ReadonlyMap<string, ContainerSummary>;
  /** True once the first reset arrived. */
  loaded: boolean;
  /** Ids with an action in flight. */
  busy: ReadonlySet<string>;
  /** The last action that had failures (or found containers already gone); cleared by the next action or dismissed. */
  report: ActionReport | null;

  applyPatch(patch: ContainersPatch): void;
  /** Several patches in order, with one notification (a burst of events, one render). */
  applyPatches(patches: readonly ContainersPatch[]): void;
  act(ids: readonly string[], action: ContainerAction, options?: ActOptions): Promise<ActionReport>;
  dismissReport(): void;
}

export const initialContainersState = (): Pick<ContainersState, 'byId' | 'loaded' | 'busy' | 'report'> => ({
  byId: new Map(),
  loaded: false,
  busy: new Set(),
  report: null,
});

export function createContainersStore(api: CallPort) {
  return createStore<ContainersState>()((set, get) => ({
    ...initialContainersState(),

    applyPatch(patch) {
      get().applyPatches([patch]);
    },

    applyPatches(patches) {
      const { byId, loaded } = get();
      let next = byId;
      let reset = false;
      for (const patch of patches) {
        next = applyContainersPatch(next, patch);
        reset ||= patch.reset;
      }
      if (next !== byId || (reset && !loaded)) set({ byId: next, loaded: loaded || reset });
    },

    async act(ids, action, options = {}) {
      const names = new Map(ids.map((id) => [id, get().byId.get(id)?.name ?? options.names?.[id] ?? id.slice(0, 12)]));
      set((s) => ({ busy: new Set([...s.busy, ...ids]), report: null }));
      let failures: ActionFailure[];
      let gone: ActionReport['gone'] = [];
      try {
        const outcomes = await api.call('containers.act', {
          ids: [...ids],
          action,
          ...(action === 'remove' ? { removeVolumes: options.removeVolumes ?? false, force: options.force ?? false } : {}),
        });
        failures = outcomes.filter((o) => !o.ok).map((o) => ({ id: o.id, name: names.get(o.id) ?? o.id.slice(0, 12), error: o.error ?? { code: 'internal' } }));
        gone = outcomes.filter((o) => o.ok && o.gone === true).map((o) => ({ id: o.id, name: names.get(o.id) ?? o.id.slice(0, 12) }));
      } catch (reason) {
        const error = errorOf(reason);
        failures = ids.map((id) => ({ id, name: names.get(id) ?? id, error }));
      }
      const report: ActionReport = { action, total: ids.length, failures, gone };
      set((s) => {
        const busy = new Set(s.busy);
        for (const id of ids) busy.delete(id);
        return { busy, report: failures.length > 0 || gone.length > 0 ? report : null };
      });
      return report;
    },

    dismissReport() {
      set({ report: null });
    },
  }));
}

export type ContainersStore = ReturnType<typeof createContainersStore>;
