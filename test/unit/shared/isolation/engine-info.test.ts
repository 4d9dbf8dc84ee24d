import { describe, expect, it } from 'vitest';
import type { RawInfo } from '../../../../src/shared/engine-api';
import { detectEngineKind, parseHardening, toEngineInfo, windowsDefaultIsolation, windowsHostBuild } from '../../../../src/shared/isolation';
import { loadInfo } from './load';

describe('recorded engines (test/fixtures/engine-info)', () => {
  it('Windows Server 2022: process by default, both modes listed, build 20348', () => {
    const raw = loadInfo('windows-server-2022');
    expect(detectEngineKind(raw)).toBe('windows-server');
    expect(windowsHostBuild(raw)).toBe(20348);
    const info = toEngineInfo(raw);
    expect(info).toMatchObject({
      osType: 'windows',
      kind: 'windows-server',
      name: 'WIN-V0V70C0LU5P',
      serverVersion: '23.0.3',
      hostBuild: 20348,
      defaultIsolation: 'process',
      defaultRuntime: null,
      containers: { total: 1, running: 0, paused: 0, stopped: 1 },
      images: 17,
      warnings: [],
    });
    expect(info.runtimes).toEqual([
      { name: 'process', path: null, runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true },
      { name: 'hyperv', path: null, runtimeType: null, args: [], rung: 'virtual-machine', isDefault: false },
    ]);
    expect(info.hardening).toEqual({
      rootless: false,
      userns: false,
      seccompProfile: null,
      apparmor: false,
      selinux: false,
      cgroupns: false,
      noNewPrivileges: false,
      cgroupVersion: null,
    });
  });

  it('Docker Desktop on WSL 2: its kind, runc default, seccomp unconfined, cgroup v1', () => {
    const raw = loadInfo('docker-desktop-wsl2');
    expect(detectEngineKind(raw)).toBe('docker-desktop-wsl2');
    expect(windowsHostBuild(raw)).toBeNull();
    const info = toEngineInfo(raw);
    expect(info.kind).toBe('docker-desktop-wsl2');
    expect(info.osType).toBe('linux');
    expect(info.defaultIsolation).toBeNull();
    expect(info.defaultRuntime).toBe('runc');
    expect(info.hostBuild).toBeNull();
    expect(info.runtimes).toEqual([
      { name: 'io.containerd.runc.v2', path: 'runc', runtimeType: null, args: [], rung: 'shared-kernel', isDefault: false, aliasOf: 'runc' },
      { name: 'runc', path: 'runc', runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true },
    ]);
    expect(info.hardening.seccompProfile).toBe('unconfined');
    expect(info.hardening.cgroupVersion).toBe('1');
  });

  it('CentOS 7 with gVisor: runsc on the user-space-kernel rung, docker-runc on the shared kernel', () => {
    const raw = loadInfo('linux-gvisor-centos7');
    expect(detectEngineKind(raw)).toBe('native-linux');
    const info = toEngineInfo(raw);
    expect(info.runtimes.map((r) => [r.name, r.path, r.rung, r.isDefault])).toEqual([
      ['runc', 'docker-runc', 'shared-kernel', true],
      ['runsc', '/usr/local/bin/runsc', 'user-space-kernel', false],
    ]);
    expect(info.hardening.seccompProfile).toBe('default');
    expect(info.hardening.cgroupVersion).toBeNull();
    expect(info.containers).toEqual({ total: 39, running: 22, paused: 0, stopped: 17 });
  });
});

