// The Settings view's daemon.json: the file as the engine's host has it (with its sha256), the
// person's draft, the server's own check of it (runtime binaries on disk), and one apply at a time
// with its progress and outcome. After any apply the file is read again, so the next change starts
// from what is on disk.
import { createStore } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import type { DaemonApplyResult, DaemonApplyStep, DaemonProblem, DaemonProgress, DaemonRead, DaemonWeakening } from '../../shared/model/backends';
import { errorOf } from '../api';
import type { CallPort } from './api-port';

/** The daemon.json editing rules, loaded with the first change (they are not on the first screen). */
const edits = () => import('../../shared/backends/daemon-edit');

/** Which control started the apply: the outcome shows beside it. */
export type ApplyKind = 'runtime' | 'isolation' | 'file';

/** What an elevated retry writes: the same text, on the same base. */
export interface ElevatedRetry {
  engine: string;
  text: string;
  baseSha256: string;
  acknowledged: string[];
}

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: ApplyKind; engine: string; steps: DaemonApplyStep[]; elevated: boolean }
  | { phase: 'done'; kind: ApplyKind; engine: string; result: DaemonApplyResult; retry: ElevatedRetry | null; elevated: boolean }
  | { phase: 'error'; kind: ApplyKind; engine: string; error: SiloError };

export interface DaemonState {
  engine: string | null;
  read: DaemonRead | null;
  loading: boolean;
  loadError: SiloError | null;
  draft: string;
  /** sha256 of the file the draft started from: applying it over a file changed since is refused. */
  draftBase: string | null;
  /** The server's problems and weakenings for one text (its checks on disk included). */
  serverCheck: { text: string; problems: DaemonProblem[]; weakenings?: DaemonWeakening[] } | null;
  /** The ids of the weakenings the person ticked (backends/weakenings.ts); the apply sends those still shown. */
  acknowledged: string[];
  apply: ApplyState;

  load(engine: string): Promise<void>;
  setDraft(text: string): void;
  resetDraft(): void;
  checkOnServer(): Promise<void>;
  /** Tick or untick one weakening. */
  acknowledge(id: string, accepted: boolean): void;
  /** The draft, with the weakenings the view shows as ticked (exactly those, or the apply refuses). */
  applyDraft(acknowledged?: readonly string[]): Promise<void>;
  setDefaultRuntime(runtime: string, acknowledged?: readonly string[]): Promise<void>;
  setWindowsIsolation(mode: 'process' | 'hyperv', acknowledged?: readonly string[]): Promise<void>;
  applyElevated(): Promise<void>;
  recordProgress(progress: DaemonProgress): void;
  dismissOutcome(): void;
}

export const initialDaemonState = (): Pick<
  DaemonState,
  'engine' | 'read' | 'loading' | 'loadError' | 'draft' | 'draftBase' | 'serverCheck' | 'acknowledged' | 'apply'
> => ({
  engine: null,
  read: null,
  loading: false,
  loadError: null,
  draft: '',
  draftBase: null,
  serverCheck: null,
  acknowledged: [],
  apply: { phase: 'idle' },
});

