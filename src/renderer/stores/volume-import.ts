// A tar imported into a volume from a file the person picked (sent in pieces, each waiting until
// Silo has taken the one before, as an image upload is), and a volume cloned into a new one.
import { createStore } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import type { VolumeImportMode, VolumeImportResult } from '../../shared/model/volume-files';
import { errorOf } from '../api';
import type { CallPort } from './api-port';
import { sendPieces } from './send-pieces';

export interface ImportRun {
  id: number;
  target: string;
  size: number;
  sent: number;
  streamId: string | null;
  phase: 'running' | 'finishing' | 'done' | 'failed' | 'cancelled';
  result: VolumeImportResult | null;
  error: SiloError | null;
}

export type CloneRun = { target: string; phase: 'running' | 'done' | 'failed'; error: SiloError | null };

export interface VolumeImportState {
  run: ImportRun | null;
  clone: CloneRun | null;
  /** `into: 'existing'` with `mode` only when the volume holds files (the person chose). */
  start(file: Blob, spec: { name: string; into: 'new' | 'existing'; mode?: VolumeImportMode }): Promise<void>;
  cancel(): void;
  cloneVolume(name: string, target: string): Promise<void>;
  reset(): void;
}

export function createVolumeImportStore(api: CallPort) {
  let runs = 0;
  return createStore<VolumeImportState>()((set, get) => {
    const patch = (id: number, change: Partial<ImportRun>): boolean => {
      const run = get().run;
      if (!run || run.id !== id || run.phase === 'cancelled') return false;
      set({ run: { ...run, ...change } });
      return true;
    };
    return {
      run: null,
      clone: null,
      async start(file, spec) {
        const busy = get().run;
        if (busy && (busy.phase === 'running' || busy.phase === 'finishing')) return;
        const id = ++runs;
        set({ run: { id, target: spec.name, size: file.size, sent: 0, streamId: null, phase: 'running', result: null, error: null } });
        await sendPieces<VolumeImportResult>(
          api,
          file,
          {
            open: () => api.call('volumes.import.open', { ...spec, size: file.size }),
            chunk: (streamId, data) => api.call('volumes.import.chunk', { streamId, data }),
            finish: (streamId) => api.call('volumes.import.finish', { streamId }),
          },
          () => get().run?.id === id && get().run?.phase !== 'cancelled',
          (change) => patch(id, change),
        );
      },
      cancel() {
        const run = get().run;
        if (!run || (run.phase !== 'running' && run.phase !== 'finishing')) return;
        set({ run: { ...run, phase: 'cancelled' } });
        if (run.streamId) api.call('stream.close', { streamId: run.streamId }).catch(() => null);
      },
      async cloneVolume(name, target) {
        if (get().clone?.phase === 'running') return;
        set({ clone: { target, phase: 'running', error: null } });
        try {
          await api.call('volumes.clone', { name, target });
          set({ clone: { target, phase: 'done', error: null } });
        } catch (reason) {
          set({ clone: { target, phase: 'failed', error: errorOf(reason) } });
        }
      },
      reset() {
        get().cancel();
        set({ run: null, clone: null });
      },
    };
  });
}

export type VolumeImportStore = ReturnType<typeof createVolumeImportStore>;
