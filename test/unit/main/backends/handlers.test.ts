// The engine-settings calls through the real dispatch and handlers, with no engine: every argument
// refused by its schema before anything runs; which engines' daemon.json Silo can change, and why
// not (a dockerd laid out in a temporary /proc); a remote engine in use is not removed; Docker
// Desktop's backend switch with its progress to the page and its rollback, against files laid
// out as Desktop lays them out; WSL only on Windows.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileOps, type FileOps } from '../../../../src/main/backends/file-ops';
import type { BackendsContext } from '../../../../src/main/backends/context';
import { createBackends, openBackendsPage } from '../../../../src/main/backends/handlers';
import { createDispatch } from '../../../../src/main/host/dispatch';
import type { Handlers } from '../../../../src/shared/contract';
import type { RawInfo } from '../../../../src/shared/engine-api';
import type { EngineEndpoint } from '../../../../src/shared/model/engine';
import { sha256 } from '../../../../src/main/backends/daemon-apply-parts';
import { exit, recordingRunner, settingsText, windowsLayout, type Layout } from './desktop-layout';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'silo-bh-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** The machine's files, with /proc read from the temporary root (no real process is ever found or signalled). */
const procFs = (): FileOps => {
  const at = (path: string) => (path === '/proc' || path.startsWith('/proc/') ? join(root, path) : path);
  return {
    ...nodeFileOps,
    read: (p) => nodeFileOps.read(at(p)),
    list: (p) => nodeFileOps.list(at(p)),
    readLink: (p) => nodeFileOps.readLink(at(p)),
    stat: (p) => nodeFileOps.stat(at(p)),
  };
};

/** A dockerd in the temporary /proc, listening on `socket`, reading `configFile`. */
function dockerd(pid: number, socket: string, configFile: string): void {
  put('proc/net/unix', `Num       RefCount Protocol Flags    Type St Inode Path\n0000000000000000: 00000002 00000000 00010000 0001 01 4711 ${socket}\n`);
  put(`proc/${pid}/cmdline`, ['/usr/sbin/dockerd', '--config-file', configFile, '-H', `unix://${socket}`, '--iptables=false', ''].join('\0'));
  put(`proc/${pid}/stat`, `${pid} (dockerd) S 1 ${pid}`);
  mkdirSync(join(root, `proc/${pid}/fd`), { recursive: true });
  symlinkSync('socket:[4711]', join(root, `proc/${pid}/fd/3`));
}

const endpoint = (host: string, extra: Partial<EngineEndpoint> = {}): EngineEndpoint => ({
  id: host,
  name: host,
  host,
  source: 'probe',
  flavor: null,
  tls: false,
  active: false,
  ...extra,
});

interface Fixture {
  dispatch: ReturnType<typeof createDispatch>;
  events: Array<{ event: string; payload: unknown }>;
  reached: string[];
}

function setup(options: { endpoints?: EngineEndpoint[]; info?: (id: string) => RawInfo; context?: Partial<BackendsContext> } = {}): Fixture {
  const reached: string[] = [];
  const events: Fixture['events'] = [];
  const context: BackendsContext = {
    engine: {
      endpoints: () => options.endpoints ?? [],
      readInfo: async (id) => {
        reached.push(`info ${id}`);
        if (!options.info) throw new Error('connect ENOENT');
        return options.info(id);
      },
      refreshEndpoints: async () => {
        reached.push('refresh');
        return options.endpoints ?? [];
      },
      snapshot: () => ({ endpoint: null, connection: { phase: 'unreachable', error: null, apiVersion: null, attempt: 0, nextAttemptAt: null }, info: null }),
    },
    env: {},
    homeDir: root,
    platform: 'linux',
    runner: recordingRunner((argv) => {
      reached.push(`run ${argv.join(' ')}`);
      return exit(0);
    }),
    fs: procFs(),
    log: () => undefined,
    ...options.context,
  };
  const handlers = openBackendsPage(createBackends(context), (event, payload) => events.push({ event, payload }));
  return { dispatch: createDispatch(handlers as unknown as Handlers), events, reached };
}

const SHA = 'c'.repeat(64);
const UNIX = 'unix:///tmp/silo-unit/docker.sock';

