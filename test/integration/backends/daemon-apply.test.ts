// The safe apply against a real private dockerd of this file's own: gVisor becomes the default
// and a new container runs under it; bad files are refused before anything is written; a reload
// the engine does not take ends with the backup restored; faults at every step leave the file
// old or new, never partial.
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { basename, dirname } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyDaemonJson, type DaemonTarget } from '../../../src/main/backends/daemon-apply';
import { locateLinuxDaemon } from '../../../src/main/backends/daemon-locator';
import { nodeFileOps } from '../../../src/main/backends/file-ops';
import { addRuntime, setDefaultRuntime } from '../../../src/shared/backends';
import { TEST_IMAGE, TestEngine } from '../../support/test-engine';
import { getInfo, targetFor } from './helpers';

const engine = new TestEngine();
let target: DaemonTarget;
let original: Buffer;

beforeAll(async () => {
  await engine.start();
  original = readFileSync(engine.configFile);
  target = await targetFor(engine);
});
afterAll(async () => {
  await engine.destroy();
});

/** Every test starts from the engine's own file, with the engine running on it. */
afterEach(async () => {
  for (const name of backups()) unlinkSync(`${dirname(engine.configFile)}/${name}`);
  if (!readFileSync(engine.configFile).equals(original)) writeFileSync(engine.configFile, original);
  if (engine.pid() === null) await engine.launch();
  else engine.reload();
});

const backups = () => readdirSync(dirname(engine.configFile)).filter((n) => n.startsWith(`${basename(engine.configFile)}.silo-backup-`));
const uname = () => engine.docker(['run', '--rm', '--network', 'none', TEST_IMAGE, 'uname', '-r']);
const text = () => original.toString('utf8');

describe('the safe apply on a real engine', () => {
  it('finds the engine from its socket: pid, daemon.json and command-line flags', async () => {
    const daemon = await locateLinuxDaemon({ fs: nodeFileOps, socketPath: engine.socketPath });
    expect(daemon).toMatchObject({ pid: engine.pid(), configFile: engine.configFile, pidFile: engine.pidFile });
    expect(daemon?.args.flags).toEqual(expect.arrayContaining(['iptables', 'storage-driver', 'config-file', 'H']));
  });

  it('makes gVisor the default: a container created without a runtime runs under it, then back to runc', async () => {
    expect(await uname()).toBe(release());
    const toGvisor = await applyDaemonJson(target, setDefaultRuntime(text(), 'runsc'));
    expect(toGvisor).toMatchObject({ status: 'applied', changes: [{ path: ['default-runtime'], kind: 'added', after: 'runsc' }], needsRestart: [] });
    expect((await getInfo(engine.socketPath)).DefaultRuntime).toBe('runsc');
    expect(await uname()).toBe('4.4.0');

    // gVisor → runc is a weaker boundary: applied once acknowledged.
    const back = await applyDaemonJson(target, setDefaultRuntime(readFileSync(engine.configFile, 'utf8'), 'runc'), {
      acknowledged: ['default-runtime-weaker:runsc>runc'],
    });
    expect(back).toMatchObject({ status: 'applied', changes: [{ path: ['default-runtime'], kind: 'changed', before: 'runsc', after: 'runc' }] });
    expect(await uname()).toBe(release());
    // Each apply kept its own backup beside the file.
    expect(backups()).toHaveLength(2);
  });

  it.each([
    ['a syntax error', () => setDefaultRuntime(text(), 'runsc').replace('"runsc"\n', '"runsc",\n'), 'syntax'],
    ['an unknown runtime path', () => addRuntime(text(), 'kata', { path: '/usr/bin/no-such-kata-runtime' }), 'runtime-path-missing'],
    ['an unknown key', () => text().replace('"runtimes"', '"default-runtme": "runsc",\n  "runtimes"'), 'unknown-key'],
    ['a key also set on the command line', () => text().replace('"runtimes"', '"iptables": true,\n  "runtimes"'), 'flag-conflict'],
  ])('refuses %s before anything is written; the file stays byte for byte', async (_name, make, code) => {
    const result = await applyDaemonJson(target, make());
    expect(result).toMatchObject({ status: 'refused', problems: expect.arrayContaining([expect.objectContaining({ code, severity: 'error' })]) });
    expect(readFileSync(engine.configFile).equals(original)).toBe(true);
    expect(backups()).toEqual([]);
    expect((await getInfo(engine.socketPath)).DefaultRuntime).toBe('runc');
  });

  it('restores the backup when the engine is stopped during the apply (before the reload)', async () => {
    const result = await applyDaemonJson(
      target,
      setDefaultRuntime(text(), 'runsc'),
      {},
      {
        hook: async (step) => {
          if (step === 'reload') await engine.stopDaemon();
        },
      },
    );
    expect(result).toMatchObject({ status: 'failed', error: { code: 'engine-not-running', step: 'reload' }, rollback: { restored: true, reloaded: false } });
    expect(readFileSync(engine.configFile).equals(original)).toBe(true);
    await engine.launch();
    expect((await getInfo(engine.socketPath)).DefaultRuntime).toBe('runc');
  });

  it('restores the backup when the engine stops right after the reload, before it is seen to take it', async () => {
    const result = await applyDaemonJson(
      target,
      setDefaultRuntime(text(), 'runsc'),
      {},
      {
        verifyDeadlineMs: 1_500,
        hook: async (step) => {
          if (step === 'verify') await engine.stopDaemon();
        },
      },
    );
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'verify-timeout', step: 'verify' },
      rollback: { restored: true, reloaded: false, error: { code: 'engine-not-running' } },
    });
    expect(readFileSync(engine.configFile).equals(original)).toBe(true);
    await engine.launch();
    expect((await getInfo(engine.socketPath)).DefaultRuntime).toBe('runc');
  });

  it.each(['validate', 'backup', 'write', 'reload', 'verify'] as const)('a fault at %s leaves the file whole, and the engine on runc', async (step) => {
    const next = setDefaultRuntime(text(), 'runsc');
    const result = await applyDaemonJson(
      target,
      next,
      {},
      {
        hook: (s) => {
          if (s === step) throw new Error(`fault at ${s}`);
        },
      },
    );
    expect(result).toMatchObject({ status: 'failed', error: { step } });
    const now = readFileSync(engine.configFile);
    expect(now.equals(original) || now.toString('utf8') === next).toBe(true);
    expect(now.equals(original)).toBe(true);
    expect((await getInfo(engine.socketPath)).DefaultRuntime).toBe('runc');
  });

  it('after a reload the engine took, a failed verification switches the default back although the old file does not name it', async () => {
    // The engine takes runsc, then a fault at verify: the old file has no default-runtime, which
    // alone would leave dockerd on runsc after the SIGHUP.
    const result = await applyDaemonJson(
      target,
      setDefaultRuntime(text(), 'runsc'),
      {},
      {
        hook: async (step) => {
          if (step !== 'verify') return;
          await expect.poll(async () => (await getInfo(engine.socketPath)).DefaultRuntime).toBe('runsc');
          throw new Error('fault after the engine took it');
        },
      },
    );
    expect(result).toMatchObject({ status: 'failed', rollback: { restored: true, reloaded: true, error: null } });
    expect(readFileSync(engine.configFile).equals(original)).toBe(true);
    expect((await getInfo(engine.socketPath)).DefaultRuntime).toBe('runc');
    expect(await uname()).toBe(release());
  });
});