describe('detectEngineKind', () => {
  it.each<[RawInfo, string]>([
    [{ OSType: 'linux', OperatingSystem: 'Debian GNU/Linux 12 (bookworm)', KernelVersion: '6.1.0-18-amd64' }, 'native-linux'],
    [{ OSType: 'linux', OperatingSystem: 'Docker Desktop', KernelVersion: '5.15.153.1-microsoft-standard-WSL2' }, 'docker-desktop-wsl2'],
    [{ OSType: 'linux', OperatingSystem: 'Docker Desktop', KernelVersion: '6.6.12-linuxkit' }, 'linuxkit-vm'],
    // Docker Desktop's Hyper-V backend, or a kernel string that does not say.
    [{ OSType: 'linux', OperatingSystem: 'Docker Desktop', KernelVersion: '5.10.0' }, 'linuxkit-vm'],
    [{ OSType: 'linux', OperatingSystem: 'Alpine Linux v3.19', KernelVersion: '6.6.12-linuxkit' }, 'linuxkit-vm'],
    // dockerd installed by hand inside a WSL distribution: a Linux engine the person runs.
    [{ OSType: 'linux', OperatingSystem: 'Ubuntu 22.04.4 LTS', KernelVersion: '5.15.153.1-microsoft-standard-WSL2' }, 'native-linux'],
    [{ OSType: 'windows', OperatingSystem: 'Windows Server 2019 Datacenter Version 1809 (OS Build 17763.5458)' }, 'windows-server'],
    [{ OSType: 'windows', OperatingSystem: 'Microsoft Windows 11 Pro Version 23H2 (OS Build 22631.3296)' }, 'windows-client'],
    [{ OSType: 'Windows', OperatingSystem: 'Microsoft Windows 10 Enterprise Version 2009 (OS Build 19045.4170)' }, 'windows-client'],
    [{ OSType: 'windows' }, 'windows-client'],
    // Podman 4.3's Docker-compatible /info, as it answers on Debian 12.
    [{ OSType: 'linux', OperatingSystem: 'debian', KernelVersion: '6.1.0-18-amd64', ServerVersion: '4.3.1', BuildahVersion: '1.28.2' }, 'podman'],
    [{}, 'unknown'],
    [{ OSType: 'freebsd' }, 'unknown'],
  ])('%j → %s', (raw, kind) => {
    expect(detectEngineKind(raw)).toBe(kind);
  });
});

describe('parseHardening', () => {
  it('reads every SecurityOptions entry', () => {
    const h = parseHardening({
      SecurityOptions: [
        'name=apparmor',
        'name=seccomp,profile=builtin',
        'name=selinux',
        'name=userns',
        'name=rootless',
        'name=cgroupns',
        'name=no-new-privileges',
      ],
      CgroupVersion: '2',
    });
    expect(h).toEqual({
      rootless: true,
      userns: true,
      seccompProfile: 'builtin',
      apparmor: true,
      selinux: true,
      cgroupns: true,
      noNewPrivileges: true,
      cgroupVersion: '2',
    });
  });

  it('keeps a custom seccomp profile path as written', () => {
    expect(parseHardening({ SecurityOptions: ['name=seccomp,profile=/etc/docker/seccomp.json'] }).seccompProfile).toBe('/etc/docker/seccomp.json');
  });

  it('understands the bare entries of engines before 1.13', () => {
    const h = parseHardening({ SecurityOptions: ['apparmor', 'seccomp'] });
    expect(h.apparmor).toBe(true);
    expect(h.seccompProfile).toBe('default');
  });

  it('survives null, missing and odd values', () => {
    const none = parseHardening({});
    expect(none.seccompProfile).toBeNull();
    expect(none.cgroupVersion).toBeNull();
    expect(parseHardening({ SecurityOptions: null, CgroupVersion: '' }).cgroupVersion).toBeNull();
    expect(parseHardening({ SecurityOptions: ['', 'name=', 'name=unheard-of,x=y'] }).rootless).toBe(false);
  });
});

describe('windowsHostBuild', () => {
  it('reads KernelVersion, then OSVersion, then OperatingSystem', () => {
    expect(windowsHostBuild({ OSType: 'windows', KernelVersion: '10.0 17763 (17763.1.amd64fre.rs5_release.180914-1434)' })).toBe(17763);
    expect(windowsHostBuild({ OSType: 'windows', OSVersion: '10.0.22631' })).toBe(22631);
    expect(windowsHostBuild({ OSType: 'windows', KernelVersion: '', OperatingSystem: 'Microsoft Windows 11 Pro Version 23H2 (OS Build 22631.3296)' })).toBe(
      22631,
    );
    expect(windowsHostBuild({ OSType: 'windows' })).toBeNull();
  });

  it('is null on Linux', () => {
    expect(windowsHostBuild(loadInfo('docker-desktop-wsl2'))).toBeNull();
    expect(windowsHostBuild({ OSType: 'linux', KernelVersion: '10.0 20348 (x)' })).toBeNull();
  });
});

