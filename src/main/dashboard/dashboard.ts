// The dashboard's engine side, over the engine manager's live session: container details, logs,
// stats, terminals, images, volumes, networks and compose projects. It keeps the lists the
// pages follow true from the engine's events (one coalesced re-list per kind), ends terminals on
// exec_die or the container's death (an exec stream may never end by itself), and ends every
// stream of a session that is gone.
import { siloError } from '../../shared/errors';
import type { ImageListItem } from '../../shared/model/image-list';
import type { NetworkSummary } from '../../shared/model/network';
import type { ResourcePatch } from '../../shared/model/resource-patch';
import type { VolumeSummary } from '../../shared/model/volume';
import { Emitter } from '../util/emitter';
import { removeLeftoverHelpers } from './volume-helper';
import { requireLive } from './engine-calls';
import type { EngineEvent } from '../engine/events';
import { openTerminal, type Terminal } from './exec';
import { listImages, type ImageFacts } from './images';
import type { LiveEngine, LiveEngineSource } from '../engine/live';
import { followLogs, downloadLogs, type LogOptions } from './logs';
import { listNetworks } from './networks';
import { ResourceWatch } from './resource-watch';
import { openStats } from './stats';
import type { EngineStreamHandle, StreamSink } from './stream-sink';
import { listVolumes, usersByVolume } from './volumes';
import { pullImage } from './image-pull';

export interface ResourcePatches {
  images: ResourcePatch<ImageListItem>;
  volumes: ResourcePatch<VolumeSummary>;
  networks: ResourcePatch<NetworkSummary>;
}

export type ResourceKind = keyof ResourcePatches;

interface OpenStream {
  session: object;
  handle: EngineStreamHandle;
  sink: StreamSink;
}

/** Container events after which no exec of that container can still run. */
const CONTAINER_GONE = new Set(['die', 'kill', 'stop', 'destroy', 'remove', 'oom']);
/**
 * Podman 4.3 sends no network events at all (netavark's create, connect and remove are silent):
 * the networks list is read again when a container comes or goes, the moments its networks'
 * users change (Podman says `remove` where dockerd says `destroy`). Coalesced with the rest, and
 * only while a page watches the list.
 */
const NETWORK_USERS_CHANGE = new Set(['create', 'destroy', 'remove']);

export class Dashboard {
  private readonly patches: Emitter<ResourcePatches>;
  private readonly imageFacts = new Map<string, ImageFacts>();
  private readonly open = new Set<OpenStream>();
  private readonly terminals = new Map<string, Terminal>();
  private endpointId: string | null = null;
  private session: object | null = null;
  private readonly unsubscribe: Array<() => void>;
  readonly images: ResourceWatch<ImageListItem>;
  readonly volumes: ResourceWatch<VolumeSummary>;
  readonly networks: ResourceWatch<NetworkSummary>;

  constructor(
    readonly source: LiveEngineSource,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.patches = new Emitter(log);
    this.images = new ResourceWatch({
      list: () => listImages(this.live(), this.imageFacts),
      key: (i) => i.id,
      emit: (p) => this.patches.emit('images', p),
      log,
    });
    this.volumes = new ResourceWatch({ list: () => listVolumes(this.live()), key: (v) => v.name, emit: (p) => this.patches.emit('volumes', p), log });
    this.networks = new ResourceWatch({ list: () => listNetworks(this.live()), key: (n) => n.id, emit: (p) => this.patches.emit('networks', p), log });
    const live = source.live();
    this.endpointId = live?.endpointId ?? null;
    this.session = live?.session ?? null;
    if (live) this.cleanHelpers(live);
    this.unsubscribe = [
      source.onEngineEvent((event) => this.onEvent(event)),
      source.onSessionChange(() => this.onSessionChange()),
      source.on('containers', () => this.onContainers()),
    ];
  }

  live(): LiveEngine {
    return requireLive(this.source);
  }

  /** A page follows one kind of list: its patches, until the returned stop. */
  follow<K extends ResourceKind>(kind: K, listener: (patch: ResourcePatches[K]) => void): () => void {
    const stopWatch = this.watchOf(kind).watch();
    const off = this.patches.on(kind, listener);
    return () => {
      off();
      stopWatch();
    };
  }

  async openLogs(id: string, options: LogOptions, sink: StreamSink): Promise<{ handle: EngineStreamHandle; tty: boolean }> {
    const live = this.live();
    const opened = await followLogs(live, id, options, this.tracked(sink));
    return { tty: opened.tty, handle: this.track(live, opened.handle, sink) };
  }

  async downloadLogs(id: string, timestamps: boolean, sink: StreamSink): Promise<EngineStreamHandle> {
    const live = this.live();
    return this.track(live, await downloadLogs(live, id, timestamps, this.tracked(sink)), sink);
  }

