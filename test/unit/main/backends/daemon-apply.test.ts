// The safe apply with every step replaceable: after any fault the file on disk is, byte for
// byte, the old one or the new one, never a mix; a failure after the write ends restored.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDaemonJson, type ApplyDeps } from '../../../../src/main/backends/daemon-apply';
import { sha256 } from '../../../../src/main/backends/daemon-apply-parts';
import { nodeFileOps, type FileOps } from '../../../../src/main/backends/file-ops';
import { setDefaultRuntime } from '../../../../src/shared/backends';
import { fakeDaemon, type FakeDaemon } from './fake-daemon';

const OLD = '{\n  "runtimes": {\n    "runsc": {\n      "path": "/usr/bin/runsc",\n      "runtimeArgs": ["--network=none"]\n    }\n  }\n}\n';
const NEW = setDefaultRuntime(OLD, 'runsc');

let dir: string;
let file: string;
let daemon: FakeDaemon;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'silo-dc-'));
  file = join(dir, 'daemon.json');
  writeFileSync(file, OLD, { mode: 0o640 });
  daemon = fakeDaemon(file);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fast: ApplyDeps = { runtimeExists: async () => true, verifyDeadlineMs: 200, pollMs: 10, now: () => new Date('2026-05-01T10:20:30.123Z') };
const apply = (text: string, deps: ApplyDeps = {}, options = {}) => applyDaemonJson(daemon.target, text, options, { ...fast, ...deps });
const onDisk = () => readFileSync(file, 'utf8');
const others = () =>
  readdirSync(dir)
    .filter((name) => name !== 'daemon.json')
    .sort();

