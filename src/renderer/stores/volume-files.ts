// A volume's files as the page browses them: the folder shown (`volumes.browse`), a file's text
// (`volumes.read`), and saves (a file, a folder as a tar, the whole volume exported as .tar or
// .tar.gz) followed on their stream with bytes and files so far, and cancel. A save's pieces are
// acknowledged as they are taken, so Silo sends only what the page keeps up with.
import { createStore } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import type { VolumeFileText, VolumeListing } from '../../shared/model/volume-files';
import { errorOf } from '../api';
import type { CallPort } from './api-port';
import type { StreamAcks } from './stream-acks';
import type { OpenStream, StreamHub } from './streams';

export type Loadable<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: SiloError };

export interface SaveRun {
  id: number;
  path: string;
  fileName: string;
  bytes: number;
  files: number;
  /** A file's size, when known (for a bar); a tar's is not known before the end. */
  size: number | null;
  phase: 'running' | 'done' | 'failed' | 'cancelled';
  error: SiloError | null;
}

export interface VolumeFilesState {
  volume: string | null;
  listing: Loadable<VolumeListing>;
  preview: Loadable<VolumeFileText>;
  save: SaveRun | null;
  open(volume: string): void;
  browse(path: string): Promise<void>;
  read(path: string): Promise<void>;
  closePreview(): void;
  /** Save a path ('' and a folder: a tar; `gzip`: .tar.gz); `deliver` gets the bytes at the end. */
  download(path: string, gzip: boolean, deliver: (parts: Uint8Array[], fileName: string) => void): Promise<void>;
  cancelSave(): void;
  close(): void;
}

function fromBase64(data: string): Uint8Array {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function createVolumeFilesStore(api: CallPort, streams: StreamHub, acks: StreamAcks) {
  let runs = 0;
  let current: OpenStream<'volumes.download'> | null = null;
  /** Ends the save under way at once (a cancelled stream gets no `stream.end`). */
  let stop: (() => void) | null = null;
  return createStore<VolumeFilesState>()((set, get) => {
    const patchSave = (id: number, patch: Partial<SaveRun>): boolean => {
      const save = get().save;
      if (!save || save.id !== id) return false;
      set({ save: { ...save, ...patch } });
      return true;
    };
    return {
      volume: null,
      listing: { state: 'idle' },
      preview: { state: 'idle' },
      save: null,
      open(volume) {
        set({ volume, listing: { state: 'idle' }, preview: { state: 'idle' }, save: null });
        void get().browse('');
      },
      async browse(path) {
        const volume = get().volume;
        if (!volume) return;
        set({ listing: { state: 'loading' }, preview: { state: 'idle' } });
        try {
          const value = await api.call('volumes.browse', { name: volume, path });
          if (get().volume === volume) set({ listing: { state: 'done', value } });
        } catch (reason) {
          if (get().volume === volume) set({ listing: { state: 'failed', error: errorOf(reason) } });
        }
      },
      async read(path) {
        const volume = get().volume;
        if (!volume) return;
        set({ preview: { state: 'loading' } });
        try {
          const value = await api.call('volumes.read', { name: volume, path });
          if (get().volume === volume) set({ preview: { state: 'done', value } });
        } catch (reason) {
          if (get().volume === volume) set({ preview: { state: 'failed', error: errorOf(reason) } });
        }
      },
      closePreview: () => set({ preview: { state: 'idle' } }),
      async download(path, gzip, deliver) {
        const volume = get().volume;
        const busy = get().save;
        if (!volume || busy?.phase === 'running') return;
        const id = ++runs;
        const parts: Uint8Array[] = [];
        set({ save: { id, path, fileName: '', bytes: 0, files: 0, size: null, phase: 'running', error: null } });
        try {
          const ended = new Promise<SiloError | null>((resolve, reject) => {
            stop = () => resolve(null);
            streams
              .open(
                'volumes.download',
                { name: volume, path, ...(gzip ? { gzip } : {}) },
                {
                  data(data) {
                    if (data.kind !== 'archive') return;
                    parts.push(fromBase64(data.data));
                    acks.consumed(data);
                    patchSave(id, { bytes: data.bytes, files: data.files });
                  },
                  end: (end) => resolve(end.error),
                },
              )
              .then((opened) => {
                // Cancelled while Silo was answering: the stream is closed at once.
                if (opened && get().save?.id === id && get().save?.phase === 'cancelled') return opened.close();
                current = opened;
                if (opened) patchSave(id, { fileName: opened.result.fileName, size: opened.result.size });
              }, reject);
          });
          const error = await ended;
          current = null;
          stop = null;
          if (error) throw error;
          const save = get().save;
          if (save?.id !== id || save.phase !== 'running') return;
          deliver(parts, save.fileName);
          patchSave(id, { phase: 'done' });
        } catch (reason) {
          patchSave(id, { phase: 'failed', error: errorOf(reason) });
        }
      },
      cancelSave() {
        const save = get().save;
        if (!save || save.phase !== 'running') return;
        set({ save: { ...save, phase: 'cancelled' } });
        current?.close();
        current = null;
        stop?.();
        stop = null;
      },
      close() {
        get().cancelSave();
        set({ volume: null, listing: { state: 'idle' }, preview: { state: 'idle' }, save: null });
      },
    };
  });
}

export type VolumeFilesStore = ReturnType<typeof createVolumeFilesStore>;
