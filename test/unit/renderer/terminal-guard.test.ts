// The terminal's and log view's pure filters: every answerback query is swallowed before xterm
// answers it (a colour that is set, not asked, goes on), links are never opened, and bidi controls
// in a log line are cut out as visible marks.
import { describe, expect, it } from 'vitest';
import { ANSWERBACK_CSI, guardAnswerbacks, inertLinks, isColourQuery, type ParserLike } from '../../../src/renderer/components/terminal-guard';
import { hasBidiControls, splitBidi } from '../../../src/shared/logs/bidi';

function recordingParser() {
  const csi = new Map<string, (params: (number | number[])[]) => boolean>();
  const dcs = new Map<string, () => boolean>();
  const esc = new Map<string, () => boolean>();
  const osc = new Map<number, (data: string) => boolean>();
  let disposed = 0;
  const key = (id: { prefix?: string; intermediates?: string; final: string }): string => `${id.prefix ?? ''}${id.intermediates ?? ''}${id.final}`;
  const parser: ParserLike = {
    registerCsiHandler: (id, cb) => (csi.set(key(id), cb), { dispose: () => void disposed++ }),
    registerDcsHandler: (id, cb) => (dcs.set(key(id), () => cb('', [])), { dispose: () => void disposed++ }),
    registerEscHandler: (id, cb) => (esc.set(key(id), cb), { dispose: () => void disposed++ }),
    registerOscHandler: (ident, cb) => (osc.set(ident, cb), { dispose: () => void disposed++ }),
  };
  return { parser, csi, dcs, esc, osc, disposed: () => disposed };
}

describe('answerbacks', () => {
  it('swallows DA1/2/3, DSR (5n, 6n, ?6n), DECRQM, DECRQSS, XTGETTCAP, XTVERSION, window reports and DECID', () => {
    const r = recordingParser();
    const guard = guardAnswerbacks(r.parser);
    for (const id of ['c', '>c', '=c', 'n', '?n', '$p', '?$p', 't', '>q']) expect(r.csi.get(id)?.([6]), id).toBe(true);
    expect(r.dcs.get('$q')?.()).toBe(true);
    expect(r.dcs.get('+q')?.()).toBe(true);
    expect(r.esc.get('Z')?.()).toBe(true);
    guard.dispose();
    expect(r.disposed()).toBe(ANSWERBACK_CSI.length + 3 + 4);
  });

  it('swallows a colour query and lets a colour being set through to xterm', () => {
    const r = recordingParser();
    guardAnswerbacks(r.parser);
    expect(r.osc.get(11)?.('?')).toBe(true);
    expect(r.osc.get(4)?.('1;?')).toBe(true);
    expect(r.osc.get(10)?.('rgb:ff/ff/ff')).toBe(false);
    expect(isColourQuery('2;#ff0000')).toBe(false);
    // The hyperlink OSC (8) is not a query: xterm keeps it, with the link handler below.
    expect(r.osc.has(8)).toBe(false);
  });
});

describe('links', () => {
  it('are never opened, and hovering shows the real target', () => {
    const shown: Array<string | null> = [];
    const links = inertLinks((t) => shown.push(t));
    let prevented = false;
    const click = { preventDefault: () => (prevented = true) } as unknown as MouseEvent;
    links.activate(click, 'https://evil.example/');
    expect(prevented).toBe(true);
    links.hover(click, 'https://evil.example/');
    links.leave();
    expect(shown).toEqual(['https://evil.example/', null]);
  });
});

describe('bidi controls in a log line', () => {
  it('are cut out as marks of their code point, the rest kept as it is', () => {
    expect(splitBidi('plain text')).toEqual([{ text: 'plain text' }]);
    expect(splitBidi('user\u202Etxt.exe')).toEqual([{ text: 'user' }, { mark: 'U+202E' }, { text: 'txt.exe' }]);
    expect(splitBidi('\u2066a\u2069\u200F')).toEqual([{ mark: 'U+2066' }, { text: 'a' }, { mark: 'U+2069' }, { mark: 'U+200F' }]);
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) expect(hasBidiControls(`x${c}y`), c).toBe(true);
    // Right-to-left letters themselves are text, not controls.
    expect(hasBidiControls('שלום مرحبا')).toBe(false);
  });
});
