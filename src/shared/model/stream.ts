// What flows on a stream a page opened (logs, stats, a terminal, a pull, bulk work): data events
// tagged with the stream's id, then one end. A stream closes when its page closes it or goes.
import type { SiloError } from '../errors';
import type { LogLine } from './logs';
import type { StatsSample } from './stats';
import type { PullProgress } from './image-list';

export type StreamKind = 'logs' | 'download' | 'stats' | 'terminal' | 'pull' | 'progress' | 'upload' | 'archive' | 'import';

export type StreamData =
  /**
   * Log lines in order, batched (at most every 50 ms or 500 lines). `skipped`: lines of a live log
   * left out just before these, while the page was too far behind (see stream-size.ts).
   */
  | { streamId: string; kind: 'logs'; lines: LogLine[]; skipped?: number }
  /** A piece of a whole log being downloaded, in order. */
  | { streamId: string; kind: 'download'; text: string }
  /**
   * A piece of a file or tar being saved (a volume's file, folder or export), base64, in order;
   * `bytes` and `files`: how much has been sent so far (files: the tar's entries, for progress).
   */
  | { streamId: string; kind: 'archive'; data: string; bytes: number; files: number }
  | { streamId: string; kind: 'stats'; sample: StatsSample }
  /** Terminal output as text (UTF-8 decoded across chunk boundaries), for xterm.js `write`. */
  | { streamId: string; kind: 'terminal'; data: string }
  | { streamId: string; kind: 'pull'; progress: PullProgress }
  /** Bulk work: one outcome each time an item is done. */
  | { streamId: string; kind: 'progress'; done: number; total: number; outcome: ItemOutcome };

/** One item of bulk work (the same shape as containers.act's outcomes). */
export interface ItemOutcome {
  id: string;
  ok: boolean;
  error: SiloError | null;
}

export interface StreamEnd {
  streamId: string;
  /** Null when the stream ended normally (the log was complete, the pull finished, the shell exited). */
  error: SiloError | null;
  /** A terminal's exit code, when the engine reported it. */
  exitCode?: number | null;
}

/** What opening a stream answers. */
export interface StreamOpened {
  streamId: string;
}
