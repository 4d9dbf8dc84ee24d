// Demultiplexing, lines, ANSI colours, search and the capped line list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from '../../../../src/shared/logs/ansi';
import { appendCapped, cappedAt, cappedToArray, emptyCapped, type CappedList } from '../../../../src/shared/logs/capped';
import { FrameDemuxer, encodeFrame } from '../../../../src/shared/logs/demux';
import { LineAssembler, MAX_LINE_CHARS } from '../../../../src/shared/logs/lines';
import { highlight, makeMatcher, searchLines } from '../../../../src/shared/logs/search';
import type { LogLine } from '../../../../src/shared/model/logs';

const recorded = new Uint8Array(readFileSync(new URL('../../../fixtures/dashboard/logs/multiplexed-timestamps.bin', import.meta.url)));

function read(chunks: Uint8Array[], timestamps = true): LogLine[] {
  const demux = new FrameDemuxer();
  const lines = new LineAssembler(timestamps);
  const out: LogLine[] = [];
  for (const chunk of chunks) for (const piece of demux.push(chunk)) out.push(...lines.push(piece.stream === 'stderr' ? 'stderr' : 'stdout', piece.data));
  return [...out, ...lines.end()];
}

describe('the multiplexed log stream (recorded)', () => {
  const whole = read([recorded]);

  it('splits stdout from stderr and the timestamps from the text', () => {
    expect(whole.map((l) => [l.stream, l.text])).toEqual([
      ['stderr', 'err ü'],
      ['stdout', 'out é 😀'],
      ['stdout', 'second-out'],
    ]);
    expect(whole.every((l) => /^2026-11-23T17:24:55\.\d{9}Z$/.test(l.time!))).toBe(true);
  });

  it('gives the same lines whatever the chunk boundaries (inside headers and characters too)', () => {
    for (let at = 1; at < recorded.length; at++) {
      expect(read([recorded.subarray(0, at), recorded.subarray(at)])).toEqual(whole);
    }
    expect(read(Array.from(recorded, (b) => Uint8Array.of(b)))).toEqual(whole);
  });

  it('hands on a large frame as it arrives, and knows a cut frame', () => {
    const payload = new TextEncoder().encode('x'.repeat(100_000) + '\n');
    const frame = encodeFrame('stdout', payload);
    const demux = new FrameDemuxer();
    const first = demux.push(frame.subarray(0, 50_000));
    expect(first.reduce((n, p) => n + p.data.length, 0)).toBe(50_000 - 8);
    expect(demux.incomplete).toBe(true);
    demux.push(frame.subarray(50_000));
    expect(demux.incomplete).toBe(false);
  });
});

describe('lines', () => {
  it('strips a TTY line end, keeps a last line without one, and cuts a line that never ends', () => {
    const lines = new LineAssembler(false);
    const enc = new TextEncoder();
    expect(lines.push('tty', enc.encode('a\r\nb\r\npartial'))).toEqual([
      { stream: 'tty', time: null, text: 'a' },
      { stream: 'tty', time: null, text: 'b' },
    ]);
    expect(lines.end()).toEqual([{ stream: 'tty', time: null, text: 'partial' }]);
    const long = new LineAssembler(false);
    const pieces = long.push('stdout', enc.encode('y'.repeat(MAX_LINE_CHARS * 2 + 5)));
    expect(pieces.map((p) => p.text.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS]);
    expect(long.end().map((p) => p.text)).toEqual(['yyyyy']);
  });

  it('leaves a line without a timestamp as it is', () => {
    const lines = new LineAssembler(true);
    expect(lines.push('stdout', new TextEncoder().encode('no stamp here\n'))).toEqual([{ stream: 'stdout', time: null, text: 'no stamp here' }]);
  });
});

describe('ANSI colours', () => {
  it('turns SGR sequences into styles, carries them across lines, drops other escapes', () => {
    const first = parseAnsi('\x1b[1;31mred bold\x1b[0m plain \x1b[38;5;208morange');
    expect(first.segments).toEqual([
      { text: 'red bold', style: { bold: true, fg: 1 } },
      { text: ' plain ', style: {} },
      { text: 'orange', style: { fg: 208 } },
    ]);
    expect(parseAnsi('still orange\x1b[39m', first.style).segments).toEqual([{ text: 'still orange', style: { fg: 208 } }]);
    expect(parseAnsi('\x1b[48;2;0;128;255mrgb\x1b[2K\x1b]0;title\x07!').segments).toEqual([
      { text: 'rgb', style: { bg: '#0080ff' } },
      { text: '!', style: { bg: '#0080ff' } },
    ]);
    expect(parseAnsi('\x1b[92mbright').segments[0]!.style).toEqual({ fg: 10 });
    expect(stripAnsi('\x1b[31mred\x1b[0m \x1b[1A\x1b[Kup')).toBe('red up');
  });
});

describe('search', () => {
  const lines = ['alpha \x1b[31mERROR\x1b[0m beta', 'gamma', 'error again, error', 'delta'];

  it('finds plain text case-insensitively over what a person reads', () => {
    expect(searchLines(lines, 'error')).toEqual([
      { line: 0, ranges: [{ start: 6, end: 11 }] },
      {
        line: 2,
        ranges: [
          { start: 0, end: 5 },
          { start: 13, end: 18 },
        ],
      },
    ]);
    expect(searchLines(lines, 'ERROR', { caseSensitive: true })).toEqual([{ line: 0, ranges: [{ start: 6, end: 11 }] }]);
    expect(searchLines(lines, 'a.', {})).toEqual([]);
    expect(searchLines(lines, 'er+or a', { regex: true })).toEqual([{ line: 2, ranges: [{ start: 0, end: 7 }] }]);
    expect(searchLines(lines, '')).toEqual([]);
    expect(searchLines(lines, 'e', {}, 1)).toHaveLength(1);
  });

  it('says why a regular expression is not valid, and steps over empty matches', () => {
    expect(searchLines(lines, '(', { regex: true })).toEqual({ error: expect.stringMatching(/Invalid regular expression/) });
    const m = makeMatcher('x*', { regex: true });
    expect(m.ok && m.find('axxb')).toEqual([{ start: 1, end: 3 }]);
  });

  it('highlights matches inside coloured segments', () => {
    const { segments } = parseAnsi(lines[0]!);
    const [match] = searchLines(lines, 'r beta') as Array<{ ranges: Array<{ start: number; end: number }> }>;
    expect(highlight(segments, match!.ranges)).toEqual([
      { text: 'alpha ', style: {}, match: false },
      { text: 'ERRO', style: { fg: 1 }, match: false },
      { text: 'R', style: { fg: 1 }, match: true },
      { text: ' beta', style: {}, match: true },
    ]);
  });
});

describe('the capped line list', () => {
  it('keeps at most the cap (plus one batch), drops whole old batches, reads any index', () => {
    let list: CappedList<number> = emptyCapped();
    for (let b = 0; b < 250; b++)
      list = appendCapped(
        list,
        Array.from({ length: 500 }, (_, i) => b * 500 + i),
        100_000,
      );
    expect(list.length).toBe(100_000);
    expect(list.dropped).toBe(25_000);
    expect(cappedAt(list, 0)).toBe(25_000);
    expect(cappedAt(list, 99_999)).toBe(124_999);
    expect(cappedAt(list, 100_000)).toBeUndefined();
    expect(cappedToArray(list)).toHaveLength(100_000);
    expect(appendCapped(list, [], 10)).toBe(list);
  });
});