describe('arguments refused before anything runs', () => {
  it.each([
    ['backends.daemon.read', { engine: 'file:///etc/docker/daemon.json' }, 'engine'],
    ['backends.daemon.apply', { engine: UNIX, text: '{}', baseSha256: 'ABC' }, 'baseSha256'],
    ['backends.daemon.apply', { engine: UNIX, text: 'x'.repeat(1_048_577), baseSha256: SHA }, 'text'],
    ['backends.daemon.apply', { engine: UNIX, text: '{}' }, 'baseSha256'],
    ['backends.daemon.apply', { engine: UNIX, text: '{}', baseSha256: SHA, acknowledged: 'cors-any:*' }, 'acknowledged'],
    ['backends.daemon.apply', { engine: UNIX, text: '{}', baseSha256: SHA, acknowledged: [''] }, 'acknowledged.0'],
    [
      'backends.daemon.applyElevated',
      { engine: UNIX, text: '{}', baseSha256: SHA, acknowledged: Array.from({ length: 65 }, (_, i) => `cors-origin:${i}`) },
      'acknowledged',
    ],
    ['backends.daemon.setDefaultRuntime', { engine: UNIX, runtime: 'runc', baseSha256: SHA, acknowledged: [7] }, 'acknowledged.0'],
    ['backends.daemon.setDefaultRuntime', { engine: UNIX, runtime: '--privileged', baseSha256: SHA }, 'runtime'],
    ['backends.daemon.setDefaultRuntime', { engine: UNIX, runtime: 'run sc', baseSha256: SHA }, 'runtime'],
    ['backends.daemon.setWindowsIsolation', { engine: UNIX, mode: 'default', baseSha256: SHA }, 'mode'],
    ['backends.desktop.switchBackend', { target: 'hyperv' }, 'dataDoesNotCarryOver'],
    ['backends.desktop.switchBackend', { target: 'hyperv', dataDoesNotCarryOver: false }, 'dataDoesNotCarryOver'],
    ['backends.desktop.switchContainers', { target: 'macos' }, 'target'],
    ['engines.addRemote', { name: 'a', host: 'tcp://h:2376' }, 'name'],
    ['engines.addRemote', { name: 'lab', host: 'http://h:2375' }, 'host'],
    ['engines.addRemote', { name: 'lab', host: 'tcp://h:2376', tls: { ca: 'x'.repeat(65_537) } }, 'tls.ca'],
    ['engines.addRemote', { name: 'lab', host: 'tcp://h:2376', tls: { password: 'x' } }, 'tls.password'],
    ['engines.removeRemote', { name: '../default' }, 'name'],
    ['backends.wsl.list', { all: true }, 'all'],
  ] as const)('%s %j: validation of %s', async (call, args, field) => {
    const { dispatch, reached } = setup();
    expect(await dispatch(call, args)).toMatchObject({ ok: false, error: { code: 'validation', field } });
    expect(reached).toEqual([]);
  });
});

