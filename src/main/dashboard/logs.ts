// A container's log: followed live (lines batched: every 50 ms or 500 lines, whichever first),
// or read whole for a download. Logs of a container without a TTY are demultiplexed (stdout,
// stderr); a TTY's log is one raw stream. The engine connection is closed with the stream.
// Flow control: paused while the page is behind; a live log whose page stays behind skips lines
// and counts them (read and let go), and the next batch says how many (`skipped`).
import type { IncomingMessage } from 'node:http';
import { FrameDemuxer } from '../../shared/logs/demux';
import { LineAssembler } from '../../shared/logs/lines';
import type { LogLine } from '../../shared/model/logs';
import { siloError } from '../../shared/errors';
import { engineCall, inspectContainer } from './engine-calls';
import { mapConnectionError } from '../engine/errors';
import type { LiveEngine } from '../engine/live';
import { responseHandle, type EngineStreamHandle, type StreamSink } from './stream-sink';

export interface LogOptions {
  /** Lines before now; `all` for the whole log. */
  tail: number | 'all';
  timestamps: boolean;
  /** Epoch seconds. */
  since?: number;
}

export interface LogTuning {
  batchMs?: number;
  batchLines?: number;
  /** Characters per download piece. */
  pieceChars?: number;
}

const BATCH_MS = 50;
const BATCH_LINES = 500;
const PIECE_CHARS = 256 * 1024;

/** Reads a log response into lines, for both the live view and the download. */
function lineReader(tty: boolean, timestamps: boolean): { push(chunk: Buffer): LogLine[]; end(): LogLine[] } {
  const lines = new LineAssembler(timestamps);
  if (tty) return { push: (chunk) => lines.push('tty', chunk), end: () => lines.end() };
  const demux = new FrameDemuxer();
  return {
    push(chunk) {
      const out: LogLine[] = [];
      for (const piece of demux.push(chunk)) out.push(...lines.push(piece.stream === 'stderr' ? 'stderr' : 'stdout', piece.data));
      return out;
    },
    end: () => lines.end(),
  };
}

async function logResponse(
  live: LiveEngine,
  id: string,
  query: Record<string, string | number | boolean>,
): Promise<{ response: IncomingMessage; tty: boolean; controller: AbortController }> {
  const raw = await inspectContainer(live, id);
  const controller = new AbortController();
  const response = await engineCall(live, () => live.client.stream(`/containers/${encodeURIComponent(id)}/logs`, { query, signal: controller.signal }));
  return { response, tty: raw.Config?.Tty === true, controller };
}

/** Follow a container's log until the container stops or the stream is closed. */
export async function followLogs(
  live: LiveEngine,
  id: string,
  options: LogOptions,
  sink: StreamSink,
  tuning: LogTuning = {},
): Promise<{ handle: EngineStreamHandle; tty: boolean }> {
  const query: Record<string, string | number | boolean> = { follow: true, stdout: true, stderr: true, timestamps: options.timestamps, tail: options.tail };
  if (options.since !== undefined) query.since = options.since;
  const { response, tty, controller } = await logResponse(live, id, query);
  const reader = lineReader(tty, options.timestamps);
  const batchLines = tuning.batchLines ?? BATCH_LINES;
  let pending: LogLine[] = [];
  let timer: NodeJS.Timeout | null = null;
  let finished = false;
  /** Paused by the page's flow; skipping: overflowed, lines are counted, not sent. */
  let held = false;
  let skipping = false;
  let skipped = 0;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (skipping) {
      skipped += pending.length;
      pending = [];
      return;
    }
    if (skipped > 0) {
      sink.data({ kind: 'logs', lines: pending.length > batchLines ? pending.slice(0, batchLines) : pending, skipped });
      pending = pending.length > batchLines ? pending.slice(batchLines) : [];
      skipped = 0;
    }
    while (pending.length > 0 && !skipping) {
      const lines = pending.length > batchLines ? pending.slice(0, batchLines) : pending;
      pending = pending.length > batchLines ? pending.slice(batchLines) : [];
      sink.data({ kind: 'logs', lines });
    }
  };
  const finish = (error: Error | null): void => {
    if (finished) return;
    finished = true;
    // The last batch says how many lines were skipped, if any were.
    skipping = false;
    pending.push(...reader.end());
    flush();
    response.destroy();
    sink.end(error ? mapConnectionError(error) : null);
  };

  response.on('data', (chunk: Buffer) => {
    if (skipping) {
      skipped += reader.push(chunk).length;
      return;
    }
    pending.push(...reader.push(chunk));
    if (pending.length >= batchLines) {
      flush();
      // Let the page's connection write before reading more (a log can be read far faster than sent).
      response.pause();
      setImmediate(() => {
        if (!held || skipping) response.resume();
      });
    } else if (pending.length > 0) {
      timer ??= setTimeout(flush, tuning.batchMs ?? BATCH_MS);
    }
  });
  response.on('end', () => finish(null));
  response.on('aborted', () => finish(new Error('the engine cut the log stream')));
  response.on('close', () => finish(response.complete ? null : Object.assign(new Error('the log stream closed'), { code: 'ECONNRESET' })));
  response.on('error', (error: Error) => finish(error));

  return {
    tty,
    handle: {
      close() {
        finished = true;
        if (timer) clearTimeout(timer);
        controller.abort();
        response.destroy();
      },
      pause() {
        held = true;
        response.pause();
      },
      resume() {
        held = false;
        if (finished) return;
        if (skipping) {
          skipping = false;
          // The page is back: it hears how many lines it missed, now, not with the next line.
          if (skipped > 0) {
            sink.data({ kind: 'logs', lines: [], skipped });
            skipped = 0;
          }
        }
        response.resume();
      },
      overflow() {
        // A live log stays live: read on, let the lines go and count them.
        skipping = true;
        flush();
        if (!finished) response.resume();
        return true;
      },
    },
  };
}

/** The whole log as text (lines joined by \n, each with its timestamp when asked), in pieces. */
export async function downloadLogs(live: LiveEngine, id: string, timestamps: boolean, sink: StreamSink, tuning: LogTuning = {}): Promise<EngineStreamHandle> {
  const { response, tty, controller } = await logResponse(live, id, { follow: false, stdout: true, stderr: true, timestamps, tail: 'all' });
  const reader = lineReader(tty, timestamps);
  const pieceChars = tuning.pieceChars ?? PIECE_CHARS;
  let text = '';
  let finished = false;
  const take = (lines: LogLine[]): void => {
    for (const line of lines) text += `${line.time ? `${line.time} ` : ''}${line.text}\n`;
    while (text.length >= pieceChars) {
      sink.data({ kind: 'download', text: text.slice(0, pieceChars) });
      text = text.slice(pieceChars);
    }
  };
  const finish = (failed: boolean): void => {
    if (finished) return;
    finished = true;
    if (!failed) take(reader.end());
    if (!failed && text) sink.data({ kind: 'download', text });
    response.destroy();
    sink.end(failed ? siloError('engine-unreachable', { detail: 'the log download was cut' }) : null);
  };
  response.on('data', (chunk: Buffer) => take(reader.push(chunk)));
  response.on('end', () => finish(false));
  response.on('close', () => finish(!response.complete));
  response.on('error', () => finish(true));
  return responseHandle(response, controller, () => {
    finished = true;
  });
}
