// Between an image archive and the engine: counts, as the bytes pass, what the engine will unpack
// them to, and fails the stream with `too-large` (naming the limit) before the engine gets more.
// A gzip archive is inflated here just to count (the engine is still sent the original bytes);
// in `docker load` each layer that is itself gzip-compressed is inflated and counted too. A piece
// is handed on only once it has been counted. bzip2, xz and zstd cannot be counted here (Node
// has no decompressor for them), so they are refused in plain words rather than let through.
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { COMPRESSION_SNIFF_BYTES, compressionOf, formatLimit } from '../../shared/dashboard/archive-limit';
import { SiloFailure, siloError } from '../../shared/errors';
import type { ImageLoadMode } from '../../shared/model/image-list';
import { NotATar, TarWalk } from './tar-walk';

/** Inflated output per event: large, as a bomb's output is only counted. */
const INFLATE_CHUNK = 1024 * 1024;

function written(stream: Gunzip, chunk: Buffer): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.write(chunk, () => resolve()));
}

function ended(stream: Gunzip): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('error', () => resolve());
    stream.once('close', resolve);
    stream.end();
  });
}

export class ArchiveGuard extends Transform {
  /** Bytes received, as sent. */
  received = 0;
  /** What the engine will unpack them to, so far. */
  unpacked = 0;
  private head: Buffer | null = Buffer.alloc(0);
  private outer: Gunzip | null = null;
  private readonly walk: TarWalk | null;
  private layer: { head: Buffer; gunzip: Gunzip | null; decided: boolean } | null = null;
  private waits: Promise<void>[] = [];
  private failure: SiloFailure | null = null;

  constructor(
    private readonly mode: ImageLoadMode,
    private readonly limit: number,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.walk = mode === 'load' ? new TarWalk({ start: () => this.layerStart(), data: (piece) => this.layerData(piece), end: () => this.layerEnd() }) : null;
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
    this.finish().then(
      () => callback(this.failure),
      (error: unknown) => callback(error as Error),
    );
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.outer?.destroy();
    this.layer?.gunzip?.destroy();
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
    if (this.layer?.gunzip) await ended(this.layer.gunzip);
    await this.settle();
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

  private async settle(): Promise<void> {
    while (this.waits.length > 0) await Promise.all(this.waits.splice(0));
  }

  /** Bytes of the tar itself (inflated, if the archive is gzip). */
  private tarBytes(data: Buffer): void {
    if (this.failure) return;
    this.count(data.length);
    if (!this.walk || this.failure) return;
    try {
      this.walk.push(data);
    } catch (error) {
      if (!(error instanceof NotATar)) throw error;
      this.fail(new SiloFailure(siloError('invalid-archive', { detail: error.message })));
    }
  }

  private count(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > this.limit) this.fail(this.tooLarge());
  }

  private layerStart(): void {
    this.layer = { head: Buffer.alloc(0), gunzip: null, decided: false };
  }

  private layerData(piece: Buffer): void {
    const layer = this.layer;
    if (!layer || this.failure) return;
    if (!layer.decided) {
      layer.head = Buffer.concat([layer.head, piece]);
      if (layer.head.length < COMPRESSION_SNIFF_BYTES) return;
      this.layerDecide(layer);
      piece = layer.head;
      layer.head = Buffer.alloc(0);
    }
    if (layer.gunzip) this.waits.push(written(layer.gunzip, piece));
  }

  private layerEnd(): void {
    const layer = this.layer;
    this.layer = null;
    if (!layer || this.failure) return;
    if (!layer.decided) {
      this.layerDecide(layer);
      if (layer.gunzip) this.waits.push(written(layer.gunzip, layer.head));
    }
    if (layer.gunzip) this.waits.push(ended(layer.gunzip));
  }

  /** A compressed layer: the engine expands it, so it is counted expanded. */
  private layerDecide(layer: { head: Buffer; gunzip: Gunzip | null; decided: boolean }): void {
    layer.decided = true;
    const kind = compressionOf(layer.head);
    if (kind === 'gzip') {
      const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK });
      gunzip.on('data', (data: Buffer) => this.count(data.length));
      // A broken layer is the engine's to refuse; it cannot be counted further, and needs not be.
      gunzip.on('error', () => undefined);
      layer.gunzip = gunzip;
    } else if (kind !== 'none') {
      this.fail(new SiloFailure(siloError('archive-compression', { params: { format: kind } })));
    }
  }

  private tooLarge(): SiloFailure {
    return new SiloFailure(siloError('too-large', { params: { limit: formatLimit(this.limit) } }));
  }

  private fail(failure: SiloFailure): SiloFailure {
    this.failure ??= failure;
    // Stop inflating a bomb at once.
    this.outer?.destroy();
    this.layer?.gunzip?.destroy();
    return this.failure;
  }
}
