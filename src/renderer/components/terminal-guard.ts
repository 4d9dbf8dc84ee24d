// What a container prints must not type into its own shell, nor send the person somewhere else
// than it shows. A terminal answers some queries by writing its reply as input (answerback): the
// device attributes (DA1 `ESC[c`, DA2 `ESC[>c`, DA3 `ESC[=c`, DECID `ESC Z`), status and cursor
// reports (DSR `ESC[5n`, `ESC[6n`, `ESC[?6n`…), mode reports (DECRQM `ESC[…$p`), setting reports
// (DECRQSS `ESC P $ q … ST`) and colour queries (OSC 4/10/11/12 with `?`). Output that holds them
// (a log file cat-ed, a hostile program) would have the reply typed into the shell, so Silo's
// terminal swallows them all. Programs that ask (busybox's line editing asks for the cursor) work
// on without an answer, as they must on a terminal that does not reply.
// OSC 8 hyperlinks show text that need not be their target: Silo never opens them; hovering one
// shows where it really goes. Pure: it takes xterm's parser and link hooks by shape.

export interface Disposable {
  dispose(): void;
}

interface FunctionIdentifier {
  prefix?: string;
  intermediates?: string;
  final: string;
}

/** The part of xterm's `term.parser` used here. */
export interface ParserLike {
  registerCsiHandler(id: FunctionIdentifier, callback: (params: (number | number[])[]) => boolean): Disposable;
  registerDcsHandler(id: FunctionIdentifier, callback: (data: string, params: (number | number[])[]) => boolean): Disposable;
  registerEscHandler(id: FunctionIdentifier, callback: () => boolean): Disposable;
  registerOscHandler(ident: number, callback: (data: string) => boolean): Disposable;
}

/** Every CSI query a terminal answers by typing. */
export const ANSWERBACK_CSI: readonly FunctionIdentifier[] = [
  { final: 'c' }, // DA1
  { prefix: '>', final: 'c' }, // DA2
  { prefix: '=', final: 'c' }, // DA3
  { final: 'n' }, // DSR: 5n status, 6n cursor position
  { prefix: '?', final: 'n' }, // DEC DSR: ?6n, ?15n, ?26n…
  { intermediates: '$', final: 'p' }, // DECRQM (ANSI modes)
  { prefix: '?', intermediates: '$', final: 'p' }, // DECRQM (DEC modes)
  { final: 'x' }, // DECREQTPARM
  { final: 't' }, // window reports (14t, 18t, 21t…)
  { prefix: '>', final: 'q' }, // XTVERSION
];

/** OSC colour queries: the palette (4), foreground (10), background (11), cursor (12). */
export const ANSWERBACK_OSC: readonly number[] = [4, 10, 11, 12];

/** An OSC colour command that asks rather than sets (`?` in place of a colour). */
export function isColourQuery(data: string): boolean {
  return data.split(';').some((part) => part.trim() === '?');
}

/** Swallow every answerback query from the remote side; what sets rather than asks goes on. */
export function guardAnswerbacks(parser: ParserLike): Disposable {
  const handlers: Disposable[] = [
    ...ANSWERBACK_CSI.map((id) => parser.registerCsiHandler(id, () => true)),
    parser.registerDcsHandler({ intermediates: '$', final: 'q' }, () => true), // DECRQSS
    parser.registerDcsHandler({ intermediates: '+', final: 'q' }, () => true), // XTGETTCAP
    parser.registerEscHandler({ final: 'Z' }, () => true), // DECID
    ...ANSWERBACK_OSC.map((ident) => parser.registerOscHandler(ident, (data) => isColourQuery(data))),
  ];
  return { dispose: () => handlers.forEach((h) => h.dispose()) };
}

/** xterm's `linkHandler`: links are never opened; hovering shows the real target in `show`. */
export function inertLinks(show: (target: string | null) => void): {
  activate(event: MouseEvent, text: string): void;
  hover(event: MouseEvent, text: string): void;
  leave(): void;
  allowNonHttpProtocols: boolean;
} {
  return {
    activate: (event) => event.preventDefault(),
    hover: (_event, text) => show(text),
    leave: () => show(null),
    allowNonHttpProtocols: true,
  };
}
