// Ending a terminal's shell when its terminal closes. Closing an exec's stream does not end its
// process (the engine keeps the TTY open), so every terminal opened and closed would leave its
// shell running. The engine's own exec pid is a host pid (and gVisor's sandbox has pids of its
// own), so the shell says its pid inside the container first: a wrapper prints it, then `exec`s
// the shell, which keeps that pid. On close a second exec in the same container does what a
// closing terminal does: SIGHUP (and SIGCONT, for stopped jobs) to every process of the shell's
// session, and after a grace period SIGKILL to whatever is still there. The session is found in
// /proc/<pid>/stat (its 6th field), with shell builtins only, so it works in any image that has
// the shell (busybox, dash, bash) under runc and under gVisor. Pure.
import type { ShellCandidate } from './shell';

/** The line the wrapper prints first; the terminal never shows it. */
export const PID_REPORT = 'silo-terminal-pid ';

/** The most a pid report can take before the terminal gives up looking for it. */
export const PID_REPORT_MAX_CHARS = 64;

/** A Linux shell that first reports its pid. Windows shells are left as they are. */
export function reportingPid(shell: ShellCandidate): ShellCandidate & { reportsPid: boolean } {
  const program = shell.cmd[0] ?? '';
  if (!program.startsWith('/') || shell.cmd.length !== 1) return { ...shell, reportsPid: false };
  return { ...shell, cmd: [program, '-c', `echo "${PID_REPORT}$$"; exec ${program}`], reportsPid: true };
}

export type PidReport = { pid: number; rest: string } | { pid: null; rest: string } | 'incomplete';

/**
 * The shell's pid and the output after its report, from the first output of a terminal:
 * `incomplete` while the report may still be arriving, `pid: null` when the output does not start
 * with one (the engine's error, say), the output then given back untouched.
 */
export function takePidReport(head: string): PidReport {
  const match = /^silo-terminal-pid (\d{1,10})\r?\n/.exec(head);
  if (match) {
    const pid = Number(match[1]);
    return Number.isSafeInteger(pid) && pid > 0 ? { pid, rest: head.slice(match[0].length) } : { pid: null, rest: head };
  }
  const complete = head.includes('\n') || head.length >= PID_REPORT_MAX_CHARS;
  const mayBe = PID_REPORT.startsWith(head) || (head.startsWith(PID_REPORT) && /^\d*\r?$/.test(head.slice(PID_REPORT.length)));
  return !complete && mayBe ? 'incomplete' : { pid: null, rest: head };
}

/** The terminal's output with the pid report taken off its start; `pid` once it has come. */
export class PidReportReader {
  pid: number | null = null;
  private head: string | null;

  constructor(reportsPid: boolean) {
    this.head = reportsPid ? '' : null;
  }

  /** What of `text` is the shell's own output, to show (held while the report may still come). */
  take(text: string): string {
    if (this.head === null) return text;
    this.head += text;
    const report = takePidReport(this.head);
    if (report === 'incomplete') return '';
    this.head = null;
    this.pid = report.pid;
    return report.rest;
  }

  /** Output still held at the end (a stream that ended inside the report). */
  rest(): string {
    const held = this.head ?? '';
    this.head = null;
    return held;
  }
}

/**
 * Signal every process of the session `$1` with `$2` (HUP also continues stopped jobs). The
 * comm field of /proc/<pid>/stat may hold spaces and parentheses: the fields are read after its
 * last `) `. Nothing here runs outside the shell's builtins.
 */
export const HANGUP_SCRIPT = [
  'sid=$1; sig=$2',
  'for d in /proc/[0-9]*; do',
  '  { read -r s < "$d/stat"; } 2>/dev/null || continue',
  "  s=${s##*') '}",
  '  set -- $s',
  '  if [ "$4" = "$sid" ]; then',
  '    kill -"$sig" "${d#/proc/}" 2>/dev/null',
  '    [ "$sig" = HUP ] && kill -CONT "${d#/proc/}" 2>/dev/null',
  '  fi',
  'done',
  'exit 0',
].join('\n');

/** The argument vector of the exec that signals the shell `pid`'s session through `shell`. */
export function hangupCommand(shell: string, pid: number, signal: 'HUP' | 'KILL'): string[] {
  return [shell, '-c', HANGUP_SCRIPT, 'silo-hangup', String(pid), signal];
}
