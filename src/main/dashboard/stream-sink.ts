// How an engine stream hands on what it reads: data in order, then one end. The host's stream
// registry gives each stream a sink bound to its id and page.
import type { Readable } from 'node:stream';
import type { SiloError } from '../../shared/errors';
import type { StreamData } from '../../shared/model/stream';

type WithoutId<T> = T extends unknown ? Omit<T, 'streamId'> : never;
export type StreamPayload = WithoutId<StreamData>;

export interface StreamSink {
  data(payload: StreamPayload): void;
  /** Called once; nothing after it. Not called after the stream was closed on purpose. */
  end(error: SiloError | null, exitCode?: number | null): void;
}

export interface EngineStreamHandle {
  /** Stop on purpose: the engine connection is closed, no `end` follows. */
  close(): void;
  /** The page is behind: read no more from the engine until `resume` (flow control). */
  pause?(): void;
  resume?(): void;
  /**
   * The page stayed behind past the hard cap: true when the stream copes by itself (a live log
   * skips lines and counts them until `resume`); otherwise it is ended `too-slow`.
   */
  overflow?(): boolean;
}

export interface TerminalHandle extends EngineStreamHandle {
  input(data: string): void;
  resize(cols: number, rows: number): Promise<void>;
}

export interface UploadHandle<R = import('../../shared/model/image-list').ImageLoadResult> extends EngineStreamHandle {
  /** Resolves once the bytes are taken (flow control for the page). */
  write(chunk: Buffer): Promise<number>;
  finish(): Promise<R>;
}

/** The handle of an engine response read as a stream: closing aborts it (after `closed`, no end follows); pause and resume are the page's flow. */
export function responseHandle(response: Readable, controller: AbortController, closed: () => void): EngineStreamHandle {
  return {
    close() {
      closed();
      controller.abort();
      response.destroy();
    },
    pause: () => response.pause(),
    resume: () => response.resume(),
  };
}
