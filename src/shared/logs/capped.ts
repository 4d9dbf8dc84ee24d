// A log view holds at most `cap` lines: batches are kept as they came (no copy of the whole list
// per batch) and the oldest batches are dropped once the rest already holds `cap` lines. Pure and
// immutable, so a store can keep it and a virtual list can read any index.

export interface CappedList<T> {
  readonly chunks: readonly (readonly T[])[];
  /** Lines held. */
  readonly length: number;
  /** Lines dropped from the front since the start. */
  readonly dropped: number;
}

export function emptyCapped<T>(): CappedList<T> {
  return { chunks: [], length: 0, dropped: 0 };
}

export function appendCapped<T>(list: CappedList<T>, batch: readonly T[], cap: number): CappedList<T> {
  if (batch.length === 0) return list;
  const chunks = [...list.chunks, batch];
  let length = list.length + batch.length;
  let dropped = list.dropped;
  while (chunks.length > 1 && length - chunks[0]!.length >= cap) {
    length -= chunks[0]!.length;
    dropped += chunks[0]!.length;
    chunks.shift();
  }
  return { chunks, length, dropped };
}

/** The line at `index` (0 is the oldest held), or undefined. */
export function cappedAt<T>(list: CappedList<T>, index: number): T | undefined {
  if (index < 0 || index >= list.length) return undefined;
  let at = index;
  for (const chunk of list.chunks) {
    if (at < chunk.length) return chunk[at];
    at -= chunk.length;
  }
  return undefined;
}

export function cappedToArray<T>(list: CappedList<T>): T[] {
  return list.chunks.flat() as T[];
}
