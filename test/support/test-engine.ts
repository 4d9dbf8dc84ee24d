// A private Docker engine for tests (see docs/test-engine.md): its own data root,
// exec root and socket, gVisor registered, a local busybox image imported. It never touches the
// machine's default engine.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync, rmSync, symlinkSync, copyFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';

const exec = promisify(execFile);

export const TEST_IMAGE = 'silo-test/busybox:latest';
/** A one-file image whose process sleeps until killed: cheap to create by the thousand (vfs copies each rootfs). */
export const PAUSE_IMAGE = 'silo-test/pause:latest';
const BUSYBOX_APPLETS = [
  'sh',
  'sleep',
  'echo',
  'cat',
  'ls',
  'ps',
  'uname',
  'top',
  'dmesg',
  'seq',
  'yes',
  'head',
  'true',
  'false',
  'date',
  'env',
  'wc',
  'id',
  'hostname',
  'mkdir',
  'touch',
  'rm',
  'grep',
];

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

  constructor(
    dir?: string,
    private readonly options: TestEngineOptions = {},
  ) {
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
      '--data-root',
      join(this.dir, 'data'),
      '--exec-root',
      join(this.dir, 'exec'),
      '--pidfile',
      this.pidFile,
      '-H',
      this.dockerHost,
      '--config-file',
      this.configFile,
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      '--storage-driver=vfs',
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
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(false));
      socket.on('data', (d) => {
        answer += d.toString();
        if (answer.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(answer.startsWith('HTTP/1.1 200'));
        }
      });
      socket.on('connect', () => socket.write('GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n'));
    });
  }

  pid(): number | null {
    const text = safeRead(this.pidFile).trim();
    const pid = Number(text);
    return text && Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  }

  /**
   * Stop dockerd and wait until its process has gone. `signal` SIGKILL simulates a crash: dockerd,
   * its containerd and every container process die at once (the containers' shims are left to
   * report the exits, as after a real crash).
   *
   * Why the container processes too: they outlive a killed dockerd in their shims, so on its next
   * start dockerd (no live-restore) finds them running and stops each with its stop signal, then
   * waits its stop timeout (10 s by default; `sleep` as PID 1 ignores SIGTERM) before it answers
   * at all. Killed with the engine, the next `launch()` takes about 0.3 s instead of 10 s, and the
   * engine reports those containers exited (137). Killing the shims as well would cost about 1 s
   * more for runsc: containerd then cleans up each dead shim with `runsc delete` before it serves.
   */
  async stopDaemon(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<void> {
    const pid = this.pid();
    if (pid === null) return;
    process.kill(pid, signal);
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(25);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (signal === 'SIGKILL') {
      await this.killOrphanedContainerd('SIGKILL');
      await this.killOrphanedContainers();
    }
    // A killed dockerd leaves its pid file; its pid may be a zombie not yet reaped, which
    // dockerd refuses to start over.
    if (!isAlive(pid)) rmSync(this.pidFile, { force: true });
  }

  /**
   * `systemctl stop docker`: SIGTERM and return at once. dockerd removes its socket, refuses
   * new requests and runs on while it stops its containers (each for its stop timeout).
   * Returns the pid, for `waitForExit`; `launch()` starts it again on the same socket.
   */
  terminate(): number {
    const pid = this.pid();
    if (pid === null) throw new Error('the test engine is not running');
    process.kill(pid, 'SIGTERM');
    return pid;
  }

  /** Wait until the process `pid` (from `terminate`) has gone; false if it is still there at the deadline. */
  async waitForExit(pid: number, timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(25);
    if (isAlive(pid)) return false;
    rmSync(this.pidFile, { force: true });
    return true;
  }

  /** Whether the process `pid` still runs (not a zombie). */
  alive(pid: number): boolean {
    return isAlive(pid);
  }

  /** A SIGKILLed dockerd leaves its managed containerd behind; the next start needs it gone. */
  private async killOrphanedContainerd(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const pidFile = join(this.dir, 'exec', 'containerd', 'containerd.pid');
    const pid = Number(safeRead(pidFile).trim());
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, signal);
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(25);
    }
    // A zombie keeps its pid "alive" to kill(0); dockerd would wait for it forever.
    rmSync(pidFile, { force: true });
  }

  /** SIGKILL every process below this engine's containerd shims (the containers), and the shims too if asked. */
  private async killOrphanedContainers(shimsToo = false): Promise<void> {
    const address = `${join(this.dir, 'exec', 'containerd', 'containerd.sock')}`;
    const children = new Map<number, number[]>();
    const shims: number[] = [];
    for (const entry of safeList('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid) || pid <= 0) continue;
      const ppid = parentOf(pid);
      if (ppid !== null) children.set(ppid, children.get(ppid)?.concat(pid) ?? [pid]);
      const argv = safeRead(`/proc/${pid}/cmdline`).split('\0');
      if (argv[0]?.includes('containerd-shim') && argv[argv.indexOf('-address') + 1] === address) shims.push(pid);
    }
    const doomed: number[] = [];
    const visit = (pid: number): void => {
      doomed.push(pid);
      for (const child of children.get(pid) ?? []) visit(child);
    };
    for (const shim of shims) {
      if (shimsToo) doomed.push(shim);
      for (const child of children.get(shim) ?? []) visit(child);
    }
    // Deepest first, so none is reparented and missed while its parent goes.
    for (const pid of doomed.reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // A paused container is frozen: its processes take the SIGKILL only once thawed.
    for (const pid of doomed) thaw(pid);
    const deadline = Date.now() + 5_000;
    while (doomed.some(isAlive) && Date.now() < deadline) await sleep(10);
  }

  /** SIGHUP: dockerd reloads runtimes and default-runtime from daemon.json. */
  reload(): void {
    const pid = this.pid();
    if (pid === null) throw new Error('the test engine is not running');
    process.kill(pid, 'SIGHUP');
  }

  /**
   * Stop the engine and remove everything it wrote. No grace: a clean stop would wait each running
   * container's stop timeout (10 s for `sleep`), and nothing here survives the removal anyway.
   */
  async destroy(): Promise<void> {
    await this.stopDaemon('SIGKILL');
    await this.killOrphanedContainerd('SIGKILL');
    await this.killOrphanedContainers(true);
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

  /**
   * Import PAUSE_IMAGE: one static 129-byte x86-64 program, `/pause`, that calls pause(2) forever
   * (stop it with SIGKILL: `stop?t=0` or `kill`). Busybox's 2 MB rootfs, copied twice per
   * container by vfs, is most of the cost of creating a thousand containers. Returns the image
   * and command to use; busybox's `sleep` on machines that are not x86-64.
   */
  async importPauseImage(): Promise<{ image: string; command: string[] }> {
    if (process.arch !== 'x64') return { image: TEST_IMAGE, command: ['sleep', '86400'] };
    const root = join(this.dir, 'pause-root');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'pause'), pauseProgram(), { mode: 0o755 });
    const { stdout } = await exec('tar', ['-C', root, '-c', '.'], { encoding: 'buffer', maxBuffer: 1024 * 1024 });
    await this.docker(['import', '--change', 'CMD ["/pause"]', '-', PAUSE_IMAGE], stdout);
    return { image: PAUSE_IMAGE, command: ['/pause'] };
  }

  /** Run a container quickly: no network (the engine has no bridge), the busybox image. */
  async run(args: string[], command: string[] = ['sleep', '3600']): Promise<string> {
    return this.docker(['run', '-d', '--network', 'none', ...args, TEST_IMAGE, ...command]);
  }
}