describe("which engines' daemon.json Silo changes", () => {
  const read = async (fixture: Fixture, engine: string) => {
    const reply = await fixture.dispatch('backends.daemon.read', { engine });
    if (!reply.ok) throw new Error(reply.error.code);
    return reply.result;
  };

  it('not a remote engine, nor Docker Desktop’s, nor one whose dockerd it cannot see', async () => {
    const hosts = {
      tcp: endpoint('tcp://10.0.0.2:2376', { tls: true }),
      ssh: endpoint('ssh://me@lab'),
      desktopSocket: endpoint(`unix://${root}/.docker/desktop/docker.sock`, { flavor: 'docker-desktop' }),
      desktopPipe: endpoint('npipe:////./pipe/dockerDesktopLinuxEngine'),
      desktopInfo: endpoint('unix:///tmp/silo-unit/desktop.sock'),
      nobody: endpoint(UNIX),
    };
    const fixture = setup({
      endpoints: Object.values(hosts),
      info: (id) =>
        id === hosts.desktopInfo.id ? { OSType: 'linux', OperatingSystem: 'Docker Desktop', KernelVersion: '6.6.0-linuxkit' } : { OSType: 'linux' },
    });
    expect(await read(fixture, hosts.tcp.id)).toEqual({ editable: false, engine: hosts.tcp.id, reason: 'remote' });
    expect(await read(fixture, hosts.ssh.id)).toMatchObject({ reason: 'remote' });
    expect(await read(fixture, hosts.desktopSocket.id)).toMatchObject({ reason: 'docker-desktop' });
    expect(await read(fixture, hosts.desktopPipe.id)).toMatchObject({ reason: 'docker-desktop' });
    expect(await read(fixture, hosts.desktopInfo.id)).toMatchObject({ reason: 'docker-desktop' });
    expect(await read(fixture, hosts.nobody.id)).toMatchObject({ reason: 'not-found' });
    // A remote engine is never asked anything.
    expect(fixture.reached.filter((r) => r.includes('10.0.0.2') || r.includes('lab'))).toEqual([]);
    const apply = await fixture.dispatch('backends.daemon.apply', { engine: hosts.tcp.id, text: '{}', baseSha256: SHA });
    expect(apply).toMatchObject({ ok: false, error: { code: 'config-not-editable', params: { reason: 'remote' } } });
    expect(await fixture.dispatch('backends.daemon.read', { engine: 'unix:///not/discovered.sock' })).toMatchObject({
      ok: false,
      error: { code: 'no-engine' },
    });
  });

  it('a local dockerd found on its socket: its file, sha256 and command line; a check with binaries on disk', async () => {
    const configFile = join(root, 'etc', 'daemon.json');
    put('etc/daemon.json', '{\n  "debug": true\n}\n');
    dockerd(4242, '/tmp/silo-unit/docker.sock', configFile);
    const fixture = setup({
      endpoints: [endpoint(UNIX, { active: true })],
      info: () => ({ OSType: 'linux', OperatingSystem: 'Debian GNU/Linux 12 (bookworm)' }),
    });
    expect(await read(fixture, UNIX)).toEqual({
      editable: true,
      engine: UNIX,
      platform: 'linux',
      configFile,
      exists: true,
      text: '{\n  "debug": true\n}\n',
      sha256: sha256(readFileSync(configFile)),
      problems: [],
      commandLineFlags: ['config-file', 'H', 'iptables'],
      commandLineRuntimes: [],
      reload: 'signal',
    });
    const reply = await fixture.dispatch('backends.daemon.validate', {
      engine: UNIX,
      text: '{\n  "iptables": true,\n  "runtimes": {"kata": {"path": "/no/such/kata"}}\n}',
    });
    expect(reply).toMatchObject({
      ok: true,
      result: {
        problems: [
          expect.objectContaining({ code: 'flag-conflict', line: 2 }),
          expect.objectContaining({ code: 'runtime-path-missing', line: 3, params: { runtime: 'kata', path: '/no/such/kata' } }),
        ],
        changes: [
          { path: ['debug'], kind: 'removed', before: true },
          { path: ['iptables'], kind: 'added', after: true },
          { path: ['runtimes'], kind: 'added', after: { kata: { path: '/no/such/kata' } } },
        ],
      },
    });
  });

  it('a missing file reads as empty, its base the sha256 of nothing; a stale base is refused before anything runs', async () => {
    const configFile = join(root, 'etc', 'none.json');
    dockerd(4242, '/tmp/silo-unit/docker.sock', configFile);
    const fixture = setup({ endpoints: [endpoint(UNIX)], info: () => ({ OSType: 'linux' }) });
    expect(await read(fixture, UNIX)).toMatchObject({ editable: true, exists: false, text: '', sha256: sha256('') });
    const stale = await fixture.dispatch('backends.daemon.setDefaultRuntime', { engine: UNIX, runtime: 'runsc', baseSha256: SHA });
    expect(stale).toMatchObject({ ok: true, result: { status: 'refused', error: { code: 'config-changed-on-disk' } } });
    expect(fixture.events).toEqual([]);
  });
});

describe('engines', () => {
  it('does not remove the context Silo is using', async () => {
    const active = endpoint('ssh://me@lab', { name: 'lab', source: 'context', active: true });
    const fixture = setup({ endpoints: [active] });
    expect(await fixture.dispatch('engines.removeRemote', { name: 'lab' })).toMatchObject({
      ok: true,
      result: { status: 'refused', error: { code: 'context-in-use', params: { name: 'lab' } } },
    });
  });

  it('tells why an engine gave no default isolation', async () => {
    const fixture = setup({ endpoints: [endpoint(UNIX)] });
    expect(await fixture.dispatch('engines.describe', { id: UNIX })).toMatchObject({
      ok: true,
      result: { id: UNIX, defaultRuntime: null, error: { code: 'internal' } },
    });
  });
});

