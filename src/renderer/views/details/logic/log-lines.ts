// Reading a capped log by absolute line number: line n is the n-th line since the log was opened,
// whatever was dropped from the front since. Absolute numbers stay true when old lines go, so
// search hits and the scroll position are kept in them. Pure.
import type { CappedList } from '../../../../shared/logs/capped';

/** Absolute number of the first line held. */
export const firstLine = <T>(list: CappedList<T>): number => list.dropped;
/** Absolute number one past the last line held. */
export const endLine = <T>(list: CappedList<T>): number => list.dropped + list.length;

/** Calls `fn` with each held line from absolute number `from` on (chunk by chunk, no copy). */
export function forEachFrom<T>(list: CappedList<T>, from: number, fn: (line: T, absolute: number) => void): void {
  let absolute = list.dropped;
  const start = Math.max(from, list.dropped);
  for (const chunk of list.chunks) {
    const chunkEnd = absolute + chunk.length;
    if (chunkEnd > start) {
      for (let i = Math.max(0, start - absolute); i < chunk.length; i++) fn(chunk[i]!, absolute + i);
    }
    absolute = chunkEnd;
  }
}

/** A reader of lines by absolute number that remembers its last chunk (a window reads neighbours). */
export function lineReader<T>(list: CappedList<T>): (absolute: number) => T | undefined {
  const starts: number[] = [];
  let at = list.dropped;
  for (const chunk of list.chunks) {
    starts.push(at);
    at += chunk.length;
  }
  let last = 0;
  return (absolute) => {
    if (absolute < list.dropped || absolute >= at) return undefined;
    const chunks = list.chunks;
    if (!(starts[last]! <= absolute && absolute < starts[last]! + chunks[last]!.length)) {
      // Binary search for the chunk holding it.
      let lo = 0;
      let hi = chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= absolute) lo = mid;
        else hi = mid - 1;
      }
      last = lo;
    }
    return chunks[last]![absolute - starts[last]!];
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The engine's RFC 3339 timestamp (nanoseconds) as local time to the millisecond,
 * `2025-03-04 10:12:00.123`: sortable, and the same in every language. Unreadable ones stay.
 */
export function formatLogTime(time: string): string {
  const date = new Date(time.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(date.getTime())) return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
