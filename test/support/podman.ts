// A private Podman service for tests (docs/test-engine.md, "Podman"): Debian's Podman 4.3 serving
// its Docker-compatible API (and libpod's own) on a socket of its own, with a private
// containers.conf, storage, run root, volumes, networks and events log under one temporary folder.
// gVisor is registered as `runsc` through a wrapper that adds --network=none and a state folder of
// its own. One service per test run (global-podman.ts); it never touches the machine's Podman.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, symlinkSync, copyFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';

const exec = promisify(execFile);

/** The busybox image, as Podman names a local import. */
export const PODMAN_IMAGE = 'localhost/silo-test/busybox:latest';
const APPLETS = ['sh', 'sleep', 'echo', 'cat', 'ls', 'uname', 'dmesg', 'true', 'mkdir', 'touch', 'id'];

export class PodmanService {
  readonly dir: string;
  readonly socketPath: string;
  readonly confFile: string;

  constructor(dir?: string) {
    // Short paths: a unix socket path must stay under 108 bytes.
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'silo-pm-'));
    this.socketPath = join(this.dir, 'podman.sock');
    this.confFile = join(this.dir, 'containers.conf');
  }

  get dockerHost(): string {
    return `unix://${this.socketPath}`;
  }

  /** The flags that make every `podman` command use this service's storage (the service itself too). */
  private get storageArgs(): string[] {
    return ['--root', join(this.dir, 'root'), '--runroot', join(this.dir, 'run'), '--storage-driver', 'vfs'];
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, CONTAINERS_CONF: this.confFile };
    delete env.CONTAINER_HOST;
    delete env.CONTAINER_CONNECTION;
    return env;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    this.writeConfig();
    const log = openSync(join(this.dir, 'podman.log'), 'a');
    const child = spawn('podman', [...this.storageArgs, 'system', 'service', '--time=0', this.dockerHost], {
      detached: true,
      stdio: ['ignore', log, log],
      env: this.env(),
    });
    writeFileSync(join(this.dir, 'service.pid'), String(child.pid));
    child.unref();
    await this.waitUntilReady(30_000);
    await this.importBusybox();
  }

  /**
   * The sandbox has no CAP_SYS_RESOURCE: Podman's default ulimits (nofile 1048576) stop every
   * container from starting, so they are lowered here. `netns = "none"`: no bridge, no iptables.
   */
  private writeConfig(): void {
    const wrapper = join(this.dir, 'runsc');
    writeFileSync(wrapper, `#!/bin/sh\nexec /usr/bin/runsc --root=${join(this.dir, 'runsc-state')} --network=none "$@"\n`, { mode: 0o755 });
    const d = this.dir;
    writeFileSync(
      this.confFile,
      [
        '[containers]',
        'default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]',
        'netns = "none"',
        '[engine]',
        'cgroup_manager = "cgroupfs"',
        'events_logger = "file"',
        `events_logfile_path = "${d}/events.log"`,
        `tmp_dir = "${d}/tmp"`,
        `static_dir = "${d}/libpod"`,
        `volume_path = "${d}/volumes"`,
        '[engine.runtimes]',
        `runsc = ["${wrapper}"]`,
        '[network]',
        `network_config_dir = "${d}/networks"`,
        '',
      ].join('\n'),
    );
  }

  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await this.pings()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    const tail = safeRead(join(this.dir, 'podman.log')).split('\n').slice(-15).join('\n');
    throw new Error(`the Podman service did not start within ${timeoutMs} ms:\n${tail}`);
  }

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
      socket.on('connect', () => socket.write('GET /_ping HTTP/1.1\r\nHost: podman\r\n\r\n'));
    });
  }

  /**
   * Run the podman CLI on this service's storage, as a person would outside Silo (it is the
   * same store the service serves). `--runtime` is a global flag here: put it in `global`.
   */
  async podman(args: string[], global: string[] = []): Promise<string> {
    try {
      const { stdout } = await exec('podman', [...this.storageArgs, ...global, ...args], { env: this.env(), maxBuffer: 16 * 1024 * 1024 });
      return stdout.trim();
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`podman ${args.join(' ')}: ${(e.stderr ?? e.message).trim()}`);
    }
  }

  /** A container's libpod inspect (what Podman itself says, OCIRuntime included). */
  async inspect(idOrName: string): Promise<{ Id: string; OCIRuntime: string; State: { Running: boolean } }> {
    return JSON.parse(await this.podman(['container', 'inspect', idOrName]))[0];
  }

  private async importBusybox(): Promise<void> {
    const root = join(this.dir, 'rootfs');
    if (!existsSync(root)) {
      mkdirSync(join(root, 'bin'), { recursive: true });
      mkdirSync(join(root, 'tmp'), { recursive: true });
      copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
      for (const applet of APPLETS) symlinkSync('busybox', join(root, 'bin', applet));
    }
    const tar = join(this.dir, 'rootfs.tar');
    await exec('tar', ['-C', root, '-cf', tar, '.']);
    await this.podman(['import', '--change', 'CMD ["sh"]', tar, PODMAN_IMAGE]);
  }

  /** Stop every container (no grace), the service, and remove everything it wrote. */
  async destroy(): Promise<void> {
    await this.podman(['rm', '--all', '--force', '--time', '0']).catch(() => undefined);
    const pid = Number(safeRead(join(this.dir, 'service.pid')).trim());
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    const mounts = safeRead('/proc/self/mountinfo')
      .split('\n')
      .map((line) => line.split(' ')[4] ?? '')
      .filter((point) => point === this.dir || point.startsWith(this.dir + '/'))
      .sort((a, b) => b.length - a.length);
    for (const point of mounts) await exec('umount', ['-l', point]).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
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
    return !/^\d+ \(.*\) Z/.test(safeRead(`/proc/${pid}/stat`));
  } catch {
    return false;
  }
}
