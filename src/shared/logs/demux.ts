// The Engine API's multiplexed stream (logs and attach of a container without a TTY): frames of
// an 8-byte header (stream type, three zero bytes, payload size as big-endian uint32) and the
// payload. Chunks split anywhere, headers included. Pure: bytes in, pieces of payload out.

export type FrameStream = 'stdin' | 'stdout' | 'stderr' | 'system';

export interface FramePiece {
  stream: FrameStream;
  /** Payload bytes (possibly part of a frame: a frame's payload is handed on as it arrives). */
  data: Uint8Array;
}

const STREAMS: Record<number, FrameStream> = { 0: 'stdin', 1: 'stdout', 2: 'stderr', 3: 'system' };
const HEADER = 8;

export class FrameDemuxer {
  private readonly header = new Uint8Array(HEADER);
  private headerFill = 0;
  private remaining = 0;
  private stream: FrameStream = 'stdout';

  push(chunk: Uint8Array): FramePiece[] {
    const out: FramePiece[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining === 0) {
        const take = Math.min(HEADER - this.headerFill, chunk.length - at);
        this.header.set(chunk.subarray(at, at + take), this.headerFill);
        this.headerFill += take;
        at += take;
        if (this.headerFill < HEADER) break;
        this.headerFill = 0;
        const type = this.header[0]!;
        this.stream = STREAMS[type] ?? 'system';
        this.remaining = ((this.header[4]! << 24) >>> 0) + (this.header[5]! << 16) + (this.header[6]! << 8) + this.header[7]!;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - at);
      out.push({ stream: this.stream, data: chunk.subarray(at, at + take) });
      this.remaining -= take;
      at += take;
    }
    return out;
  }

  /** True when the stream stopped inside a frame (a cut connection, or not a multiplexed stream). */
  get incomplete(): boolean {
    return this.remaining > 0 || this.headerFill > 0;
  }
}

/** One frame as the engine writes it (for tests and fixtures). */
export function encodeFrame(stream: FrameStream, payload: Uint8Array): Uint8Array {
  const type = { stdin: 0, stdout: 1, stderr: 2, system: 3 }[stream];
  const frame = new Uint8Array(HEADER + payload.length);
  frame[0] = type;
  const n = payload.length;
  frame[4] = (n >>> 24) & 0xff;
  frame[5] = (n >>> 16) & 0xff;
  frame[6] = (n >>> 8) & 0xff;
  frame[7] = n & 0xff;
  frame.set(payload, HEADER);
  return frame;
}
