// gVisor limits a container would meet under runsc, and the runtimes an engine offers for a move.
import { describe, expect, it } from 'vitest';
import { gvisorLimits, moveTargets, runtimeFlags, type GvisorLimitCode } from '../../../../src/shared/isolation/gvisor-limits';
import { toEngineInfo } from '../../../../src/shared/isolation/engine-info';
import type { RawInfo } from '../../../../src/shared/engine-api';
import { clone, loadInfo, loadInspect, loadJson } from './load';

const codes = (limits: Array<{ code: GvisorLimitCode }>): GvisorLimitCode[] => limits.map((l) => l.code);
const testEngine = toEngineInfo(loadJson<RawInfo>('recreate/engine-info.json'));
const runscHere = testEngine.runtimes.find((r) => r.name === 'runsc');
const plainRunsc = { args: [] as string[] };

describe('runtime flags', () => {
  it('reads --name=value, --name value and bare booleans', () => {
    const flags = runtimeFlags(['--network=none', '--net-raw', '--host-uds', 'open', '--nvproxy=false', 'stray']);
    expect(Object.fromEntries(flags)).toEqual({ network: 'none', 'net-raw': 'true', 'host-uds': 'open', nvproxy: 'false' });
  });

  it('the test engine registers runsc with --network=none', () => {
    expect(runscHere?.args).toEqual(['--network=none']);
  });
});

describe('web on a user-defined network, moved to runsc', () => {
  const web = loadInspect('web');

  it('under plain runsc: name DNS, network tools, and the informative notes', () => {
    const limits = gvisorLimits(web, plainRunsc);
    expect(codes(limits)).toEqual([
      'container-name-dns',
      'docker-cp-cache',
      'live-update-fails',
      'tmp-in-sandbox-memory',
      'rootfs-overlay',
      'partial-network-tools',
    ]);
    expect(limits[0]).toEqual({ code: 'container-name-dns', severity: 'warns', params: { networks: 'silo-back, silo-front', aliases: 'backalias, webalias' } });
  });

  it('under the test engine’s runsc (--network=none): the network is cut, DNS is moot', () => {
    const limits = gvisorLimits(web, runscHere);
    expect(limits[0]).toEqual({ code: 'runtime-network-none', severity: 'warns', params: { networkMode: 'silo-front' } });
    expect(codes(limits)).not.toContain('container-name-dns');
    expect(codes(limits)).not.toContain('partial-network-tools');
  });

  it('--network=host passthrough resolves names; --overlay2=none keeps root writes on the host', () => {
    const limits = codes(gvisorLimits(web, { runtimeArgs: ['--network=host', '--overlay2=none'] }));
    expect(limits).not.toContain('container-name-dns');
    expect(limits).not.toContain('rootfs-overlay');
  });

  it('an alias alone counts, the engine’s short-id alias does not', () => {
    const lone = clone(web);
    lone.HostConfig.NetworkMode = 'bridge';
    lone.NetworkSettings = { Networks: { bridge: { Aliases: [web.Id.slice(0, 12)] } } };
    expect(codes(gvisorLimits(lone, plainRunsc))).not.toContain('container-name-dns');
    lone.NetworkSettings.Networks!['bridge']!.Aliases = ['db'];
    expect(codes(gvisorLimits(lone, plainRunsc))).toContain('container-name-dns');
  });
});

describe('worker: no network, NET_RAW, a device', () => {
  const worker = loadInspect('worker');

  it('raw sockets and the device, but nothing about networks', () => {
    const limits = gvisorLimits(worker, plainRunsc);
    expect(limits.slice(0, 2)).toEqual([
      { code: 'raw-sockets', severity: 'warns', params: { reason: 'cap-net_raw' } },
      { code: 'devices-not-passed', severity: 'warns', params: { devices: '/dev/xnull' } },
    ]);
    expect(codes(limits)).not.toContain('partial-network-tools');
    expect(codes(limits)).not.toContain('runtime-network-none');
  });

  it('runsc --net-raw allows raw sockets', () => {
    expect(codes(gvisorLimits(worker, { args: ['--net-raw'] }))).not.toContain('raw-sockets');
  });
});

