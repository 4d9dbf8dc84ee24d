// A page's open streams (logs, stats, terminals, pulls, uploads, bulk work): each has an id the
// page was given, sends `stream.data` events tagged with it and one `stream.end`, and is closed
// when the page closes it or goes away. A stream's first data waits until the call that opened it
// has answered, so a page never hears of a stream id before it knows it. What the page has not
// acknowledged is counted by the page's flow (stream-flow.ts), which pauses, resumes and
// overflows the streams.
import { streamDataSize } from '../../shared/dashboard/stream-size';
import { SiloFailure, siloError, type SiloError } from '../../shared/errors';
import type { StreamKind } from '../../shared/model/stream';
import { FLOW_LIMITS, PageFlow, type FlowLimits, type FlowMember } from './stream-flow';
import type { EngineStreamHandle, StreamPayload, StreamSink } from './stream-sink';
import type { Send } from '../util/send';

interface Entry extends FlowMember {
  kind: StreamKind;
  handle: EngineStreamHandle | null;
  /** Data and end held until the opening call has answered; null once released. */
  held: Array<{ payload: StreamPayload } | { end: SiloError | null; exitCode?: number | null }> | null;
  ended: boolean;
  /** Paused by the flow (a handle that arrives later starts paused). */
  paused: boolean;
  sink?: StreamSink;
}

export interface RegistryOptions {
  limit?: number;
  /** What the page's transport holds unsent (a WebSocket's buffered amount). */
  buffered?: () => number;
  flow?: FlowLimits;
}

export const DEFAULT_STREAM_LIMIT = 64;

export class StreamRegistry {
  private next = 1;
  private readonly streams = new Map<string, Entry>();
  private closed = false;
  private readonly limit: number;
  readonly flow: PageFlow;

  constructor(
    private readonly send: Send,
    options: RegistryOptions = {},
  ) {
    this.limit = options.limit ?? DEFAULT_STREAM_LIMIT;
    this.flow = new PageFlow(() => this.streams.values(), options.buffered, options.flow ?? FLOW_LIMITS);
  }

  get size(): number {
    return this.streams.size;
  }

  /**
   * Open a stream: `start` gets the stream's sink and answers its handle (and anything the call
   * returns with the id). A start that throws leaves nothing open.
   */
  async open<H extends EngineStreamHandle, M extends object>(
    kind: StreamKind,
    start: (sink: StreamSink) => Promise<{ handle: H } & M>,
  ): Promise<{ streamId: string } & Omit<M, 'handle'>> {
    if (this.closed) throw new SiloFailure(siloError('stream-not-found'));
    if (this.streams.size >= this.limit) throw new SiloFailure(siloError('too-many-streams', { params: { limit: this.limit } }));
    const streamId = `s${this.next++}`;
    const entry = this.entry(streamId, kind);
    this.streams.set(streamId, entry);
    let started: { handle: H } & M;
    try {
      started = await start(this.sinkFor(streamId, entry));
    } catch (error) {
      this.drop(streamId, entry);
      throw error;
    }
    if (this.closed || !this.streams.has(streamId)) {
      // The page went (or closed it) while the engine was answering: stop the engine side.
      started.handle.close();
    } else {
      entry.handle = started.handle;
      if (entry.paused || this.flow.behind) {
        entry.paused = true;
        started.handle.pause?.();
      }
    }
    // Released on the next turn: the call's answer goes out first.
    setImmediate(() => this.release(streamId, entry));
    const { handle: _handle, ...meta } = started;
    return { streamId, ...meta };
  }

  /** The handle of an open stream of this kind, or `stream-not-found`. */
  get<H extends EngineStreamHandle>(streamId: string, kind: StreamKind): H {
    const entry = this.streams.get(streamId);
    if (!entry || entry.kind !== kind || entry.ended || !entry.handle) throw new SiloFailure(siloError('stream-not-found', { params: { streamId } }));
    return entry.handle as H;
  }

  /** The page closes a stream: the engine side stops; no `stream.end` follows. */
  close(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (!entry) throw new SiloFailure(siloError('stream-not-found', { params: { streamId } }));
    this.drop(streamId, entry);
    entry.ended = true;
    entry.held = null;
    entry.handle?.close();
  }

  /**
   * The page has processed `bytes` of a stream. One that has ended meanwhile is not an error (the
   * page acknowledges after the fact); more than was sent is.
   */
  ack(streamId: string, bytes: number): void {
    const entry = this.streams.get(streamId);
    if (!entry) return;
    if (!this.flow.acked(entry, bytes))
      throw new SiloFailure(siloError('validation', { field: 'bytes', detail: `more than the ${entry.unacked} not yet acknowledged` }));
  }

  /** A stream whose call answered its end itself (an upload's finish): forget it quietly. */
  forget(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (!entry) return;
    entry.ended = true;
    entry.held = null;
    this.drop(streamId, entry);
  }

  /** The page has gone: every stream closes, nothing more is sent. */
  closeAll(): void {
    this.closed = true;
    this.flow.close();
    for (const entry of this.streams.values()) {
      entry.ended = true;
      entry.handle?.close();
    }
    this.streams.clear();
  }

  private entry(streamId: string, kind: StreamKind): Entry {
    const entry: Entry = {
      kind,
      handle: null,
      held: [],
      ended: false,
      paused: false,
      unacked: 0,
      overflowed: false,
      pause: () => {
        entry.paused = true;
        entry.handle?.pause?.();
      },
      resume: () => {
        if (!entry.paused) return;
        entry.paused = false;
        entry.handle?.resume?.();
      },
      overflow: () => {
        if (entry.ended || entry.handle?.overflow?.()) return;
        // Too far behind for too long: the engine side stops, and the page is told why.
        entry.handle?.close();
        entry.sink?.end(siloError('too-slow'));
      },
    };
    return entry;
  }

  /** Forget a stream: its unacknowledged data no longer holds the page back. */
  private drop(streamId: string, entry: Entry): void {
    if (this.streams.get(streamId) === entry) this.streams.delete(streamId);
    this.flow.left(entry);
  }

  private sinkFor(streamId: string, entry: Entry): StreamSink {
    entry.sink = {
      data: (payload) => {
        if (entry.ended || this.closed) return;
        this.flow.sent(entry, streamDataSize(payload));
        if (entry.held) entry.held.push({ payload });
        else this.send('stream.data', { streamId, ...payload });
      },
      end: (error, exitCode) => {
        if (entry.ended || this.closed) return;
        entry.ended = true;
        if (entry.held) {
          entry.held.push({ end: error, ...(exitCode !== undefined ? { exitCode } : {}) });
          return;
        }
        this.drop(streamId, entry);
        this.send('stream.end', { streamId, error, ...(exitCode !== undefined ? { exitCode } : {}) });
      },
    };
    return entry.sink;
  }

  private release(streamId: string, entry: Entry): void {
    const held = entry.held ?? [];
    entry.held = null;
    if (this.closed) return;
    for (const item of held) {
      if ('payload' in item) {
        this.send('stream.data', { streamId, ...item.payload });
      } else {
        this.drop(streamId, entry);
        this.send('stream.end', { streamId, error: item.end, ...(item.exitCode !== undefined ? { exitCode: item.exitCode } : {}) });
      }
    }
  }
}