describe('Docker Desktop and WSL', () => {
  let layout: Layout;
  beforeEach(() => {
    layout = windowsLayout();
  });
  afterEach(() => layout.cleanup());

  const desktopFixture = (runner = recordingRunner()) => {
    const fixture = setup({
      context: {
        platform: 'win32',
        env: layout.environment.env,
        homeDir: layout.home,
        desktop: { path: layout.environment.path! },
        runner,
        fs: nodeFileOps,
        desktopWaitMs: 50,
      },
    });
    return { ...fixture, runner };
  };

  it('a backend switch whose engine never answers: the setting written, progress to the page, the old file put back', async () => {
    const original = settingsText();
    layout.write(layout.settingsStore, original);
    layout.write(layout.plugin, '');
    const { dispatch, events, runner } = desktopFixture();
    const reply = await dispatch('backends.desktop.switchBackend', { target: 'hyperv', dataDoesNotCarryOver: true });
    expect(reply).toMatchObject({ ok: true, result: { status: 'failed', error: { code: 'engine-wait-timeout' }, rollback: { restored: true } } });
    expect(readFileSync(layout.settingsStore, 'utf8')).toBe(original);
    const phases = events.filter((e) => e.event === 'backends.desktop.progress').map((e) => e.payload as { phase: string; operation: string; target: string });
    expect(phases.every((p) => p.operation === 'backend' && p.target === 'hyperv')).toBe(true);
    expect([...new Set(phases.map((p) => p.phase))]).toEqual(['writing', 'restarting', 'waiting', 'rolling-back']);
    expect(runner.calls.filter((argv) => argv.slice(1).join(' ') === 'desktop restart')).toHaveLength(2);
  });

  it('an administrator lock: shown as locked, and the switch refused with the file untouched', async () => {
    layout.write(layout.settingsStore, settingsText());
    layout.write(layout.adminSettings, JSON.stringify({ configurationFileVersion: 2, linuxVM: { wslEngineEnabled: { locked: true, value: true } } }));
    const { dispatch, runner } = desktopFixture();
    expect(await dispatch('backends.desktop.state', {})).toMatchObject({
      ok: true,
      result: { installed: true, backend: { current: 'wsl2', locked: true, offered: false, unavailable: 'locked' } },
    });
    expect(await dispatch('backends.desktop.switchBackend', { target: 'hyperv', dataDoesNotCarryOver: true })).toMatchObject({
      ok: true,
      result: { status: 'refused', error: { code: 'setting-locked' } },
    });
    expect(readFileSync(layout.settingsStore, 'utf8')).toBe(settingsText());
    expect(runner.calls.some((argv) => argv.includes('restart'))).toBe(false);
  });

  it('lists WSL distributions on Windows (UTF-16LE from wsl.exe) with Docker integration; on Linux runs nothing', async () => {
    layout.write(layout.settingsStore, settingsText());
    const listing = Buffer.from(
      '  NAME              STATE           VERSION\r\n* Debian            Running         2\r\n  docker-desktop    Running         2\r\n  Ubuntu            Stopped         1\r\n',
      'utf16le',
    );
    const { dispatch } = desktopFixture(recordingRunner((argv) => (argv[0]?.endsWith('wsl.exe') ? exit(0, listing) : exit(0))));
    const reply = await dispatch('backends.wsl.list', {});
    expect(reply).toMatchObject({
      ok: true,
      result: {
        available: true,
        integrationKnown: true,
        distros: [
          { name: 'Debian', state: 'running', version: 2, isDefault: true, dockerIntegration: true, dockerInternal: false },
          { name: 'docker-desktop', dockerInternal: true, dockerIntegration: false },
          { name: 'Ubuntu', state: 'stopped', version: 1, dockerIntegration: false },
        ],
      },
    });
    const linux = setup();
    expect(await linux.dispatch('backends.wsl.list', {})).toEqual({
      ok: true,
      result: { available: false, distros: [], message: null, integrationKnown: false },
    });
    expect(linux.reached).toEqual([]);
  });
});
