// Log bytes → lines: UTF-8 decoded across chunk boundaries, one pending partial line per stream,
// the engine's timestamp (`timestamps=1`: RFC 3339 with nanoseconds and a space) split off.
// Pure apart from TextDecoder, which every JavaScript runtime Silo runs in has.
import type { LogLine } from '../model/logs';

/** A line longer than this without a line end is handed on in pieces (memory stays bounded). */
export const MAX_LINE_CHARS = 64 * 1024;

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})) /;

/** Split the engine's timestamp off one line. */
export function splitTimestamp(line: string, timestamps: boolean): { time: string | null; text: string } {
  if (!timestamps) return { time: null, text: line };
  const m = TIMESTAMP.exec(line);
  if (!m) return { time: null, text: line };
  return { time: m[1]!, text: line.slice(m[0].length) };
}

interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface Pending {
  decoder: Decoder;
  text: string;
}

export class LineAssembler {
  private readonly pending = new Map<LogLine['stream'], Pending>();

  constructor(private readonly timestamps: boolean) {}

  push(stream: LogLine['stream'], bytes: Uint8Array): LogLine[] {
    const state = this.state(stream);
    state.text += state.decoder.decode(bytes, { stream: true });
    return this.take(stream, state, false);
  }

  /** The stream ended: the last lines, with any partial line. */
  end(): LogLine[] {
    const out: LogLine[] = [];
    for (const [stream, state] of this.pending) {
      state.text += state.decoder.decode();
      out.push(...this.take(stream, state, true));
    }
    this.pending.clear();
    return out;
  }

  private state(stream: LogLine['stream']): Pending {
    let state = this.pending.get(stream);
    if (!state) {
      state = { decoder: new TextDecoder('utf-8'), text: '' };
      this.pending.set(stream, state);
    }
    return state;
  }

  private take(stream: LogLine['stream'], state: Pending, final: boolean): LogLine[] {
    const out: LogLine[] = [];
    let start = 0;
    let newline = state.text.indexOf('\n');
    while (newline >= 0) {
      out.push(this.line(stream, state.text.slice(start, newline)));
      start = newline + 1;
      newline = state.text.indexOf('\n', start);
    }
    let rest = state.text.slice(start);
    while (rest.length > MAX_LINE_CHARS) {
      out.push(this.line(stream, rest.slice(0, MAX_LINE_CHARS)));
      rest = rest.slice(MAX_LINE_CHARS);
    }
    if (final && rest.length > 0) {
      out.push(this.line(stream, rest));
      rest = '';
    }
    state.text = rest;
    return out;
  }

  private line(stream: LogLine['stream'], raw: string): LogLine {
    // A TTY ends its lines with \r\n.
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const { time, text: body } = splitTimestamp(text, this.timestamps);
    return { stream, time, text: body };
  }
}
