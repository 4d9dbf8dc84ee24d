import { describe, expect, it } from 'vitest';
import { appendCapped, emptyCapped, type CappedList } from '../../../../src/shared/logs/capped';
import type { LogLine } from '../../../../src/shared/model/logs';
import { LogSearch, MAX_MATCHES, lowerBound, stepIndex } from '../../../../src/renderer/views/details/logic/log-search';
import { endLine, firstLine, forEachFrom, formatLogTime, lineReader } from '../../../../src/renderer/views/details/logic/log-lines';

const line = (text: string, stream: LogLine['stream'] = 'stdout'): LogLine => ({ stream, time: null, text });
const lines = (...texts: string[]): LogLine[] => texts.map((t) => line(t));
function log(batches: string[][], cap = 1000): CappedList<LogLine> {
  let list = emptyCapped<LogLine>();
  for (const b of batches) list = appendCapped(list, lines(...b), cap);
  return list;
}

describe('stepping between matches', () => {
  it('wraps forwards and backwards, and starts at an end when none is current', () => {
    expect(stepIndex(-1, 3, 1)).toBe(0);
    expect(stepIndex(-1, 3, -1)).toBe(2);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(1, 3, 1)).toBe(2);
    expect(stepIndex(0, 0, 1)).toBe(-1);
  });

  it('lowerBound finds the first value not below the target', () => {
    expect(lowerBound([1, 3, 3, 7], 3)).toBe(1);
    expect(lowerBound([1, 3, 3, 7], 4)).toBe(3);
    expect(lowerBound([1, 3, 3, 7], 8)).toBe(4);
    expect(lowerBound([1, 3, 3, 7], 0)).toBe(0);
    expect(lowerBound([1, 3, 3, 7], 1, 2)).toBe(2);
  });
});

describe('LogSearch', () => {
  it('counts every occurrence, steps through them in order with the occurrence in its line', () => {
    const list = log([
      ['a foo', 'bar', 'foo foo'],
      ['no', 'FOO'],
    ]);
    const search = new LogSearch();
    search.setQuery('foo');
    search.sync(list, 1);
    expect(search.count).toBe(4);
    expect(search.step(1)).toEqual({ line: 0, occurrence: 0 });
    expect(search.step(1)).toEqual({ line: 2, occurrence: 0 });
    expect(search.step(1)).toEqual({ line: 2, occurrence: 1 });
    expect(search.step(1)).toEqual({ line: 4, occurrence: 0 });
    expect(search.step(1)).toEqual({ line: 0, occurrence: 0 });
    expect(search.step(-1)).toEqual({ line: 4, occurrence: 0 });
    expect(search.index).toBe(3);
  });

  it('is case-insensitive unless asked, and takes regular expressions', () => {
    const list = log([['Error 1', 'error 2', 'warn 3']]);
    const search = new LogSearch();
    search.setQuery('error', { caseSensitive: true });
    search.sync(list, 1);
    expect(search.count).toBe(1);
    search.setQuery('^(error|warn) \\d$', { regex: true });
    search.sync(list, 1);
    expect(search.count).toBe(3);
    search.setQuery('(', { regex: true });
    search.sync(list, 1);
    expect(search.error).toBeTruthy();
    expect(search.active).toBe(false);
    expect(search.count).toBe(0);
  });

  it('searches the readable text: ANSI escapes neither match nor shift the ranges', () => {
    const search = new LogSearch();
    search.setQuery('31');
    search.sync(log([['\x1b[31mred\x1b[0m', 'x31']]), 1);
    expect(search.count).toBe(1);
    expect(search.ranges('\x1b[31mred 31\x1b[0m')).toEqual([{ start: 4, end: 6 }]);
  });

  it('searches only new lines as they come, keeping the current match', () => {
    const search = new LogSearch();
    search.setQuery('hit');
    let list = log([['hit', 'miss']]);
    search.sync(list, 1);
    search.step(1);
    list = appendCapped(list, lines('miss', 'hit'), 1000);
    expect(search.sync(list, 1)).toBe(true);
    expect(search.count).toBe(2);
    expect(search.current()).toEqual({ line: 0, occurrence: 0 });
    expect(search.sync(list, 1)).toBe(false);
  });

  it('drops the matches of dropped lines and keeps the current one where it was', () => {
    const search = new LogSearch();
    search.setQuery('x');
    // cap 4: batches of two lines; the oldest batch goes once the rest holds 4
    let list = log(
      [
        ['x0', 'a'],
        ['x2', 'x3'],
      ],
      4,
    );
    search.sync(list, 1);
    search.step(1);
    search.step(1); // line 2
    expect(search.current()?.line).toBe(2);
    list = appendCapped(list, lines('x4', 'b'), 4);
    expect(list.dropped).toBe(2);
    search.sync(list, 1);
    expect(search.count).toBe(3);
    expect(search.current()?.line).toBe(2);
    expect(search.index).toBe(0);
  });

  it('starts over for a new log (another generation)', () => {
    const search = new LogSearch();
    search.setQuery('x');
    search.sync(log([['x', 'x']]), 1);
    expect(search.count).toBe(2);
    search.sync(log([['x']]), 2);
    expect(search.count).toBe(1);
  });

  it('jumpNear picks the first match at or after a line, wrapping to the first', () => {
    const search = new LogSearch();
    search.setQuery('m');
    search.sync(log([['m', '-', 'm', '-', 'm']]), 1);
    expect(search.jumpNear(1)).toEqual({ line: 2, occurrence: 0 });
    expect(search.jumpNear(5)).toEqual({ line: 0, occurrence: 0 });
  });

  it('stops counting past MAX_MATCHES and says so', () => {
    const text = 'a'.repeat(1001);
    const batch = Array.from({ length: Math.ceil(MAX_MATCHES / 1001) + 1 }, () => text);
    const search = new LogSearch();
    search.setQuery('a');
    search.sync(log([batch], 10_000), 1);
    expect(search.truncated).toBe(true);
    expect(search.count).toBe(MAX_MATCHES);
  });
});

describe('reading a capped log by absolute line', () => {
  it('numbers lines from the first ever read, across dropped batches', () => {
    const list = log([['0', '1'], ['2', '3'], ['4']], 3);
    expect(firstLine(list)).toBe(2);
    expect(endLine(list)).toBe(5);
    const read = lineReader(list);
    expect(read(1)).toBeUndefined();
    expect([2, 3, 4].map((n) => read(n)?.text)).toEqual(['2', '3', '4']);
    expect(read(3)?.text).toBe('3');
    expect(read(5)).toBeUndefined();
    const seen: string[] = [];
    forEachFrom(list, 3, (l, n) => seen.push(`${n}:${l.text}`));
    expect(seen).toEqual(['3:3', '4:4']);
  });

  it('formats the engine timestamp as local time to the millisecond, the same in every language', () => {
    const iso = '2025-03-04T10:12:00.123456789Z';
    const d = new Date('2025-03-04T10:12:00.123Z');
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    expect(formatLogTime(iso)).toBe(
      `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.123`,
    );
    expect(formatLogTime('not a time')).toBe('not a time');
  });
});
