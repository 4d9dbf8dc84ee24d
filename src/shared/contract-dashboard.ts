// The dashboard's part of the contract (container details, logs, stats, terminal, images,
// volumes, networks, compose projects): calls with their argument schemas, results and events.
// contract.ts spreads these in, so every host validates and serves them like the rest.
//
// Streams: `logs.open`, `logs.download`, `stats.open`, `terminal.open`, `images.pull`,
// `images.upload.open` and `compose.act` answer a stream id. Data then comes as `stream.data`
// events tagged with it, and one `stream.end` closes it. `stream.close` closes it from the page;
// every stream of a page closes when the page goes. The engine is asked only while one is open.
// The page acknowledges what it has processed (`stream.ack`); a page too far behind has its
// streams paused, then a live log's lines skipped and counted, or the stream ended `too-slow`.
import { z } from 'zod';
import { refuseReservedKeys } from './reserved-keys';
import { MAX_ARCHIVE_LIMIT } from './dashboard/archive-limit';
import type { LogsOpened } from './model/logs';
import type { FilesystemChange, ProcessTable } from './model/processes';
import type { ImageLayer, ImageListItem, ImageLoadResult, ImagePruneEstimate, PruneResult } from './model/image-list';
import type { VolumePruneEstimate, VolumeSummary } from './model/volume';
import type { VolumeDownloadOpened, VolumeFileText, VolumeImportResult, VolumeListing } from './model/volume-files';
import type { NetworkSummary } from './model/network';
import type { RegistryLogin } from './model/registry';
import type { ResourcePatch } from './model/resource-patch';
import type { StreamData, StreamEnd, StreamOpened, ItemOutcome } from './model/stream';
import type { DASHBOARD_EVENT_NAMES } from './events-dashboard';

const ContainerId = z.string().regex(/^[a-f0-9]{12,64}$/, 'a container id is 12 to 64 hexadecimal characters');
const StreamId = z.string().regex(/^s[0-9]{1,12}$/, 'a stream id as Silo gave it');
/** An image id (`sha256:…` or a short hex id) or a reference (`repo:tag`, `repo@sha256:…`). */
const ImageRef = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/, 'an image id or reference');
const VolumeName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a volume name: letters, digits, _ . -');
/** A path inside a volume, relative to its root; `..`, NUL and control characters are refused by main in plain words. */
const VolumePath = z.string().max(4096);
/** A network id or name. */
const NetworkRef = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a network id or name');
const Labels = refuseReservedKeys(z.record(z.string().min(1).max(255), z.string().max(4096))).optional();
const Cols = z.number().int().min(1).max(1000);
const Rows = z.number().int().min(1).max(500);
/** The most an archive may unpack to, in bytes (default DEFAULT_ARCHIVE_LIMIT); the load dialog lets the person raise it. */
const ArchiveLimit = z.number().int().min(1).max(MAX_ARCHIVE_LIMIT);

/** Base64 of one piece of an uploaded archive: under the browser host's 1 MiB message limit. */
const Base64Chunk = z
  .string()
  .min(1)
  .max(700_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const NoArgs = z.object({}).strict();
/** A registry as config.json keys it: `host[:port]`, or Docker Hub's index address. */
const Registry = z
  .string()
  .min(1)
  .max(255)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?|https:\/\/index\.docker\.io\/v1\/)$/, 'a registry: host[:port]');

