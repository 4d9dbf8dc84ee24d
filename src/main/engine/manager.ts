// The main process's single owner of engine connections: discovery, the active endpoint, its
// connection (reconnecting by itself), GET /info, the events stream and the container store.
// Every reconnect resynchronizes with a fresh list (a `reset` patch).
import { join } from 'node:path';
import type { ActionOutcome } from '../../shared/contract';
import type { RawInfo } from '../../shared/engine-api';
import { SiloFailure, siloError } from '../../shared/errors';
import { toEngineInfo } from '../../shared/isolation';
import type { ContainerAction, ContainerSummary } from '../../shared/model/container';
import type { ConnectionState, EngineEndpoint, EngineInfo, EngineSnapshot } from '../../shared/model/engine';
import type { BackoffOptions } from './connection/backoff';
import { EngineConnection, type Session } from './connection/connection';
import { readInfoOnce } from './connection/info-once';
import { ContainerApi, actOnSelection } from './containers';
import { ContainerStore, type FixedFacts } from './container-store';
import { discoverEngines, type DiscoveredEndpoint } from './connection/discover';
import { Emitter } from '../util/emitter';
import { isConnectionError } from './errors';
import { EventStream, type EngineEvent } from './events';
import type { HostFs } from './connection/host-fs';
import type { LiveEngine, LiveEngineSource } from './live';
import type { ActOptions, EngineManagerEvents, EngineManagerOptions, EngineService } from './types';

export interface EngineManagerTuning {
  /** File access for discovery (tests lay out a home directory). */
  fs?: HostFs;
  log?: (line: string) => void;
  /** Deadline to reach an engine and get its answer to GET /version. */
  connectDeadlineMs?: number;
  backoff?: BackoffOptions;
  inspectConcurrency?: number;
  actionConcurrency?: number;
}

interface SessionParts {
  store: ContainerStore;
  events: EventStream;
}

const CALL_DEADLINE_MS = 10_000;
const NO_CONNECTION: ConnectionState = { phase: 'unreachable', error: siloError('no-engine'), apiVersion: null, attempt: 0, nextAttemptAt: null };

export class EngineManager implements EngineService, LiveEngineSource {
  private readonly emitter: Emitter<EngineManagerEvents>;
  /** The dashboard's own feed: every followed engine event, and session changes. */
  private readonly dashboardFeed: Emitter<{ event: EngineEvent; session: null }>;
  private readonly log: (line: string) => void;
  private discovered: DiscoveredEndpoint[] = [];
  private activeId: string | null = null;
  private chosenByPerson = false;
  private connection: EngineConnection | null = null;
  private info: EngineInfo | null = null;
  private store: ContainerStore | null = null;
  private readonly parts = new Map<Session, SessionParts>();
  private fixed = new Map<string, FixedFacts>();
  private stopped = false;
  private switching: Promise<void> = Promise.resolve();

  constructor(private readonly options: EngineManagerOptions & EngineManagerTuning) {
    this.log = options.log ?? ((line) => console.warn(`[engine] ${line}`));
    this.emitter = new Emitter(this.log);
    this.dashboardFeed = new Emitter(this.log);
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.discover();
    const active = this.discovered.find((d) => d.endpoint.active);
    if (active) await this.connect(active);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const connection = this.connection;
    this.connection = null;
    await connection?.stop();
    await this.switching;
  }

  endpoints(): EngineEndpoint[] {
    return this.discovered.map((d) => ({ ...d.endpoint, active: d.endpoint.id === this.activeId }));
  }

  async refreshEndpoints(): Promise<EngineEndpoint[]> {
    const previous = this.discovered.find((d) => d.endpoint.id === this.activeId);
    this.discover();
    const winner = this.discovered.find((d) => d.endpoint.active);
    if (previous && !this.discovered.some((d) => d.endpoint.id === previous.endpoint.id)) this.discovered.push(previous);
    // A person's choice stays, and so does a working connection; otherwise follow discovery
    // (an engine that has appeared since may now win).
    const keep = previous && (this.chosenByPerson || this.connection?.state.phase === 'connected');
    if (keep || !winner || winner.endpoint.id === this.activeId) this.emitter.emit('endpoints', this.endpoints());
    else await this.connect(winner);
    return this.endpoints();
  }

