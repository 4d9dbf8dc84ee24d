// Load (`docker load`, POST /images/load) or import (`docker import`, POST /images/create?fromSrc=-)
// an image archive, streamed to the engine: from a file on this machine, or piece by piece as a
// page uploads it (the browser host cannot hand over a path). Nothing is written to disk. Every
// byte passes an ArchiveGuard first: what the engine would unpack beyond the limit is refused
// before the engine gets it (issue 12: a 1 MiB archive became 1 GiB on the engine's disk).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { JsonMessage } from '../../shared/dashboard/json-message';
import { readLoadOutput } from '../../shared/dashboard/load-output';
import { pullQuery } from '../../shared/dashboard/pull-progress';
import { DEFAULT_ARCHIVE_LIMIT, formatLimit } from '../../shared/dashboard/archive-limit';
import { ArchiveGuard } from './archive-guard';
import { SiloFailure, siloError } from '../../shared/errors';
import type { ImageLoadMode, ImageLoadResult } from '../../shared/model/image-list';
import { engineCall, readNdjson } from './engine-calls';
import type { LiveEngine } from '../engine/live';
import type { UploadHandle } from './stream-sink';
import { uploadPieces } from './upload-pieces';

function loadRequest(
  live: LiveEngine,
  mode: ImageLoadMode,
  reference: string | undefined,
  body: NodeJS.ReadableStream,
  signal: AbortSignal,
): Promise<ImageLoadResult> {
  const target = mode === 'load' ? { path: '/images/load', query: { quiet: false } } : { path: '/images/create', query: importQuery(reference) };
  return engineCall(live, async () => {
    try {
      const response = (await live.client.open(target.path, { method: 'POST', query: target.query, file: body, signal })) as IncomingMessage;
      const output = readLoadOutput((await readNdjson(response)) as JsonMessage[]);
      if (output.error) throw new SiloFailure(siloError('invalid-archive', { detail: output.error }));
      return { images: output.images, messages: output.messages };
    } catch (error) {
      // Stopped on purpose (refused, cancelled, the file failed): not a lost engine.
      if (signal.aborted) throw signal.reason instanceof SiloFailure ? signal.reason : new SiloFailure(siloError('invalid-archive', { detail: 'stopped' }));
      throw error;
    }
  });
}

function importQuery(reference: string | undefined): Record<string, string> {
  const query: Record<string, string> = { fromSrc: '-' };
  if (reference) {
    const { fromImage, tag } = pullQuery(reference);
    query.repo = fromImage;
    if (tag) query.tag = tag;
  }
  return query;
}

function tooLarge(limit: number): SiloFailure {
  return new SiloFailure(siloError('too-large', { params: { limit: formatLimit(limit) } }));
}

/** The guard's refusal, when it is why the engine's request ended. */
function guardFailure(signal: AbortSignal): SiloFailure | null {
  return signal.aborted && signal.reason instanceof SiloFailure ? signal.reason : null;
}

/** Load or import a tar file the person named (desktop: a file dialog; browser host: a typed path). */
export async function loadFile(
  live: LiveEngine,
  path: string,
  mode: ImageLoadMode,
  reference?: string,
  limit = DEFAULT_ARCHIVE_LIMIT,
): Promise<ImageLoadResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw new SiloFailure(siloError('file-not-readable', { params: { path }, detail: (error as Error).message }));
  }
  if (size > limit) throw tooLarge(limit);
  const file = createReadStream(path);
  const guard = new ArchiveGuard(mode, limit);
  const controller = new AbortController();
  file.on('error', (error) => controller.abort(error));
  guard.on('error', (error) => controller.abort(error));
  file.pipe(guard);
  try {
    return await loadRequest(live, mode, reference, guard, controller.signal);
  } catch (error) {
    const refused = guardFailure(controller.signal);
    if (refused) throw refused;
    if (controller.signal.aborted && controller.signal.reason instanceof Error) {
      throw new SiloFailure(siloError('file-not-readable', { params: { path }, detail: controller.signal.reason.message }));
    }
    throw error;
  } finally {
    file.destroy();
    guard.destroy();
  }
}

/** An archive the page sends in pieces; `finish` gives the engine's answer. */
export function openUpload(live: LiveEngine, mode: ImageLoadMode, reference?: string, expectedBytes?: number, limit = DEFAULT_ARCHIVE_LIMIT): UploadHandle {
  // An archive bigger than the limit as sent is refused before a byte goes.
  if (expectedBytes !== undefined && expectedBytes > limit) throw tooLarge(limit);
  const body = new ArchiveGuard(mode, limit);
  const controller = new AbortController();
  body.on('error', (error) => controller.abort(error));
  const result = loadRequest(live, mode, reference, body, controller.signal).catch((error: unknown) => {
    throw guardFailure(controller.signal) ?? error;
  });
  // An engine that refuses early ends the request; later pieces then fail at once.
  const pieces = uploadPieces(body, result);
  const stop = (): void => {
    controller.abort();
    body.destroy();
    result.catch(() => undefined);
  };
  return {
    write: (chunk) => pieces.write(chunk),
    finish() {
      const missing = pieces.missing(expectedBytes);
      if (missing) {
        stop();
        return Promise.reject(missing);
      }
      body.end();
      return result;
    },
    close: stop,
  };
}
