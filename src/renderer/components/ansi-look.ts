// ANSI styles as the log view draws them: the 16 basic colours and the attributes are CSS classes
// (the CSP forbids style attributes); a 256-palette or true colour is a value the view sets from
// script (element.style), which the CSP allows. Pure.
import type { AnsiColor, AnsiStyle } from '../../shared/logs/ansi';

export interface AnsiLook {
  /** Space-separated classes (`ansi-fg-1 ansi-bold`), or ''. */
  className: string;
  /** A colour no class covers (256-palette or #rrggbb), to set through element.style. */
  color: string | null;
  background: string | null;
}

const CUBE = [0, 95, 135, 175, 215, 255];

/** A palette index 16–255 or `#rrggbb` as CSS; null for 0–15 (those are classes). */
export function paletteCss(color: AnsiColor): string | null {
  if (typeof color === 'string') return /^#[0-9a-f]{6}$/i.test(color) ? color : null;
  if (color < 16) return null;
  if (color >= 232) {
    const level = 8 + (color - 232) * 10;
    return `rgb(${level}, ${level}, ${level})`;
  }
  const n = color - 16;
  return `rgb(${CUBE[Math.floor(n / 36)]}, ${CUBE[Math.floor(n / 6) % 6]}, ${CUBE[n % 6]})`;
}

function colourPart(kind: 'fg' | 'bg', color: AnsiColor | undefined, classes: string[]): string | null {
  if (color === undefined) return null;
  if (typeof color === 'number' && color < 16) {
    classes.push(`ansi-${kind}-${color}`);
    return null;
  }
  return paletteCss(color);
}

/** The classes and script-set colours of one style. Inverse swaps foreground and background. */
export function ansiLook(style: AnsiStyle): AnsiLook {
  const classes: string[] = [];
  const fg = style.inverse ? style.bg : style.fg;
  const bg = style.inverse ? style.fg : style.bg;
  const color = colourPart('fg', fg, classes);
  const background = colourPart('bg', bg, classes);
  // Inverse with a default colour on either side: the view's own colours, swapped.
  if (style.inverse && fg === undefined) classes.push('ansi-inverse-fg');
  if (style.inverse && bg === undefined) classes.push('ansi-inverse-bg');
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  if (style.strike) classes.push('ansi-strike');
  return { className: classes.join(' '), color, background };
}
