// How much of a page's attention one piece of stream data takes, as both sides count it: main
// adds it up as it sends (stream-flow.ts) and the page acknowledges the same figure once it has
// processed the piece (`stream.ack`). Characters of text plus a small fixed cost per line or
// sample, close to the bytes on the wire without serialising anything twice.
import type { StreamData } from '../model/stream';

type WithoutId<T> = T extends unknown ? Omit<T, 'streamId'> : never;

/** What each log line, sample or progress message costs besides its own text. */
export const ITEM_COST = 64;

export function streamDataSize(data: WithoutId<StreamData> | StreamData): number {
  switch (data.kind) {
    case 'logs': {
      let size = ITEM_COST;
      for (const line of data.lines) size += line.text.length + (line.time?.length ?? 0) + ITEM_COST;
      return size;
    }
    case 'download':
      return data.text.length + ITEM_COST;
    case 'archive':
      return data.data.length + ITEM_COST;
    case 'terminal':
      return data.data.length + ITEM_COST;
    case 'pull':
      return ITEM_COST * (4 + data.progress.layers.length);
    default:
      return ITEM_COST * 4;
  }
}
