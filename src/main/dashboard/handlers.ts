// One page's handlers for the dashboard's calls (contract-dashboard.ts): they open streams in the
// page's registry, follow image/volume/network lists for the page once it has listed them, and
// answer the rest from the engine. Everything stops with the page.
import type { z } from 'zod';
import type { DashboardResults, dashboardCallSchemas } from '../../shared/contract-dashboard';
import { SiloFailure, siloError } from '../../shared/errors';
import { actOnProject } from './compose';
import { filesystemChanges, inspectRaw, topProcesses } from './container-details';
import type { Dashboard, ResourceKind } from './dashboard';
import { loadFile, openUpload } from './image-load';
import { estimateImagePrune, imageHistory, pruneImages, removeImages } from './images';
import { connectNetwork, createNetwork, disconnectNetwork, removeNetwork } from './networks';
import type { TerminalHandle, UploadHandle } from './stream-sink';
import type { VolumeImportResult } from '../../shared/model/volume-files';
import { cloneVolume } from './volume-copy';
import { openVolumeDownload } from './volume-download';
import { openVolumeImport } from './volume-import';
import { browseVolume, readVolumeFile } from './volume-files';
import { listLogins, login, logout } from './registry-login';
import { createVolume, estimateVolumePrune, pruneVolumes, removeVolume } from './volumes';
import type { Send } from '../util/send';
import type { StreamRegistry } from './stream-registry';

type Schemas = typeof dashboardCallSchemas;
export type DashboardHandlers = { [N in keyof Schemas]: (args: z.output<Schemas[N]>) => Promise<DashboardResults[N]> };

export interface DashboardPage {
  handlers: DashboardHandlers;
  close(): void;
}

const DEFAULT_TAIL = 1000;