  async openStats(id: string, sink: StreamSink): Promise<EngineStreamHandle> {
    const live = this.live();
    return this.track(live, await openStats(live, id, this.tracked(sink)), sink);
  }

  async openTerminal(id: string, size: { cols: number; rows: number }, sink: StreamSink): Promise<{ handle: Terminal['handle']; shell: string }> {
    const live = this.live();
    let terminal: Terminal | null = null;
    const forget = (): void => {
      if (terminal) this.terminals.delete(terminal.execId);
    };
    const outer: StreamSink = {
      data: (payload) => sink.data(payload),
      end: (error, exitCode) => {
        forget();
        sink.end(error, exitCode);
      },
    };
    terminal = await openTerminal(live, id, size, this.tracked(outer));
    this.terminals.set(terminal.execId, terminal);
    const handle = terminal.handle;
    const tracked = this.track(live, { ...handle, close: () => (forget(), handle.close()) }, outer);
    return {
      shell: terminal.shell,
      handle: { ...tracked, input: (data) => handle.input(data), resize: (cols, rows) => handle.resize(cols, rows) },
    };
  }

  pull(reference: string, sink: StreamSink): EngineStreamHandle {
    const live = this.live();
    return this.track(live, pullImage(live, reference, this.tracked(sink)), sink);
  }

  close(): void {
    for (const off of this.unsubscribe) off();
    for (const stream of [...this.open]) stream.handle.close();
    this.open.clear();
    this.terminals.clear();
  }

  private watchOf(kind: ResourceKind): ResourceWatch<ImageListItem> | ResourceWatch<VolumeSummary> | ResourceWatch<NetworkSummary> {
    return kind === 'images' ? this.images : kind === 'volumes' ? this.volumes : this.networks;
  }

  /** A sink that forgets the stream once it has ended. */
  private tracked(sink: StreamSink): StreamSink {
    return {
      data: (payload) => sink.data(payload),
      end: (error, exitCode) => {
        for (const stream of this.open) if (stream.sink === sink) this.open.delete(stream);
        sink.end(error, exitCode);
      },
    };
  }

  private track(live: LiveEngine, handle: EngineStreamHandle, sink: StreamSink): EngineStreamHandle {
    const entry: OpenStream = { session: live.session, handle, sink };
    this.open.add(entry);
    // Flow control goes through as it is (see stream-flow.ts).
    const { pause, resume, overflow } = handle;
    return {
      ...(pause ? { pause: () => pause.call(handle) } : {}),
      ...(resume ? { resume: () => resume.call(handle) } : {}),
      ...(overflow ? { overflow: () => overflow.call(handle) } : {}),
      close: () => {
        this.open.delete(entry);
        handle.close();
      },
    };
  }

  private onEvent(event: EngineEvent): void {
    if (event.type === 'image') this.images.changed();
    else if (event.type === 'volume') this.volumes.changed();
    else if (event.type === 'network') this.networks.changed();
    else if (event.type === 'container' && NETWORK_USERS_CHANGE.has(event.action)) this.networks.changed();
    if (event.type === 'container' && event.action === 'exec_die') {
      const exitCode = Number(event.attributes.exitCode);
      this.terminals.get(event.attributes.execID ?? '')?.ended(Number.isInteger(exitCode) ? exitCode : null);
    } else if (event.type === 'container' && CONTAINER_GONE.has(event.action)) {
      for (const terminal of this.terminals.values()) if (terminal.containerId === event.id) terminal.ended(null);
    }
  }

  /** Volume users follow the container list without asking the engine. */
  private onContainers(): void {
    if (!this.volumes.watched) return;
    const live = this.source.live();
    if (!live) return;
    const users = usersByVolume(live);
    this.volumes.update((v) => ({ ...v, usedBy: users.get(v.name) ?? [] }));
  }

  /** Helper containers a killed Silo left behind are removed on connect. */
  private cleanHelpers(live: LiveEngine): void {
    removeLeftoverHelpers(live).then(
      (count) => {
        if (count > 0) this.log(`removed ${count} leftover volume helper container(s)`);
      },
      () => undefined,
    );
  }

  private onSessionChange(): void {
    const live = this.source.live();
    const session = live?.session ?? null;
    if (session === this.session) return;
    this.session = session;
    // Streams of a session that is gone end, saying why.
    for (const stream of [...this.open]) {
      if (stream.session === session) continue;
      this.open.delete(stream);
      stream.handle.close();
      stream.sink.end(siloError('engine-unreachable', { detail: 'the connection to the engine was lost' }));
    }
    if (!live) return;
    this.cleanHelpers(live);
    if (live.endpointId !== this.endpointId) {
      this.endpointId = live.endpointId;
      this.imageFacts.clear();
      for (const watch of [this.images, this.volumes, this.networks]) watch.clear();
    }
    for (const watch of [this.images, this.volumes, this.networks]) watch.resync();
  }
}