/** A static x86-64 ELF: `loop: mov eax, 34 (pause); syscall; jmp loop`. One PT_LOAD segment, no sections. */
function pauseProgram(): Buffer {
  const code = Buffer.from([0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7]);
  const base = 0x400000n;
  const size = BigInt(64 + 56 + code.length);
  const header = Buffer.alloc(64);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0); // ELF, 64-bit, little-endian, version 1
  header.writeUInt16LE(2, 16); // executable
  header.writeUInt16LE(0x3e, 18); // x86-64
  header.writeUInt32LE(1, 20);
  header.writeBigUInt64LE(base + 64n + 56n, 24); // entry: the code after both headers
  header.writeBigUInt64LE(64n, 32); // program header table offset
  header.writeUInt16LE(64, 52); // header size
  header.writeUInt16LE(56, 54); // program header size
  header.writeUInt16LE(1, 56); // one program header
  const segment = Buffer.alloc(56);
  segment.writeUInt32LE(1, 0); // PT_LOAD
  segment.writeUInt32LE(5, 4); // read + execute
  segment.writeBigUInt64LE(base, 16);
  segment.writeBigUInt64LE(base, 24);
  segment.writeBigUInt64LE(size, 32);
  segment.writeBigUInt64LE(size, 40);
  segment.writeBigUInt64LE(0x1000n, 48);
  return Buffer.concat([header, segment, code]);
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Thaw the freezer cgroup of a process (cgroup v1 `freezer.state`, v2 `cgroup.freeze`), if it is frozen. */
function thaw(pid: number): void {
  for (const line of safeRead(`/proc/${pid}/cgroup`).split('\n')) {
    const [, controllers, path] = line.split(':');
    if (path === undefined) continue;
    const file = controllers === 'freezer' ? `/sys/fs/cgroup/freezer${path}/freezer.state` : controllers === '' ? `/sys/fs/cgroup${path}/cgroup.freeze` : null;
    if (!file || !existsSync(file)) continue;
    try {
      writeFileSync(file, controllers === 'freezer' ? 'THAWED' : '0');
    } catch {
      // gone meanwhile, or not ours to thaw
    }
  }
}

function safeList(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** The parent pid from /proc/PID/stat (the command name in parentheses may hold spaces). */
function parentOf(pid: number): number | null {
  const stat = safeRead(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return stat && Number.isInteger(ppid) ? ppid : null;
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