export function openDashboardPage(dashboard: Dashboard | null, send: Send, streams: StreamRegistry): DashboardPage {
  const following = new Map<ResourceKind, () => void>();
  const board = (): Dashboard => {
    if (!dashboard) throw new SiloFailure(siloError('no-engine'));
    return dashboard;
  };
  const live = () => board().live();
  const networksChanged = <T>(result: T): T => {
    board().networks.changed();
    return result;
  };
  /** From the page's first list of a kind on, it gets that kind's patches. */
  const follow = (kind: ResourceKind): void => {
    if (following.has(kind)) return;
    const d = board();
    const stop =
      kind === 'images'
        ? d.follow('images', (patch) => send('images.changed', patch))
        : kind === 'volumes'
          ? d.follow('volumes', (patch) => send('volumes.changed', patch))
          : d.follow('networks', (patch) => send('networks.changed', patch));
    following.set(kind, stop);
  };

  const handlers: DashboardHandlers = {
    'containers.inspect': async ({ id }) => inspectRaw(live(), id),
    'containers.top': async ({ id }) => topProcesses(live(), id),
    'containers.changes': async ({ id }) => filesystemChanges(live(), id),
    'logs.open': ({ id, tail, timestamps, since }) =>
      streams.open('logs', (sink) =>
        board().openLogs(id, { tail: tail ?? DEFAULT_TAIL, timestamps: timestamps ?? true, ...(since !== undefined ? { since } : {}) }, sink),
      ),
    'logs.download': ({ id, timestamps }) => streams.open('download', async (sink) => ({ handle: await board().downloadLogs(id, timestamps ?? false, sink) })),
    'stats.open': ({ id }) => streams.open('stats', async (sink) => ({ handle: await board().openStats(id, sink) })),
    'terminal.open': ({ id, cols, rows }) => streams.open('terminal', (sink) => board().openTerminal(id, { cols, rows }, sink)),
    'terminal.input': async ({ streamId, data }) => {
      streams.get<TerminalHandle>(streamId, 'terminal').input(data);
      return null;
    },
    'terminal.resize': async ({ streamId, cols, rows }) => {
      await streams.get<TerminalHandle>(streamId, 'terminal').resize(cols, rows);
      return null;
    },
    'stream.close': async ({ streamId }) => {
      streams.close(streamId);
      return null;
    },
    'stream.ack': async ({ streamId, bytes }) => {
      streams.ack(streamId, bytes);
      return null;
    },

    'images.list': async () => {
      follow('images');
      return board().images.listNow();
    },
    'images.history': async ({ id }) => imageHistory(live(), id),
    'images.pull': ({ reference }) => streams.open('pull', async (sink) => ({ handle: board().pull(reference, sink) })),
    'images.loadFile': async ({ path, mode, reference, limit }) => loadFile(live(), path, mode, reference, limit),
    'images.upload.open': ({ mode, reference, size, limit }) =>
      streams.open('upload', async () => ({ handle: openUpload(live(), mode, reference, size, limit) })),
    'images.upload.chunk': async ({ streamId, data }) => ({ received: await streams.get<UploadHandle>(streamId, 'upload').write(Buffer.from(data, 'base64')) }),
    'images.upload.finish': async ({ streamId }) => {
      const upload = streams.get<UploadHandle>(streamId, 'upload');
      try {
        return await upload.finish();
      } finally {
        streams.forget(streamId);
      }
    },
    'images.remove': async ({ ids, force }) => removeImages(live(), ids, force ?? false),
    'images.pruneEstimate': async () => estimateImagePrune(live()),
    'images.prune': async () => pruneImages(live()),

    'registries.list': async () => listLogins(live().dockerConfigDir),
    'registries.login': async ({ registry, username, password }) => login(live(), registry, username, password),
    'registries.logout': async ({ registry }) => {
      await logout(live(), registry);
      return null;
    },

    'volumes.list': async () => {
      follow('volumes');
      return board().volumes.listNow();
    },
    'volumes.create': async (spec) => createVolume(live(), spec),
    'volumes.remove': async ({ name, force }) => {
      await removeVolume(live(), name, force ?? false);
      return null;
    },
    'volumes.pruneEstimate': async () => estimateVolumePrune(live()),
    'volumes.prune': async () => pruneVolumes(live()),
    'volumes.browse': async ({ name, path }) => browseVolume(live(), name, path),
    'volumes.read': async ({ name, path }) => readVolumeFile(live(), name, path),
    'volumes.download': ({ name, path, gzip }) => streams.open('archive', (sink) => openVolumeDownload(live(), name, path, { gzip: gzip ?? false }, sink)),
    'volumes.import.open': (spec) => streams.open('import', async () => ({ handle: await openVolumeImport(live(), spec) })),
    'volumes.import.chunk': async ({ streamId, data }) => ({
      received: await streams.get<UploadHandle<VolumeImportResult>>(streamId, 'import').write(Buffer.from(data, 'base64')),
    }),
    'volumes.import.finish': async ({ streamId }) => {
      const upload = streams.get<UploadHandle<VolumeImportResult>>(streamId, 'import');
      try {
        return await upload.finish();
      } finally {
        streams.forget(streamId);
      }
    },
    'volumes.clone': async ({ name, target }) => {
      await cloneVolume(live(), name, target);
      return null;
    },

    'networks.list': async () => {
      follow('networks');
      return board().networks.listNow();
    },
    // Podman sends no network events: each change made here reads the list again (coalesced
    // with the event of an engine that does send one).
    'networks.create': async (spec) => networksChanged(await createNetwork(live(), spec)),
    'networks.remove': async ({ id }) => {
      await removeNetwork(live(), id);
      return networksChanged(null);
    },
    'networks.connect': async ({ network, container }) => {
      await connectNetwork(live(), network, container);
      return networksChanged(null);
    },
    'networks.disconnect': async ({ network, container, force }) => {
      await disconnectNetwork(live(), network, container, force ?? false);
      return networksChanged(null);
    },

    'compose.act': ({ project, action }) => streams.open('progress', async (sink) => actOnProject(board().source, project, action, sink)),
  };

  return {
    handlers,
    close() {
      for (const stop of following.values()) stop();
      following.clear();
    },
  };
}
