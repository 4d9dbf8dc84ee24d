// The page's side of a chunked upload, shared by image loads and volume imports: pieces are
// written into the guard stream the engine's request reads, with its backpressure; once the
// request has failed (the engine or the guard refused), every later piece fails at once with why.
import type { Writable } from 'node:stream';
import { SiloFailure, siloError } from '../../shared/errors';

export interface UploadPieces {
  /** Resolves with the bytes received so far once the piece is taken. */
  write(chunk: Buffer): Promise<number>;
  readonly received: number;
  /** A refusal when fewer or more bytes came than were announced: the engine must not get half. */
  missing(expected: number | undefined): SiloFailure | null;
}

export function uploadPieces(body: Writable, request: Promise<unknown>, onFailed?: () => void): UploadPieces {
  let received = 0;
  let settled: { error: unknown } | null = null;
  const failed = request.then(
    () => undefined,
    (error: unknown) => {
      settled = { error };
      onFailed?.();
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
    get received() {
      return received;
    },
    missing(expected) {
      if (expected === undefined || received === expected) return null;
      return new SiloFailure(siloError('validation', { field: 'size', detail: `received ${received} of ${expected} bytes` }));
    },
  };
}

/** The request's own error, or the guard's refusal when that is why the request ended. */
export function guardReason(signal: AbortSignal, error: unknown): unknown {
  return signal.aborted && signal.reason instanceof SiloFailure ? signal.reason : error;
}
