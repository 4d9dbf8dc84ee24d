// A file sent to Silo in pieces, shared by image uploads and volume imports: open a stream, send
// each piece once the engine has taken the one before (flow control), then finish; a run that
// stopped being current (cancelled, replaced) stops sending, and a stream it no longer wants is closed.
import type { SiloError } from '../../shared/errors';
import { errorOf } from '../api';
import type { CallPort } from './api-port';

/**
 * Bytes per piece: base64 of 512 KiB is 699,052 characters, under the contract's 700,000 (and
 * the browser host's 1 MiB message limit).
 */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

/** What an upload reads: a File or Blob (a test passes its own). */
export interface UploadSource {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface PieceCalls<R> {
  open(): Promise<{ streamId: string }>;
  chunk(streamId: string, data: string): Promise<{ received: number }>;
  finish(streamId: string): Promise<R>;
}

export interface PieceChange<R> {
  streamId?: string;
  phase?: 'running' | 'finishing' | 'done' | 'failed';
  sent?: number;
  result?: R;
  error?: SiloError;
}

/** `patch` answers false once the run is no longer current (then nothing more is sent). */
export async function sendPieces<R>(
  api: CallPort,
  file: Pick<UploadSource, 'size' | 'slice'>,
  calls: PieceCalls<R>,
  current: () => boolean,
  patch: (change: PieceChange<R>) => boolean,
): Promise<void> {
  try {
    const { streamId } = await calls.open();
    if (!patch({ streamId, phase: 'running' })) {
      await api.call('stream.close', { streamId }).catch(() => null);
      return;
    }
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, Math.min(file.size, offset + UPLOAD_CHUNK_BYTES)).arrayBuffer());
      if (!current()) return;
      const { received } = await calls.chunk(streamId, toBase64(bytes));
      if (!patch({ sent: received })) return;
    }
    if (!patch({ phase: 'finishing' })) return;
    const result = await calls.finish(streamId);
    patch({ phase: 'done', result, sent: file.size });
  } catch (reason) {
    patch({ phase: 'failed', error: errorOf(reason) });
  }
}

/** Bytes → base64 without a Node Buffer (the renderer has none), in slices under the argument limit. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