export const dashboardCallSchemas = {
  /** The container's full inspect answer, as the engine gave it (readable and raw JSON views). */
  'containers.inspect': z.object({ id: ContainerId }).strict(),
  /** `docker top` (Linux: ps -ef columns; Windows: Name, PID, CPU, Private Working Set). */
  'containers.top': z.object({ id: ContainerId }).strict(),
  /** `docker diff`: paths changed in the writable layer. */
  'containers.changes': z.object({ id: ContainerId }).strict(),
  /** Follow a container's log (data: `logs` batches). `tail`: lines before now (default 1000). */
  'logs.open': z
    .object({
      id: ContainerId,
      tail: z.union([z.number().int().min(0).max(10_000_000), z.literal('all')]).optional(),
      timestamps: z.boolean().optional(),
      /** Epoch seconds: only lines since then. */
      since: z.number().int().min(0).optional(),
    })
    .strict(),
  /** The whole log as text, in pieces (data: `download`), then the end: for saving as a file. */
  'logs.download': z.object({ id: ContainerId, timestamps: z.boolean().optional() }).strict(),
  /** Live `docker stats` for one running container (data: `stats`, about one a second). */
  'stats.open': z.object({ id: ContainerId }).strict(),
  /** An interactive shell in a running container (data: `terminal`). */
  'terminal.open': z.object({ id: ContainerId, cols: Cols, rows: Rows }).strict(),
  'terminal.input': z.object({ streamId: StreamId, data: z.string().min(1).max(65_536) }).strict(),
  'terminal.resize': z.object({ streamId: StreamId, cols: Cols, rows: Rows }).strict(),
  /** Close a stream this page opened (a pull or bulk work is cancelled). */
  'stream.close': z.object({ streamId: StreamId }).strict(),
  /**
   * The page has processed this much of a stream's data (`streamDataSize` of each `stream.data`,
   * summed): Silo sends a page at most a few MiB it has not acknowledged, then waits.
   */
  'stream.ack': z
    .object({
      streamId: StreamId,
      bytes: z
        .number()
        .int()
        .min(1)
        .max(1024 * 1024 * 1024),
    })
    .strict(),

  /** Every image with size, dates, OS/architecture and, for Windows images, OsVersion. Then `images.changed`. */
  'images.list': NoArgs,
  /** The layers of an image, newest first. */
  'images.history': z.object({ id: ImageRef }).strict(),
  /** Pull with per-layer progress (data: `pull`); `stream.close` cancels. */
  'images.pull': z.object({ reference: ImageRef }).strict(),
  /** Load (`docker load`) or import (`docker import`) a tar file at a path on this machine. */
  'images.loadFile': z
    .object({
      path: z.string().min(1).max(4096),
      mode: z.enum(['load', 'import']),
      /** Import only: `repo[:tag]` for the new image. */
      reference: ImageRef.optional(),
      limit: ArchiveLimit.optional(),
    })
    .strict(),
  /** Start sending an archive's bytes from the page (a file picked in the browser); `size`, when given, is checked at finish. */
  'images.upload.open': z
    .object({ mode: z.enum(['load', 'import']), reference: ImageRef.optional(), size: z.number().int().min(1).optional(), limit: ArchiveLimit.optional() })
    .strict(),
  /** One piece, in order; answers once the engine has taken it (the page waits: flow control). */
  'images.upload.chunk': z.object({ streamId: StreamId, data: Base64Chunk }).strict(),
  /** No more pieces: the engine's answer. */
  'images.upload.finish': z.object({ streamId: StreamId }).strict(),
  'images.remove': z.object({ ids: z.array(ImageRef).min(1).max(1000), force: z.boolean().optional() }).strict(),
  /** What `images.prune` would remove, and the bytes it would free. */
  'images.pruneEstimate': NoArgs,
  'images.prune': NoArgs,
  /** The registry logins the docker CLI keeps (config.json and its credential helpers). */
  'registries.list': NoArgs,
  /** `docker login`: the engine checks them, then they are stored where the docker CLI stores them. */
  'registries.login': z.object({ registry: Registry, username: z.string().min(1).max(255), password: z.string().min(1).max(4096) }).strict(),
  /** `docker logout`. */
  'registries.logout': z.object({ registry: Registry }).strict(),

  /** Volumes with driver, mountpoint, size and the containers that use them. Then `volumes.changed`. */
  'volumes.list': NoArgs,
  'volumes.create': z.object({ name: VolumeName.optional(), driver: z.string().min(1).max(255).optional(), labels: Labels }).strict(),
  /** Refused with `volume-in-use` while containers use it; `force`: remove those containers first (the person confirmed). */
  'volumes.remove': z.object({ name: VolumeName, force: z.boolean().optional() }).strict(),
  'volumes.pruneEstimate': NoArgs,
  'volumes.prune': NoArgs,
  /**
   * One folder of a volume (`path` relative to its root, '' for the root): its entries with size,
   * mode, owner and time, read through a helper container that mounts it read-only.
   */
  'volumes.browse': z.object({ name: VolumeName, path: VolumePath }).strict(),
  /** A file's first MiB as text. */
  'volumes.read': z.object({ name: VolumeName, path: VolumePath }).strict(),
  /**
   * Save a file (its bytes), a folder (a tar) or, with path '', the whole volume (an export; `gzip`:
   * .tar.gz) (data: `archive` pieces with bytes and files so far); `stream.close` cancels.
   */
  'volumes.download': z.object({ name: VolumeName, path: VolumePath, gzip: z.boolean().optional() }).strict(),
  /**
   * Start importing a tar (or .tar.gz) from the page into a new volume, or an existing one: one
   * that holds files is refused with `volume-not-empty` unless `mode` says replace or merge (a
   * backup clone is made first). Entries are checked as they stream; `limit` caps what it unpacks to.
   */
  'volumes.import.open': z
    .object({
      name: VolumeName,
      into: z.enum(['new', 'existing']),
      mode: z.enum(['replace', 'merge']).optional(),
      size: z.number().int().min(1).optional(),
      limit: ArchiveLimit.optional(),
    })
    .strict(),
  'volumes.import.chunk': z.object({ streamId: StreamId, data: Base64Chunk }).strict(),
  /** No more pieces: the import is checked complete, then (into an existing volume) copied in. */
  'volumes.import.finish': z.object({ streamId: StreamId }).strict(),
  /** A new volume `target` with everything of `name`, owners, modes, times and links as they are. */
  'volumes.clone': z.object({ name: VolumeName, target: VolumeName }).strict(),

  /** Networks with driver, scope, subnets and connected containers. Then `networks.changed`. */
  'networks.list': NoArgs,
  'networks.create': z
    .object({
      name: NetworkRef,
      driver: z.string().min(1).max(64).optional(),
      internal: z.boolean().optional(),
      attachable: z.boolean().optional(),
      subnet: z.string().max(64).optional(),
      gateway: z.string().max(64).optional(),
      labels: Labels,
    })
    .strict(),
  'networks.remove': z.object({ id: NetworkRef }).strict(),
  'networks.connect': z.object({ network: NetworkRef, container: ContainerId }).strict(),
  'networks.disconnect': z.object({ network: NetworkRef, container: ContainerId, force: z.boolean().optional() }).strict(),

  /** Start, stop or restart every container of a compose project (data: `progress`). */
  'compose.act': z.object({ project: z.string().min(1).max(255), action: z.enum(['start', 'stop', 'restart']) }).strict(),
} as const;

