// The built browser host (`node dist/main/web.js`), started as a person starts it, with the
// moments that matter for the benchmarks: when it was launched and when it printed its ready line.
// Like test/support/browser-host.ts, plus node flags (a CPU profile) and the timestamps.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requestNewLink } from '../../src/main/web/link-socket';
import { signIn } from '../../test/support/browser-host';
import { nowMs } from './measure';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'dist', 'main', 'web.js');

export interface BenchHost {
  url: string;
  /**
   * An address that opens Silo once (the host's codes are one-time): the printed one first, then a
   * fresh one from the running host each time (as `--new-link` asks).
   */
  nextUrl(): Promise<string>;
  /** A page secret, got as a page gets it (POST /session with a fresh code); the same each time. */
  secret(): Promise<string>;
  origin: string;
  port: number;
  token: string;
  pid: number;
  process: ChildProcess;
  /** Epoch ms just before the process was spawned, and when its ready line arrived. */
  launchedAt: number;
  readyAt: number;
  /** True once stop() was called (an exit after that is not a crash). */
  stopping: boolean;
  output(): string;
  stop(): Promise<void>;
}

export interface HostOptions {
  env: NodeJS.ProcessEnv;
  /** Flags for node itself, e.g. ['--cpu-prof', '--cpu-prof-dir', DIR]. */
  nodeArgs?: string[];
}

export function assertBuilt(): void {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build first (node scripts/build.mjs), or run \`npm run bench\`.`);
}

export async function startHost(options: HostOptions): Promise<BenchHost> {
  assertBuilt();
  const configDir = mkdtempSync(join(tmpdir(), 'silo-bench-cfg-'));
  const launchedAt = nowMs();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ENTRY, '--port', '0'], {
    env: { ...options.env, SILO_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  const { url, readyAt } = await new Promise<{ url: string; readyAt: number }>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser host did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (d) => {
      output += d;
      const match = /Silo is ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl({ url: match[1]!, readyAt: nowMs() });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  let printedUsed = false;
  let secret: Promise<string> | null = null;
  const nextUrl = async (): Promise<string> => {
    if (printedUsed) return requestNewLink(configDir);
    printedUsed = true;
    return url;
  };
  const host: BenchHost = {
    url,
    nextUrl,
    secret() {
      secret ??= nextUrl().then((link) => signIn(parsed.origin, new URL(link).searchParams.get('token')!));
      return secret;
    },
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    pid: child.pid!,
    process: child,
    launchedAt,
    readyAt,
    stopping: false,
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        host.stopping = true;
        const finish = () => {
          rmSync(configDir, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null || child.signalCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
  return host;
}
