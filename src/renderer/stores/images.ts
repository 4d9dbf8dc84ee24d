// Images: the list (one `images.list`, then `images.changed`), a pull followed on its stream
// with per-layer progress and cancel, an archive uploaded in pieces (load or import), removal
// and prune. The calls go through here, so views never touch the transport.
import { createStore } from 'zustand/vanilla';
import type { SiloError } from '../../shared/errors';
import { siloError } from '../../shared/errors';
import type { ImageLayer, ImageListItem, ImageLoadMode, ImageLoadResult, ImagePruneEstimate, PruneResult, PullProgress } from '../../shared/model/image-list';
import type { RegistryLogin } from '../../shared/model/registry';
import type { ResourcePatch } from '../../shared/model/resource-patch';
import type { ItemOutcome, StreamData, StreamEnd } from '../../shared/model/stream';
import { errorOf } from '../api';
import type { CallPort } from './api-port';
import { sendPieces, type UploadSource } from './send-pieces';
import { initialResourceList, loadList, patchList, type ResourceList } from './resource-list';

export type RunPhase = 'starting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface PullRun {
  /** Which run this is (a new pull replaces a finished one). */
  id: number;
  reference: string;
  streamId: string | null;
  phase: RunPhase;
  progress: PullProgress | null;
  error: SiloError | null;
}

export interface UploadRun {
  id: number;
  mode: ImageLoadMode;
  /** Import only: the name asked for the new image. */
  reference: string | null;
  fileName: string;
  size: number;
  /** Bytes the engine has taken. */
  sent: number;
  streamId: string | null;
  /** `running` while sending; `finishing` once every piece is sent and the engine reads them. */
  phase: RunPhase | 'finishing';
  result: ImageLoadResult | null;
  error: SiloError | null;
}

export { UPLOAD_CHUNK_BYTES, toBase64, type UploadSource } from './send-pieces';

export interface ImagesState extends ResourceList<ImageListItem> {
  pull: PullRun | null;
  upload: UploadRun | null;

  load(): Promise<void>;
  applyPatch(patch: ResourcePatch<ImageListItem>): void;
  /** The link to Silo dropped: patches stop until the next list, and the page's streams are gone. */
  unfollow(): void;
  history(id: string): Promise<ImageLayer[]>;
  startPull(reference: string): Promise<void>;
  cancelPull(): Promise<void>;
  clearPull(): void;
  /** `limit`: the most the archive may unpack to, in bytes (the engine side's default when absent). */
  startUpload(file: UploadSource, mode: ImageLoadMode, reference?: string, limit?: number): Promise<void>;
  cancelUpload(): Promise<void>;
  clearUpload(): void;
  onStreamData(data: StreamData): void;
  onStreamEnd(end: StreamEnd): void;
  remove(ids: readonly string[], force: boolean): Promise<ItemOutcome[]>;
  pruneEstimate(): Promise<ImagePruneEstimate>;
  prune(): Promise<PruneResult>;
  /** The registry logins the docker CLI keeps; login and logout as `docker login`/`logout`. */
  registries(): Promise<RegistryLogin[]>;
  login(registry: string, username: string, password: string): Promise<RegistryLogin>;
  logout(registry: string): Promise<void>;
}

const imageKey = (image: ImageListItem): string => image.id;

