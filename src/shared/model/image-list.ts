// Images as the Images view shows them: the list, the layers, pulls, loads and prunes.

export interface ImageListItem {
  /** `sha256:…` */
  id: string;
  /** `repo:tag` references; empty for a dangling (untagged) image. */
  tags: string[];
  /** `repo@sha256:…` references. */
  digests: string[];
  /** Bytes. */
  size: number;
  /** Epoch ms. */
  createdAt: number;
  /** `linux`, `windows`; null until inspected. */
  os: string | null;
  architecture: string | null;
  /** Windows images: `10.0.20348.2762` (the third part is the build the host must match); null otherwise. */
  osVersion: string | null;
  /** Containers (any state) created from it, when the engine says; -1 when it does not. */
  containers: number;
  dangling: boolean;
  labels: Record<string, string>;
}

/** One layer of `docker history`, newest first. */
export interface ImageLayer {
  /** The image id of that step, or null where the engine answers `<missing>` (built elsewhere). */
  id: string | null;
  /** The command that made the layer (`/bin/sh -c #(nop)  CMD ["sh"]`, `RUN …`). */
  createdBy: string;
  /** Bytes added by this layer (0 for metadata-only steps). */
  size: number;
  /** Epoch ms. */
  createdAt: number;
  comment: string;
  tags: string[];
  /** True when the step only changed metadata (ENV, CMD, LABEL…): no filesystem layer. */
  empty: boolean;
}

export type LayerPhase = 'waiting' | 'downloading' | 'verifying' | 'downloaded' | 'extracting' | 'complete' | 'exists' | 'retrying' | 'other';

export interface LayerProgress {
  id: string;
  phase: LayerPhase;
  /** The engine's status words (`Downloading`, `Retrying in 5 seconds`). */
  status: string;
  /** Bytes of the current phase; null when the engine gives none. */
  current: number | null;
  total: number | null;
}

export interface PullProgress {
  reference: string;
  layers: LayerProgress[];
  /** Bytes downloaded over the layers whose size is known. */
  downloaded: number;
  /** Sum of the known layer sizes (grows as the engine learns them). */
  total: number;
  /** Layers complete or already present, out of `layers.length`. */
  layersDone: number;
  /** The last status line that is not about one layer (`Digest: …`, `Status: Downloaded newer image for …`). */
  status: string | null;
  /** The engine's `Digest: sha256:…`, once given. */
  digest: string | null;
  done: boolean;
}

export interface ImagePruneEstimate {
  /** What `images.prune` will remove: dangling images no container uses. */
  images: Array<{ id: string; size: number; createdAt: number }>;
  /** Bytes freed, counting layers shared with other images as not freed. */
  bytes: number;
}

export interface PruneResult {
  /** Image ids, volume names or network names removed. */
  deleted: string[];
  spaceReclaimed: number;
}

export type ImageLoadMode = 'load' | 'import';

export interface ImageLoadResult {
  /** `load`: the references (or ids) the archive held; `import`: the new image's id (and reference). */
  images: string[];
  /** The engine's own lines, for the details disclosure. */
  messages: string[];
}
