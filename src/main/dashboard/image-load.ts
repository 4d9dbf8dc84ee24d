// Load (`docker load`, POST /images/load) or import (`docker import`, POST /images/create?fromSrc=-)
// an image archive, streamed to the engine: from a file on this machine, or piece by piece as a
// page uploads it (the browser host cannot hand over a path). Nothing is written to disk.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import type { JsonMessage } from '../../shared/dashboard/json-message';
import { readLoadOutput } from '../../shared/dashboard/load-output';
import { pullQuery } from '../../shared/dashboard/pull-progress';
import { SiloFailure, siloError } from '../../shared/errors';
import type { ImageLoadMode, ImageLoadResult } from '../../shared/model/image-list';
import { engineCall, readNdjson } from './engine-calls';
import type { LiveEngine } from '../engine/live';
import type { UploadHandle } from './stream-sink';

function loadRequest(
  live: LiveEngine,
  mode: ImageLoadMode,
  reference: string | undefined,
  body: NodeJS.ReadableStream,
  signal: AbortSignal,
): Promise<ImageLoadResult> {
  const target = mode === 'load' ? { path: '/images/load', query: { quiet: false } } : { path: '/images/create', query: importQuery(reference) };
  return engineCall(live, async () => {
    const response = (await live.client.open(target.path, { method: 'POST', query: target.query, file: body, signal })) as IncomingMessage;
    const output = readLoadOutput((await readNdjson(response)) as JsonMessage[]);
    if (output.error) throw new SiloFailure(siloError('invalid-archive', { detail: output.error }));
    return { images: output.images, messages: output.messages };
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

/** Load or import a tar file the person named (desktop: a file dialog; browser host: a typed path). */
export async function loadFile(live: LiveEngine, path: string, mode: ImageLoadMode, reference?: string): Promise<ImageLoadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
  } catch (error) {
    throw new SiloFailure(siloError('file-not-readable', { params: { path }, detail: (error as Error).message }));
  }
  const file = createReadStream(path);
  const controller = new AbortController();
  file.on('error', (error) => controller.abort(error));
  try {
    return await loadRequest(live, mode, reference, file, controller.signal);
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof Error) {
      throw new SiloFailure(siloError('file-not-readable', { params: { path }, detail: controller.signal.reason.message }));
    }
    throw error;
  } finally {
    file.destroy();
  }
}

/** An archive the page sends in pieces; `finish` gives the engine's answer. */
export function openUpload(live: LiveEngine, mode: ImageLoadMode, reference?: string, expectedBytes?: number): UploadHandle {
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  const controller = new AbortController();
  let received = 0;
  let settled: { error: unknown } | null = null;
  const result = loadRequest(live, mode, reference, body, controller.signal);
  // An engine that refuses early ends the request; later pieces then fail at once.
  const failed = result.then(
    () => undefined,
    (error: unknown) => {
      settled = { error };
    },
  );
  return {
    async write(chunk) {
      if (settled) throw (settled as { error: unknown }).error;
      received += chunk.length;
      if (!body.write(chunk)) await Promise.race([new Promise((resolve) => body.once('drain', resolve)), failed]);
      if (settled) throw (settled as { error: unknown }).error;
      return received;
    },
    finish() {
      if (expectedBytes !== undefined && received !== expectedBytes) {
        // A piece went missing: the engine must not load half an archive.
        controller.abort();
        body.destroy();
        result.catch(() => undefined);
        return Promise.reject(new SiloFailure(siloError('validation', { field: 'size', detail: `received ${received} of ${expectedBytes} bytes` })));
      }
      body.end();
      return result;
    },
    close() {
      controller.abort();
      body.destroy();
      result.catch(() => undefined);
    },
  };
}
