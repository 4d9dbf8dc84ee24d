// What the image archive guard and the volume tar guard share: a Transform that counts the bytes
// received against a limit, sniffs the archive's own compression from its first bytes, inflates a
// gzip one just to look at the tar inside (the engine is still sent the original bytes), refuses
// bzip2, xz and zstd in plain words (Node cannot inflate them), and hands a piece on only once
// the tar bytes in it have been looked at. A subclass says what to do with the tar bytes.
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { COMPRESSION_SNIFF_BYTES, compressionOf, formatLimit } from '../../shared/dashboard/archive-limit';
import { SiloFailure, siloError } from '../../shared/errors';

/** Inflated output per event: large, as a bomb's output is only counted. */
export const INFLATE_CHUNK = 1024 * 1024;

export function written(stream: Gunzip, chunk: Buffer): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.write(chunk, () => resolve()));
}

export function ended(stream: Gunzip): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('error', () => resolve());
    stream.once('close', resolve);
    stream.end();
  });
}

export abstract class GuardStream extends Transform {
  /** Bytes received, as sent. */
  received = 0;
  /** What the engine will unpack them to, so far. */
  unpacked = 0;
  protected failure: SiloFailure | null = null;
  private head: Buffer | null = Buffer.alloc(0);
  private outer: Gunzip | null = null;

  constructor(protected readonly limit: number) {
    super({ highWaterMark: 1024 * 1024 });
  }

  /** Bytes of the tar itself (inflated, if the archive is gzip). */
  protected abstract tarBytes(data: Buffer): void;

  /** Waits for what the tar bytes started (e.g. inflating a layer); called after each piece. */
  protected async settle(): Promise<void> {}

  /** After the last byte: what is still to wait for or check. */
  protected async finished(): Promise<void> {}

  /** The stream failed or was destroyed: stop what else inflates. */
  protected stopped(): void {}

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.limit) return callback(this.fail(this.tooLarge()));
    this.inspect(chunk).then(
      () => callback(this.failure, this.failure ? undefined : chunk),
      (error: unknown) => callback(error as Error),
    );
  }

  override _flush(callback: TransformCallback): void {
    this.finish().then(
      () => callback(this.failure),
      (error: unknown) => callback(error as Error),
    );
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.outer?.destroy();
    this.stopped();
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

  private async finish(): Promise<void> {
    if (this.head !== null) await this.feed(this.decide());
    if (this.outer && !this.failure) await ended(this.outer);
    await this.finished();
  }

  /** The archive's own compression, from its first bytes: the bytes held so far come back. */
  private decide(): Buffer {
    const head = this.head ?? Buffer.alloc(0);
    this.head = null;
    const kind = compressionOf(head);
    if (kind === 'gzip') {
      this.outer = createGunzip({ chunkSize: INFLATE_CHUNK });
      this.outer.on('data', (data: Buffer) => this.tarBytes(data));
      this.outer.on('error', (error) => this.fail(new SiloFailure(siloError('invalid-archive', { detail: `gzip: ${error.message}` }))));
    } else if (kind !== 'none') {
      this.fail(new SiloFailure(siloError('archive-compression', { params: { format: kind } })));
    }
    return head;
  }

  private async feed(data: Buffer): Promise<void> {
    if (this.failure || data.length === 0) return;
    if (this.outer) await written(this.outer, data);
    else this.tarBytes(data);
    await this.settle();
  }

  protected tooLarge(): SiloFailure {
    return new SiloFailure(siloError('too-large', { params: { limit: formatLimit(this.limit) } }));
  }

  protected fail(failure: SiloFailure): SiloFailure {
    this.failure ??= failure;
    // Stop inflating a bomb at once.
    this.outer?.destroy();
    this.stopped();
    return this.failure;
  }
}
