// A private Distribution 2.8 registry for tests (Debian's `docker-registry`): its own config,
// storage under a temporary folder, listening on 127.0.0.1 at a free port; with basic auth from an
// htpasswd file (`htpasswd -Bbn`, bcrypt) when asked. dockerd treats a 127.0.0.1:PORT registry as
// insecure-allowed, so plain HTTP works. Stopped and removed by `destroy()`.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync, rmSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const exec = promisify(execFile);

export interface RegistryLogin {
  user: string;
  password: string;
}

export class TestRegistry {
  readonly dir = mkdtempSync(join(tmpdir(), 'silo-r-'));
  port = 0;
  private child: ChildProcess | null = null;

  constructor(readonly login: RegistryLogin | null = null) {}

  /** `127.0.0.1:PORT`, as an image reference starts and as config.json keys it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    const auth = this.login ? `auth:\n  htpasswd:\n    realm: silo-test\n    path: ${join(this.dir, 'htpasswd')}\n` : '';
    if (this.login) {
      const { stdout } = await exec('htpasswd', ['-Bbn', this.login.user, this.login.password]);
      writeFileSync(join(this.dir, 'htpasswd'), stdout);
    }
    writeFileSync(
      join(this.dir, 'config.yml'),
      `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(this.dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${this.address}\n${auth}`,
    );
    const log = openSync(join(this.dir, 'registry.log'), 'a');
    this.child = spawn('docker-registry', ['serve', join(this.dir, 'config.yml')], { stdio: ['ignore', log, log] });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const status = await fetch(`http://${this.address}/v2/`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200 || status === 401) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the registry did not start:\n${readFileSync(join(this.dir, 'registry.log'), 'utf8').slice(-2000)}`);
  }

  async destroy(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
