// The main side of "choose and change a container's isolation": targets, advice, measured cost,
// moves (one at a time, with progress events), recovery of interrupted moves on every connection
// to an engine, local images and the create form. Engine calls go through EngineOps only.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SiloFailure, siloError } from '../../shared/errors';
import { toEngineInfo } from '../../shared/isolation';
import { moveTargets } from '../../shared/isolation/gvisor-limits';
import { currentTarget } from '../../shared/isolation/recreate-plan';
import type { CostReport } from '../../shared/model/cost';
import type { CreateContainerResult, CreateContainerSpec } from '../../shared/model/create';
import type { EngineInfo } from '../../shared/model/engine';
import type { IsolationTargets, MoveAdvice, MoveProgress, MoveReport, RecoveryReport, WritableLayerDecision } from '../../shared/model/move';
import { Emitter } from '../util/emitter';
import type { EngineOps } from './engine-ops';
import type { IsolationEngine } from './engine';
import { DEFAULT_VERIFY, type VerifyOptions } from './actions';
import { buildAdvice, ladderPosition } from './advice';
import { measureCost, type CostArgs } from './cost';
import { createContainer } from './create';
import { isSimulatedCrash, type FaultHooks } from './hooks';
import { Journal } from './journal';
import { prepareGroups, type MoveRequest } from './moves';
import { gather, planFor, targetFor } from './planning';
import { moveGroup, untouchedReport } from './recreate';
import { recoverJournals } from './recovery';

export interface IsolationEvents {
  progress: MoveProgress;
  recovered: RecoveryReport;
}

export interface IsolationServiceOptions {
  /** The engine's state and its calls on the live session (`isolationEngine(manager)`). */
  engine: IsolationEngine;
  /** Silo's config folder: the journal lives in `recreate-journal/` below it. */
  configDir: string;
  log?: (line: string) => void;
  /** Tests only: fault injection around every step. */
  hooks?: FaultHooks;
  verify?: Partial<VerifyOptions>;
  costSettleMs?: number;
}

export class IsolationService {
  readonly journal: Journal;
  private readonly emitter: Emitter<IsolationEvents>;
  private readonly log: (line: string) => void;
  private readonly verify: VerifyOptions;
  private readonly busy = new Set<string>();
  private readonly active = new Set<string>();
  private readonly recoveries: RecoveryReport[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private connected = false;
  /** After a SimulatedCrash this service acts as a dead process would: it does nothing more. */
  private dead = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: IsolationServiceOptions) {
    this.log = options.log ?? ((line) => console.warn(`[isolation] ${line}`));
    this.emitter = new Emitter(this.log);
    this.journal = new Journal(join(options.configDir, 'recreate-journal'));
    this.verify = { ...DEFAULT_VERIFY, ...options.verify };
    this.unsubscribe = options.engine.on('engine', (snapshot) => {
      const now = snapshot.connection.phase === 'connected';
      if (now && !this.connected) void this.recover();
      this.connected = now;
    });
    if (options.engine.snapshot().connection.phase === 'connected') {
      this.connected = true;
      void this.recover();
    }
  }

  on<E extends keyof IsolationEvents>(event: E, listener: (payload: IsolationEvents[E]) => void): () => void {
    return this.emitter.on(event, listener);
  }

  close(): void {
    this.unsubscribe();
  }

  /** Recoveries Silo made since it started (a page opened later still learns of them). */
  recovered(): RecoveryReport[] {
    return [...this.recoveries];
  }

  async targets(id: string): Promise<IsolationTargets> {
    const ops = this.ops();
    const inspect = await ops.inspect(id);
    if (inspect === null) throw new SiloFailure(siloError('container-not-found', { params: { id: id.slice(0, 12) } }));
    const engine = await this.engineInfo(ops);
    const current = currentTarget(inspect, engine);
    return {
      containerId: inspect.Id,
      current: ladderPosition(current, engine),
      targets: moveTargets(engine, current.os === 'linux' ? current.runtime : current.isolation),
    };
  }

  async advise(id: string, target: string, choice?: WritableLayerDecision): Promise<MoveAdvice> {
    const g = await gather(this.ops(), id);
    const to = targetFor(g.engine, target);
    return buildAdvice(g, to, planFor(g, to, choice, true), choice);
  }

  async measureCost(args: CostArgs): Promise<CostReport> {
    const ops = this.ops();
    const endpoint = this.options.engine.snapshot().endpoint?.id;
    const report = await measureCost(ops, toEngineInfo(await ops.info()), args, this.options.costSettleMs);
    return endpoint !== undefined ? { ...report, endpoint } : report;
  }

