// Between a tar to import into a volume and the engine: every entry is checked (TarRules: inside
// the root, not through a symlink, no device) and what it unpacks to is counted against the
// limit, as the bytes pass; a piece goes on only once checked. A gzip tar is inflated here just to
// check it (the engine is sent the original bytes and inflates it itself). Other compressions are
// refused in plain words, as for images.
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { COMPRESSION_SNIFF_BYTES, compressionOf, formatLimit } from '../../shared/dashboard/archive-limit';
import { TarRules } from '../../shared/dashboard/volume-tar-rules';
import { SiloFailure, siloError } from '../../shared/errors';
import { MalformedTar, TarEntries, type TarHeader } from './tar-entries';
import { isRoot } from './tar-write';

export class VolumeTarGuard extends Transform {
  received = 0;
  unpacked = 0;
  files = 0;
  /** The archive's own root entry (`./`), when it has one: its mode, owner and time. */
  root: TarHeader | null = null;
  private head: Buffer | null = Buffer.alloc(0);
  private gunzip: Gunzip | null = null;
  private readonly rules = new TarRules();
  private readonly walk: TarEntries;
  private failure: SiloFailure | null = null;

  constructor(private readonly limit: number) {
    super({ highWaterMark: 1024 * 1024 });
    this.walk = new TarEntries({
      entry: (h) => {
        this.files += 1;
        if (this.root === null && this.files === 1 && isRoot(h.name)) this.root = h;
        const problem = this.rules.check(h.name, h.type, h.linkname);
        if (problem) this.fail(new SiloFailure(siloError('archive-entry-refused', { params: { entry: h.name, reason: problem } })));
        this.unpacked += 512 + h.size;
        if (this.unpacked > this.limit) this.fail(this.tooLarge());
      },
    });
  }

  /** The tar's end marker was seen. */
  get complete(): boolean {
    return this.walk.ended;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) return callback(this.fail(this.tooLarge()));
    this.inspect(chunk).then(
      () => callback(this.failure, this.failure ? undefined : chunk),
      (error: unknown) => callback(error as Error),
    );
  }

  override _flush(callback: TransformCallback): void {
    this.finishUp().then(
      () => {
        if (!this.failure && !this.walk.ended) this.fail(new SiloFailure(siloError('invalid-archive', { detail: 'the tar ends before its end marker' })));
        callback(this.failure);
      },
      (error: unknown) => callback(error as Error),
    );
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.gunzip?.destroy();
    callback(error);
  }

  private async inspect(chunk: Buffer): Promise<void> {
    if (this.head !== null) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < COMPRESSION_SNIFF_BYTES) return;
      chunk = this.decide();
    }
    await this.feed(chunk);
  }

  private async finishUp(): Promise<void> {
    if (this.head !== null) await this.feed(this.decide());
    const gunzip = this.gunzip;
    if (gunzip && !this.failure && !gunzip.destroyed) {
      await new Promise<void>((resolve) => {
        gunzip.once('end', resolve);
        gunzip.once('error', () => resolve());
        gunzip.end();
      });
    }
  }

  private decide(): Buffer {
    const head = this.head ?? Buffer.alloc(0);
    this.head = null;
    const kind = compressionOf(head);
    if (kind === 'gzip') {
      this.gunzip = createGunzip({ chunkSize: 1024 * 1024 });
      this.gunzip.on('data', (data: Buffer) => this.tarBytes(data));
      this.gunzip.on('error', (error) => this.fail(new SiloFailure(siloError('invalid-archive', { detail: `gzip: ${error.message}` }))));
    } else if (kind !== 'none') {
      this.fail(new SiloFailure(siloError('archive-compression', { params: { format: kind } })));
    }
    return head;
  }

  private async feed(data: Buffer): Promise<void> {
    if (this.failure || data.length === 0) return;
    const gunzip = this.gunzip;
    if (gunzip) {
      if (!gunzip.destroyed) await new Promise<void>((resolve) => gunzip.write(data, () => resolve()));
    } else this.tarBytes(data);
  }

  private tarBytes(data: Buffer): void {
    if (this.failure || this.walk.ended) return;
    try {
      this.walk.push(data);
    } catch (error) {
      if (!(error instanceof MalformedTar)) throw error;
      this.fail(new SiloFailure(siloError('invalid-archive', { detail: error.message })));
    }
  }

  private tooLarge(): SiloFailure {
    return new SiloFailure(siloError('too-large', { params: { limit: formatLimit(this.limit) } }));
  }

  private fail(failure: SiloFailure): SiloFailure {
    this.failure ??= failure;
    this.gunzip?.destroy();
    return this.failure;
  }
}
