// Every command the backends run (wsl.exe, docker desktop, DockerCli.exe, pkexec, net.exe) goes
// through this one interface, so tests replace it and assert the exact argv. No shell is ever
// involved: arguments are passed as a list.
import { spawn } from 'node:child_process';

export interface CommandResult {
  /** The exit code, or null when a signal ended it. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  /** True when Silo ended it because it ran past its deadline. */
  timedOut: boolean;
}

export interface CommandOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface CommandRunner {
  /** Resolves with how the command ended; rejects only when it could not start (ENOENT, EACCES). */
  run(file: string, args: readonly string[], options?: CommandOptions): Promise<CommandResult>;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_OUTPUT = 4 * 1024 * 1024;

export const nodeCommandRunner: CommandRunner = {
  run(file, args, options = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn(file, [...args], { shell: false, windowsHide: true, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let size = 0;
      let timedOut = false;
      const collect = (into: Buffer[]) => (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_OUTPUT) into.push(chunk);
      };
      child.stdout.on('data', collect(stdout));
      child.stderr.on('data', collect(stderr));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        resolve({ exitCode, signal, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), timedOut });
      });
    });
  },
};

/** The command's own words for a report: stderr, else stdout, trimmed and cut short. */
export function commandWords(result: CommandResult): string {
  const text = (result.stderr.length ? result.stderr : result.stdout).toString('utf8').replace(/\0/g, '').trim();
  const words = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  if (result.timedOut) return `timed out${words ? `: ${words}` : ''}`;
  return words || (result.signal ? `ended by ${result.signal}` : `exit code ${result.exitCode ?? '?'}`);
}

export function succeeded(result: CommandResult): boolean {
  return result.exitCode === 0 && !result.timedOut;
}

/** True for the error a runner gives when the program is not there. */
export function isMissingProgram(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