export interface DashboardResults {
  'containers.inspect': Record<string, unknown>;
  'containers.top': ProcessTable;
  'containers.changes': FilesystemChange[];
  'logs.open': LogsOpened;
  'logs.download': StreamOpened;
  'stats.open': StreamOpened;
  'terminal.open': StreamOpened & { shell: string };
  'terminal.input': null;
  'terminal.resize': null;
  'stream.close': null;
  'stream.ack': null;
  'images.list': ImageListItem[];
  'images.history': ImageLayer[];
  'images.pull': StreamOpened;
  'images.loadFile': ImageLoadResult;
  'images.upload.open': StreamOpened;
  'images.upload.chunk': { received: number };
  'images.upload.finish': ImageLoadResult;
  'images.remove': ItemOutcome[];
  'images.pruneEstimate': ImagePruneEstimate;
  'images.prune': PruneResult;
  'registries.list': RegistryLogin[];
  'registries.login': RegistryLogin;
  'registries.logout': null;
  'volumes.list': VolumeSummary[];
  'volumes.create': VolumeSummary;
  'volumes.remove': null;
  'volumes.pruneEstimate': VolumePruneEstimate;
  'volumes.prune': PruneResult;
  'volumes.browse': VolumeListing;
  'volumes.read': VolumeFileText;
  'volumes.download': VolumeDownloadOpened;
  'volumes.import.open': StreamOpened;
  'volumes.import.chunk': { received: number };
  'volumes.import.finish': VolumeImportResult;
  'volumes.clone': null;
  'networks.list': NetworkSummary[];
  'networks.create': NetworkSummary;
  'networks.remove': null;
  'networks.connect': null;
  'networks.disconnect': null;
  'compose.act': StreamOpened & { total: number };
}

export interface DashboardEvents {
  'stream.data': StreamData;
  'stream.end': StreamEnd;
  /** After `images.listFull`: changes as the engine's events tell them. */
  'images.changed': ResourcePatch<ImageListItem>;
  /** After `volumes.list`. */
  'volumes.changed': ResourcePatch<VolumeSummary>;
  /** After `networks.list`. */
  'networks.changed': ResourcePatch<NetworkSummary>;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameCalls: Same<keyof DashboardResults, keyof typeof dashboardCallSchemas> = true;
const _sameEvents: Same<keyof DashboardEvents, (typeof DASHBOARD_EVENT_NAMES)[number]> = true;
void _sameCalls;
void _sameEvents;
