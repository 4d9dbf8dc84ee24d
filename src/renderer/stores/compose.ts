// Start, stop or restart a whole compose project: one `compose.act` stream per project, its
// progress (one outcome per container) and the containers it could not handle.
import { createStore } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import type { ItemOutcome, StreamData, StreamEnd } from '../../shared/model/stream';
import { siloError } from '../../shared/errors';
import { errorOf } from '../api';
import type { CallPort } from './api-port';

export type ComposeAction = 'start' | 'stop' | 'restart';
export const COMPOSE_ACTIONS: readonly ComposeAction[] = ['start', 'stop', 'restart'];

export interface ComposeRun {
  project: string;
  action: ComposeAction;
  streamId: string | null;
  /** Containers of the project (known once the call answered). */
  total: number;
  done: number;
  failures: ItemOutcome[];
  phase: 'starting' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Why the whole run failed (the call refused, or the stream ended with an error). */
  error: SiloError | null;
}

export interface ComposeState {
  runs: ReadonlyMap<string, ComposeRun>;
  act(project: string, action: ComposeAction): Promise<void>;
  cancel(project: string): Promise<void>;
  dismiss(project: string): void;
  onStreamData(data: StreamData): void;
  onStreamEnd(end: StreamEnd): void;
  /** The link to Silo dropped: the host closed this page's streams, runs under way end unfinished. */
  linkLost(): void;
}

/** Start when some are not running, Stop when some are, Restart always. */
export function offeredComposeActions(count: number, running: number): ReadonlySet<ComposeAction> {
  const offered = new Set<ComposeAction>(['restart']);
  if (running < count) offered.add('start');
  if (running > 0) offered.add('stop');
  return offered;
}

export const isRunning = (run: ComposeRun | undefined): boolean => run !== undefined && (run.phase === 'starting' || run.phase === 'running');

export function createComposeStore(api: CallPort) {
  return createStore<ComposeState>()((set, get) => {
    const update = (project: string, change: (run: ComposeRun) => ComposeRun | null): void => {
      const run = get().runs.get(project);
      if (!run) return;
      const next = change(run);
      if (next === null || next === run) return;
      const runs = new Map(get().runs);
      runs.set(project, next);
      set({ runs });
    };
    const byStream = (streamId: string): ComposeRun | undefined => [...get().runs.values()].find((r) => r.streamId === streamId);

    return {
      runs: new Map(),

      async act(project, action) {
        if (isRunning(get().runs.get(project))) return;
        const runs = new Map(get().runs);
        runs.set(project, { project, action, streamId: null, total: 0, done: 0, failures: [], phase: 'starting', error: null });
        set({ runs });
        try {
          const { streamId, total } = await api.call('compose.act', { project, action });
          let kept = false;
          update(project, (run) => {
            if (run.phase !== 'starting' || run.action !== action) return null;
            kept = true;
            return { ...run, streamId, total, phase: 'running' };
          });
          if (!kept) await api.call('stream.close', { streamId }).catch(() => null);
        } catch (reason) {
          update(project, (run) => (run.phase === 'starting' ? { ...run, phase: 'failed', error: errorOf(reason) } : null));
        }
      },

      async cancel(project) {
        const run = get().runs.get(project);
        if (!run || !isRunning(run)) return;
        update(project, (r) => ({ ...r, phase: 'cancelled' }));
        if (run.streamId) await api.call('stream.close', { streamId: run.streamId }).catch(() => null);
      },

      dismiss(project) {
        const run = get().runs.get(project);
        if (!run || isRunning(run)) return;
        const runs = new Map(get().runs);
        runs.delete(project);
        set({ runs });
      },

      onStreamData(data) {
        if (data.kind !== 'progress') return;
        const run = byStream(data.streamId);
        if (!run || run.phase !== 'running') return;
        update(run.project, (r) => ({ ...r, done: data.done, total: data.total, failures: data.outcome.ok ? r.failures : [...r.failures, data.outcome] }));
      },

      onStreamEnd(end) {
        const run = byStream(end.streamId);
        if (!run || run.phase !== 'running') return;
        update(run.project, (r) => ({ ...r, phase: end.error ? 'failed' : 'done', error: end.error }));
      },

      linkLost() {
        for (const run of get().runs.values()) {
          if (isRunning(run)) update(run.project, (r) => ({ ...r, phase: 'failed', error: siloError('stream-not-found') }));
        }
      },
    };
  });
}

export type ComposeStore = ReturnType<typeof createComposeStore>;
