// An interactive shell in a running container: an exec with a TTY and stdin, its connection
// upgraded (hijacked) to a raw duplex. The shell is chosen by platform (shared/dashboard/shell);
// one the engine cannot start is detected by its words and exit code, and the next is tried.
// An exec stream may never end (dockerode #534): the dashboard also ends a terminal on the
// engine's exec_die or the container's die (see `ended`). Closing the stream does not end the
// shell either: a Linux shell first reports its pid, and a closed terminal hangs its session up
// (exec-hangup.ts).
import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { shellCandidates, isMissingShell, type ShellCandidate } from '../../shared/dashboard/shell';
import { PidReportReader, reportingPid } from '../../shared/dashboard/hangup';
import { hangUp } from './exec-hangup';
import { SiloFailure, siloError } from '../../shared/errors';
import { compareApi } from '../../shared/dashboard/volumes';
import { CALL_DEADLINE_MS, engineCall, inspectContainer } from './engine-calls';
import type { LiveEngine } from '../engine/live';
import type { StreamSink, TerminalHandle } from './stream-sink';

interface ExecInspect {
  Running?: boolean;
  ExitCode?: number | null;
  Pid?: number;
}

export interface Terminal {
  handle: TerminalHandle;
  shell: string;
  execId: string;
  containerId: string;
  /** End it from outside (exec_die, the container died); `exitCode` when known. */
  ended(exitCode: number | null): void;
}

/** How long to wait for a shell's first words before trusting it started. */
const PROBE_MS = 1500;
/** How long a shell may take to start before it is handed on as it is. */
const START_DEADLINE_MS = 10_000;
/** Output held before the socket is paused until the page's events have gone. */
const MAX_PENDING_CHARS = 256 * 1024;

async function createExec(live: LiveEngine, id: string, shell: ShellCandidate, cols: number, rows: number): Promise<string> {
  const body: Record<string, unknown> = { AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Cmd: shell.cmd, Env: shell.env };
  if (compareApi(live.apiVersion, '1.42') >= 0) body.ConsoleSize = [rows, cols];
  const created = await engineCall(live, () =>
    live.client.post<{ Id: string }>(`/containers/${encodeURIComponent(id)}/exec`, { body, signal: AbortSignal.timeout(CALL_DEADLINE_MS) }),
  );
  return created.Id;
}

async function inspectExec(live: LiveEngine, execId: string): Promise<ExecInspect | null> {
  try {
    return await live.client.get<ExecInspect>(`/exec/${execId}/json`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) });
  } catch {
    return null;
  }
}

async function resizeExec(live: LiveEngine, execId: string, cols: number, rows: number): Promise<void> {
  await engineCall(live, () => live.client.post(`/exec/${execId}/resize`, { query: { h: rows, w: cols }, signal: AbortSignal.timeout(CALL_DEADLINE_MS) }));
}

/** The first output of a freshly started exec, or its end, whichever comes first (bounded). */
function firstWords(socket: Duplex): Promise<{ data: Buffer; ended: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | null = null;
    const done = (ended: boolean): void => {
      if (timer) clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.pause();
      resolve({ data: Buffer.concat(chunks), ended });
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      // A little more time for the rest of a failure sentence, then decide.
      timer ??= setTimeout(() => done(false), 50);
    };
    const onEnd = (): void => done(true);
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    timer = setTimeout(() => done(false), PROBE_MS);
    socket.resume();
  });
}

/** Start one candidate: the socket and its first words, or null when the engine could not start it. */
async function startShell(
  live: LiveEngine,
  id: string,
  shell: ShellCandidate,
  cols: number,
  rows: number,
): Promise<{ execId: string; socket: Duplex; first: Buffer } | { missing: string }> {
  const execId = await createExec(live, id, shell, cols, rows);
  const socket = (await engineCall(live, () =>
    live.client.open(`/exec/${execId}/start`, { method: 'POST', body: { Detach: false, Tty: true }, hijack: true }),
  )) as Duplex;
  // Before API 1.42 there is no ConsoleSize at create: size it now (it may fail this early: harmless).
  if (compareApi(live.apiVersion, '1.42') < 0) void resizeExec(live, execId, cols, rows).catch(() => undefined);
  // A busy machine may take a while to start the process: look again until it runs, speaks or ends.
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    const first = await firstWords(socket);
    const text = first.data.toString('utf8');
    const suspicious = first.ended || /OCI runtime exec failed|executable file not found|system cannot find the file/i.test(text);
    if (!suspicious && first.data.length > 0) return { execId, socket, first: first.data };
    const state = await inspectExec(live, execId);
    const exitCode = state?.ExitCode ?? null;
    if (state?.Running !== true && isMissingShell(text, exitCode)) {
      socket.destroy();
      return { missing: text.trim() };
    }
    // Running and quiet (cmd.exe may say nothing yet), ended otherwise, or out of time: hand it on.
    if (state?.Running === true || first.ended || exitCode !== null || Date.now() > deadline) return { execId, socket, first: first.data };
  }
}

