// Between an image archive and the engine: counts, as the bytes pass, what the engine will unpack
// them to, and fails the stream with `too-large` (naming the limit) before the engine gets more.
// The archive's own compression is handled by GuardStream; in `docker load` each layer (a regular
// file of the tar) that is itself gzip-compressed is inflated and counted too.
import { createGunzip, type Gunzip } from 'node:zlib';
import { COMPRESSION_SNIFF_BYTES, compressionOf } from '../../shared/dashboard/archive-limit';
import { SiloFailure, siloError } from '../../shared/errors';
import type { ImageLoadMode } from '../../shared/model/image-list';
import { ended, GuardStream, INFLATE_CHUNK, written } from './guard-stream';
import { MalformedTar, TarEntries } from './tar-entries';

interface Layer {
  head: Buffer;
  gunzip: Gunzip | null;
  decided: boolean;
}

export class ArchiveGuard extends GuardStream {
  private readonly walk: TarEntries | null;
  private layer: Layer | null = null;
  private waits: Promise<void>[] = [];

  constructor(mode: ImageLoadMode, limit: number) {
    super(limit);
    this.walk =
      mode === 'load'
        ? new TarEntries({
            entry: (h) => (this.layer = h.type === '0' || h.type === '7' ? { head: Buffer.alloc(0), gunzip: null, decided: false } : null),
            data: (piece) => this.layerData(piece),
            entryEnd: () => this.layerEnd(),
          })
        : null;
  }

  protected override async settle(): Promise<void> {
    while (this.waits.length > 0) await Promise.all(this.waits.splice(0));
  }

  protected override async finished(): Promise<void> {
    if (this.layer?.gunzip) await ended(this.layer.gunzip);
    await this.settle();
  }

  protected override stopped(): void {
    this.layer?.gunzip?.destroy();
  }

  protected tarBytes(data: Buffer): void {
    if (this.failure) return;
    this.count(data.length);
    if (!this.walk || this.failure) return;
    try {
      this.walk.push(data);
    } catch (error) {
      if (!(error instanceof MalformedTar)) throw error;
      this.fail(new SiloFailure(siloError('invalid-archive', { detail: error.message })));
    }
  }

  private count(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > this.limit) this.fail(this.tooLarge());
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
  private layerDecide(layer: Layer): void {
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
}
