// Finding a local Linux dockerd: its pid (from the process listening on the engine's socket, or
// from its pid file), and from its command line the daemon.json it reads and the flags it was
// given. All through /proc, which any user may read for cmdline; a socket's owner is found only
// when Silo may read dockerd's fds (root, or a rootless engine of the same user).
import { posix } from 'node:path';
import { parseDaemonArgs, splitCmdline, type DaemonArgs } from '../../shared/backends/daemon-args';
import type { FileOps } from './file-ops';

export const DEFAULT_PID_FILE = '/var/run/docker.pid';
export const DEFAULT_CONFIG_FILE = '/etc/docker/daemon.json';

export interface LinuxDaemon {
  pid: number;
  /** The daemon.json this dockerd reads. */
  configFile: string;
  pidFile: string | null;
  args: DaemonArgs;
}

export interface LocateOptions {
  fs: FileOps;
  /** The engine's unix socket path (from the endpoint `unix://…`). */
  socketPath?: string;
  /**
   * Where to look when the socket's owner cannot be seen. A dockerd found there counts only when
   * its command line serves `socketPath`.
   */
  pidFile?: string;
  procRoot?: string;
}

export async function locateLinuxDaemon(options: LocateOptions): Promise<LinuxDaemon | null> {
  const proc = options.procRoot ?? '/proc';
  let pid = options.socketPath ? await pidOfUnixSocket(options.fs, options.socketPath, proc) : null;
  const viaSocket = pid !== null;
  pid ??= options.pidFile || !options.socketPath ? await pidFromFile(options.fs, options.pidFile ?? DEFAULT_PID_FILE, proc) : null;
  if (pid === null) return null;
  const cmdline = await options.fs.read(posix.join(proc, String(pid), 'cmdline'));
  if (cmdline === null) return null;
  const argv = splitCmdline(cmdline.toString('utf8'));
  if (!/(^|\/)dockerd$/.test(argv[0] ?? '')) return null;
  const args = parseDaemonArgs(argv.slice(1));
  // Never signal another engine: a dockerd from a pid file must serve this socket.
  if (!viaSocket && options.socketPath && !args.hosts.includes(`unix://${options.socketPath}`)) return null;
  const configFile = args.configFile ?? (await defaultConfigFile(options.fs, pid, proc));
  return { pid, configFile, pidFile: args.pidFile ?? (viaSocket ? null : (options.pidFile ?? DEFAULT_PID_FILE)), args };
}

/** The pid in a pid file, when that process is alive; read again on every call. */
export async function pidFromFile(fs: FileOps, pidFile: string, proc = '/proc'): Promise<number | null> {
  const text = (await fs.read(pidFile))?.toString('utf8').trim() ?? '';
  const pid = Number(text);
  if (!text || !Number.isInteger(pid) || pid <= 0) return null;
  const stat = (await fs.read(posix.join(proc, String(pid), 'stat')))?.toString('utf8') ?? '';
  return stat && !/^\d+ \(.*\) [ZX]/s.test(stat) ? pid : null;
}

/** The pid of the process that has the listening socket at `socketPath` open, if Silo may see it. */
export async function pidOfUnixSocket(fs: FileOps, socketPath: string, proc = '/proc'): Promise<number | null> {
  const table = (await fs.read(posix.join(proc, 'net', 'unix')))?.toString('utf8') ?? '';
  const inodes = new Set<string>();
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // Num RefCount Protocol Flags Type St Inode Path; flag 00010000 is __SO_ACCEPTCON (listening).
    if (fields[7] === socketPath && fields[3] === '00010000' && fields[6]) inodes.add(fields[6]);
  }
  if (inodes.size === 0) return null;
  for (const entry of await fs.list(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = await fs.list(posix.join(proc, entry, 'fd'));
    } catch {
      continue;
    }
    for (const fd of fds) {
      const link = await fs.readLink(posix.join(proc, entry, 'fd', fd));
      const inode = /^socket:\[(\d+)\]$/.exec(link ?? '')?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  return null;
}

/** dockerd's default: /etc/docker/daemon.json, or ~/.config/docker/daemon.json for a rootless one. */
async function defaultConfigFile(fs: FileOps, pid: number, proc: string): Promise<string> {
  const environ = (await fs.read(posix.join(proc, String(pid), 'environ')).catch(() => null))?.toString('utf8') ?? '';
  const env = Object.fromEntries(
    environ
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  if (!env.ROOTLESSKIT_STATE_DIR) return DEFAULT_CONFIG_FILE;
  const configHome = env.XDG_CONFIG_HOME || (env.HOME ? posix.join(env.HOME, '.config') : null);
  return configHome ? posix.join(configHome, 'docker', 'daemon.json') : DEFAULT_CONFIG_FILE;
}
