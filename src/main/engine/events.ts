// One GET /events stream per engine, from now on (no `since` replay: the engine keeps only the
// last 1,000 events). A stream that ends, closes or fails is reported once, so the connection
// reconnects and resynchronizes with a full list.
import type { IncomingMessage } from 'node:http';
import type { RawEvent } from '../../shared/engine-api';
import type { EngineClient } from './connection/client';
import { NdjsonParser } from '../util/ndjson';

/**
 * Silo follows containers, the daemon for `reload` (runtimes may have changed), and images,
 * volumes and networks for the dashboard's lists.
 */
const FOLLOWED_TYPES = new Set(['container', 'daemon', 'image', 'volume', 'network']);

export interface EngineEvent {
  type: string;
  /** The action without its detail (`health_status: healthy` → `health_status`). */
  action: string;
  /** The full action as the engine sent it. */
  rawAction: string;
  id: string;
  attributes: Record<string, string>;
  /** Epoch ms. */
  time: number | null;
}

export interface EventStreamHandlers {
  onEvent(event: EngineEvent): void;
  /** The stream is gone (never called after `close()`). */
  onEnd(reason: Error): void;
  onProblem?(line: string): void;
}

/**
 * Normalize one message; null for what Silo does not follow (exec_* but exec_die, malformed).
 * Podman sends volume and network events with an empty `Actor.ID` (and may for others): the
 * name in its attributes stands in for it, so the list of that kind is still read again, and a
 * container is still found (the engine inspects by name as by id).
 */
export function toEngineEvent(raw: RawEvent): EngineEvent | null {
  const rawAction = (raw.Action ?? raw.status ?? '').trim();
  const id = raw.Actor?.ID || raw.id || raw.Actor?.Attributes?.name || '';
  if (!rawAction || !id) return null;
  const action = rawAction.split(':')[0]!.trim();
  // exec_die ends a terminal whose stream never ends (dockerode #534); other exec_* change nothing.
  if (action.startsWith('exec_') && action !== 'exec_die') return null;
  const time = typeof raw.timeNano === 'number' ? Math.floor(raw.timeNano / 1e6) : typeof raw.time === 'number' ? raw.time * 1000 : null;
  return { type: raw.Type ?? 'container', action, rawAction, id, attributes: raw.Actor?.Attributes ?? {}, time };
}

export class EventStream {
  private response: IncomingMessage | null = null;
  private readonly controller = new AbortController();
  private finished = false;

  constructor(
    private readonly client: EngineClient,
    private readonly handlers: EventStreamHandlers,
  ) {}

  /** Resolves once the engine has answered and the stream is live. */
  async open(deadlineMs: number): Promise<void> {
    // A deadline for the answer only: a timer on the live stream would kill a quiet, healthy one.
    const timer = setTimeout(() => this.controller.abort(timeoutError(deadlineMs)), deadlineMs);
    try {
      // No server-side filter: not every Docker-compatible engine (Podman) takes the same types.
      this.response = await this.client.stream('/events', { signal: this.controller.signal });
    } finally {
      clearTimeout(timer);
    }
    if (this.finished) {
      this.response.destroy();
      return;
    }
    this.follow(this.response);
  }

  /** Stop on purpose: no `onEnd`. */
  close(): void {
    this.finished = true;
    this.response?.destroy();
    this.controller.abort();
  }

  private follow(response: IncomingMessage): void {
    const parser = new NdjsonParser();
    const deliver = (result: { values: unknown[]; errors: string[] }): void => {
      for (const line of result.errors) this.handlers.onProblem?.(`events: ${line}`);
      for (const value of result.values) {
        if (this.finished) return;
        const event = value && typeof value === 'object' ? toEngineEvent(value as RawEvent) : null;
        if (event && FOLLOWED_TYPES.has(event.type)) this.handlers.onEvent(event);
      }
    };
    const end = (reason: Error): void => {
      if (this.finished) return;
      deliver(parser.end());
      this.finished = true;
      response.destroy();
      this.handlers.onEnd(reason);
    };
    response.on('data', (chunk: Buffer) => deliver(parser.push(chunk)));
    response.on('end', () => end(streamEnded('the engine ended the events stream')));
    response.on('aborted', () => end(streamEnded('the events stream was cut')));
    response.on('close', () => end(streamEnded('the events stream closed')));
    response.on('error', (error: Error) => end(error));
  }
}

function streamEnded(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

function timeoutError(ms: number): Error {
  return Object.assign(new Error(`the engine did not answer within ${ms} ms`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
}
