// The style each log line starts with, carried from the lines before it on the same stream (a
// program may colour several lines with one sequence). Pure.
import { parseAnsi, type AnsiStyle } from '../../../../shared/logs/ansi';
import type { CappedList } from '../../../../shared/logs/capped';
import type { LogLine } from '../../../../shared/model/logs';
import { endLine, forEachFrom } from './log-lines';

const EMPTY: AnsiStyle = Object.freeze({});

const isEmpty = (style: AnsiStyle): boolean => Object.keys(style).length === 0;

/**
 * The style each line starts with. Only lines that start styled are remembered (most start
 * plain), by absolute number; lines dropped from the log are forgotten.
 */
export class AnsiCarry {
  private readonly starts = new Map<number, AnsiStyle>();
  private readonly open = new Map<LogLine['stream'], AnsiStyle>();
  private scannedTo = 0;
  private generation = -1;
  private forgottenBelow = 0;

  sync(list: CappedList<LogLine>, generation: number): void {
    if (generation !== this.generation || this.scannedTo > endLine(list)) {
      this.generation = generation;
      this.starts.clear();
      this.open.clear();
      this.scannedTo = list.dropped;
      this.forgottenBelow = list.dropped;
    }
    if (list.dropped > this.forgottenBelow) {
      for (const line of this.starts.keys()) if (line < list.dropped) this.starts.delete(line);
      this.forgottenBelow = list.dropped;
    }
    forEachFrom(list, this.scannedTo, (line, absolute) => {
      const carried = this.open.get(line.stream) ?? EMPTY;
      if (!isEmpty(carried)) this.starts.set(absolute, carried);
      if (line.text.indexOf('\x1b') >= 0) {
        const after = parseAnsi(line.text, carried).style;
        if (isEmpty(after)) this.open.delete(line.stream);
        else this.open.set(line.stream, after);
      }
    });
    this.scannedTo = Math.max(this.scannedTo, endLine(list));
  }

  startOf(absolute: number): AnsiStyle {
    return this.starts.get(absolute) ?? EMPTY;
  }
}