  async select(id: string): Promise<void> {
    const target = this.discovered.find((d) => d.endpoint.id === id);
    if (!target) throw new SiloFailure(siloError('no-engine', { params: { id } }));
    this.chosenByPerson = true;
    if (id === this.activeId && this.connection) return;
    await this.connect(target);
  }

  snapshot(): EngineSnapshot {
    const active = this.endpoints().find((e) => e.active) ?? null;
    return { endpoint: active, connection: this.connection?.state ?? NO_CONNECTION, info: this.info };
  }

  containers(): ContainerSummary[] {
    return this.store?.containers() ?? [];
  }

  async act(ids: string[], action: ContainerAction, options: ActOptions): Promise<ActionOutcome[]> {
    const connection = this.connection;
    const session = connection?.live;
    if (!connection || !session) {
      const error = connection?.state.error ?? siloError('no-engine');
      return ids.map((id) => ({ id, ok: false, error }));
    }
    const api = new ContainerApi(session.client);
    const store = this.parts.get(session)?.store;
    return actOnSelection(
      ids,
      async (id) => {
        try {
          return await api.act(id, action, options, store?.get(id)?.name);
        } catch (error) {
          if (isConnectionError(error)) connection.lost(session, error);
          throw error;
        }
      },
      this.options.actionConcurrency ?? 4,
    );
  }

  on<E extends keyof EngineManagerEvents>(event: E, listener: (payload: EngineManagerEvents[E]) => void): () => void {
    return this.emitter.on(event, listener);
  }

  /**
   * A fresh GET /info of a discovered endpoint: over the live session for the active one, else
   * over a client of its own for this one call. Fails at the deadline (engine-timeout).
   */
  async readInfo(id: string, deadlineMs = CALL_DEADLINE_MS): Promise<RawInfo> {
    const target = this.discovered.find((d) => d.endpoint.id === id);
    if (!target) throw new SiloFailure(siloError('no-engine', { params: { id } }));
    const session = id === this.activeId ? this.connection?.live : null;
    return readInfoOnce({ host: target.endpoint.host, tls: target.tls }, this.options.env, deadlineMs, session?.client);
  }

  /** The live session for the dashboard (logs, stats, terminal, images, volumes, networks); null while not connected. */
  live(): LiveEngine | null {
    const connection = this.connection;
    const session = connection?.live;
    const store = session ? this.parts.get(session)?.store : undefined;
    if (!connection || !session || !store || this.activeId === null) return null;
    return {
      session,
      endpointId: this.activeId,
      client: session.client,
      apiVersion: session.apiVersion,
      info: this.info,
      dockerConfigDir: this.options.env.DOCKER_CONFIG || join(this.options.homeDir, '.docker'),
      containers: () => store.containers(),
      volumeNames: (id) => store.volumeNames(id),
      lost: (error) => connection.lost(session, error),
    };
  }

  onEngineEvent(listener: (event: EngineEvent) => void): () => void {
    return this.dashboardFeed.on('event', listener);
  }

  onSessionChange(listener: () => void): () => void {
    return this.dashboardFeed.on('session', () => listener());
  }

  /** Resolves when the current store has no inspect queued or running (for tests and benches). */
  settled(): Promise<void> {
    return this.store?.idle() ?? Promise.resolve();
  }

  private discover(): void {
    const { env, homeDir, platform, fs } = this.options;
    const found = discoverEngines({ env, homeDir, platform, ...(fs ? { fs } : {}) });
    for (const problem of found.problems) this.log(problem);
    this.discovered = found.endpoints;
  }

  /** Switch to an endpoint; switches run one after another, never two connections at once. */
  private connect(target: DiscoveredEndpoint): Promise<void> {
    const next = this.switching.then(() => this.switchTo(target));
    this.switching = next.catch(() => undefined);
    return next;
  }

