// The truth about one engine's containers for one session. The first list gives a `reset`;
// each container is then inspected once (8 at a time) for its isolation and state detail.
// After that the events stream is the only source of change: an event leads to one inspect of
// that id (at most one in flight, re-run if another event came meanwhile), `destroy` to a
// removal. No polling.
import type { RawContainerInspect } from '../../shared/engine-api';
import type { ContainerSummary, ContainersPatch } from '../../shared/model/container';
import type { EngineInfo } from '../../shared/model/engine';
import type { EffectiveIsolation } from '../../shared/model/isolation';
import { mountsEngineSocket, resolveIsolation } from '../../shared/isolation';
import { choicesFromInspect, hostPathsOf, rootFindings, type ContainerChoices, type RootFinding } from '../../shared/isolation/root-access';
import { computeBoundary } from '../../shared/isolation/boundary';
import type { Boundary } from '../../shared/model/boundary';
import { resolveBindSources } from './bind-sources';
import { SiloFailure } from '../../shared/errors';
import type { ContainerApi } from './containers';
import { isConnectionError } from './errors';
import type { EngineEvent } from './events';
import { Limiter } from '../util/limiter';
import { PatchBatcher } from './patch-batcher';
import { summaryFromInspect, summaryFromList } from './summary';
import { runtimeCutsNetwork } from '../../shared/isolation/gvisor-limits';
import { volumeNamesOf } from '../../shared/dashboard/volumes';

/** What never changes in a container's life: kept from its first inspect until `destroy`. */
export interface FixedFacts {
  isolation: EffectiveIsolation | null;
  mountsEngineSocket: boolean;
  rootAccess: RootFinding[];
  /** The binds as resolved on the host, for the boundary of each later inspect. */
  choices: ContainerChoices | null;
  /** Its runtime cuts its network (runsc --network=none): no port it publishes is served. */
  networkCut?: boolean;
}

export interface ContainerStoreOptions {
  api: Pick<ContainerApi, 'list' | 'inspect'>;
  engineInfo: () => EngineInfo | null;
  /** The address Silo is connected to (`unix:///…`): its socket is the engine's, its host the one Silo can see. */
  endpointHost: () => string | null;
  emit: (patch: ContainersPatch) => void;
  /** An inspect could not reach the engine. */
  onConnectionError: (error: unknown) => void;
  log: (line: string) => void;
  /** Fixed facts by container id, shared by the sessions of one endpoint. */
  fixed: Map<string, FixedFacts>;
  concurrency?: number;
}

/** Events that change nothing Silo shows. */
const IGNORED_ACTIONS = new Set(['attach', 'detach', 'resize', 'top', 'export', 'commit', 'copy', 'archive-path', 'extract-to-dir', 'checkpoint']);

interface InspectRecord {
  wanted: number;
  seen: number;
  running: boolean;
  queued: number;
  queuedUrgent: boolean;
}

