// The elevation path: the exact pkexec command Silo builds, and the helper it runs, executed for
// real by /bin/sh (without pkexec) on files in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeCommandRunner, type CommandResult, type CommandRunner } from '../../../../src/main/backends/command-runner';
import { sha256 } from '../../../../src/main/backends/daemon-apply-parts';
import { applyDaemonJsonElevated } from '../../../../src/main/backends/daemon-apply-elevated';
import { INSTALL_HELPER, buildElevatedInstallCommand, elevatedOutcome } from '../../../../src/main/backends/elevation';
import { signalReloader } from '../../../../src/main/backends/reloader';
import type { DaemonTarget } from '../../../../src/main/backends/daemon-apply';
import { setDefaultRuntime, validateDaemonJson } from '../../../../src/shared/backends';

const OLD = '{\n  "runtimes": {"runsc": {"path": "/usr/bin/runsc"}}\n}\n';
const NEW = setDefaultRuntime(OLD, 'runsc');

let dir: string;
let target: string;
let child: ChildProcess | null = null;
let hups = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'silo-elev-'));
  target = join(dir, 'daemon.json');
  writeFileSync(target, OLD, { mode: 0o640 });
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  rmSync(dir, { recursive: true, force: true });
});

/** A process that counts SIGHUPs, standing in for dockerd. */
async function hupCounter(): Promise<number> {
  hups = 0;
  child = spawn(process.execPath, ['-e', "process.on('SIGHUP',()=>process.stdout.write('H'));process.stdout.write('R');setInterval(()=>{},1000)"], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve) => child!.stdout!.once('data', () => resolve()));
  child.stdout!.on('data', (d: Buffer) => (hups += d.toString().split('H').length - 1));
  return child.pid!;
}

/** Runs what pkexec would run, minus pkexec (the tests run as whoever runs them). */
const withoutPkexec = (seen: string[][]): CommandRunner => ({
  run(file, args, options) {
    seen.push([file, ...args]);
    return nodeCommandRunner.run(args[0] as string, args.slice(1), options);
  },
});

const runHelper = (staged: string, sum: string, backup: string, pid = 0) =>
  nodeCommandRunner.run('/bin/sh', ['-c', INSTALL_HELPER, 'silo-install-daemon-json', staged, target, sum, backup, String(pid)]);

describe('buildElevatedInstallCommand', () => {
  it('runs the helper text through /bin/sh under pkexec, every value as its own argument', () => {
    const command = buildElevatedInstallCommand({
      stagedFile: '/tmp/silo-stage-1/daemon.json.1',
      targetFile: '/etc/docker/daemon.json',
      sha256: 'ab12',
      backupFile: '/etc/docker/daemon.json.silo-backup-x',
      pid: 812,
    });
    expect(command).toEqual({
      file: '/usr/bin/pkexec',
      args: [
        '/bin/sh',
        '-c',
        INSTALL_HELPER,
        'silo-install-daemon-json',
        '/tmp/silo-stage-1/daemon.json.1',
        '/etc/docker/daemon.json',
        'ab12',
        '/etc/docker/daemon.json.silo-backup-x',
        '812',
      ],
    });
  });

  it('maps pkexec’s and the helper’s exit codes to plain codes', () => {
    const exit = (exitCode: number): CommandResult => ({ exitCode, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.from('words'), timedOut: false });
    expect(elevatedOutcome(exit(0))).toBeNull();
    expect(elevatedOutcome(exit(126))).toEqual({ error: { code: 'elevation-dismissed', detail: 'words' }, stage: null });
    expect(elevatedOutcome(exit(127))?.error.code).toBe('elevation-refused');
    expect(elevatedOutcome(exit(12))?.stage).toBe('backup');
    expect(elevatedOutcome(exit(11))?.error.detail).toMatch(/changed before it was copied/);
    expect(elevatedOutcome(exit(15))?.stage).toBe('reload');
  });
});

