// The page tells Silo how much of each stream it has processed (`stream.ack`): Silo sends a page
// only a few MiB it has not acknowledged, then pauses the stream. Views acknowledge once a piece is
// really taken (the log's lines are in the store, the terminal has drawn its output), so a page
// that falls behind holds Silo back instead of piling data up in either process. Acknowledgements
// are summed per stream and sent at most every few tens of milliseconds, or at once past a size.
import { streamDataSize } from '../../shared/dashboard/stream-size';
import type { StreamData } from '../../shared/model/stream';
import type { CallPort } from './api-port';

export interface StreamAcks {
  /** This piece of a stream has been processed. */
  consumed(data: StreamData): void;
  /** The same, as a size already counted (streamDataSize). */
  consumedBytes(streamId: string, bytes: number): void;
  /** Send what is summed now. */
  flush(): void;
}

export interface StreamAckOptions {
  /** Send a stream's sum at once past this many bytes. */
  eagerBytes?: number;
  everyMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export function createStreamAcks(api: CallPort, options: StreamAckOptions = {}): StreamAcks {
  const eagerBytes = options.eagerBytes ?? 256 * 1024;
  const everyMs = options.everyMs ?? 50;
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const owed = new Map<string, number>();
  let timer: unknown = null;

  const send = (streamId: string, bytes: number): void => {
    // A stream that ended meanwhile is not an error; any other failure only slows that stream.
    api.call('stream.ack', { streamId, bytes }).catch(() => undefined);
  };
  const flush = (): void => {
    timer = null;
    const all = [...owed];
    owed.clear();
    for (const [streamId, bytes] of all) send(streamId, bytes);
  };
  const consumedBytes = (streamId: string, bytes: number): void => {
    if (bytes <= 0) return;
    const sum = (owed.get(streamId) ?? 0) + bytes;
    if (sum >= eagerBytes) {
      owed.delete(streamId);
      send(streamId, sum);
      return;
    }
    owed.set(streamId, sum);
    timer ??= setTimer(flush, everyMs);
  };

  return {
    consumed: (data) => consumedBytes(data.streamId, streamDataSize(data)),
    consumedBytes,
    flush,
  };
}
