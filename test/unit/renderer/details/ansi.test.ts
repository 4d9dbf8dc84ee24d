import { describe, expect, it } from 'vitest';
import { appendCapped, emptyCapped } from '../../../../src/shared/logs/capped';
import type { LogLine } from '../../../../src/shared/model/logs';
import { ansiLook, paletteCss } from '../../../../src/renderer/components/ansi-look';
import { AnsiCarry } from '../../../../src/renderer/views/details/logic/ansi-carry';
import { droppedHeight } from '../../../../src/renderer/components/LogView';
import { logFileName } from '../../../../src/renderer/views/details/logic/log-file-name';

describe('ANSI looks', () => {
  it('basic colours and attributes are classes; nothing for plain text', () => {
    expect(ansiLook({})).toEqual({ className: '', color: null, background: null });
    expect(ansiLook({ fg: 1, bg: 12, bold: true, underline: true })).toEqual({
      className: 'ansi-fg-1 ansi-bg-12 ansi-bold ansi-underline',
      color: null,
      background: null,
    });
  });

  it('a 256-palette or true colour is a CSS value for element.style', () => {
    expect(paletteCss(196)).toBe('rgb(255, 0, 0)');
    expect(paletteCss(16)).toBe('rgb(0, 0, 0)');
    expect(paletteCss(232)).toBe('rgb(8, 8, 8)');
    expect(paletteCss(255)).toBe('rgb(238, 238, 238)');
    expect(paletteCss('#7850c8')).toBe('#7850c8');
    expect(paletteCss('red; x')).toBeNull();
    expect(ansiLook({ fg: 208, bg: '#112233' })).toEqual({ className: '', color: 'rgb(255, 135, 0)', background: '#112233' });
  });

  it('inverse swaps the colours, and the view’s own ones when a side is default', () => {
    expect(ansiLook({ inverse: true, fg: 2 }).className).toBe('ansi-bg-2 ansi-inverse-fg');
    expect(ansiLook({ inverse: true }).className).toBe('ansi-inverse-fg ansi-inverse-bg');
  });
});

describe('styles carried from line to line', () => {
  const lines = (...texts: [string, LogLine['stream']?][]): LogLine[] => texts.map(([text, stream = 'stdout']) => ({ text, stream, time: null }));

  it('a colour left open colours the next lines of the same stream until reset', () => {
    let list = emptyCapped<LogLine>();
    list = appendCapped(list, lines(['\x1b[31mred starts'], ['still red'], ['other stream', 'stderr']), 100);
    const carry = new AnsiCarry();
    carry.sync(list, 1);
    expect(carry.startOf(0)).toEqual({});
    expect(carry.startOf(1)).toEqual({ fg: 1 });
    expect(carry.startOf(2)).toEqual({});
    list = appendCapped(list, lines(['red\x1b[0m ends'], ['plain']), 100);
    carry.sync(list, 1);
    expect(carry.startOf(3)).toEqual({ fg: 1 });
    expect(carry.startOf(4)).toEqual({});
  });

  it('forgets dropped lines and starts over for a new log', () => {
    let list = emptyCapped<LogLine>();
    list = appendCapped(list, lines(['\x1b[1mbold'], ['b']), 2);
    const carry = new AnsiCarry();
    carry.sync(list, 1);
    expect(carry.startOf(1)).toEqual({ bold: true });
    list = appendCapped(list, lines(['c'], ['d']), 2);
    carry.sync(list, 1);
    expect(list.dropped).toBe(2);
    expect(carry.startOf(1)).toEqual({});
    expect(carry.startOf(2)).toEqual({ bold: true });
    carry.sync(appendCapped(emptyCapped<LogLine>(), lines(['x']), 2), 2);
    expect(carry.startOf(0)).toEqual({});
  });
});

describe('the log view’s window', () => {
  // The window itself is @tanstack/react-virtual's (browser-tested in test/e2e/details.test.ts);
  // what Silo adds is how far the view moves when old lines are dropped.
  it('moves up by the measured height of the dropped lines, the estimate for lines never measured', () => {
    const measured = new Map([
      [3, 36],
      [4, 54],
    ]);
    expect(droppedHeight(2, 6, (line) => measured.get(line), 18)).toBe(18 + 36 + 54 + 18);
    expect(droppedHeight(5, 5, (line) => measured.get(line), 18)).toBe(0);
    expect(droppedHeight(0, 1000, () => undefined, 18)).toBe(18_000);
  });

  it('names a downloaded log by container and local time', () => {
    expect(logFileName('/web 1', new Date(2025, 2, 4, 10, 12, 5))).toBe('web_1-20250304-101205.log');
    expect(logFileName('', new Date(2025, 0, 1, 0, 0, 0))).toBe('container-20250101-000000.log');
  });
});
