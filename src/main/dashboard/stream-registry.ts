// A page's open streams (logs, stats, terminals, pulls, uploads, bulk work): each has an id the
// page was given, sends `stream.data` events tagged with it and one `stream.end`, and is closed
// when the page closes it or goes away. A stream's first data waits until the call that opened it
// has answered, so a page never hears of a stream id before it knows it.
import { SiloFailure, siloError, type SiloError } from '../../shared/errors';
import type { StreamKind } from '../../shared/model/stream';
import type { EngineStreamHandle, StreamPayload, StreamSink } from './stream-sink';
import type { Send } from '../util/send';

interface Entry {
  kind: StreamKind;
  handle: EngineStreamHandle | null;
  /** Data and end held until the opening call has answered; null once released. */
  held: Array<{ payload: StreamPayload } | { end: SiloError | null; exitCode?: number | null }> | null;
  ended: boolean;
}

export const DEFAULT_STREAM_LIMIT = 64;

export class StreamRegistry {
  private next = 1;
  private readonly streams = new Map<string, Entry>();
  private closed = false;

  constructor(
    private readonly send: Send,
    private readonly limit = DEFAULT_STREAM_LIMIT,
  ) {}

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
    const entry: Entry = { kind, handle: null, held: [], ended: false };
    this.streams.set(streamId, entry);
    let started: { handle: H } & M;
    try {
      started = await start(this.sinkFor(streamId, entry));
    } catch (error) {
      this.streams.delete(streamId);
      throw error;
    }
    if (this.closed || !this.streams.has(streamId)) {
      // The page went (or closed it) while the engine was answering: stop the engine side.
      started.handle.close();
    } else {
      entry.handle = started.handle;
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
    this.streams.delete(streamId);
    entry.ended = true;
    entry.held = null;
    entry.handle?.close();
  }

  /** A stream whose call answered its end itself (an upload's finish): forget it quietly. */
  forget(streamId: string): void {
    const entry = this.streams.get(streamId);
    if (!entry) return;
    entry.ended = true;
    entry.held = null;
    this.streams.delete(streamId);
  }

  /** The page has gone: every stream closes, nothing more is sent. */
  closeAll(): void {
    this.closed = true;
    for (const entry of this.streams.values()) {
      entry.ended = true;
      entry.handle?.close();
    }
    this.streams.clear();
  }

  private sinkFor(streamId: string, entry: Entry): StreamSink {
    return {
      data: (payload) => {
        if (entry.ended || this.closed) return;
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
        this.streams.delete(streamId);
        this.send('stream.end', { streamId, error, ...(exitCode !== undefined ? { exitCode } : {}) });
      },
    };
  }

  private release(streamId: string, entry: Entry): void {
    const held = entry.held ?? [];
    entry.held = null;
    if (this.closed) return;
    for (const item of held) {
      if ('payload' in item) {
        this.send('stream.data', { streamId, ...item.payload });
      } else {
        if (this.streams.get(streamId) === entry) this.streams.delete(streamId);
        this.send('stream.end', { streamId, error: item.end, ...(item.exitCode !== undefined ? { exitCode: item.exitCode } : {}) });
      }
    }
  }
}
