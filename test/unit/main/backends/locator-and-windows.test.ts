// Finding dockerd through a /proc laid out in a temporary folder, and the Windows service path
// of the safe apply (net.exe stop/start through the runner double, isolation read back).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDaemonJson, type DaemonTarget } from '../../../../src/main/backends/daemon-apply';
import { locateLinuxDaemon } from '../../../../src/main/backends/daemon-locator';
import { nodeFileOps } from '../../../../src/main/backends/file-ops';
import { windowsServiceReloader } from '../../../../src/main/backends/reloader';
import { windowsServiceTarget } from '../../../../src/main/backends/targets';
import { setWindowsIsolation, validateDaemonJson } from '../../../../src/shared/backends';
import { exit, recordingRunner } from './desktop-layout';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'silo-proc-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A dockerd process in the fake /proc: cmdline, stat, an fd on a listening socket's inode. */
function dockerd(pid: number, argv: string[], options: { inode?: number; state?: string; environ?: string } = {}): void {
  put(`proc/${pid}/cmdline`, ['/usr/sbin/dockerd', ...argv, ''].join('\0'));
  put(`proc/${pid}/stat`, `${pid} (dockerd) ${options.state ?? 'S'} 1 ${pid}`);
  if (options.environ) put(`proc/${pid}/environ`, options.environ);
  mkdirSync(join(root, `proc/${pid}/fd`), { recursive: true });
  if (options.inode) symlinkSync(`socket:[${options.inode}]`, join(root, `proc/${pid}/fd/5`));
}

const unixTable = (rows: Array<[number, string, string]>) =>
  [
    'Num       RefCount Protocol Flags    Type St Inode Path',
    ...rows.map(([inode, flags, path]) => `0000000000000000: 00000002 00000000 ${flags} 0001 01 ${inode} ${path}`),
  ].join('\n') + '\n';

describe('locateLinuxDaemon', () => {
  it('finds the process listening on the socket, and its daemon.json and flags from its command line', async () => {
    put(
      'proc/net/unix',
      unixTable([
        [999, '00000000', '/tmp/e/docker.sock'],
        [12345, '00010000', '/tmp/e/docker.sock'],
      ]),
    );
    dockerd(777, ['--config-file', '/tmp/e/daemon.json', '-H', 'unix:///tmp/e/docker.sock', '--iptables=false'], { inode: 12345 });
    const found = await locateLinuxDaemon({ fs: nodeFileOps, socketPath: '/tmp/e/docker.sock', procRoot: join(root, 'proc') });
    expect(found).toMatchObject({ pid: 777, configFile: '/tmp/e/daemon.json', pidFile: null, args: { flags: ['config-file', 'H', 'iptables'] } });
  });

  it('falls back to the pid file, but only for a dockerd that serves this socket', async () => {
    put('proc/net/unix', unixTable([]));
    put('run/docker.pid', '888\n');
    dockerd(888, []);
    const locate = (socketPath: string) =>
      locateLinuxDaemon({ fs: nodeFileOps, socketPath, pidFile: join(root, 'run/docker.pid'), procRoot: join(root, 'proc') });
    expect(await locate('/var/run/docker.sock')).toMatchObject({ pid: 888, configFile: '/etc/docker/daemon.json', pidFile: join(root, 'run/docker.pid') });
    // Another engine's socket: the system dockerd must not be the one signalled.
    expect(await locate('/tmp/other/docker.sock')).toBeNull();
  });

  it('ignores a dead or zombie pid, and a process that is not dockerd', async () => {
    put('run/docker.pid', '888');
    dockerd(888, [], { state: 'Z' });
    expect(await locateLinuxDaemon({ fs: nodeFileOps, pidFile: join(root, 'run/docker.pid'), procRoot: join(root, 'proc') })).toBeNull();
    put('run/other.pid', '999');
    put('proc/999/cmdline', 'sleep\x00100\x00');
    put('proc/999/stat', '999 (sleep) S');
    expect(await locateLinuxDaemon({ fs: nodeFileOps, pidFile: join(root, 'run/other.pid'), procRoot: join(root, 'proc') })).toBeNull();
  });

  it('uses ~/.config/docker/daemon.json for a rootless dockerd', async () => {
    put('run/docker.pid', '555');
    dockerd(555, ['--rootless'], { environ: 'HOME=/home/ana\0ROOTLESSKIT_STATE_DIR=/run/user/1000/dockerd-rootless\0' });
    expect((await locateLinuxDaemon({ fs: nodeFileOps, pidFile: join(root, 'run/docker.pid'), procRoot: join(root, 'proc') }))?.configFile).toBe(
      '/home/ana/.config/docker/daemon.json',
    );
  });
});

