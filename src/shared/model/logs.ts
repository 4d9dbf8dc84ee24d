/** One line of a container's log. */
export interface LogLine {
  /** `stdout` or `stderr` for a container without a TTY; `tty` when both came mixed through one TTY. */
  stream: 'stdout' | 'stderr' | 'tty';
  /** The engine's RFC 3339 timestamp with nanoseconds, as it sent it; null when not asked for. */
  time: string | null;
  /** The line without its line end; ANSI escapes kept (see shared/logs/ansi.ts). */
  text: string;
}

export interface LogsOpened {
  streamId: string;
  /** The container has a TTY: its log is one raw stream. */
  tty: boolean;
}