describe('toEngineInfo: edge cases', () => {
  it('Windows client with Isolation "" defaults to hyperv', () => {
    const info = toEngineInfo({
      OSType: 'windows',
      OperatingSystem: 'Microsoft Windows 11 Pro Version 23H2 (OS Build 22631.3296)',
      KernelVersion: '10.0 22631 (22631.1.amd64fre.ni_release.220506-1250)',
      Isolation: '',
    });
    expect(info.kind).toBe('windows-client');
    expect(info.defaultIsolation).toBe('hyperv');
    expect(info.hostBuild).toBe(22631);
    expect(info.runtimes.find((r) => r.isDefault)?.name).toBe('hyperv');
  });

  it.each([
    ['default', 'windows-server', 'process'],
    ['default', 'windows-client', 'hyperv'],
    ['', 'windows-server', 'process'],
    ['HyperV', 'windows-server', 'hyperv'],
    ['Process', 'windows-client', 'process'],
    ['PROCESS', 'windows-server', 'process'],
    [undefined, 'windows-server', 'process'],
  ] as const)('Isolation %j on %s → %s', (isolation, kind, expected) => {
    const raw: RawInfo = {
      OSType: 'windows',
      OperatingSystem: kind === 'windows-server' ? 'Microsoft Windows Server Version 21H2' : 'Microsoft Windows 10 Pro',
      Isolation: isolation,
    };
    expect(windowsDefaultIsolation(raw)).toBe(expected);
    const info = toEngineInfo(raw);
    expect(info.defaultIsolation).toBe(expected);
    expect(info.runtimes.filter((r) => r.isDefault).map((r) => r.name)).toEqual([expected]);
  });

  it('an unrecognised Windows default is not guessed', () => {
    const info = toEngineInfo({ OSType: 'windows', OperatingSystem: 'Windows Server', Isolation: 'sandbox' });
    expect(info.defaultIsolation).toBeNull();
    expect(info.runtimes.some((r) => r.isDefault)).toBe(false);
  });

  it('Podman-like info: no Runtimes, no DefaultRuntime, no SecurityOptions', () => {
    const info = toEngineInfo({
      OSType: 'linux',
      OperatingSystem: 'fedora',
      KernelVersion: '6.8.5-301.fc40.x86_64',
      ServerVersion: '5.0.2',
      Runtimes: null,
      SecurityOptions: null,
      Warnings: null,
      Labels: null,
    });
    expect(info.kind).toBe('native-linux');
    expect(info.runtimes).toEqual([]);
    expect(info.defaultRuntime).toBeNull();
    expect(info.hardening.seccompProfile).toBeNull();
    expect(info.warnings).toEqual([]);
    expect(info.containers).toEqual({ total: 0, running: 0, paused: 0, stopped: 0 });
  });

  it('an empty object does not crash', () => {
    const info = toEngineInfo({});
    expect(info.osType).toBe('unknown');
    expect(info.kind).toBe('unknown');
    expect(info.name).toBe('');
    expect(info.runtimes).toEqual([]);
    expect(info.hostBuild).toBeNull();
  });

  it('a default runtime the engine does not list is still shown', () => {
    const info = toEngineInfo({ OSType: 'linux', DefaultRuntime: 'crun', Runtimes: null });
    expect(info.runtimes).toEqual([{ name: 'crun', path: null, runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true }]);
  });

  it('crun, kata by runtimeType, sysbox and an unknown runtime, each on its rung', () => {
    const info = toEngineInfo({
      OSType: 'linux',
      DefaultRuntime: 'crun',
      Runtimes: {
        crun: { path: '/usr/bin/crun' },
        kata: { runtimeType: 'io.containerd.kata.v2', options: { ConfigPath: '/etc/kata/configuration.toml' } },
        'sysbox-runc': { path: '/usr/bin/sysbox-runc' },
        runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] },
        mystery: { path: '/opt/mystery' },
      },
      Warnings: ['WARNING: bridge-nf-call-iptables is disabled'],
    });
    expect(info.runtimes).toEqual([
      { name: 'crun', path: '/usr/bin/crun', runtimeType: null, args: [], rung: 'shared-kernel', isDefault: true },
      { name: 'kata', path: null, runtimeType: 'io.containerd.kata.v2', args: [], rung: 'virtual-machine', isDefault: false },
      { name: 'sysbox-runc', path: '/usr/bin/sysbox-runc', runtimeType: null, args: [], rung: 'user-namespaced', isDefault: false },
      { name: 'runsc', path: '/usr/bin/runsc', runtimeType: null, args: ['--network=none'], rung: 'user-space-kernel', isDefault: false },
      { name: 'mystery', path: '/opt/mystery', runtimeType: null, args: [], rung: 'unknown', isDefault: false },
    ]);
    expect(info.warnings).toEqual(['WARNING: bridge-nf-call-iptables is disabled']);
  });
});
