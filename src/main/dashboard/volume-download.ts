// Saving a volume's file, a folder of it, or the whole volume (an export): streamed from the
// helper's archive endpoint to the page in base64 pieces, with the bytes and files so far. A file
// is sent as its own bytes; a folder as the engine's tar (owners, modes, times and symlinks as
// they are), gzip-compressed when asked. The page's flow control pauses the engine's response;
// the helper is removed when the stream ends, fails or is closed.
import type { IncomingMessage } from 'node:http';
import { createGzip, type Gzip } from 'node:zlib';
import { downloadName } from '../../shared/dashboard/volume-path';
import { siloError, type SiloError } from '../../shared/errors';
import type { VolumeDownloadOpened } from '../../shared/model/volume-files';
import { confinedStat, readArchive } from './volume-archive';
import { createHelper, removeHelper } from './volume-helper';
import { mapDashboardError } from './errors';
import { pathParts } from './volume-files';
import { MalformedTar, TarEntries } from './tar-entries';
import type { EngineStreamHandle, StreamSink } from './stream-sink';
import type { LiveEngine } from '../engine/live';

/** Raw bytes per piece sent to the page (base64 makes them a third larger). */
const PIECE = 256 * 1024;

export interface DownloadOptions {
  /** A folder (or the volume) as .tar.gz. */
  gzip?: boolean;
}

export async function openVolumeDownload(
  live: LiveEngine,
  volume: string,
  path: string,
  options: DownloadOptions,
  sink: StreamSink,
): Promise<{ handle: EngineStreamHandle } & Omit<VolumeDownloadOpened, 'streamId'>> {
  const parts = pathParts(path);
  const helper = await createHelper(live, volume, false);
  let response: IncomingMessage;
  let isFolder: boolean;
  let size: number;
  try {
    const stat = await confinedStat(live, helper.id, parts, 'any');
    isFolder = stat.isFolder;
    size = stat.size;
    response = await readArchive(live, helper.id, parts, isFolder && parts.length === 0);
  } catch (error) {
    await removeHelper(live, helper.id);
    throw error;
  }
  const kind = isFolder ? 'tar' : 'file';
  const gzip: Gzip | null = isFolder && options.gzip ? createGzip() : null;
  let bytes = 0;
  let files = 0;
  let done = false;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const flush = (): void => {
    if (pendingBytes === 0) return;
    const piece = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    bytes += piece.length;
    sink.data({ kind: 'archive', data: piece.toString('base64'), bytes, files });
  };
  const out = (chunk: Buffer): void => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= PIECE) flush();
  };
  const finish = (error: SiloError | null, tell = true): void => {
    if (done) return;
    done = true;
    if (!error) flush();
    response.destroy();
    gzip?.destroy();
    void removeHelper(live, helper.id);
    if (tell) sink.end(error);
  };

  const walk = new TarEntries({
    entry: () => {
      files += 1;
    },
    data: isFolder ? undefined : out,
  });
  if (gzip) {
    gzip.on('data', out);
    gzip.on('end', () => finish(null));
    gzip.on('error', (error) => finish(siloError('internal', { detail: `gzip: ${error.message}` })));
  }
  response.on('data', (chunk: Buffer) => {
    try {
      walk.push(chunk);
    } catch (error) {
      return finish(siloError('engine-error', { detail: error instanceof MalformedTar ? error.message : String(error) }));
    }
    if (!isFolder) return;
    if (gzip) gzip.write(chunk);
    else out(chunk);
  });
  response.on('end', () => {
    if (gzip) gzip.end();
    else finish(null);
  });
  response.on('error', (error) => finish(mapDashboardError(error)));
  response.on('aborted', () => finish(siloError('engine-unreachable', { detail: 'the engine cut the archive' })));

  const handle: EngineStreamHandle = {
    close: () => finish(null, false),
    pause: () => response.pause(),
    resume: () => response.resume(),
  };
  const base = downloadName(volume, parts, kind);
  return { handle, fileName: gzip ? `${base}.gz` : base, kind, size: isFolder ? null : size };
}
