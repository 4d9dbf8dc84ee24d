// Search in a live, capped log: each match (every occurrence, not every line) is kept as the
// absolute number of its line, ascending. New lines are searched as they come, dropped lines
// leave with their matches, and the current match steps forwards and backwards, wrapping. Pure.
import type { CappedList } from '../../../../shared/logs/capped';
import { stripAnsi } from '../../../../shared/logs/ansi';
import { makeMatcher, type MatchRange, type SearchOptions } from '../../../../shared/logs/search';
import type { LogLine } from '../../../../shared/model/logs';
import { endLine, forEachFrom } from './log-lines';

/** More matches than this are not counted (the count says "more than"). */
export const MAX_MATCHES = 100_000;

/** First index in sorted `values` whose value is >= `target`. */
export function lowerBound(values: readonly number[], target: number, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index after stepping `direction` from `current` among `total`, wrapping; -1 when none. */
export function stepIndex(current: number, total: number, direction: 1 | -1): number {
  if (total <= 0) return -1;
  if (current < 0 || current >= total) return direction === 1 ? 0 : total - 1;
  return (current + direction + total) % total;
}

export interface CurrentMatch {
  /** Absolute line number. */
  line: number;
  /** Which occurrence in that line (0 is the first). */
  occurrence: number;
}

export class LogSearch {
  private query = '';
  private options: SearchOptions = {};
  private find: ((text: string) => MatchRange[]) | null = null;
  /** Absolute line of each match; valid from `head` on (the front is trimmed lazily). */
  private hits: number[] = [];
  private head = 0;
  private scannedTo = 0;
  private generation = -1;
  private currentIndex = -1;
  /** Why the query is not a valid regular expression, if it is not. */
  error: string | null = null;
  /** More than MAX_MATCHES: counting stopped. */
  truncated = false;

  /** A new query or options: everything is searched again on the next sync. */
  setQuery(query: string, options: SearchOptions = {}): void {
    if (query === this.query && options.caseSensitive === this.options.caseSensitive && options.regex === this.options.regex) return;
    this.query = query;
    this.options = { ...options };
    const matcher = makeMatcher(query, options);
    this.find = matcher.ok && query !== '' ? matcher.find : null;
    this.error = matcher.ok ? null : matcher.error;
    this.clear();
    this.scannedTo = -1;
  }

  get active(): boolean {
    return this.find !== null;
  }

  /** Bring the matches up to date with the log. Answers whether anything changed. */
  sync(list: CappedList<LogLine>, generation: number): boolean {
    let changed = false;
    if (generation !== this.generation || this.scannedTo < 0 || this.scannedTo > endLine(list)) {
      this.generation = generation;
      if (this.hits.length > 0 || this.currentIndex >= 0) changed = true;
      this.clear();
      this.scannedTo = list.dropped;
    }
    // Lines dropped from the front take their matches with them.
    const keepFrom = lowerBound(this.hits, list.dropped, this.head);
    if (keepFrom > this.head) {
      const gone = keepFrom - this.head;
      this.head = keepFrom;
      this.currentIndex = this.currentIndex < 0 ? -1 : Math.max(0, this.currentIndex - gone);
      if (this.count === 0) this.currentIndex = -1;
      changed = true;
      if (this.head > 4096 && this.head * 2 > this.hits.length) this.compact();
    }
    const end = endLine(list);
    const find = this.find;
    if (find && this.scannedTo < end && !this.truncated) {
      const before = this.hits.length;
      forEachFrom(list, this.scannedTo, (line, absolute) => {
        if (this.truncated) return;
        const ranges = find(stripAnsi(line.text));
        for (let i = 0; i < ranges.length; i++) {
          if (this.count >= MAX_MATCHES) {
            this.truncated = true;
            return;
          }
          this.hits.push(absolute);
        }
      });
      if (this.hits.length !== before) changed = true;
    }
    this.scannedTo = Math.max(this.scannedTo, end);
    return changed;
  }

  get count(): number {
    return this.hits.length - this.head;
  }

  /** Index of the current match among `count`, or -1. */
  get index(): number {
    return this.currentIndex;
  }

  current(): CurrentMatch | null {
    if (this.currentIndex < 0 || this.currentIndex >= this.count) return null;
    const at = this.head + this.currentIndex;
    const line = this.hits[at]!;
    return { line, occurrence: at - lowerBound(this.hits, line, this.head) };
  }

  /** Make the first match at or after line `from` current (wrapping to the first); answers it. */
  jumpNear(from: number): CurrentMatch | null {
    if (this.count === 0) {
      this.currentIndex = -1;
      return null;
    }
    const at = lowerBound(this.hits, from, this.head);
    this.currentIndex = at >= this.hits.length ? 0 : at - this.head;
    return this.current();
  }

  step(direction: 1 | -1): CurrentMatch | null {
    this.currentIndex = stepIndex(this.currentIndex, this.count, direction);
    return this.current();
  }

  /** The match ranges in one line's readable text (for highlighting a visible line). */
  ranges(text: string): MatchRange[] {
    return this.find ? this.find(stripAnsi(text)) : [];
  }

  private clear(): void {
    this.hits = [];
    this.head = 0;
    this.currentIndex = -1;
    this.truncated = false;
  }

  private compact(): void {
    this.hits = this.hits.slice(this.head);
    this.head = 0;
  }
}
