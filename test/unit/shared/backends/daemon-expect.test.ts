// What GET /info must show after a reload, against recorded answers, and dockerd's argv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithInfo, expectedEngineState, parseDaemonArgs, splitCmdline } from '../../../../src/shared/backends';
import type { RawInfo } from '../../../../src/shared/engine-api';

const fixture = (name: string): RawInfo => JSON.parse(readFileSync(join(__dirname, '../../../fixtures/engine-info', name), 'utf8')) as RawInfo;

describe('expectedEngineState and compareWithInfo', () => {
  const runsc = { runtimes: { runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] } } };

  it('expects the default runtime and every runtime with its path and arguments', () => {
    const expected = expectedEngineState({ ...runsc, 'default-runtime': 'runsc' }, runsc, 'linux');
    expect(expected).toEqual({
      defaultRuntime: 'runsc',
      runtimes: { runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] } },
      absentRuntimes: [],
      isolation: null,
    });
    const info: RawInfo = { DefaultRuntime: 'runc', Runtimes: { runc: { path: 'runc' }, runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] } } };
    expect(compareWithInfo(expected, info)).toEqual(['default runtime is "runc", not "runsc"']);
    expect(compareWithInfo(expected, { ...info, DefaultRuntime: 'runsc' })).toEqual([]);
  });

  it('expects nothing of the default when the file does not set it (a reload keeps the old one)', () => {
    expect(expectedEngineState({}, null, 'linux').defaultRuntime).toBeNull();
  });

  it('expects a dropped runtime to be gone, and an argument change to show', () => {
    const expected = expectedEngineState(
      { runtimes: { runsc: { path: '/usr/bin/runsc' } } },
      { runtimes: { runsc: { path: '/usr/bin/runsc' }, kata: { path: '/k' } } },
      'linux',
    );
    expect(expected.absentRuntimes).toEqual(['kata']);
    const info: RawInfo = { Runtimes: { runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--debug'] }, kata: { path: '/k' } } };
    expect(compareWithInfo(expected, info)).toEqual(['runtime "runsc" has other arguments', 'runtime "kata" is still registered']);
  });

  it('reads the recorded gVisor engine as matching its own runtimes', () => {
    const info = fixture('linux-gvisor-centos7.json');
    const runtimes = Object.fromEntries(Object.entries(info.Runtimes ?? {}).filter(([name]) => name !== 'runc'));
    const expected = expectedEngineState({ runtimes: runtimes as never, 'default-runtime': info.DefaultRuntime ?? 'runc' }, null, 'linux');
    expect(compareWithInfo(expected, info)).toEqual([]);
  });

  it('expects the Windows default isolation from exec-opts (the last entry wins)', () => {
    const expected = expectedEngineState({ 'exec-opts': ['isolation=hyperv', 'isolation=Process'] }, null, 'windows');
    expect(expected.isolation).toBe('process');
    expect(compareWithInfo(expected, fixture('windows-server-2022.json'))).toEqual([]);
    expect(compareWithInfo(expectedEngineState({ 'exec-opts': ['isolation=hyperv'] }, null, 'windows'), fixture('windows-server-2022.json'))).toEqual([
      'default isolation is "process", not "hyperv"',
    ]);
  });
});

describe('parseDaemonArgs', () => {
  it('reads the test engine’s command line', () => {
    const argv = splitCmdline(
      'dockerd\0--data-root\0/tmp/e/data\0--exec-root\0/tmp/e/exec\0--pidfile\0/tmp/e/dockerd.pid\0-H\0unix:///tmp/e/docker.sock\0--config-file\0/tmp/e/daemon.json\0--iptables=false\0--ip6tables=false\0--bridge=none\0--storage-driver=vfs\0',
    );
    const args = parseDaemonArgs(argv.slice(1));
    expect(args).toEqual({
      flags: ['data-root', 'exec-root', 'pidfile', 'H', 'config-file', 'iptables', 'ip6tables', 'bridge', 'storage-driver'],
      configFile: '/tmp/e/daemon.json',
      pidFile: '/tmp/e/dockerd.pid',
      addedRuntimes: [],
      hosts: ['unix:///tmp/e/docker.sock'],
    });
  });

  it('knows boolean flags take no value, and reads --add-runtime names', () => {
    const args = parseDaemonArgs(['--debug', '--add-runtime', 'runsc=/usr/bin/runsc', '--live-restore', '-p/run/d.pid']);
    expect(args.flags).toEqual(['debug', 'add-runtime', 'live-restore', 'p']);
    expect(args.addedRuntimes).toEqual(['runsc']);
    expect(args.pidFile).toBe('/run/d.pid');
    expect(args.hosts).toEqual(['unix:///var/run/docker.sock']);
  });
});