export class ContainerStore {
  private readonly byId = new Map<string, ContainerSummary>();
  /** Volume names each container mounts (the dashboard's "used by"). */
  private readonly volumes = new Map<string, readonly string[]>();
  private readonly records = new Map<string, InspectRecord>();
  private readonly gone = new Set<string>();
  private readonly beforeReady = new Set<string>();
  private readonly limiter: Limiter;
  private readonly batcher: PatchBatcher;
  private ready = false;
  private closed = false;
  private outstanding = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: ContainerStoreOptions) {
    this.limiter = new Limiter(options.concurrency ?? 8);
    this.batcher = new PatchBatcher(options.emit);
  }

  containers(): ContainerSummary[] {
    return [...this.byId.values()];
  }

  get(id: string): ContainerSummary | undefined {
    return this.byId.get(id);
  }

  volumeNames(id: string): readonly string[] {
    return this.volumes.get(id) ?? [];
  }

  /** List, send the reset, start the inspect sweep (not awaited: see `idle`). */
  async load(): Promise<void> {
    const items = await this.options.api.list();
    if (this.closed) return;
    const listed = new Set<string>();
    for (const item of items) {
      if (this.gone.has(item.Id)) continue;
      listed.add(item.Id);
      const summary = summaryFromList(item);
      this.volumes.set(item.Id, volumeNamesOf(item.Mounts));
      const fixed = this.options.fixed.get(item.Id);
      this.byId.set(item.Id, fixed ? { ...summary, ...fixed } : summary);
    }
    for (const id of this.options.fixed.keys()) if (!listed.has(id)) this.options.fixed.delete(id);
    this.ready = true;
    this.batcher.reset(this.containers());
    for (const id of this.byId.keys()) this.request(id, this.beforeReady.has(id));
    for (const id of this.beforeReady) if (!this.byId.has(id)) this.request(id, true);
    this.beforeReady.clear();
  }

  handleEvent(event: EngineEvent): void {
    if (this.closed || event.type !== 'container' || IGNORED_ACTIONS.has(event.action)) return;
    const id = this.idOf(event.id);
    if (event.action === 'destroy') {
      this.gone.add(id);
      this.options.fixed.delete(id);
      this.volumes.delete(id);
      if (this.byId.delete(id)) this.batcher.remove(id);
      return;
    }
    if (!this.ready) {
      this.beforeReady.add(id);
      return;
    }
    this.request(id, true);
  }

  /** An event that names its container instead of giving its id (Podman may) finds it by name. */
  private idOf(idOrName: string): string {
    if (this.byId.has(idOrName)) return idOrName;
    for (const summary of this.byId.values()) if (summary.name === idOrName) return summary.id;
    return idOrName;
  }

  /** Resolves when no inspect is queued or running and every change has been sent. */
  async idle(): Promise<void> {
    if (this.outstanding > 0 && !this.closed) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    if (!this.closed) this.batcher.flush();
  }

  close(): void {
    this.closed = true;
    this.limiter.clear();
    this.batcher.discard();
    this.outstanding = 0;
    this.settleIdle();
  }

  private request(id: string, urgent: boolean): void {
    if (this.closed || this.gone.has(id)) return;
    let record = this.records.get(id);
    if (!record) {
      record = { wanted: 0, seen: 0, running: false, queued: 0, queuedUrgent: false };
      this.records.set(id, record);
    }
    record.wanted += 1;
    if (record.running) return; // the run in flight starts another when it ends
    if (record.queued > 0 && (record.queuedUrgent || !urgent)) return;
    this.enqueue(id, record, urgent);
  }

  private enqueue(id: string, record: InspectRecord, urgent: boolean): void {
    record.queued += 1;
    if (urgent) record.queuedUrgent = true;
    this.outstanding += 1;
    void this.limiter.run(async () => {
      record.queued -= 1;
      if (urgent) record.queuedUrgent = false;
      try {
        if (!record.running && record.seen < record.wanted) await this.inspect(id, record, urgent);
      } finally {
        this.outstanding -= 1;
        if (this.outstanding <= 0) this.settleIdle();
      }
    }, urgent);
  }

  private async inspect(id: string, record: InspectRecord, urgent: boolean): Promise<void> {
    const target = record.wanted;
    record.running = true;
    let raw: RawContainerInspect | null;
    try {
      raw = await this.options.api.inspect(id);
    } catch (error) {
      record.running = false;
      record.seen = target;
      if (this.closed) return;
      if (isConnectionError(error)) {
        this.options.onConnectionError(error);
        return;
      }
      this.options.log(`inspect ${id.slice(0, 12)}: ${error instanceof SiloFailure ? (error.error.detail ?? error.error.code) : String(error)}`);
      if (record.wanted > record.seen) this.enqueue(id, record, true);
      return;
    }
    record.running = false;
    record.seen = target;
    if (this.closed || this.gone.has(id)) return;
    if (raw === null) {
      this.gone.add(id);
      this.options.fixed.delete(id);
      this.records.delete(id);
      this.volumes.delete(id);
      if (this.byId.delete(id)) this.batcher.remove(id);
      return;
    }
    const facts = this.fixedFacts(raw);
    const summary = summaryFromInspect(raw, this.byId.get(id), { ...facts, boundary: this.boundaryOf(raw, facts) });
    this.volumes.set(id, volumeNamesOf(raw.Mounts));
    this.byId.set(id, summary);
    this.batcher.upsert(summary, urgent);
    if (record.wanted > record.seen) this.enqueue(id, record, true);
  }

  private fixedFacts(raw: RawContainerInspect): FixedFacts {
    const known = this.options.fixed.get(raw.Id);
    if (known && known.isolation) return known;
    const facts: FixedFacts = { isolation: null, mountsEngineSocket: false, rootAccess: [], choices: null };
    const info = this.options.engineInfo();
    try {
      if (info) facts.isolation = resolveIsolation(raw.HostConfig, info);
      const mode = facts.isolation?.mode;
      if (info && mode)
        facts.networkCut = runtimeCutsNetwork(
          raw.HostConfig,
          info.runtimes.find((r) => r.name === mode),
        );
    } catch (error) {
      this.options.log(`isolation of ${raw.Id.slice(0, 12)}: ${(error as Error).message}`);
    }
    try {
      const host = this.options.endpointHost();
      facts.choices = resolveBindSources(choicesFromInspect(raw), host);
      facts.rootAccess = rootFindings(facts.choices, hostPathsOf(info, host));
      facts.mountsEngineSocket = mountsEngineSocket(raw) || facts.rootAccess.some((f) => f.code === 'engine-socket' || f.code === 'containerd-socket');
    } catch (error) {
      this.options.log(`root access check of ${raw.Id.slice(0, 12)}: ${(error as Error).message}`);
    }
    if (facts.isolation) this.options.fixed.set(raw.Id, facts);
    return facts;
  }

  /** Each inspect's: `docker update` changes the limits. Null when the engine or the rung is not known yet. */
  private boundaryOf(raw: RawContainerInspect, facts: FixedFacts): Boundary | null {
    const info = this.options.engineInfo();
    if (!info || !facts.isolation) return null;
    try {
      return computeBoundary({
        inspect: raw,
        info,
        isolation: facts.isolation,
        rootAccess: facts.rootAccess,
        ...(facts.choices ? { choices: facts.choices } : {}),
      });
    } catch (error) {
      this.options.log(`boundary of ${raw.Id.slice(0, 12)}: ${(error as Error).message}`);
      return null;
    }
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