  createContainer(spec: CreateContainerSpec): Promise<CreateContainerResult> {
    return createContainer(this.ops(), spec, this.options.engine.snapshot().endpoint?.host ?? null);
  }

  /**
   * A move answered as soon as every new container runs (the call a page makes): the originals
   * stay set aside for the settle time, and a new container that dies meanwhile rolls its group
   * back; the `finish` progress events tell that outcome. A move that ends before (a refusal, a
   * failure, nothing running to wait for) answers with its final report.
   */
  moveAnswered(request: MoveRequest & { operationId?: string }): Promise<MoveReport> {
    return new Promise((resolve, reject) => {
      this.move(request, resolve).then(resolve, reject);
    });
  }

  /** Move a selection or a compose project; one move at a time, in the order asked. Resolves once settled. */
  async move(request: MoveRequest & { operationId?: string }, onRunning?: (report: MoveReport) => void): Promise<MoveReport> {
    const marks = [...(request.ids ?? []), ...(request.project !== undefined ? [`project:${request.project}`] : [])];
    for (const mark of marks) {
      if ([...this.busy].some((b) => b.startsWith(mark) || mark.startsWith(b)))
        throw new SiloFailure(siloError('operation-in-progress', { params: { name: mark } }));
    }
    for (const mark of marks) this.busy.add(mark);
    const operationId = request.operationId ?? randomUUID();
    try {
      return await this.enqueue(() => this.runMove(operationId, request, onRunning));
    } finally {
      for (const mark of marks) this.busy.delete(mark);
    }
  }

  /** Finish or undo interrupted moves of the engine Silo is connected to now. */
  recover(): Promise<RecoveryReport[]> {
    return this.enqueue(async () => {
      const ops = this.dead ? null : this.options.engine.operations();
      const endpoint = this.options.engine.snapshot().endpoint?.id;
      if (!ops || !endpoint) return [];
      const reports = await recoverJournals({
        ops,
        journal: this.journal,
        endpoint,
        skip: this.active,
        progress: (p) => this.emitter.emit('progress', p),
        verify: this.verify,
        log: this.log,
      });
      for (const report of reports) {
        this.recoveries.push(report);
        this.emitter.emit('recovered', report);
      }
      return reports;
    });
  }

  private async runMove(operationId: string, request: MoveRequest, onRunning?: (report: MoveReport) => void): Promise<MoveReport> {
    if (this.dead) throw new SiloFailure(siloError('internal', { detail: 'stopped' }));
    const ops = this.ops();
    const endpoint = this.options.engine.snapshot().endpoint?.id ?? '';
    const groups = await prepareGroups(ops, request);
    const report: MoveReport = { operationId, target: request.target, ok: true, groups: [] };
    let keptJournal = false;
    for (const [index, group] of groups.entries()) {
      const stay = group.alreadyThere.map((m) => untouchedReport(m, 'already-there'));
      if (group.members.length === 0) {
        report.groups.push({ project: group.project, ok: true, containers: stay });
        continue;
      }
      const key = `${operationId}.${index}`;
      this.active.add(key);
      try {
        const result = await moveGroup({
          ops,
          journal: this.journal,
          key,
          operationId,
          endpoint,
          plans: group.members.map((m) => m.plan),
          progress: (p) => this.emitter.emit('progress', p),
          verify: this.verify,
          ...(this.options.hooks ? { hooks: this.options.hooks } : {}),
          ...(this.options.engine.events ? { events: this.options.engine.events } : {}),
          // The last group running is the whole request running: the answer can go.
          ...(onRunning && index === groups.length - 1
            ? {
                onRunning: (containers) =>
                  onRunning({ ...report, groups: [...report.groups, { project: group.project, ok: true, containers: [...containers, ...stay] }] }),
              }
            : {}),
        });
        report.groups.push({ project: group.project, ok: result.ok, containers: [...result.containers, ...stay] });
        report.ok &&= result.ok;
        keptJournal ||= result.journalKept;
      } catch (error) {
        if (isSimulatedCrash(error)) this.dead = true;
        throw error;
      } finally {
        this.active.delete(key);
      }
    }
    // A rollback that could not finish (the engine went away): finish it as soon as the engine is back.
    if (keptJournal && this.connected) void this.recover();
    return report;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private ops(): EngineOps {
    const ops = this.options.engine.operations();
    if (ops === null) throw new SiloFailure(this.options.engine.snapshot().connection.error ?? siloError('no-engine'));
    return ops;
  }

  private async engineInfo(ops: EngineOps): Promise<EngineInfo> {
    return this.options.engine.snapshot().info ?? toEngineInfo(await ops.info());
  }
}
