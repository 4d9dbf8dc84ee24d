import { describe, expect, it } from 'vitest';
import { resolveIsolation, toEngineInfo } from '../../../../src/shared/isolation';
import { loadInfo } from './load';

const server = toEngineInfo(loadInfo('windows-server-2022'));
const client = toEngineInfo({ OSType: 'windows', OperatingSystem: 'Microsoft Windows 11 Pro', Isolation: '' });
const desktop = toEngineInfo(loadInfo('docker-desktop-wsl2'));
const gvisor = toEngineInfo(loadInfo('linux-gvisor-centos7'));

describe('resolveIsolation on Windows', () => {
  it.each([
    ['process', 'process', 'shared-kernel'],
    ['hyperv', 'hyperv', 'virtual-machine'],
    ['HyperV', 'hyperv', 'virtual-machine'],
    ['Process', 'process', 'shared-kernel'],
  ] as const)('HostConfig.Isolation %j → %s (container)', (asked, mode, rung) => {
    expect(resolveIsolation({ Isolation: asked }, server)).toEqual({ mode, rung, source: 'container' });
  });

  it.each(['', 'default', 'Default', undefined])('%j falls back to the daemon default', (asked) => {
    expect(resolveIsolation({ Isolation: asked }, server)).toEqual({ mode: 'process', rung: 'shared-kernel', source: 'daemon-default' });
    expect(resolveIsolation({ Isolation: asked }, client)).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'daemon-default' });
  });

  it('no HostConfig at all is the daemon default', () => {
    expect(resolveIsolation(undefined, server)).toEqual({ mode: 'process', rung: 'shared-kernel', source: 'daemon-default' });
  });

  it('keeps an unknown mode by its name, rung unknown', () => {
    expect(resolveIsolation({ Isolation: 'sandbox' }, server)).toEqual({ mode: 'sandbox', rung: 'unknown', source: 'container' });
  });

  it('an unknown daemon default stays unknown', () => {
    const odd = toEngineInfo({ OSType: 'windows', Isolation: 'weird' });
    expect(resolveIsolation({ Isolation: '' }, odd)).toEqual({ mode: 'default', rung: 'unknown', source: 'daemon-default' });
  });
});

describe('resolveIsolation on Linux', () => {
  it('an empty Runtime is the engine default', () => {
    expect(resolveIsolation({ Runtime: '' }, desktop)).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'daemon-default' });
    expect(resolveIsolation({}, gvisor)).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'daemon-default' });
  });

  it('a named runtime takes the rung the engine lists for it', () => {
    expect(resolveIsolation({ Runtime: 'runsc' }, gvisor)).toEqual({ mode: 'runsc', rung: 'user-space-kernel', source: 'container' });
    expect(resolveIsolation({ Runtime: 'runc' }, gvisor)).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'container' });
  });

  it('the engine listing wins over the name (a runtime named runc that runs runsc)', () => {
    const info = toEngineInfo({ OSType: 'linux', DefaultRuntime: 'safe', Runtimes: { safe: { path: '/usr/bin/runsc' } } });
    expect(resolveIsolation({ Runtime: 'safe' }, info)).toEqual({ mode: 'safe', rung: 'user-space-kernel', source: 'container' });
    expect(resolveIsolation(undefined, info)).toEqual({ mode: 'safe', rung: 'user-space-kernel', source: 'daemon-default' });
  });

  it('an unlisted runtime is classified by name, or unknown', () => {
    expect(resolveIsolation({ Runtime: 'io.containerd.kata.v2' }, desktop).rung).toBe('virtual-machine');
    expect(resolveIsolation({ Runtime: 'nvidia' }, desktop)).toEqual({ mode: 'nvidia', rung: 'unknown', source: 'container' });
  });

  it('Isolation is ignored on Linux (it only supports default)', () => {
    expect(resolveIsolation({ Isolation: 'hyperv', Runtime: 'runc' }, desktop)).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'container' });
  });

  it('Podman-like info with no default runtime: unknown, not guessed', () => {
    const podman = toEngineInfo({ OSType: 'linux', Runtimes: null });
    expect(resolveIsolation({}, podman)).toEqual({ mode: 'default', rung: 'unknown', source: 'daemon-default' });
  });
});