describe('settings that hit harder limits', () => {
  const base = loadInspect('worker');
  const withHost = (change: (c: ReturnType<typeof clone<typeof base>>) => void) => {
    const c = clone(base);
    change(c);
    return gvisorLimits(c, plainRunsc);
  };

  it('host networking blocks under runsc’s own network stack, and allows raw sockets in the host stack', () => {
    const limits = withHost((c) => (c.HostConfig.NetworkMode = 'host'));
    expect(limits[0]).toEqual({ code: 'host-network', severity: 'blocks', params: {} });
    expect(codes(gvisorLimits({ ...clone(base), HostConfig: { ...base.HostConfig, NetworkMode: 'host' } }, { args: ['--network=host'] }))).not.toContain(
      'host-network',
    );
  });

  it('privileged: raw sockets and read-only mount', () => {
    const limits = withHost((c) => {
      c.HostConfig.Privileged = true;
      c.HostConfig.CapAdd = null;
    });
    expect(limits.filter((l) => l.code === 'raw-sockets' || l.code === 'mount-read-only')).toEqual([
      { code: 'raw-sockets', severity: 'warns', params: { reason: 'privileged' } },
      { code: 'mount-read-only', severity: 'warns', params: { reason: 'privileged' } },
    ]);
  });

  it('CAP_SYS_ADMIN means a container that mounts things', () => {
    expect(codes(withHost((c) => (c.HostConfig.CapAdd = ['CAP_SYS_ADMIN'])))).toContain('mount-read-only');
  });

  it('host IPC and PID namespaces', () => {
    const limits = codes(
      withHost((c) => {
        c.HostConfig.IpcMode = 'host';
        c.HostConfig.PidMode = 'host';
      }),
    );
    expect(limits).toEqual(expect.arrayContaining(['host-ipc', 'host-pid']));
  });

  it('a bind-mounted socket, unless runsc may open host sockets', () => {
    const limits = withHost((c) => (c.HostConfig.Binds = ['/var/run/docker.sock:/var/run/docker.sock', '/srv/app/api.sock:/api.sock', '/srv/data:/data']));
    expect(limits.find((l) => l.code === 'host-unix-socket')).toEqual({
      code: 'host-unix-socket',
      severity: 'warns',
      params: { sources: '/var/run/docker.sock, /srv/app/api.sock' },
    });
    const c = clone(base);
    c.HostConfig.Binds = ['/var/run/docker.sock:/var/run/docker.sock'];
    expect(codes(gvisorLimits(c, { args: ['--host-uds=open'] }))).not.toContain('host-unix-socket');
  });

  it('GPUs need nvproxy', () => {
    const gpu = (c: typeof base) => (c.HostConfig.DeviceRequests = [{ Driver: '', Count: -1, Capabilities: [['gpu']] }]);
    expect(codes(withHost(gpu))).toContain('gpu-needs-nvproxy');
    const c = clone(base);
    gpu(c);
    expect(codes(gvisorLimits(c, { args: ['--nvproxy'] }))).not.toContain('gpu-needs-nvproxy');
  });

  it('a custom seccomp profile is not applied inside unless --oci-seccomp', () => {
    const limits = withHost((c) => (c.HostConfig.SecurityOpt = ['seccomp={"defaultAction":"SCMP_ACT_ERRNO"}']));
    expect(limits.find((l) => l.code === 'seccomp-profile-not-applied')?.severity).toBe('informs');
    expect(codes(withHost((c) => (c.HostConfig.SecurityOpt = ['seccomp=unconfined'])))).not.toContain('seccomp-profile-not-applied');
  });

  it('a /tmp tmpfs of the container’s own is kept as it was', () => {
    expect(codes(withHost((c) => (c.HostConfig.Tmpfs = { '/tmp': '' })))).not.toContain('tmp-in-sandbox-memory');
  });

  it('orders blocks, then warns, then informs', () => {
    const limits = withHost((c) => (c.HostConfig.NetworkMode = 'host'));
    const ranks = limits.map((l) => ['blocks', 'warns', 'informs'].indexOf(l.severity));
    expect([...ranks].sort()).toEqual(ranks);
  });
});

describe('move targets', () => {
  it('the test engine offers runsc to a runc container, and runc to a runsc one', () => {
    expect(testEngine.runtimes.map((r) => r.name).sort()).toEqual(['io.containerd.runc.v2', 'io.containerd.runtime.v1.linux', 'runc', 'runsc']);
    // runc's other names are runc: no "move" to them, whichever of its names a container uses.
    const fromRunc = moveTargets(testEngine, 'runc');
    expect(fromRunc.map((t) => [t.name, t.rung, t.sameRung])).toEqual([['runsc', 'user-space-kernel', false]]);
    expect(moveTargets(testEngine, 'io.containerd.runc.v2').map((t) => t.name)).toEqual(['runsc']);
    expect(moveTargets(testEngine, 'io.containerd.runtime.v1.linux').map((t) => t.name)).toEqual(['runsc']);
    // From runsc, runc is offered once, under its own name.
    expect(moveTargets(testEngine, 'runsc').map((t) => t.name)).toEqual(['runc']);
  });

  it('an empty or default runtime is the engine’s default', () => {
    expect(moveTargets(testEngine, '').map((t) => t.name)).not.toContain('runc');
    expect(moveTargets(testEngine, 'default').map((t) => t.name)).toContain('runsc');
  });

  it('a Windows engine offers the other isolation mode', () => {
    const windows = toEngineInfo(loadInfo('windows-server-2022'));
    expect(moveTargets(windows, 'process').map((t) => t.name)).toEqual(['hyperv']);
    expect(moveTargets(windows, '').map((t) => t.name)).toEqual(['hyperv']);
    expect(moveTargets(windows, 'HyperV').map((t) => t.name)).toEqual(['process']);
  });
});
