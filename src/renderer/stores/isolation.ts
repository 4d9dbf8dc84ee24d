// Changing and choosing isolation: which dialog is open (move, new container), the
// progress events of moves, the recoveries Silo made on its own, and a short notice after a
// create. The calls the dialogs make go through here, so views never touch the transport.
import { createStore } from 'zustand/vanilla';
import type { CallArgs, CallResult } from '../../shared/contract';
import type { SiloError } from '../../shared/errors';
import type { CreateContainerResult } from '../../shared/model/create';
import type { MoveProgress, RecoveryReport } from '../../shared/model/move';
import type { CostSample } from '../../shared/model/cost';
import { errorOf } from '../api';
import type { CallPort } from './api-port';

/** What a "Change isolation" dialog is about: some containers, or a whole compose project. */
export type MoveRequest = { kind: 'containers'; ids: string[] } | { kind: 'project'; project: string };

/** Shown after a create: what was made, and why it did not start if it did not. */
export interface CreateNotice {
  result: CreateContainerResult;
}

export interface IsolationState {
  moveRequest: MoveRequest | null;
  creating: boolean;
  /** The image the form opens with (Run in the Images view), or null. */
  createImage: string | null;
  /** Progress events by operation id, in arrival order (kept while its dialog is open). */
  progress: ReadonlyMap<string, readonly MoveProgress[]>;
  /** Every recovery Silo told of, oldest first, without repeats. */
  recoveries: readonly RecoveryReport[];
  /** Recoveries (by recoveryKey) the person has read and dismissed. */
  dismissed: ReadonlySet<string>;
  notice: CreateNotice | null;
  /** Why the recoveries could not be read. */
  lastError: SiloError | null;
  /** The last figures measured, per engine (endpoint id), then per runtime or mode: for the ladder. */
  costs: ReadonlyMap<string, ReadonlyMap<string, CostSample>>;

  openMove(request: MoveRequest): void;
  closeMove(): void;
  openCreate(): void;
  /** The create form with this image chosen (Run in the Images view). */
  openCreateWith(image: string): void;
  closeCreate(): void;
  recordProgress(progress: MoveProgress): void;
  forgetProgress(operationId: string): void;
  recordRecovery(report: RecoveryReport): void;
  loadRecoveries(): Promise<void>;
  dismissRecovery(key: string): void;
  showNotice(result: CreateContainerResult): void;
  dismissNotice(): void;

  targets(id: string): Promise<CallResult<'isolation.targets'>>;
  advise(args: CallArgs<'isolation.advise'>): Promise<CallResult<'isolation.advise'>>;
  measureCost(args: CallArgs<'isolation.measureCost'>): Promise<CallResult<'isolation.measureCost'>>;
  move(args: CallArgs<'isolation.move'>): Promise<CallResult<'isolation.move'>>;
  moveProject(args: CallArgs<'isolation.moveProject'>): Promise<CallResult<'isolation.moveProject'>>;
  images(): Promise<CallResult<'images.list'>>;
  create(spec: CallArgs<'containers.create'>): Promise<CallResult<'containers.create'>>;
}

/** One recovery, however often it is told (an event, then the list on reconnecting). */
export const recoveryKey = (report: Pick<RecoveryReport, 'operationId' | 'at'>): string => `${report.operationId}@${report.at}`;

export const initialIsolationState = (): Pick<
  IsolationState,
  'moveRequest' | 'creating' | 'createImage' | 'progress' | 'recoveries' | 'dismissed' | 'notice' | 'lastError' | 'costs'
> => ({
  moveRequest: null,
  creating: false,
  createImage: null,
  progress: new Map(),
  recoveries: [],
  dismissed: new Set(),
  notice: null,
  lastError: null,
  costs: new Map(),
});

export function createIsolationStore(api: CallPort) {
  return createStore<IsolationState>()((set, get) => ({
    ...initialIsolationState(),

    openMove: (request) => set({ moveRequest: request, creating: false }),
    closeMove: () => set({ moveRequest: null }),
    openCreate: () => set({ creating: true, createImage: null, moveRequest: null }),
    openCreateWith: (image) => set({ creating: true, createImage: image, moveRequest: null }),
    closeCreate: () => set({ creating: false }),

    recordProgress(progress) {
      set((s) => {
        const next = new Map(s.progress);
        next.set(progress.operationId, [...(next.get(progress.operationId) ?? []), progress]);
        return { progress: next };
      });
    },

    forgetProgress(operationId) {
      if (!get().progress.has(operationId)) return;
      set((s) => {
        const next = new Map(s.progress);
        next.delete(operationId);
        return { progress: next };
      });
    },

    recordRecovery(report) {
      const key = recoveryKey(report);
      if (get().recoveries.some((r) => recoveryKey(r) === key)) return;
      set((s) => ({ recoveries: [...s.recoveries, report] }));
    },

    async loadRecoveries() {
      try {
        for (const report of await api.call('isolation.recoveries', {})) get().recordRecovery(report);
        set({ lastError: null });
      } catch (reason) {
        set({ lastError: errorOf(reason) });
      }
    },

    dismissRecovery: (key) => set((s) => ({ dismissed: new Set([...s.dismissed, key]) })),
    showNotice: (result) => set({ notice: { result } }),
    dismissNotice: () => set({ notice: null }),

    targets: (id) => api.call('isolation.targets', { id }),
    advise: (args) => api.call('isolation.advise', args),
    measureCost: async (args) => {
      const report = await api.call('isolation.measureCost', args);
      const endpoint = report.endpoint;
      if (endpoint !== undefined) {
        set((s) => {
          const mine = new Map(s.costs.get(endpoint) ?? []);
          for (const sample of [report.target, report.reference]) if (sample && sample.runs > 0) mine.set(sample.mode, sample);
          return { costs: new Map(s.costs).set(endpoint, mine) };
        });
      }
      return report;
    },
    move: (args) => api.call('isolation.move', args),
    moveProject: (args) => api.call('isolation.moveProject', args),
    images: () => api.call('images.list', {}),
    create: (spec) => api.call('containers.create', spec),
  }));
}

export type IsolationStore = ReturnType<typeof createIsolationStore>;
