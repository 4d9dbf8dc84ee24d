// The one contract between the main process and the renderer, used by the Electron IPC, the
// preload, the browser host and the renderer alike. A call added here and forgotten elsewhere
// fails to compile; every argument is validated against its schema on the main side.
import { z } from 'zod';
import { refuseReservedKeys } from './reserved-keys';
import type { ContainerSummary, ContainersPatch } from './model/container';
import { CONTAINER_ACTIONS } from './model/container';
import type { EngineEndpoint, EngineSnapshot } from './model/engine';
import type { SiloError } from './errors';
import type { EventName } from './events';
import { DENSITIES, LANGUAGES, THEMES, type Preferences } from './model/preferences';
import type { CostReport } from './model/cost';
import { RESTART_POLICIES, type CreateContainerResult } from './model/create';
import { WRITABLE_LAYER_CHOICES, type IsolationTargets, type MoveAdvice, type MoveProgress, type MoveReport, type RecoveryReport } from './model/move';
import type { Place } from './place';
import { validateCreateSpec } from './validate/create-spec';
import { ROOT_FINDING_CODES } from './isolation/root-access';
import { dashboardCallSchemas, type DashboardEvents, type DashboardResults } from './contract-dashboard';
import { backendsCallSchemas, type BackendsEvents, type BackendsResults } from './contract-backends';

const ContainerId = z.string().regex(/^[a-f0-9]{12,64}$/, 'a container id is 12 to 64 hexadecimal characters');
const EngineId = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^(unix|npipe|tcp|ssh|http|https):\/\//, 'an engine address starts with unix://, npipe://, tcp://, ssh:// or http(s)://');

const NoArgs = z.object({}).strict();

/** A runtime name (Linux) or a Windows isolation mode. */
const IsolationName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/, 'a runtime name or a Windows isolation mode');
const LayerChoice = z.enum(WRITABLE_LAYER_CHOICES);
/** Chosen by the page so it can follow the progress events of its own move. */
const OperationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an operation id is 8 to 64 letters, digits, _ or -');
const MoveArgs = {
  target: IsolationName,
  /** The person's answer per container id (full or short) whose writable layer holds changes. */
  choices: refuseReservedKeys(z.record(ContainerId, LayerChoice)).optional(),
  /** Containers (full or short id) whose "will not work as before" findings the person acknowledged. */
  acknowledged: z.array(ContainerId).max(500).optional(),
  operationId: OperationId.optional(),
};
const Lines = (max: number, length: number) => z.array(z.string().max(length)).max(max).optional();

/** The create form. Shapes here; the engine's rules (validateCreateSpec) name the field that breaks one. */
const CreateSpec = z
  .object({
    image: z.string().max(512),
    name: z.string().max(255).optional(),
    command: Lines(4096, 65_536),
    entrypoint: Lines(4096, 65_536),
    env: Lines(4096, 131_072),
    ports: Lines(1024, 128),
    volumes: Lines(256, 4096),
    network: z.string().max(255).optional(),
    restart: z
      .object({ policy: z.enum(RESTART_POLICIES), maxRetries: z.number().int().min(0).max(1_000_000).optional() })
      .strict()
      .optional(),
    memory: z.string().max(32).optional(),
    cpus: z.string().max(16).optional(),
    labels: Lines(1024, 65_536),
    isolation: z.string().max(128).optional(),
    /** The root-equivalent findings the person consented to, each ticked: without one, a create that has it is refused. */
    acknowledged: z.array(z.enum(ROOT_FINDING_CODES)).max(ROOT_FINDING_CODES.length).optional(),
    start: z.boolean().optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    for (const p of validateCreateSpec(spec)) {
      const path = p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const reserved = p.rule === 'reserved-key' ? { params: { reservedKey: String(p.params?.key ?? '') } } : {};
      ctx.addIssue({ code: 'custom', path, message: p.rule, ...reserved });
    }
  });

