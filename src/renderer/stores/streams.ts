// The streams this page has open (logs, stats, a terminal, a download…): the call that opens one
// answers its id, then `stream.data` events tagged with it arrive, then one `stream.end`. The hub
// routes those events to whoever opened the stream, closes a stream whose opener went away before
// the answer came, and ends every stream when the link to Silo is lost (Silo closed them all).
import type { CallArgs, CallName, CallResult } from '../../shared/contract';
import type { SiloError } from '../../shared/errors';
import { siloError } from '../../shared/errors';
import type { StreamData, StreamEnd } from '../../shared/model/stream';
import type { SiloClient } from '../api';
import type { CallPort } from './api-port';

/** The calls that open a stream (their answer carries its id). */
export type StreamCall = { [N in CallName]: CallResult<N> extends { streamId: string } ? N : never }[CallName];

export interface StreamHandlers {
  data(data: StreamData): void;
  end(end: StreamEnd): void;
}

export interface OpenStream<N extends StreamCall> {
  readonly streamId: string;
  /** The opening call's whole answer (a terminal's shell, a log's tty flag). */
  readonly result: CallResult<N>;
  /** Stop it: no more events reach the handlers; Silo is told unless the stream already ended. */
  close(): void;
}

export interface StreamHub {
  /**
   * Open a stream. Resolves null when `signal` was aborted before Silo answered (the stream is
   * then closed at once); rejects with the call's error.
   */
  open<N extends StreamCall>(name: N, args: CallArgs<N>, handlers: StreamHandlers, signal?: AbortSignal): Promise<OpenStream<N> | null>;
  dispatchData(data: StreamData): void;
  dispatchEnd(end: StreamEnd): void;
  /** The link to Silo was lost: Silo closed every stream of this page; tell their openers. */
  failAll(error?: SiloError): void;
  /** Streams open now (for tests and the page's own checks). */
  openIds(): string[];
}

export function createStreamHub(api: CallPort): StreamHub {
  const open = new Map<string, StreamHandlers>();

  const closeQuietly = (streamId: string): void => {
    // An answer of `stream-not-found` means it ended meanwhile: nothing left to close.
    api.call('stream.close', { streamId }).catch(() => undefined);
  };

  return {
    async open(name, args, handlers, signal) {
      const result = await api.call(name, args);
      const { streamId } = result as { streamId: string };
      if (signal?.aborted) {
        closeQuietly(streamId);
        return null;
      }
      open.set(streamId, handlers);
      return {
        streamId,
        result,
        close() {
          if (open.get(streamId) !== handlers) return;
          open.delete(streamId);
          closeQuietly(streamId);
        },
      };
    },

    dispatchData(data) {
      open.get(data.streamId)?.data(data);
    },

    dispatchEnd(end) {
      const handlers = open.get(end.streamId);
      if (!handlers) return;
      open.delete(end.streamId);
      handlers.end(end);
    },

    failAll(error = siloError('stream-not-found')) {
      const all = [...open];
      open.clear();
      for (const [streamId, handlers] of all) handlers.end({ streamId, error });
    },

    openIds: () => [...open.keys()],
  };
}

/** Feeds the hub from the client's events; a lost link ends every stream. Answers the unsubscriber. */
export function feedStreams(client: Pick<SiloClient, 'on' | 'onLink'>, hub: StreamHub): () => void {
  const offs = [
    client.on('stream.data', (data) => hub.dispatchData(data)),
    client.on('stream.end', (end) => hub.dispatchEnd(end)),
    client.onLink((link) => {
      if (link.state === 'lost') hub.failAll();
    }),
  ];
  return () => offs.forEach((off) => off());
}