export function createDaemonStore(api: CallPort) {
  return createStore<DaemonState>()((set, get) => {
    /** Run one apply; read the file again (it may be new, or restored); then show the outcome. */
    const run = async (kind: ApplyKind, retryWith: ElevatedRetry | null, call: () => Promise<DaemonApplyResult>, elevated = false): Promise<void> => {
      const { read } = get();
      if (!read?.editable || get().apply.phase === 'running') return;
      const engine = read.engine;
      set({ apply: { phase: 'running', kind, engine, steps: [], elevated } });
      try {
        const result = await call();
        const retry = result.status === 'needs-elevation' ? retryWith : null;
        // The file as it is now (new, or restored) before the outcome shows, so both agree.
        if (result.status !== 'needs-elevation') await get().load(engine);
        // A ticked weakening is for that one change: the next one starts unticked.
        set({ apply: { phase: 'done', kind, engine, result, retry, elevated }, ...(result.status === 'applied' ? { acknowledged: [] } : {}) });
      } catch (reason) {
        set({ apply: { phase: 'error', kind, engine, error: errorOf(reason) } });
      }
    };

    return {
      ...initialDaemonState(),

      async load(engine) {
        const before = get().read;
        const draftWasFile = before?.editable === true && get().draft === before.text;
        const sameEngine = get().engine === engine;
        set({ engine, loading: true, loadError: null, ...(sameEngine ? {} : { read: null, draft: '', draftBase: null, serverCheck: null, acknowledged: [] }) });
        try {
          const read = await api.call('backends.daemon.read', { engine });
          if (get().engine !== engine) return;
          // A draft the person is editing stays; an untouched one follows the file.
          const draft = get().draft;
          const keepDraft = sameEngine && !draftWasFile && draft !== '' && !(read.editable && draft === read.text);
          set({
            read,
            loading: false,
            ...(keepDraft ? {} : { draft: read.editable ? read.text : '', draftBase: read.editable ? read.sha256 : null, serverCheck: null }),
          });
        } catch (reason) {
          if (get().engine === engine) set({ loading: false, loadError: errorOf(reason) });
        }
      },

      setDraft: (text) => set({ draft: text }),
      resetDraft() {
        const { read } = get();
        set({ draft: read?.editable ? read.text : '', draftBase: read?.editable ? read.sha256 : null, serverCheck: null, acknowledged: [] });
      },

      async checkOnServer() {
        const { read, draft } = get();
        if (!read?.editable) return;
        try {
          const { problems, weakenings } = await api.call('backends.daemon.validate', { engine: read.engine, text: draft });
          if (get().draft === draft) set({ serverCheck: { text: draft, problems, weakenings } });
        } catch {
          // The apply checks again; nothing to tell now.
        }
      },

      acknowledge(id, accepted) {
        const others = get().acknowledged.filter((a) => a !== id);
        set({ acknowledged: accepted ? [...others, id] : others });
      },

      async applyDraft(acknowledged = []) {
        const { read, draft, draftBase } = get();
        if (!read?.editable) return;
        const baseSha256 = draftBase ?? read.sha256;
        const ticked = [...acknowledged];
        await run('file', { engine: read.engine, text: draft, baseSha256, acknowledged: ticked }, () =>
          api.call('backends.daemon.apply', { engine: read.engine, text: draft, baseSha256, acknowledged: ticked }),
        );
      },

      async setDefaultRuntime(runtime, acknowledged = []) {
        const { read } = get();
        if (!read?.editable) return;
        const ticked = [...acknowledged];
        const { setDefaultRuntime } = await edits();
        await run(
          'runtime',
          retryOf(read, () => setDefaultRuntime(read.text, runtime), ticked),
          () => api.call('backends.daemon.setDefaultRuntime', { engine: read.engine, runtime, baseSha256: read.sha256, acknowledged: ticked }),
        );
      },

      async setWindowsIsolation(mode, acknowledged = []) {
        const { read } = get();
        if (!read?.editable) return;
        const ticked = [...acknowledged];
        const { setWindowsIsolation } = await edits();
        await run(
          'isolation',
          retryOf(read, () => setWindowsIsolation(read.text, mode), ticked),
          () => api.call('backends.daemon.setWindowsIsolation', { engine: read.engine, mode, baseSha256: read.sha256, acknowledged: ticked }),
        );
      },

      async applyElevated() {
        const { apply } = get();
        if (apply.phase !== 'done' || !apply.retry) return;
        const retry = apply.retry;
        await run(apply.kind, null, () => api.call('backends.daemon.applyElevated', retry), true);
      },

      recordProgress(progress) {
        const { apply } = get();
        if (apply.phase !== 'running' || apply.engine !== progress.engine) return;
        set({ apply: { ...apply, steps: [...apply.steps, progress.step] } });
      },

      dismissOutcome() {
        if (get().apply.phase !== 'running') set({ apply: { phase: 'idle' } });
      },
    };
  });
}

/** The same edit made here (the rules are shared), for an elevated retry; null when the file cannot be edited. */
function retryOf(read: Extract<DaemonRead, { editable: true }>, edit: () => string, acknowledged: string[]): ElevatedRetry | null {
  try {
    return { engine: read.engine, text: edit(), baseSha256: read.sha256, acknowledged };
  } catch {
    return null;
  }
}

export type DaemonStore = ReturnType<typeof createDaemonStore>;
