// The engines found, the active engine's snapshot, and the page's own link to Silo.
import { createStore } from 'zustand/vanilla';
import type { EngineEndpoint, EngineSnapshot } from '../../shared/model/engine';
import type { SiloError } from '../../shared/errors';
import type { HostLink } from '../api';
import { errorOf } from '../api';
import type { CallPort } from './api-port';

export interface EngineState {
  endpoints: EngineEndpoint[];
  snapshot: EngineSnapshot | null;
  link: HostLink;
  refreshing: boolean;
  /** The endpoint being switched to. */
  selecting: string | null;
  /** Why the last switch or rediscovery failed. */
  lastError: SiloError | null;

  setEndpoints(endpoints: EngineEndpoint[]): void;
  setSnapshot(snapshot: EngineSnapshot): void;
  setLink(link: HostLink): void;
  select(id: string): Promise<void>;
  refresh(): Promise<void>;
  dismissError(): void;
}

export const initialEngineState = (): Pick<EngineState, 'endpoints' | 'snapshot' | 'link' | 'refreshing' | 'selecting' | 'lastError'> => ({
  endpoints: [],
  snapshot: null,
  link: { state: 'connecting', attempt: 0, retryAt: null },
  refreshing: false,
  selecting: null,
  lastError: null,
});

export function createEngineStore(api: CallPort) {
  return createStore<EngineState>()((set) => ({
    ...initialEngineState(),

    setEndpoints: (endpoints) => set({ endpoints }),
    setSnapshot: (snapshot) => set({ snapshot }),
    setLink: (link) => set({ link }),

    async select(id) {
      set({ selecting: id, lastError: null });
      try {
        // The new engine's state arrives as events; nothing to read from the answer.
        await api.call('engines.select', { id });
      } catch (reason) {
        set({ lastError: errorOf(reason) });
      } finally {
        set({ selecting: null });
      }
    },

    async refresh() {
      set({ refreshing: true, lastError: null });
      try {
        const endpoints = await api.call('engines.refresh', {});
        set({ endpoints });
      } catch (reason) {
        set({ lastError: errorOf(reason) });
      } finally {
        set({ refreshing: false });
      }
    },

    dismissError: () => set({ lastError: null }),
  }));
}

export type EngineStore = ReturnType<typeof createEngineStore>;
