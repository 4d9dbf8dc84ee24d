// Starts the built browser host (`node dist/main/web.js`) as a person would, against a given
// engine, and reads the one line it prints. Its address opens Silo once: `newLink()` asks the
// running host for another (as `--new-link` does), `secret()` signs in as a page would.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { requestNewLink } from '../../src/main/web/link-socket';

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  /** The one-time code of the printed address. */
  token: string;
  configDir: string;
  /** A fresh one-time address (the place after `#`, if given, appended). */
  newLink(hash?: string): Promise<string>;
  /** A page secret, got as the page gets it (POST /session with a fresh code); the same each time. */
  secret(): Promise<string>;
  output: () => string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

export async function startBrowserHost(env: NodeJS.ProcessEnv, args: string[] = ['--port', '0']): Promise<RunningHost> {
  const configDir = env.SILO_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'silo-cfg-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'main', 'web.js'), ...args], {
    env: { ...env, SILO_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser host did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /Silo is ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`the browser host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  let secret: Promise<string> | null = null;
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token')!,
    configDir,
    newLink: async (hash = '') => `${await requestNewLink(configDir)}${hash}`,
    secret() {
      secret ??= requestNewLink(configDir).then((link) => signIn(parsed.origin, new URL(link).searchParams.get('token')!));
      return secret;
    },
    output: () => output,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** POST /session as the page does: the one-time code for a page secret. */
export async function signIn(origin: string, code: string): Promise<string> {
  const answer = await fetch(`${origin}/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ code }),
  });
  const body = (await answer.json()) as { secret?: string };
  if (answer.status !== 200 || typeof body.secret !== 'string') throw new Error(`sign-in refused: ${answer.status} ${JSON.stringify(body)}`);
  return body.secret;
}