export async function openTerminal(live: LiveEngine, id: string, size: { cols: number; rows: number }, sink: StreamSink): Promise<Terminal> {
  const raw = await inspectContainer(live, id);
  const name = (raw.Name ?? id).replace(/^\//, '');
  if (raw.State?.Paused) throw new SiloFailure(siloError('container-paused', { params: { name } }));
  if (raw.State?.Running !== true) throw new SiloFailure(siloError('container-not-running', { params: { name } }));
  const candidates = shellCandidates({ engineOsType: live.info?.osType ?? 'linux', containerPlatform: raw.Platform ?? null, image: raw.Config?.Image ?? null });
  const tried: string[] = [];
  let detail = '';
  for (const candidate of candidates) {
    const shell = reportingPid(candidate);
    tried.push(shell.cmd[0]!);
    const started = await startShell(live, id, shell, size.cols, size.rows);
    if ('missing' in started) {
      detail = started.missing;
      continue;
    }
    return attach(live, id, started, shell.cmd[0]!, shell.reportsPid, sink);
  }
  throw new SiloFailure(siloError('no-shell', { params: { name, shell: tried.join(', ') }, detail }));
}

function attach(
  live: LiveEngine,
  containerId: string,
  started: { execId: string; socket: Duplex; first: Buffer },
  shell: string,
  reportsPid: boolean,
  sink: StreamSink,
): Terminal {
  const { execId, socket } = started;
  const decoder = new StringDecoder('utf8');
  const report = new PidReportReader(reportsPid);
  let pending = '';
  let scheduled: NodeJS.Immediate | null = null;
  let finished = false;
  /** Paused by the page's flow: the shell's output waits in the engine until the page catches up. */
  let held = false;
  const take = (text: string): void => {
    pending += report.take(text);
  };
  take(decoder.write(started.first));

  const flush = (): void => {
    scheduled = null;
    if (pending && !finished) sink.data({ kind: 'terminal', data: pending });
    pending = '';
    if (socket.isPaused() && !finished && !held) socket.resume();
  };
  const schedule = (): void => {
    scheduled ??= setImmediate(flush);
  };
  const finish = async (exitCode: number | null | undefined): Promise<void> => {
    if (finished) return;
    finished = true;
    if (scheduled) clearImmediate(scheduled);
    const rest = pending + report.take(decoder.end()) + report.rest();
    pending = '';
    if (rest) sink.data({ kind: 'terminal', data: rest });
    socket.destroy();
    let code = exitCode ?? null;
    if (exitCode === undefined) {
      const state = await inspectExec(live, execId);
      // The engine's stream went but the shell did not: nothing will end it but a hang-up.
      if (state?.Running === true && report.pid !== null) void hangUp(live, containerId, shell, report.pid);
      code = state?.ExitCode ?? null;
    }
    sink.end(null, code);
  };

  socket.on('data', (chunk: Buffer) => {
    take(decoder.write(chunk));
    if (pending.length >= MAX_PENDING_CHARS) socket.pause();
    schedule();
  });
  socket.on('end', () => void finish(undefined));
  socket.on('close', () => void finish(undefined));
  socket.on('error', () => void finish(undefined));
  if (pending) schedule();
  socket.resume();

  return {
    shell,
    execId,
    containerId,
    ended(exitCode) {
      // Give the socket a moment to deliver its last output and end by itself.
      setTimeout(() => void finish(exitCode), 200).unref();
    },
    handle: {
      input(data) {
        if (!finished) socket.write(data);
      },
      resize: (cols, rows) => resizeExec(live, execId, cols, rows),
      close() {
        if (!finished && report.pid !== null) void hangUp(live, containerId, shell, report.pid);
        finished = true;
        if (scheduled) clearImmediate(scheduled);
        socket.destroy();
      },
      pause() {
        held = true;
        socket.pause();
      },
      resume() {
        held = false;
        if (!finished && !scheduled) socket.resume();
      },
    },
  };
}
