// ANSI colours in log lines: SGR sequences (ESC [ … m) become styled segments; every other
// escape sequence (cursor moves, OSC titles) is dropped. Pure; the renderer draws the segments.

/** 0–255 (the xterm palette: 0–7 normal, 8–15 bright) or `#rrggbb`. */
export type AnsiColor = number | string;

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

// CSI … final byte, OSC … BEL or ST, and two-byte escapes.
const ESCAPE = /\x1b(?:\[([0-9;:?]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** The text a person reads: escapes removed. */
export function stripAnsi(text: string): string {
  return text.indexOf('\x1b') < 0 ? text : text.replace(ESCAPE, '');
}

function hex(n: number): string {
  return Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0');
}

/** Apply one SGR parameter list to a style (a copy). */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const next: AnsiStyle = { ...style };
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) {
      for (const key of Object.keys(next)) delete next[key as keyof AnsiStyle];
    } else if (c === 1) next.bold = true;
    else if (c === 2) next.dim = true;
    else if (c === 3) next.italic = true;
    else if (c === 4) next.underline = true;
    else if (c === 7) next.inverse = true;
    else if (c === 9) next.strike = true;
    else if (c === 22) {
      delete next.bold;
      delete next.dim;
    } else if (c === 23) delete next.italic;
    else if (c === 24) delete next.underline;
    else if (c === 27) delete next.inverse;
    else if (c === 29) delete next.strike;
    else if (c >= 30 && c <= 37) next.fg = c - 30;
    else if (c >= 90 && c <= 97) next.fg = c - 90 + 8;
    else if (c === 39) delete next.fg;
    else if (c >= 40 && c <= 47) next.bg = c - 40;
    else if (c >= 100 && c <= 107) next.bg = c - 100 + 8;
    else if (c === 49) delete next.bg;
    else if (c === 38 || c === 48) {
      const key = c === 38 ? 'fg' : 'bg';
      if (codes[i + 1] === 5 && codes[i + 2] !== undefined) {
        next[key] = Math.max(0, Math.min(255, codes[i + 2]!));
        i += 2;
      } else if (codes[i + 1] === 2 && codes[i + 4] !== undefined) {
        next[key] = `#${hex(codes[i + 2]!)}${hex(codes[i + 3]!)}${hex(codes[i + 4]!)}`;
        i += 4;
      }
    }
  }
  return next;
}

/**
 * Styled segments of one line. `initial` carries the style a previous line left open (a program
 * may colour several lines with one sequence); the style at the end is returned with them.
 */
export function parseAnsi(text: string, initial: AnsiStyle = {}): { segments: AnsiSegment[]; style: AnsiStyle } {
  if (text.indexOf('\x1b') < 0) return { segments: text ? [{ text, style: initial }] : [], style: initial };
  const segments: AnsiSegment[] = [];
  let style = initial;
  let last = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(text); m; m = ESCAPE.exec(text)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), style });
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), style });
  return { segments, style };
}