describe('applyDaemonJson', () => {
  it('validates, backs up, writes, reloads and sees the new default in GET /info', async () => {
    const result = await apply(NEW);
    expect(result).toEqual({
      status: 'applied',
      backupPath: join(dir, 'daemon.json.silo-backup-2026-05-01T10-20-30-123Z'),
      changes: [{ path: ['default-runtime'], kind: 'added', after: 'runsc' }],
      needsRestart: [],
      warnings: [],
    });
    expect(onDisk()).toBe(NEW);
    expect(readFileSync(join(dir, 'daemon.json.silo-backup-2026-05-01T10-20-30-123Z'), 'utf8')).toBe(OLD);
    expect(daemon.info.DefaultRuntime).toBe('runsc');
    expect(daemon.reloads).toBe(1);
    // No temporary file is left behind; the file keeps its mode.
    expect(others()).toEqual(['daemon.json.silo-backup-2026-05-01T10-20-30-123Z']);
    expect((await nodeFileOps.stat(file))?.mode).toBe(0o640);
  });

  it('keeps every backup: a second change at the same moment gets its own name', async () => {
    await apply(NEW);
    await apply(setDefaultRuntime(NEW, 'runc'), {}, { acknowledged: ['default-runtime-weaker:runsc>runc'] });
    expect(others()).toEqual(['daemon.json.silo-backup-2026-05-01T10-20-30-123Z', 'daemon.json.silo-backup-2026-05-01T10-20-30-123Z-2']);
  });

  it.each([
    ['a syntax error', '{\n  "default-runtime": "runsc",\n}', 'syntax'],
    ['an unknown key', NEW.replace('"default-runtime"', '"default-runtme"'), 'unknown-key'],
    ['an unknown default runtime', setDefaultRuntime(OLD, 'kata'), 'default-runtime-unknown'],
  ])('refuses %s before anything is written', async (_name, text, code) => {
    const result = await apply(text);
    expect(result).toMatchObject({ status: 'refused', error: { code: 'config-invalid', step: 'validate' }, problems: [expect.objectContaining({ code })] });
    expect(onDisk()).toBe(OLD);
    expect(others()).toEqual([]);
    expect(daemon.reloads).toBe(0);
  });

  it('refuses a runtime whose binary is not on disk, naming the path', async () => {
    const result = await applyDaemonJson(daemon.target, NEW.replace('/usr/bin/runsc', '/nowhere/runsc'), {}, { ...fast, runtimeExists: undefined });
    expect(result).toMatchObject({
      status: 'refused',
      problems: [{ code: 'runtime-path-missing', key: 'runtimes.runsc.path', line: 4, column: 15, params: { runtime: 'runsc', path: '/nowhere/runsc' } }],
    });
    expect(onDisk()).toBe(OLD);
  });

  it('refuses when the file changed since the editor read it', async () => {
    const result = await apply(NEW, {}, { expectedOldSha256: sha256('{}') });
    expect(result).toMatchObject({ status: 'refused', error: { code: 'config-changed-on-disk' } });
    expect((await apply(NEW, {}, { expectedOldSha256: sha256(OLD) })).status).toBe('applied');
  });

  it('does nothing when the text is the file as it is', async () => {
    expect(await apply(OLD)).toEqual({ status: 'unchanged' });
    expect(daemon.reloads).toBe(0);
  });

  it.each(['validate', 'backup', 'write'] as const)('a fault at %s leaves the old file and needs no rollback', async (step) => {
    const result = await apply(NEW, {
      hook: (s) => {
        if (s === step) throw new Error(`injected at ${s}`);
      },
    });
    expect(result).toMatchObject({ status: 'failed', error: { step, detail: `injected at ${step}` }, rollback: null });
    expect(onDisk()).toBe(OLD);
    expect(daemon.reloads).toBe(0);
  });

  it.each(['reload', 'verify'] as const)('a fault at %s restores the backup and reloads again', async (step) => {
    const result = await apply(NEW, {
      hook: (s) => {
        if (s === step) throw new Error(`injected at ${s}`);
      },
    });
    expect(result).toMatchObject({
      status: 'failed',
      error: { step, detail: `injected at ${step}` },
      rollback: { restored: true, reloaded: true, error: null },
    });
    expect(onDisk()).toBe(OLD);
    expect(daemon.info.DefaultRuntime).toBe('runc');
  });

  it('restores the backup when the engine does not take the reload', async () => {
    daemon.takesReloads = false;
    const result = await apply(NEW);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'verify-failed', step: 'verify', detail: expect.stringContaining('default runtime is "runc", not "runsc"') },
    });
    expect(result.status === 'failed' && result.rollback).toEqual({ restored: true, reloaded: true, error: null });
    expect(onDisk()).toBe(OLD);
    expect(daemon.reloads).toBe(2);
  });

  it('restores the backup when the engine has stopped, and says it could not reload', async () => {
    daemon.running = false;
    const result = await apply(NEW);
    expect(result).toMatchObject({
      status: 'failed',
      error: { code: 'engine-not-running', step: 'reload' },
      rollback: { restored: true, reloaded: false, error: { code: 'engine-not-running' } },
    });
    expect(onDisk()).toBe(OLD);
  });

  it('says so when the restore itself fails: the new file stays, whole', async () => {
    daemon.takesReloads = false;
    const result = await apply(NEW, {
      hook: (s) => {
        if (s === 'restore') throw new Error('disk gone');
      },
    });
    expect(result).toMatchObject({ status: 'failed', rollback: { restored: false, reloaded: false, error: { code: 'restore-failed', detail: 'disk gone' } } });
    expect(onDisk()).toBe(NEW);
  });

  describe('faults inside the file operations', () => {
    const failing = (overrides: Partial<FileOps>): FileOps => ({ ...nodeFileOps, ...overrides });

    it('a write that stops half-way (disk full) leaves the old file and no temporary file', async () => {
      const fs = failing({
        async writeNew(path, data, mode) {
          if (path.includes('silo-backup')) return nodeFileOps.writeNew(path, data, mode);
          writeFileSync(path, data.subarray(0, 10), { mode });
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      });
      const result = await apply(NEW, { fs });
      expect(result).toMatchObject({ status: 'failed', error: { code: 'write-failed', step: 'write' }, rollback: null });
      expect(onDisk()).toBe(OLD);
      expect(others()).toEqual(['daemon.json.silo-backup-2026-05-01T10-20-30-123Z']);
    });

    it('a rename that fails leaves the old file', async () => {
      const fs = failing({ rename: async (from, to) => (to === file ? Promise.reject(new Error('EIO')) : nodeFileOps.rename(from, to)) });
      expect(await apply(NEW, { fs })).toMatchObject({ status: 'failed', error: { code: 'write-failed' } });
      expect(onDisk()).toBe(OLD);
      expect(others()).toEqual(['daemon.json.silo-backup-2026-05-01T10-20-30-123Z']);
    });

    it('a backup that cannot be written stops everything', async () => {
      const fs = failing({ writeNew: async () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) });
      expect(await apply(NEW, { fs })).toMatchObject({ status: 'failed', error: { code: 'backup-failed', step: 'backup' } });
      expect(onDisk()).toBe(OLD);
    });

    it('a folder Silo may not write to asks for elevation, having written nothing', async () => {
      const denied = Object.assign(new Error("EACCES: permission denied, open '/etc/docker/.daemon.json.tmp'"), { code: 'EACCES' });
      const result = await apply(NEW, { fs: failing({ writeNew: async () => Promise.reject(denied) }) });
      expect(result).toEqual({
        status: 'needs-elevation',
        error: { code: 'config-permission-denied', step: 'backup', params: { file }, detail: denied.message },
        configFile: file,
        method: 'pkexec',
      });
      expect(onDisk()).toBe(OLD);
      expect(others()).toEqual([]);
    });
  });

  it('says which changed keys take effect only after a restart', async () => {
    const text =
      '{\n  "runtimes": {\n    "runsc": {\n      "path": "/usr/bin/runsc",\n      "runtimeArgs": ["--network=none"]\n    }\n  },\n  "debug": true,\n  "log-level": "warn"\n}\n';
    const result = await apply(text);
    expect(result).toMatchObject({ status: 'applied', needsRestart: ['log-level'] });
  });

  it('warns that removing default-runtime does not switch the engine back', async () => {
    writeFileSync(file, NEW);
    const result = await apply(OLD, {}, { acknowledged: ['default-runtime-weaker:runsc>runc'] });
    expect(result).toMatchObject({ status: 'applied', warnings: [expect.objectContaining({ code: 'default-runtime-removed', params: { runtime: 'runsc' } })] });
  });

  it('writes a new file where there was none, and removes it again on rollback', async () => {
    rmSync(file);
    daemon.takesReloads = false;
    const text = '{\n  "default-runtime": "io.containerd.runc.v2"\n}\n';
    const result = await apply(text);
    expect(result).toMatchObject({ status: 'failed', backupPath: null, rollback: { restored: true } });
    expect(readdirSync(dir)).toEqual([]);
    daemon.takesReloads = true;
    expect(await apply(text)).toMatchObject({ status: 'applied', backupPath: null });
    expect(onDisk()).toBe(text);
  });
});
