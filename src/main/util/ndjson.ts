// Newline-delimited JSON across arbitrary chunk boundaries (the events stream splits where TCP
// and HTTP chunking please, even inside a multi-byte character).
import { StringDecoder } from 'node:string_decoder';

/** A line longer than this without a newline is garbage, not an event. */
const MAX_LINE = 4 * 1024 * 1024;

export interface NdjsonResult {
  values: unknown[];
  /** Lines that were not JSON, as plain sentences. */
  errors: string[];
}

export class NdjsonParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  push(chunk: Buffer | string): NdjsonResult {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const result: NdjsonResult = { values: [], errors: [] };
    let newline = this.pending.indexOf('\n');
    while (newline >= 0) {
      this.parseLine(this.pending.slice(0, newline), result);
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf('\n');
    }
    if (this.pending.length > MAX_LINE) {
      result.errors.push(`dropped ${this.pending.length} characters without a line end`);
      this.pending = '';
    }
    return result;
  }

  /** The stream ended: parse what is left (a last line without its newline). */
  end(): NdjsonResult {
    this.pending += this.decoder.end();
    const result: NdjsonResult = { values: [], errors: [] };
    this.parseLine(this.pending, result);
    this.pending = '';
    return result;
  }

  private parseLine(raw: string, result: NdjsonResult): void {
    const line = raw.trim();
    if (!line) return;
    try {
      result.values.push(JSON.parse(line) as unknown);
    } catch {
      result.errors.push(`not JSON: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`);
    }
  }
}