/** name → schema of the single argument object. */
export const callSchemas = {
  /** Push the whole state (engines, engine, containers, preferences) as events, then deltas. */
  'session.start': NoArgs,
  'engines.list': NoArgs,
  /** Run discovery again (a person started an engine, or edited a context). */
  'engines.refresh': NoArgs,
  'engines.select': z.object({ id: EngineId }).strict(),
  'engine.snapshot': NoArgs,
  'containers.list': NoArgs,
  'containers.act': z
    .object({
      ids: z.array(ContainerId).min(1).max(10_000),
      action: z.enum(CONTAINER_ACTIONS),
      /** remove: also remove the container's anonymous volumes (an explicit choice). */
      removeVolumes: z.boolean().optional(),
      /** remove: remove even a running container. */
      force: z.boolean().optional(),
    })
    .strict(),
  'preferences.get': NoArgs,
  'preferences.set': z
    .object({ language: z.enum(LANGUAGES).nullable().optional(), theme: z.enum(THEMES).optional(), density: z.enum(DENSITIES).optional() })
    .strict(),
  /** The runtimes (Linux) or modes (Windows) this container can move to, each on its rung. */
  'isolation.targets': z.object({ id: ContainerId }).strict(),
  /** Before a move: the ladder, blockers, warnings, gVisor limits, the writable layer, what is kept, the steps. */
  'isolation.advise': z.object({ id: ContainerId, target: IsolationName, writableLayer: LayerChoice.optional() }).strict(),
  /** Time and memory of a short-lived test container under `runtime` (and `reference`, default: the engine's default). */
  'isolation.measureCost': z
    .object({
      runtime: IsolationName,
      /** The container being moved: the probe runs its image and its command. */
      id: ContainerId.optional(),
      image: z.string().min(1).max(512).optional(),
      reference: IsolationName.optional(),
      runs: z.number().int().min(1).max(5).optional(),
    })
    .strict(),
  /** Move containers to another isolation; a compose project moves all or nothing. Progress: `isolation.progress`. */
  'isolation.move': z.object({ ids: z.array(ContainerId).min(1).max(500), ...MoveArgs }).strict(),
  /** Move every container of a compose project (label com.docker.compose.project), all or nothing. */
  'isolation.moveProject': z.object({ project: z.string().min(1).max(255), ...MoveArgs }).strict(),
  /** What Silo finished or undid on its own after an interrupted move, since it started. */
  'isolation.recoveries': NoArgs,
  'containers.create': CreateSpec,
  /** Container details, logs, stats, terminal, images, volumes, networks, compose (contract-dashboard.ts). */
  ...dashboardCallSchemas,
  /** Engine-wide settings: daemon.json, Docker Desktop, WSL, remote engines (contract-backends.ts). */
  ...backendsCallSchemas,
} as const;

export interface ActionOutcome {
  id: string;
  ok: boolean;
  error: SiloError | null;
  /** A remove found the container already gone: done, and the page says so by name. */
  gone?: boolean;
}

/** name → result type. Must have exactly the keys of callSchemas (checked below). */
export interface CallResults extends DashboardResults, BackendsResults {
  'session.start': null;
  'engines.list': EngineEndpoint[];
  'engines.refresh': EngineEndpoint[];
  'engines.select': null;
  'engine.snapshot': EngineSnapshot;
  'containers.list': ContainerSummary[];
  'containers.act': ActionOutcome[];
  'preferences.get': Preferences;
  'preferences.set': Preferences;
  'isolation.targets': IsolationTargets;
  'isolation.advise': MoveAdvice;
  'isolation.measureCost': CostReport;
  'isolation.move': MoveReport;
  'isolation.moveProject': MoveReport;
  'isolation.recoveries': RecoveryReport[];
  'containers.create': CreateContainerResult;
}

/** name → payload of the events main pushes to the renderer. */
export interface EventPayloads extends DashboardEvents, BackendsEvents {
  'engines.changed': EngineEndpoint[];
  'engine.changed': EngineSnapshot;
  'containers.changed': ContainersPatch;
  'preferences.changed': Preferences;
  'isolation.progress': MoveProgress;
  'isolation.recovered': RecoveryReport;
  /** Main asks the page to show a place (the tray's "Open logs", a notification's click). */
  'place.open': { place: Place };
}

export type CallName = keyof typeof callSchemas;
export type CallArgs<N extends CallName> = z.input<(typeof callSchemas)[N]>;
export type ParsedArgs<N extends CallName> = z.output<(typeof callSchemas)[N]>;
export type CallResult<N extends CallName> = CallResults[N];

export const CALL_NAMES = Object.keys(callSchemas) as CallName[];
export { EVENT_NAMES, type EventName } from './events';

/** What every host implements: one async handler per call, arguments already validated. */
export type Handlers = { [N in CallName]: (args: ParsedArgs<N>) => Promise<CallResult<N>> };

/** What the renderer sees, whatever the host. */
export interface SiloApi {
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export type { Reply, WireRequest, WireResponse, WireEvent, SiloBridge } from './bridge';
export { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './bridge';

// Compile-time proof that the result map and the schema map name the same calls.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameCalls: Same<keyof CallResults, CallName> = true;
const _sameEvents: Same<keyof EventPayloads, EventName> = true;
void _sameCalls;
void _sameEvents;
