// An engine's daemon.json through Silo's own calls, as the Settings view makes them, against a
// private engine of this file's own: read (found through /proc from the engine's socket), check,
// the default runtime changed on the sha256 it was read with (progress steps to the page), a
// stale base or a bad file refused with the file byte for byte as it was, and back.
import { existsSync, readFileSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/main/backends/daemon-apply-parts';
import { setDefaultRuntime } from '../../../src/shared/backends';
import type { DaemonRead } from '../../../src/shared/model/backends';
import { TEST_IMAGE, TestEngine } from '../../support/test-engine';
import { openSilo, type SiloPage } from './silo-hub';

const engine = new TestEngine();
let silo: SiloPage;
let original: Buffer;

beforeAll(async () => {
  await engine.start();
  original = readFileSync(engine.configFile);
  silo = await openSilo({ env: { DOCKER_HOST: engine.dockerHost }, homeDir: engine.dir });
});
afterAll(async () => {
  await silo?.close();
  await engine.destroy();
});

const uname = () => engine.docker(['run', '--rm', '--network', 'none', TEST_IMAGE, 'uname', '-r']);
const read = async () => (await silo.call('backends.daemon.read', { engine: engine.dockerHost })) as Extract<DaemonRead, { editable: true }>;

describe('daemonConfig calls on a local engine', () => {
  it('reads the file the engine was started with, its sha256, and the engine’s command line', async () => {
    const file = await read();
    expect(file).toMatchObject({
      editable: true,
      platform: 'linux',
      configFile: engine.configFile,
      exists: true,
      text: original.toString('utf8'),
      sha256: sha256(original),
      problems: [],
      reload: 'signal',
    });
    expect(file.commandLineFlags).toEqual(expect.arrayContaining(['iptables', 'storage-driver', 'config-file', 'H']));
  });

  it('checks a text with the on-disk runtime binaries and the command line, and shows what would change', async () => {
    const text = '{\n  "iptables": true,\n  "runtimes": {"kata": {"path": "/usr/bin/no-such-kata"}}\n}\n';
    const checked = await silo.call('backends.daemon.validate', { engine: engine.dockerHost, text });
    expect(checked.problems.map((p) => [p.code, p.line])).toEqual([
      ['flag-conflict', 2],
      ['runtime-path-missing', 3],
    ]);
    expect(checked.changes).toEqual(
      expect.arrayContaining([
        { path: ['iptables'], kind: 'added', after: true },
        { path: ['runtimes', 'runsc'], kind: 'removed', before: expect.any(Object) },
      ]),
    );
  });

  it('refuses a change on a stale base, and a bad file, before anything is written', async () => {
    const stale = await silo.call('backends.daemon.setDefaultRuntime', { engine: engine.dockerHost, runtime: 'runsc', baseSha256: '0'.repeat(64) });
    expect(stale).toMatchObject({ status: 'refused', error: { code: 'config-changed-on-disk' } });
    const { sha256: base } = await read();
    const broken = await silo.call('backends.daemon.apply', { engine: engine.dockerHost, text: '{"default-runtime": "runsc",}', baseSha256: base });
    expect(broken).toMatchObject({ status: 'refused', error: { code: 'config-invalid' }, problems: [expect.objectContaining({ code: 'syntax', line: 1 })] });
    const unknown = await silo.call('backends.daemon.setDefaultRuntime', { engine: engine.dockerHost, runtime: 'kata', baseSha256: base });
    expect(unknown).toMatchObject({ status: 'refused', problems: [expect.objectContaining({ code: 'default-runtime-unknown' })] });
    expect(readFileSync(engine.configFile).equals(original)).toBe(true);
  });

  it('makes gVisor the default with progress to the page, the engine view follows, and back to runc', async () => {
    expect(await uname()).toBe(release());
    const before = silo.eventsOf('backends.daemon.progress').length;
    const applied = await silo.call('backends.daemon.setDefaultRuntime', { engine: engine.dockerHost, runtime: 'runsc', baseSha256: (await read()).sha256 });
    expect(applied).toMatchObject({ status: 'applied', changes: [{ path: ['default-runtime'], kind: 'added', after: 'runsc' }], needsRestart: [] });
    expect(
      silo
        .eventsOf('backends.daemon.progress')
        .slice(before)
        .map((p) => p.step),
    ).toEqual(['validate', 'backup', 'write', 'reload', 'verify']);
    await expect.poll(() => silo.manager.snapshot().info?.defaultRuntime).toBe('runsc');
    expect(await uname()).toBe('4.4.0');
    expect(await silo.call('engines.describe', { id: engine.dockerHost })).toMatchObject({ defaultRuntime: 'runsc', rung: 'user-space-kernel' });

    const now = await read();
    const runc = setDefaultRuntime(now.text, 'runc');
    // gVisor → runc is a weaker boundary: refused until acknowledged, then applied.
    const unacknowledged = await silo.call('backends.daemon.apply', { engine: engine.dockerHost, text: runc, baseSha256: now.sha256 });
    expect(unacknowledged).toMatchObject({
      status: 'refused',
      error: { code: 'weakening-not-acknowledged' },
      weakenings: [{ id: 'default-runtime-weaker:runsc>runc' }],
    });
    const back = await silo.call('backends.daemon.apply', {
      engine: engine.dockerHost,
      text: runc,
      baseSha256: now.sha256,
      acknowledged: ['default-runtime-weaker:runsc>runc'],
    });
    expect(back).toMatchObject({ status: 'applied', changes: [{ path: ['default-runtime'], kind: 'changed', before: 'runsc', after: 'runc' }] });
    await expect.poll(() => silo.manager.snapshot().info?.defaultRuntime).toBe('runc');
    expect(await uname()).toBe(release());
  });

  it.skipIf(existsSync('/usr/bin/pkexec'))('asked for an elevated apply where pkexec is missing, says so and writes nothing', async () => {
    const file = await read();
    const result = await silo.call('backends.daemon.applyElevated', {
      engine: engine.dockerHost,
      text: setDefaultRuntime(file.text, 'runsc'),
      baseSha256: file.sha256,
    });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'elevation-unavailable' } });
    expect(readFileSync(engine.configFile, 'utf8')).toBe(file.text);
  });

  it('refuses an engine it does not know, and a runtime for a Windows-only call', async () => {
    expect(await silo.failure('backends.daemon.read', { engine: 'unix:///no/such.sock' })).toMatchObject({ code: 'no-engine' });
    const file = await read();
    expect(await silo.failure('backends.daemon.setWindowsIsolation', { engine: engine.dockerHost, mode: 'process', baseSha256: file.sha256 })).toMatchObject({
      code: 'invalid-isolation',
    });
  });
});
