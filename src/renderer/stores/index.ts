// One store per domain, made by a factory so each test (and each page) starts clean, plus the
// session wiring: events are the only source of change, and `session.start` follows every
// (re)opening of the link to Silo.
import type { SiloClient } from '../api';
import type { ContainersPatch } from '../../shared/model/container';
import type { CallPort } from './api-port';
import { createContainersStore } from './containers';
import { createEngineStore } from './engine';
import { createIsolationStore } from './isolation';
import type { LanguageHints } from './preferences';
import { createPreferencesStore } from './preferences';
import { createUiStore } from './ui';
import { createBackendsStores, feedBackends } from './backends-feed';
import { createImagesStore } from './images';
import { createVolumesStore } from './volumes';
import { createVolumeFilesStore } from './volume-files';
import { createVolumeImportStore } from './volume-import';
import { createNetworksStore } from './networks';
import { createComposeStore } from './compose';
import { feedResources } from './resource-feed';
import { createStreamHub, feedStreams } from './streams';
import { createDetailsStore } from './details';
import { createStreamAcks } from './stream-acks';

/** Every store of the page, by name (the type is what createStores makes). */
export type Stores = ReturnType<typeof createStores>;

export function createStores(api: CallPort, hints?: LanguageHints) {
  const streams = createStreamHub(api);
  const acks = createStreamAcks(api);
  return {
    containers: createContainersStore(api),
    engine: createEngineStore(api),
    isolation: createIsolationStore(api),
    preferences: createPreferencesStore(api, hints),
    ui: createUiStore(),
    /** The Engine settings view: daemon.json, Docker Desktop, WSL, engines. */
    backends: createBackendsStores(api),
    images: createImagesStore(api),
    volumes: createVolumesStore(api),
    /** The volume whose files the page browses, and its saves. */
    volumeFiles: createVolumeFilesStore(api, streams, acks),
    /** A tar imported into a volume, a volume cloned. */
    volumeImport: createVolumeImportStore(api),
    networks: createNetworksStore(api),
    compose: createComposeStore(api),
    /** The page's open streams (logs, stats, terminals) and the details slice that opens them. */
    streams,
    /** What the page has processed of its streams, told to Silo (flow control). */
    acks,
    details: createDetailsStore(api, streams, { acks }),
  };
}

export interface SessionOptions {
  /**
   * Runs a flush of the container patches received meanwhile: a burst of events becomes one
   * store update and one render. By default the next animation frame.
   */
  schedule?: (flush: () => void) => void;
}

function nextFrame(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => flush());
  else setTimeout(flush, 16);
}

/** Feeds the stores from the client's events and starts a session each time the link opens. */
export function startSession(client: Pick<SiloClient, 'call' | 'on' | 'onLink'>, stores: Stores, options: SessionOptions = {}): () => void {
  const schedule = options.schedule ?? nextFrame;
  let pending: ContainersPatch[] = [];
  const flush = (): void => {
    const patches = pending;
    pending = [];
    if (patches.length > 0) stores.containers.getState().applyPatches(patches);
  };
  const offs = [
    client.on('engines.changed', (endpoints) => stores.engine.getState().setEndpoints(endpoints)),
    client.on('engine.changed', (snapshot) => stores.engine.getState().setSnapshot(snapshot)),
    client.on('containers.changed', (patch) => {
      pending.push(patch);
      if (pending.length === 1) schedule(flush);
    }),
    client.on('preferences.changed', (preferences) => stores.preferences.getState().setPreferences(preferences)),
    client.on('isolation.progress', (progress) => stores.isolation.getState().recordProgress(progress)),
    client.on('isolation.recovered', (report) => stores.isolation.getState().recordRecovery(report)),
    feedBackends(client, stores.backends),
    client.onLink((link) => {
      stores.engine.getState().setLink(link);
      if (link.state === 'open') {
        client.call('session.start', {}).catch((reason: unknown) => console.error('session.start failed', reason));
      }
    }),
    feedResources(client, stores),
    feedStreams(client, stores.streams),
  ];
  return () => {
    offs.forEach((off) => off());
    pending = [];
  };
}
