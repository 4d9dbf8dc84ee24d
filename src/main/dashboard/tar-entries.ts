// A streaming reader of a tar's entries with everything their headers say: name, type, size,
// mode, owner (ids and names), modification time, link target. USTAR with its prefix field, GNU
// long names and link names (`L`, `K`), PAX records (path, linkpath, size, mtime, uid, gid,
// uname, gname: Go's writer, the engine's, uses them for long names and big values). An entry's
// data is handed on as it passes; what `data` answers false for is skipped without being kept.
// Used by the volume files and by the image archive guard (to find a `docker load`'s layers).

const BLOCK = 512;
/** The most of a PAX or GNU long-name body kept (real ones are a few hundred bytes). */
const MAX_META = 64 * 1024;

export interface TarHeader {
  name: string;
  /** The tar type flag: '0' file, '1' hard link, '2' symlink, '5' folder, … */
  type: string;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** Epoch ms. */
  mtime: number;
  linkname: string;
}

export interface TarEntriesListener {
  entry(header: TarHeader): void;
  data?(chunk: Buffer): void;
  /** The entry's data has all passed (after `entry`, and its `data` if any). */
  entryEnd?(): void;
  /** The archive's end marker was read. */
  end?(): void;
}

export class MalformedTar extends Error {}

function num(field: Buffer): number {
  if ((field[0]! & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new MalformedTar(`bad number in a tar header: ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

function str(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return num(header.subarray(148, 156)) === sum;
}

/** PAX records: `len key=value\n`. */
export function paxRecords(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space === -1) break;
    const length = Number(body.subarray(at, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= space - at || at + length > body.length) throw new MalformedTar('a malformed PAX record');
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}

export class TarEntries {
  private header = Buffer.alloc(0);
  private dataLeft = 0;
  private padLeft = 0;
  private current: 'data' | 'meta' | 'skip' = 'skip';
  private metaType = '';
  private meta: Buffer[] = [];
  private metaBytes = 0;
  private pax = new Map<string, string>();
  private longName: string | null = null;
  private longLink: string | null = null;
  /** The end marker was read. */
  ended = false;

  constructor(private readonly listener: TarEntriesListener) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.dataLeft > 0) {
        const take = Math.min(this.dataLeft, chunk.length - at);
        const piece = chunk.subarray(at, at + take);
        if (this.current === 'data') this.listener.data?.(piece);
        else if (this.current === 'meta' && this.metaBytes < MAX_META) {
          this.meta.push(piece);
          this.metaBytes += piece.length;
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
    const h = this.header;
    this.header = Buffer.alloc(0);
    if (h.every((b) => b === 0)) {
      this.ended = true;
      this.listener.end?.();
      return;
    }
    if (!checksumOk(h)) throw new MalformedTar('not a tar archive (a header with a wrong checksum)');
    const type = h[156] === 0 ? '0' : String.fromCharCode(h[156]!);
    let size = num(h.subarray(124, 136));
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      this.current = 'meta';
      this.metaType = type;
    } else {
      const pax = this.pax;
      if (pax.has('size')) size = Number(pax.get('size'));
      const ustar = h.subarray(257, 262).toString('latin1') === 'ustar';
      const prefix = ustar ? str(h.subarray(345, 500)) : '';
      const plain = str(h.subarray(0, 100));
      const entry: TarHeader = {
        name: pax.get('path') ?? this.longName ?? (prefix ? `${prefix}/${plain}` : plain),
        type,
        size: type === '0' || type === '7' ? size : 0,
        mode: num(h.subarray(100, 108)) & 0o7777,
        uid: pax.has('uid') ? Number(pax.get('uid')) : num(h.subarray(108, 116)),
        gid: pax.has('gid') ? Number(pax.get('gid')) : num(h.subarray(116, 124)),
        uname: pax.get('uname') ?? (ustar ? str(h.subarray(265, 297)) : ''),
        gname: pax.get('gname') ?? (ustar ? str(h.subarray(297, 329)) : ''),
        mtime: Math.round((pax.has('mtime') ? Number(pax.get('mtime')) : num(h.subarray(136, 148))) * 1000),
        linkname: pax.get('linkpath') ?? this.longLink ?? str(h.subarray(157, 257)),
      };
      this.pax = new Map();
      this.longName = null;
      this.longLink = null;
      this.current = 'data';
      this.listener.entry(entry);
    }
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    if (size === 0) this.entryDone();
  }

  private entryDone(): void {
    if (this.current === 'meta') {
      const body = Buffer.concat(this.meta);
      this.meta = [];
      this.metaBytes = 0;
      if (this.metaType === 'x') this.pax = paxRecords(body);
      else if (this.metaType === 'L') this.longName = str(body);
      else if (this.metaType === 'K') this.longLink = str(body);
    } else if (this.current === 'data') this.listener.entryEnd?.();
    this.current = 'skip';
  }
}
