// Search in log lines: plain text (case-insensitive unless asked) or a regular expression, over
// the text a person reads (ANSI escapes removed). Matches come back as ranges, and segments split
// at match edges so the view can highlight them inside coloured text. Pure.
import type { AnsiSegment } from './ansi';
import { stripAnsi } from './ansi';

export interface SearchOptions {
  caseSensitive?: boolean;
  regex?: boolean;
}

export interface MatchRange {
  start: number;
  end: number;
}

export interface LineMatches {
  /** Index of the line in the list searched. */
  line: number;
  ranges: MatchRange[];
}

export type Matcher = { ok: true; find: (text: string) => MatchRange[] } | { ok: false; error: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for a query, or why the query is not a valid regular expression. */
export function makeMatcher(query: string, options: SearchOptions = {}): Matcher {
  if (query === '') return { ok: true, find: () => [] };
  let pattern: RegExp;
  try {
    pattern = new RegExp(options.regex ? query : escapeRegExp(query), options.caseSensitive ? 'g' : 'gi');
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  return {
    ok: true,
    find(text) {
      const ranges: MatchRange[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          // An empty match (`a*`) highlights nothing; step past it.
          pattern.lastIndex += 1;
          continue;
        }
        ranges.push({ start: m.index, end: m.index + m[0].length });
      }
      return ranges;
    },
  };
}

/** Every line with at least one match, in order. `limit` stops after that many lines. */
export function searchLines(lines: readonly string[], query: string, options: SearchOptions = {}, limit = Infinity): LineMatches[] | { error: string } {
  const matcher = makeMatcher(query, options);
  if (!matcher.ok) return { error: matcher.error };
  const out: LineMatches[] = [];
  if (query === '') return out;
  for (let i = 0; i < lines.length && out.length < limit; i++) {
    const ranges = matcher.find(stripAnsi(lines[i]!));
    if (ranges.length > 0) out.push({ line: i, ranges });
  }
  return out;
}

export interface HighlightedSegment extends AnsiSegment {
  match: boolean;
}

/** Split styled segments at the match ranges (offsets in the stripped text). */
export function highlight(segments: readonly AnsiSegment[], ranges: readonly MatchRange[]): HighlightedSegment[] {
  const out: HighlightedSegment[] = [];
  let offset = 0;
  let r = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && ranges[r]!.end <= at) r++;
      const range = ranges[r];
      if (!range || range.start >= end) {
        out.push({ text: segment.text.slice(at - offset), style: segment.style, match: false });
        at = end;
      } else if (range.start > at) {
        out.push({ text: segment.text.slice(at - offset, range.start - offset), style: segment.style, match: false });
        at = range.start;
      } else {
        const stop = Math.min(range.end, end);
        out.push({ text: segment.text.slice(at - offset, stop - offset), style: segment.style, match: true });
        at = stop;
      }
    }
    offset = end;
  }
  return out;
}
