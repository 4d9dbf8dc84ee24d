// The real docker CLI as the client of a fixture engine, in a clean environment (no DOCKER_HOST,
// no context, a config folder of its own).
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The docker CLI found first in PATH, then the other installed ones; each once. */
export function dockerClis(): string[] {
  const fromPath = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'docker'));
  const found: string[] = [];
  for (const p of [...fromPath, '/usr/local/bin/docker', '/usr/bin/docker']) {
    if (executable(p) && !found.includes(p)) found.push(p);
  }
  return found;
}

export class DockerCli {
  readonly configDir = mkdtempSync(join(tmpdir(), 'silo-cli-'));

  constructor(
    readonly binary: string,
    readonly host: string,
  ) {}

  private env(): NodeJS.ProcessEnv {
    return { PATH: process.env.PATH, HOME: this.configDir, DOCKER_CONFIG: this.configDir };
  }

  async run(...args: string[]): Promise<string> {
    const { stdout } = await run(this.binary, ['-H', this.host, ...args], { env: this.env(), timeout: 20_000 });
    return stdout;
  }

  /** Runs and expects failure; returns stderr. */
  async fail(...args: string[]): Promise<string> {
    try {
      await run(this.binary, ['-H', this.host, ...args], { env: this.env(), timeout: 20_000 });
    } catch (err) {
      return String((err as { stderr?: string }).stderr ?? err);
    }
    throw new Error(`docker ${args.join(' ')} succeeded`);
  }

  async json<T>(...args: string[]): Promise<T> {
    return JSON.parse(await this.run(...args)) as T;
  }

  /** `--format '{{json .}}'` writes one JSON object a line. */
  async jsonLines<T>(...args: string[]): Promise<T[]> {
    const out = await this.run(...args);
    return out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as T);
  }

  spawn(...args: string[]): ChildProcessWithoutNullStreams {
    return spawn(this.binary, ['-H', this.host, ...args], { env: this.env() });
  }

  async version(): Promise<string> {
    const { stdout } = await run(this.binary, ['version', '--format', '{{.Client.Version}}'], { env: this.env() }).catch((err: { stdout?: string }) => ({
      stdout: err.stdout ?? '',
    }));
    return stdout.trim();
  }

  dispose(): void {
    rmSync(this.configDir, { recursive: true, force: true });
  }
}

export function tempSocketDir(): { dir: string; socket: (name: string) => string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'silo-fx-'));
  return { dir, socket: (name) => join(dir, `${name}.sock`), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