export function createImagesStore(api: CallPort) {
  return createStore<ImagesState>()((set, get) => {
    let runs = 0;
    /** Changes the pull only if it is still run `id` and not cancelled. */
    const setPull = (id: number, change: Partial<PullRun>): boolean => {
      const pull = get().pull;
      if (!pull || pull.id !== id || pull.phase === 'cancelled') return false;
      set({ pull: { ...pull, ...change } });
      return true;
    };
    const setUpload = (id: number, change: Partial<UploadRun>): boolean => {
      const upload = get().upload;
      if (!upload || upload.id !== id || upload.phase === 'cancelled') return false;
      set({ upload: { ...upload, ...change } });
      return true;
    };

    return {
      ...initialResourceList<ImageListItem>(),
      pull: null,
      upload: null,

      load: () => loadList(get, set, () => api.call('images.list', {}), imageKey),
      applyPatch: (patch) => patchList(get, set, patch, imageKey),
      unfollow() {
        // The host closed this page's streams with its link: a pull or upload under way is over.
        const lost = siloError('stream-not-found');
        const { pull, upload } = get();
        set({
          following: false,
          pull: pull && (pull.phase === 'starting' || pull.phase === 'running') ? { ...pull, phase: 'failed', error: lost } : pull,
          upload:
            upload && (upload.phase === 'starting' || upload.phase === 'running' || upload.phase === 'finishing')
              ? { ...upload, phase: 'failed', error: lost }
              : upload,
        });
      },
      history: (id) => api.call('images.history', { id }),

      async startPull(reference) {
        const running = get().pull;
        if (running && (running.phase === 'starting' || running.phase === 'running')) return;
        const id = ++runs;
        set({ pull: { id, reference, streamId: null, phase: 'starting', progress: null, error: null } });
        try {
          const { streamId } = await api.call('images.pull', { reference });
          // Cancelled while the engine was asked: close what was opened.
          if (!setPull(id, { streamId, phase: 'running' })) await api.call('stream.close', { streamId }).catch(() => null);
        } catch (reason) {
          setPull(id, { phase: 'failed', error: errorOf(reason) });
        }
      },

      async cancelPull() {
        const pull = get().pull;
        if (!pull || (pull.phase !== 'starting' && pull.phase !== 'running')) return;
        set({ pull: { ...pull, phase: 'cancelled' } });
        // The engine stops a pull whose client has gone; no stream.end follows a close.
        if (pull.streamId) await api.call('stream.close', { streamId: pull.streamId }).catch(() => null);
      },

      clearPull() {
        const pull = get().pull;
        if (pull && (pull.phase === 'starting' || pull.phase === 'running')) return;
        set({ pull: null });
      },

      async startUpload(file, mode, reference, limit) {
        const busy = get().upload;
        if (busy && (busy.phase === 'starting' || busy.phase === 'running' || busy.phase === 'finishing')) return;
        const id = ++runs;
        set({
          upload: {
            id,
            mode,
            reference: reference ?? null,
            fileName: file.name,
            size: file.size,
            sent: 0,
            streamId: null,
            phase: 'starting',
            result: null,
            error: null,
          },
        });
        await sendPieces(
          api,
          file,
          {
            open: () => {
              if (file.size <= 0) throw siloError('invalid-archive', { detail: 'the file is empty' });
              return api.call('images.upload.open', {
                mode,
                size: file.size,
                ...(reference ? { reference } : {}),
                ...(limit !== undefined ? { limit } : {}),
              });
            },
            chunk: (streamId, data) => api.call('images.upload.chunk', { streamId, data }),
            finish: (streamId) => api.call('images.upload.finish', { streamId }),
          },
          () => get().upload?.id === id && get().upload?.phase !== 'cancelled',
          (change) => setUpload(id, change),
        );
      },

      async cancelUpload() {
        const upload = get().upload;
        if (!upload || (upload.phase !== 'starting' && upload.phase !== 'running' && upload.phase !== 'finishing')) return;
        set({ upload: { ...upload, phase: 'cancelled' } });
        if (upload.streamId) await api.call('stream.close', { streamId: upload.streamId }).catch(() => null);
      },

      clearUpload() {
        const upload = get().upload;
        if (upload && (upload.phase === 'starting' || upload.phase === 'running' || upload.phase === 'finishing')) return;
        set({ upload: null });
      },

      onStreamData(data) {
        if (data.kind !== 'pull') return;
        const pull = get().pull;
        if (!pull || pull.streamId !== data.streamId || pull.phase !== 'running') return;
        set({ pull: { ...pull, progress: data.progress } });
      },

      onStreamEnd(end) {
        const pull = get().pull;
        if (!pull || pull.streamId !== end.streamId || pull.phase !== 'running') return;
        set({
          pull: {
            ...pull,
            phase: end.error ? 'failed' : 'done',
            error: end.error,
            progress: pull.progress && !end.error ? { ...pull.progress, done: true } : pull.progress,
          },
        });
      },

      remove: (ids, force) => api.call('images.remove', { ids: [...ids], force }),
      pruneEstimate: () => api.call('images.pruneEstimate', {}),
      prune: () => api.call('images.prune', {}),
      registries: () => api.call('registries.list', {}),
      login: (registry, username, password) => api.call('registries.login', { registry, username, password }),
      async logout(registry) {
        await api.call('registries.logout', { registry });
      },
    };
  });
}

export type ImagesStore = ReturnType<typeof createImagesStore>;