describe('the helper script', () => {
  it('backs up, installs atomically with the old file’s mode, and sends SIGHUP', async () => {
    const pid = await hupCounter();
    const staged = join(dir, 'staged.json');
    writeFileSync(staged, NEW);
    const result = await runHelper(staged, sha256(NEW), `${target}.bak`, pid);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(OLD);
    await expect.poll(() => hups).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['daemon.json', 'daemon.json.bak', 'staged.json']);
  });

  it('refuses a staged file that changed after Silo wrote it, and writes nothing', async () => {
    const staged = join(dir, 'staged.json');
    writeFileSync(staged, NEW.replace('runsc"\n', 'evil"\n'));
    const result = await runHelper(staged, sha256(NEW), '');
    expect(result.exitCode).toBe(11);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).sort()).toEqual(['daemon.json', 'staged.json']);
  });

  it('removes the target when given no staged file', async () => {
    expect((await runHelper('', sha256(''), '')).exitCode).toBe(0);
    expect(existsSync(target)).toBe(false);
  });
});

describe('applyDaemonJsonElevated', () => {
  /** An engine that reads daemon.json as it is whenever asked (so it "took" what is on disk). */
  function engine(pid: number, takes = true): DaemonTarget {
    return {
      platform: 'linux',
      configFile: target,
      reloader: signalReloader(async () => pid),
      readInfo: async () => {
        const config = validateDaemonJson(takes ? readFileSync(target, 'utf8') : OLD, { platform: 'linux' }).config ?? {};
        return {
          DefaultRuntime: (config['default-runtime'] as string | undefined) ?? 'runc',
          Runtimes: { runc: { path: 'runc' }, runsc: { path: '/usr/bin/runsc' } },
        };
      },
    };
  }
  const deps = (runner: CommandRunner) => ({
    runner,
    runtimeExists: async () => true,
    verifyDeadlineMs: 200,
    pollMs: 10,
    now: () => new Date('2026-05-01T10:20:30.123Z'),
  });

  it('installs the staged file through one pkexec run and verifies it', async () => {
    const pid = await hupCounter();
    const seen: string[][] = [];
    const result = await applyDaemonJsonElevated(engine(pid), NEW, {}, deps(withoutPkexec(seen)));
    expect(result).toMatchObject({ status: 'applied', backupPath: `${target}.silo-backup-2026-05-01T10-20-30-123Z` });
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.slice(0, 5)).toEqual(['/usr/bin/pkexec', '/bin/sh', '-c', INSTALL_HELPER, 'silo-install-daemon-json']);
    expect(seen[0]?.slice(6)).toEqual([target, sha256(NEW), `${target}.silo-backup-2026-05-01T10-20-30-123Z`, String(pid)]);
    // The staged copy is gone once it has been used.
    expect(existsSync(seen[0]![5]!)).toBe(false);
    await expect.poll(() => hups).toBe(1);
  });

  it('puts the old file back through a second pkexec run when the engine does not take it', async () => {
    const pid = await hupCounter();
    const seen: string[][] = [];
    const result = await applyDaemonJsonElevated(engine(pid, false), NEW, {}, deps(withoutPkexec(seen)));
    expect(result).toMatchObject({ status: 'failed', error: { code: 'verify-failed' }, rollback: { restored: true, reloaded: true, error: null } });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.slice(6)).toEqual([target, sha256(OLD), '', String(pid)]);
  });

  it('writes nothing when the person dismisses the password dialog', async () => {
    const pid = await hupCounter();
    const dismissed: CommandRunner = {
      run: async () => ({
        exitCode: 126,
        signal: null,
        stdout: Buffer.alloc(0),
        stderr: Buffer.from('Error executing command as another user: Request dismissed'),
        timedOut: false,
      }),
    };
    const result = await applyDaemonJsonElevated(engine(pid), NEW, {}, deps(dismissed));
    expect(result).toMatchObject({ status: 'failed', error: { code: 'elevation-dismissed' }, rollback: null });
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('says when there is no pkexec', async () => {
    const pid = await hupCounter();
    const missing: CommandRunner = { run: async () => Promise.reject(Object.assign(new Error('spawn /usr/bin/pkexec ENOENT'), { code: 'ENOENT' })) };
    expect(await applyDaemonJsonElevated(engine(pid), NEW, {}, deps(missing))).toMatchObject({ status: 'failed', error: { code: 'elevation-unavailable' } });
  });

  it('refuses an invalid file before asking for a password', async () => {
    const seen: string[][] = [];
    const result = await applyDaemonJsonElevated(engine(1), '{"default-runtime": "kata"}', {}, deps(withoutPkexec(seen)));
    expect(result).toMatchObject({ status: 'refused' });
    expect(seen).toEqual([]);
  });
});
