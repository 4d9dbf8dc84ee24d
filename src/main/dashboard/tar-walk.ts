// A streaming walk over a tar archive's entries, enough to find what a `docker load` archive
// holds: each regular file's size and first bytes (a layer may itself be compressed, and the
// engine expands it). USTAR sizes in octal or base-256, PAX `size` records (Go's writer uses them
// past 8 GiB). It parses headers only; file contents are handed on as they pass.

const BLOCK = 512;
/** The most of a PAX header kept to read its `size` (real ones are a few hundred bytes). */
const MAX_PAX = 64 * 1024;

export interface TarEntryListener {
  /** A regular file starts; `data` then gets its bytes, `end` closes it. */
  start(name: string, size: number): void;
  data(chunk: Buffer): void;
  end(): void;
}

export class NotATar extends Error {}

function octal(field: Buffer): number {
  if ((field[0]! & 0x80) !== 0) {
    // Base-256 (GNU, Go for big sizes): the rest of the field, big-endian.
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new NotATar(`bad number in a tar header: ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return octal(header.subarray(148, 156)) === sum;
}

/** PAX extended header records: `len key=value\n`. */
function paxSize(body: Buffer): number | null {
  const text = body.toString('utf8');
  const match = /(?:^|\n)\d+ size=(\d+)\n/.exec(text);
  return match ? Number(match[1]) : null;
}

export class TarWalk {
  private header = Buffer.alloc(0);
  /** Bytes left of the current entry's data, then of its padding. */
  private dataLeft = 0;
  private padLeft = 0;
  private current: 'file' | 'pax' | 'skip' = 'skip';
  private pax: Buffer[] = [];
  private paxBytes = 0;
  private nextSize: number | null = null;
  private ended = false;

  constructor(private readonly listener: TarEntryListener) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.dataLeft > 0) {
        const take = Math.min(this.dataLeft, chunk.length - at);
        const piece = chunk.subarray(at, at + take);
        if (this.current === 'file') this.listener.data(piece);
        else if (this.current === 'pax' && this.paxBytes < MAX_PAX) {
          this.pax.push(piece);
          this.paxBytes += piece.length;
        }
        this.dataLeft -= take;
        at += take;
        if (this.dataLeft === 0) this.entryDone();
      } else if (this.padLeft > 0) {
        const take = Math.min(this.padLeft, chunk.length - at);
        this.padLeft -= take;
        at += take;
      } else {
        const take = Math.min(BLOCK - this.header.length, chunk.length - at);
        this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)]);
        at += take;
        if (this.header.length === BLOCK) this.readHeader();
      }
    }
  }

  private readHeader(): void {
    const header = this.header;
    this.header = Buffer.alloc(0);
    if (header.every((b) => b === 0)) {
      // The end of the archive (two zero blocks; one is enough to stop looking).
      this.ended = true;
      return;
    }
    if (!checksumOk(header)) throw new NotATar('not a tar archive (a header with a wrong checksum)');
    const type = String.fromCharCode(header[156]!);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    let size = octal(header.subarray(124, 136));
    if (this.nextSize !== null && (type === '0' || type === '\0' || type === '7')) size = this.nextSize;
    if (type !== 'x') this.nextSize = null;
    this.current = type === '0' || type === '\0' || type === '7' ? 'file' : type === 'x' ? 'pax' : 'skip';
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (this.current === 'file') this.listener.start(name, size);
    if (size === 0) this.entryDone();
  }

  private entryDone(): void {
    if (this.current === 'file') this.listener.end();
    if (this.current === 'pax') {
      this.nextSize = paxSize(Buffer.concat(this.pax));
      this.pax = [];
      this.paxBytes = 0;
    }
    this.current = 'skip';
  }
}
