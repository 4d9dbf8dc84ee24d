// The Engine settings view's backends: Docker Desktop (state, switches with their progress), WSL, the
// docker contexts, each engine's default isolation when the person asks for it, and adding or
// removing a remote engine. Nothing here polls: each list is read when the view opens or asks.
import { createStore } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import type {
  ContainerPlatform,
  ContextResult,
  DesktopBackend,
  DesktopProgress,
  DesktopSwitchResult,
  DockerDesktopState,
  EngineContext,
  EngineDefaults,
  RemoteEngineInput,
  WslReport,
} from '../../shared/model/backends';
import { errorOf } from '../api';
import type { CallPort } from './api-port';

export type DesktopSwitch =
  | { phase: 'idle' }
  | { phase: 'running'; operation: 'backend' | 'containers'; target: string; progress: DesktopProgress | null }
  | { phase: 'done'; operation: 'backend' | 'containers'; target: string; result: DesktopSwitchResult }
  | { phase: 'error'; operation: 'backend' | 'containers'; target: string; error: SiloError };

/** An engine's default isolation: being asked, or the answer. */
export type DefaultsEntry = { asking: true } | { asking: false; value: EngineDefaults };

export interface PlatformState {
  desktop: DockerDesktopState | null;
  desktopError: SiloError | null;
  desktopSwitch: DesktopSwitch;
  wsl: WslReport | null;
  wslError: SiloError | null;
  contexts: EngineContext[];
  contextsError: SiloError | null;
  defaults: ReadonlyMap<string, DefaultsEntry>;
  adding: boolean;
  addOutcome: ContextResult | { status: 'error'; error: SiloError } | null;
  removing: string | null;
  removeOutcome: ContextResult | { status: 'error'; error: SiloError } | null;

  loadDesktop(): Promise<void>;
  switchBackend(target: DesktopBackend): Promise<void>;
  switchContainers(target: ContainerPlatform): Promise<void>;
  recordDesktopProgress(progress: DesktopProgress): void;
  dismissDesktopSwitch(): void;
  loadWsl(): Promise<void>;
  loadContexts(): Promise<void>;
  describe(id: string): Promise<void>;
  addRemote(input: RemoteEngineInput): Promise<boolean>;
  removeRemote(name: string): Promise<void>;
  dismissEngineOutcome(): void;
}

export const initialPlatformState = (): Pick<
  PlatformState,
  | 'desktop'
  | 'desktopError'
  | 'desktopSwitch'
  | 'wsl'
  | 'wslError'
  | 'contexts'
  | 'contextsError'
  | 'defaults'
  | 'adding'
  | 'addOutcome'
  | 'removing'
  | 'removeOutcome'
> => ({
  desktop: null,
  desktopError: null,
  desktopSwitch: { phase: 'idle' },
  wsl: null,
  wslError: null,
  contexts: [],
  contextsError: null,
  defaults: new Map(),
  adding: false,
  addOutcome: null,
  removing: null,
  removeOutcome: null,
});

export function createPlatformStore(api: CallPort) {
  return createStore<PlatformState>()((set, get) => {
    const desktopSwitch = async (operation: 'backend' | 'containers', target: string, call: () => Promise<DesktopSwitchResult>): Promise<void> => {
      if (get().desktopSwitch.phase === 'running') return;
      set({ desktopSwitch: { phase: 'running', operation, target, progress: null } });
      try {
        set({ desktopSwitch: { phase: 'done', operation, target, result: await call() } });
      } catch (reason) {
        set({ desktopSwitch: { phase: 'error', operation, target, error: errorOf(reason) } });
      }
      await get().loadDesktop();
    };

    return {
      ...initialPlatformState(),

      async loadDesktop() {
        try {
          set({ desktop: await api.call('backends.desktop.state', {}), desktopError: null });
        } catch (reason) {
          set({ desktopError: errorOf(reason) });
        }
      },

      switchBackend: (target) => desktopSwitch('backend', target, () => api.call('backends.desktop.switchBackend', { target, dataDoesNotCarryOver: true })),
      switchContainers: (target) => desktopSwitch('containers', target, () => api.call('backends.desktop.switchContainers', { target })),

      recordDesktopProgress(progress) {
        const current = get().desktopSwitch;
        if (current.phase !== 'running' || current.operation !== progress.operation) return;
        set({ desktopSwitch: { ...current, progress } });
      },

      dismissDesktopSwitch() {
        if (get().desktopSwitch.phase !== 'running') set({ desktopSwitch: { phase: 'idle' } });
      },

      async loadWsl() {
        try {
          set({ wsl: await api.call('backends.wsl.list', {}), wslError: null });
        } catch (reason) {
          set({ wslError: errorOf(reason) });
        }
      },

      async loadContexts() {
        try {
          set({ contexts: await api.call('engines.contexts', {}), contextsError: null });
        } catch (reason) {
          set({ contextsError: errorOf(reason) });
        }
      },

      async describe(id) {
        const asking = new Map(get().defaults);
        asking.set(id, { asking: true });
        set({ defaults: asking });
        const value = await api
          .call('engines.describe', { id })
          .catch((reason: unknown): EngineDefaults => ({ id, osType: null, defaultRuntime: null, defaultIsolation: null, rung: null, error: errorOf(reason) }));
        const next = new Map(get().defaults);
        next.set(id, { asking: false, value });
        set({ defaults: next });
      },

      async addRemote(input) {
        if (get().adding) return false;
        set({ adding: true, addOutcome: null, removeOutcome: null });
        try {
          const outcome = await api.call('engines.addRemote', input);
          set({ addOutcome: outcome });
          if (outcome.status === 'done') await get().loadContexts();
          return outcome.status === 'done';
        } catch (reason) {
          set({ addOutcome: { status: 'error', error: errorOf(reason) } });
          return false;
        } finally {
          set({ adding: false });
        }
      },

      async removeRemote(name) {
        if (get().removing !== null) return;
        set({ removing: name, removeOutcome: null, addOutcome: null });
        try {
          const outcome = await api.call('engines.removeRemote', { name });
          set({ removeOutcome: outcome });
          if (outcome.status === 'done') await get().loadContexts();
        } catch (reason) {
          set({ removeOutcome: { status: 'error', error: errorOf(reason) } });
        } finally {
          set({ removing: null });
        }
      },

      dismissEngineOutcome: () => set({ addOutcome: null, removeOutcome: null }),
    };
  });
}

export type BackendsStore = ReturnType<typeof createPlatformStore>;
