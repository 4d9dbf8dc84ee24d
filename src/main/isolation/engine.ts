// What isolation needs of the engine: its state, and the engine calls of a move on the live
// session. The engine does not know about moves; this adapter builds their calls on its client.
import type { LiveEngineSource } from '../engine/live';
import type { EngineService } from '../engine/types';
import type { EngineEvent } from '../engine/events';
import { createEngineOps, type EngineOps } from './engine-ops';
import type { ContainerEvents } from './settle';

export type IsolationEngine = Pick<EngineService, 'snapshot' | 'on'> & {
  /** The move's engine calls on the live session; null while not connected. */
  operations(): EngineOps | null;
  /** The engine's events as they arrive (a move watches its new containers die). */
  events?: ContainerEvents;
};

type EventSource = { onEngineEvent(listener: (event: EngineEvent) => void): () => void };

export function isolationEngine(engine: Pick<EngineService, 'snapshot' | 'on'> & Pick<LiveEngineSource, 'live'> & Partial<EventSource>): IsolationEngine {
  const source = engine.onEngineEvent?.bind(engine);
  return {
    snapshot: () => engine.snapshot(),
    on: (event, listener) => engine.on(event, listener),
    ...(source ? { events: (listener) => source((event) => listener(event)) } : {}),
    operations: () => {
      const live = engine.live();
      return live ? createEngineOps(live.client, { onConnectionError: (error) => live.lost(error) }) : null;
    },
  };
}
