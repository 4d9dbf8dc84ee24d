// Bidirectional controls in a log line, shown for what they are. An override (U+202E RIGHT-TO-LEFT
// OVERRIDE and its kin) or an isolate reorders the characters after it on screen, so a line can
// read otherwise than what it holds ("Trojan Source"). The log view draws each control as a
// visible mark (⟨U+202E⟩) instead of applying it. Pure.

/** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), and the directional marks. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export type BidiPiece = { text: string } | { mark: string };

/** `U+202E` for a character. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const ANY_BIDI_CONTROL = new RegExp(BIDI_CONTROLS.source);

/** How a control is drawn: its code point between angle brackets, `⟨U+202E⟩` (notation, any language). */
export function bidiMarkText(mark: string): string {
  return `\u27E8${mark}\u27E9`;
}

export function hasBidiControls(text: string): boolean {
  return ANY_BIDI_CONTROL.test(text);
}

/** The text cut at each bidi control, each control as a mark of its code point. */
export function splitBidi(text: string): BidiPiece[] {
  if (!hasBidiControls(text)) return [{ text }];
  const pieces: BidiPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(BIDI_CONTROLS)) {
    const index = match.index ?? 0;
    if (index > at) pieces.push({ text: text.slice(at, index) });
    pieces.push({ mark: codePointName(match[0]) });
    at = index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