describe('a Windows engine installed as a service', () => {
  it('reads %ProgramData%\\docker\\config\\daemon.json and restarts the service with net.exe', () => {
    const target = windowsServiceTarget({
      env: { ProgramData: 'D:\\ProgramData', SystemRoot: 'C:\\WINDOWS' },
      runner: recordingRunner(),
      readInfo: async () => ({}),
    });
    expect(target).toMatchObject({
      platform: 'windows',
      configFile: 'D:\\ProgramData\\docker\\config\\daemon.json',
      reloader: { kind: 'service', serviceName: 'docker' },
    });
  });

  describe('the safe apply', () => {
    const NET = 'C:\\WINDOWS\\System32\\net.exe';
    const OLD = '{\n  "hosts": ["npipe://"],\n  "exec-opts": ["isolation=hyperv"]\n}\n';
    let file: string;
    let isolation: string;
    let startFails: boolean;
    let target: DaemonTarget;
    let runner: ReturnType<typeof recordingRunner>;

    beforeEach(() => {
      file = join(root, 'daemon.json');
      writeFileSync(file, OLD);
      isolation = 'hyperv';
      startFails = false;
      // The service reads daemon.json at start; a file it refuses keeps it from starting.
      runner = recordingRunner((argv) => {
        if (argv[1] !== 'start') return exit(0);
        const config = validateDaemonJson(readFileSync(file, 'utf8'), { platform: 'windows' }).config as { 'exec-opts'?: string[] };
        if (startFails) return exit(2, '', 'The Docker Engine service could not be started.');
        isolation = config['exec-opts']?.find((o) => o.startsWith('isolation='))?.slice(10) ?? 'hyperv';
        return exit(0);
      });
      target = {
        platform: 'windows',
        configFile: file,
        reloader: windowsServiceReloader({ runner, netExe: NET }),
        readInfo: async () => ({ OSType: 'windows', Isolation: isolation }),
      };
    });
    const fast = { runtimeExists: async () => true, verifyDeadlineMs: 100, pollMs: 10 };

    it('writes isolation=process, restarts the service, and reads the new default back', async () => {
      const result = await applyDaemonJson(target, setWindowsIsolation(OLD, 'process'), { acknowledged: ['windows-isolation-weaker:hyperv>process'] }, fast);
      expect(result).toMatchObject({
        status: 'applied',
        changes: [{ path: ['exec-opts'], kind: 'changed', before: ['isolation=hyperv'], after: ['isolation=process'] }],
      });
      expect(runner.calls).toEqual([
        [NET, 'stop', 'docker'],
        [NET, 'start', 'docker'],
      ]);
      expect(isolation).toBe('process');
    });

    it('refuses a bad isolation value before anything is written', async () => {
      const result = await applyDaemonJson(target, OLD.replace('isolation=hyperv', 'isolation=hyper-v'), {}, fast);
      expect(result).toMatchObject({ status: 'refused', problems: [{ code: 'isolation-invalid' }] });
      expect(readFileSync(file, 'utf8')).toBe(OLD);
      expect(runner.calls).toEqual([]);
    });

    it('puts the old file back and starts the service again when it does not start', async () => {
      startFails = true;
      const result = await applyDaemonJson(
        target,
        setWindowsIsolation(OLD, 'process'),
        { acknowledged: ['windows-isolation-weaker:hyperv>process'] },
        {
          ...fast,
          hook: (step) => {
            if (step === 'reload-after-restore') startFails = false;
          },
        },
      );
      expect(result).toMatchObject({
        status: 'failed',
        error: { code: 'reload-failed', step: 'reload', detail: expect.stringContaining('could not be started') },
        rollback: { restored: true, reloaded: true, error: null },
      });
      expect(readFileSync(file, 'utf8')).toBe(OLD);
      expect(runner.calls.filter((argv) => argv[1] === 'start')).toHaveLength(2);
    });
  });
});
