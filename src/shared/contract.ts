// The one contract between the main process and the renderer, used by the Electron IPC, the
// preload, the browser host and the renderer alike. A call added here and forgotten elsewhere
// fails to compile; every argument is validated against its schema on the main side.
import { z } from 'zod';
import type { ContainerSummary, ContainersPatch } from './model/container';
import { CONTAINER_ACTIONS } from './model/container';
import type { EngineEndpoint, EngineSnapshot } from './model/engine';
import type { SiloError } from './errors';
import type { EventName } from './events';
import { LANGUAGES, type Settings } from './model/settings';

const ContainerId = z.string().regex(/^[a-f0-9]{12,64}$/, 'a container id is 12 to 64 hexadecimal characters');
const EngineId = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^(unix|npipe|tcp|ssh|http|https):\/\//, 'an engine address starts with unix://, npipe://, tcp://, ssh:// or http(s)://');

const NoArgs = z.object({}).strict();

/** name → schema of the single argument object. */
export const callSchemas = {
  /** Push the whole state (engines, engine, containers, settings) as events, then deltas. */
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
  'settings.get': NoArgs,
  'settings.set': z.object({ language: z.enum(LANGUAGES).nullable().optional() }).strict(),
} as const;

export interface ActionOutcome {
  id: string;
  ok: boolean;
  error: SiloError | null;
}

/** name → result type. Must have exactly the keys of callSchemas (checked below). */
export interface CallResults {
  'session.start': null;
  'engines.list': EngineEndpoint[];
  'engines.refresh': EngineEndpoint[];
  'engines.select': null;
  'engine.snapshot': EngineSnapshot;
  'containers.list': ContainerSummary[];
  'containers.act': ActionOutcome[];
  'settings.get': Settings;
  'settings.set': Settings;
}

/** name → payload of the events main pushes to the renderer. */
export interface EventPayloads {
  'engines.changed': EngineEndpoint[];
  'engine.changed': EngineSnapshot;
  'containers.changed': ContainersPatch;
  'settings.changed': Settings;
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
