// A private Docker engine for tests (see ../shared/docs/engine-sandbox.md): its own data root,
// exec root and socket, gVisor registered, a local busybox image imported. It never touches the
// machine's default engine.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, symlinkSync, copyFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';

const exec = promisify(execFile);

export const TEST_IMAGE = 'silo-test/busybox:latest';
const BUSYBOX_APPLETS = ['sh', 'sleep', 'echo', 'cat', 'ls', 'ps', 'uname', 'top', 'dmesg', 'seq', 'yes', 'head', 'true', 'false', 'date', 'env', 'wc', 'id', 'hostname', 'mkdir', 'touch', 'rm', 'grep'];

export interface TestEngineOptions {
  /** Extra daemon.json keys, merged over the defaults. */
  daemonConfig?: Record<string, unknown>;
  /** Extra dockerd arguments (for example a TCP listener with TLS). */
  extraArgs?: string[];
  /** Import the busybox image after the first start (default true). */
  importImage?: boolean;
}

export class TestEngine {
  readonly dir: string;
  readonly socketPath: string;
  readonly pidFile: string;
  readonly configFile: string;

  constructor(dir?: string, private readonly options: TestEngineOptions = {}) {
    // Short paths: a unix socket path must stay under 108 bytes.
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'silo-e-'));
    this.socketPath = join(this.dir, 'docker.sock');
    this.pidFile = join(this.dir, 'dockerd.pid');
    this.configFile = join(this.dir, 'daemon.json');
  }

  get dockerHost(): string {
    return `unix://${this.socketPath}`;
  }

  /** Environment for a child process (the docker CLI, the browser host) that must use this engine. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: this.dockerHost, ...extra };
    delete env.DOCKER_CONTEXT;
    delete env.DOCKER_CLIENT_TIMEOUT;
    return env;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    if (!existsSync(this.configFile)) {
      const config = {
        runtimes: { runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] } },
        ...this.options.daemonConfig,
      };
      writeFileSync(this.configFile, JSON.stringify(config, null, 2) + '\n');
    }
    await this.launch();
    if (this.options.importImage !== false) await this.importBusybox();
  }

  /** Start dockerd on the existing directories (used again after a kill). */
  async launch(): Promise<void> {
    const log = openSync(join(this.dir, 'dockerd.log'), 'a');
    const args = [
      '--data-root', join(this.dir, 'data'),
      '--exec-root', join(this.dir, 'exec'),
      '--pidfile', this.pidFile,
      '-H', this.dockerHost,
      '--config-file', this.configFile,
      '--iptables=false', '--ip6tables=false', '--bridge=none', '--storage-driver=vfs',
      ...(this.options.extraArgs ?? []),
    ];
    const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    await this.waitUntilReady(20_000);
  }

  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await this.pings()) return;
      await sleep(50);
    }
    const tail = safeRead(join(this.dir, 'dockerd.log')).split('\n').slice(-15).join('\n');
    throw new Error(`the test engine did not start within ${timeoutMs} ms:\n${tail}`);
  }

  /** True when the engine answers GET /_ping. */
  pings(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(this.socketPath);
      let answer = '';
      socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
      socket.on('error', () => resolve(false));
      socket.on('data', (d) => { answer += d.toString(); if (answer.includes('\r\n\r\n')) { socket.destroy(); resolve(answer.startsWith('HTTP/1.1 200')); } });
      socket.on('connect', () => socket.write('GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n'));
    });
  }

  pid(): number | null {
    const text = safeRead(this.pidFile).trim();
    const pid = Number(text);
    return text && Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  }

  /** Stop dockerd and wait until its process has gone. `signal` SIGKILL simulates a crash. */
  async stopDaemon(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<void> {
    const pid = this.pid();
    if (pid === null) return;
    process.kill(pid, signal);
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(25);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (signal === 'SIGKILL') await this.killOrphanedContainerd();
  }

  /** A SIGKILLed dockerd leaves its managed containerd behind; the next start needs it gone. */
  private async killOrphanedContainerd(): Promise<void> {
    const pidFile = join(this.dir, 'exec', 'containerd', 'containerd.pid');
    const pid = Number(safeRead(pidFile).trim());
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(25);
    }
    // A zombie keeps its pid "alive" to kill(0); dockerd would wait for it forever.
    rmSync(pidFile, { force: true });
  }

  /** SIGHUP: dockerd reloads runtimes and default-runtime from daemon.json. */
  reload(): void {
    const pid = this.pid();
    if (pid === null) throw new Error('the test engine is not running');
    process.kill(pid, 'SIGHUP');
  }

  /** Stop the engine and remove everything it wrote. */
  async destroy(): Promise<void> {
    await this.stopDaemon('SIGTERM');
    await this.killOrphanedContainerd();
    await this.unmountAll();
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }

  /** dockerd leaves mounts below its data root (a private bind of it, container shm). */
  private async unmountAll(): Promise<void> {
    const mounts = safeRead('/proc/self/mountinfo')
      .split('\n')
      .map((line) => line.split(' ')[4] ?? '')
      .filter((point) => point === this.dir || point.startsWith(this.dir + '/'))
      .sort((a, b) => b.length - a.length);
    for (const point of mounts) await exec('umount', ['-l', point]).catch(() => undefined);
  }

  /** Run the docker CLI against this engine. */
  async docker(args: string[], input?: Buffer): Promise<string> {
    if (input) {
      return new Promise((resolve, reject) => {
        const child = spawn('docker', args, { env: this.env() });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`docker ${args.join(' ')}: ${err.trim()}`))));
        child.stdin.end(input);
      });
    }
    try {
      const { stdout } = await exec('docker', args, { env: this.env(), maxBuffer: 64 * 1024 * 1024 });
      return stdout.trim();
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`docker ${args.join(' ')}: ${(e.stderr ?? e.message).trim()}`);
    }
  }

  /** Build a busybox root filesystem and `docker import` it as TEST_IMAGE. */
  async importBusybox(): Promise<void> {
    const root = join(this.dir, 'rootfs');
    if (!existsSync(root)) {
      mkdirSync(join(root, 'bin'), { recursive: true });
      mkdirSync(join(root, 'tmp'), { recursive: true });
      copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
      for (const applet of BUSYBOX_APPLETS) symlinkSync('busybox', join(root, 'bin', applet));
    }
    const { stdout } = await exec('tar', ['-C', root, '-c', '.'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    await this.docker(['import', '--change', 'CMD ["sh"]', '-', TEST_IMAGE], stdout);
  }

  /** Run a container quickly: no network (the engine has no bridge), the busybox image. */
  async run(args: string[], command: string[] = ['sleep', '3600']): Promise<string> {
    return this.docker(['run', '-d', '--network', 'none', ...args, TEST_IMAGE, ...command]);
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = safeRead(`/proc/${pid}/stat`);
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