  /** Close the old connection, clear what it showed, connect. */
  private async switchTo(target: DiscoveredEndpoint): Promise<void> {
    const old = this.connection;
    this.connection = null;
    await old?.stop();
    if (this.stopped) return;
    this.activeId = target.endpoint.id;
    this.info = null;
    this.store = null;
    this.fixed = new Map();
    this.emitter.emit('endpoints', this.endpoints());
    this.emitter.emit('containers', { reset: true, upsert: [], remove: [] });
    const connection: EngineConnection = new EngineConnection({
      target: { host: target.endpoint.host, tls: target.tls },
      env: this.options.env,
      establish: (session) => this.establish(connection, session),
      teardown: (session) => this.teardown(session),
      onState: () => this.emitSnapshot(),
      log: this.log,
      ...(this.options.connectDeadlineMs ? { connectDeadlineMs: this.options.connectDeadlineMs } : {}),
      ...(this.options.backoff ? { backoff: this.options.backoff } : {}),
    });
    this.connection = connection;
    this.emitSnapshot();
    await connection.start();
  }

  /** One session: info, then the events stream (before the list, so no change falls between), then the list. */
  private async establish(connection: EngineConnection, session: Session): Promise<void> {
    const info = await this.fetchInfo(session);
    const store = new ContainerStore({
      api: new ContainerApi(session.client, { inspectDeadlineMs: CALL_DEADLINE_MS }),
      engineInfo: () => this.info,
      endpointHost: () => this.snapshot().endpoint?.host ?? null,
      emit: (patch) => {
        if (this.store !== store) return;
        this.emitter.emit('containers', patch);
        this.recount();
      },
      onConnectionError: (error) => connection.lost(session, error),
      log: this.log,
      fixed: this.fixed,
      ...(this.options.inspectConcurrency ? { concurrency: this.options.inspectConcurrency } : {}),
    });
    const events = new EventStream(session.client, {
      onEvent: (event) => this.onEvent(session, store, event),
      onEnd: (reason) => connection.lost(session, reason),
      onProblem: this.log,
    });
    this.parts.set(session, { store, events });
    await events.open(CALL_DEADLINE_MS);
    if (session.dead) return;
    this.info = info;
    this.store = store;
    await store.load();
  }

  private teardown(session: Session): void {
    const parts = this.parts.get(session);
    this.parts.delete(session);
    parts?.events.close();
    parts?.store.close();
  }

  private onEvent(session: Session, store: ContainerStore, event: EngineEvent): void {
    if (event.type === 'daemon' && event.action === 'reload') {
      // Runtimes and the default runtime reload on SIGHUP: show the engine as it is now.
      void this.fetchInfo(session)
        .then((info) => {
          if (session.dead) return;
          this.info = info;
          this.recount(true);
        })
        .catch((error) => this.log(`refreshing engine info: ${(error as Error).message}`));
      return;
    }
    this.dashboardFeed.emit('event', event);
    if (event.action === 'exec_die') return;
    store.handleEvent(event);
  }

  private async fetchInfo(session: Session): Promise<EngineInfo | null> {
    const raw = await session.client.get<RawInfo>('/info', { signal: AbortSignal.timeout(CALL_DEADLINE_MS) });
    try {
      return toEngineInfo(raw);
    } catch (error) {
      this.log(`reading the engine's info: ${(error as Error).message}`);
      return null;
    }
  }

  /** The engine's container counts follow the store, so the Engine view never shows stale ones. */
  private recount(force = false): void {
    const info = this.info;
    if (!info || !this.store) {
      if (force) this.emitSnapshot();
      return;
    }
    const all = this.store.containers();
    const running = all.filter((c) => c.state === 'running' || c.state === 'restarting').length;
    const paused = all.filter((c) => c.state === 'paused').length;
    const counts = { total: all.length, running, paused, stopped: all.length - running - paused };
    const old = info.containers;
    if (!force && old.total === counts.total && old.running === counts.running && old.paused === counts.paused && old.stopped === counts.stopped) return;
    this.info = { ...info, containers: counts };
    this.emitSnapshot();
  }

  private emitSnapshot(): void {
    this.emitter.emit('engine', this.snapshot());
    this.dashboardFeed.emit('session', null);
  }
}
