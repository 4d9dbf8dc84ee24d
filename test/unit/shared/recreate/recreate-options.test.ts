// The create options carry every setting of the old container (recorded answers of dockerd 20.10).
import { describe, expect, it } from 'vitest';
import { buildCreateOptions, endpointConfig, hostnameGenerated, linkForCreate, primaryNetwork } from '../../../../src/shared/isolation/recreate-options';
import { clone, loadInspect } from './load';

const RUNSC = { os: 'linux', runtime: 'runsc' } as const;

describe('web: a running container with everything set', () => {
  const web = loadInspect('web');
  const { name, body, connect, volumes, notes, duplicateMounts } = buildCreateOptions(web, RUNSC);
  const hc = web.HostConfig;
  const cfg = web.Config;

  it('keeps the name and the image reference it was created from', () => {
    expect(name).toBe('web');
    expect(body.Image).toBe('silo-test/busybox:latest');
    expect(body.Image).toBe(cfg.Image);
  });

  it('sets the target runtime and nothing else about isolation', () => {
    expect(body.HostConfig.Runtime).toBe('runsc');
    expect(body.HostConfig.Isolation).toBe(hc.Isolation);
  });

  it('carries every Config field the person set', () => {
    for (const field of [
      'Cmd',
      'Entrypoint',
      'Env',
      'Labels',
      'WorkingDir',
      'User',
      'Domainname',
      'ExposedPorts',
      'Healthcheck',
      'StopSignal',
      'StopTimeout',
      'Tty',
      'OpenStdin',
      'StdinOnce',
      'AttachStdin',
      'AttachStdout',
      'AttachStderr',
      'Volumes',
    ]) {
      expect(body[field], field).toEqual(cfg[field]);
    }
    expect([...(body.Env ?? [])].sort()).toEqual(['EMPTY=', 'FOO=bar']);
    expect(body.Labels).toEqual({ app: 'silo', 'com.example.tier': 'web' });
    expect(body.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 1_000_000_000 });
    expect(body.StopTimeout).toBe(7);
  });

  it('carries every HostConfig field, with the same values except Runtime and the volume mounts', () => {
    for (const [field, value] of Object.entries(hc)) {
      if (field === 'Runtime' || field === 'Mounts') continue;
      expect(body.HostConfig[field], field).toEqual(value);
    }
    expect(body.HostConfig).toMatchObject({
      Binds: ['silo-data:/data'],
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '18080' }], '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '18443' }] },
      RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
      Memory: 64 * 1024 * 1024,
      NanoCpus: 500_000_000,
      CpuShares: 512,
      PidsLimit: 100,
      Ulimits: [{ Name: 'nofile', Hard: 2048, Soft: 1024 }],
      LogConfig: { Type: 'json-file', Config: { 'max-size': '1m' } },
      CapAdd: ['CAP_NET_ADMIN'],
      CapDrop: ['CAP_MKNOD'],
      SecurityOpt: ['no-new-privileges'],
      Dns: ['9.9.9.9'],
      DnsSearch: ['example.internal'],
      ExtraHosts: ['extra:10.0.0.1'],
      ShmSize: 32 * 1024 * 1024,
      Tmpfs: { '/run': 'size=1m' },
      Init: true,
      AutoRemove: false,
    });
  });

  it('leaves out the hostname the engine generated from the id', () => {
    expect(web.Config.Hostname).toBe(web.Id.slice(0, 12));
    expect('Hostname' in body).toBe(false);
    expect(notes).toContain('hostname-generated');
  });

  it('re-attaches the anonymous volume by name, as an explicit mount that copies nothing in', () => {
    const anon = web.Mounts?.find((m) => m.Destination === '/anon');
    expect(anon?.Name).toMatch(/^[0-9a-f]{64}$/);
    expect(body.HostConfig.Mounts).toEqual([{ Type: 'volume', Source: anon?.Name, Target: '/anon', VolumeOptions: { NoCopy: true } }]);
    expect(volumes).toEqual([
      { name: 'silo-data', destination: '/data', readOnly: false, anonymous: false, reattached: false },
      { name: anon?.Name, destination: '/anon', readOnly: false, anonymous: true, reattached: true },
    ]);
    expect(notes).toContain('volumes-reattached');
    expect(duplicateMounts).toEqual([]);
  });

  it('creates on its first network with its alias and static address, without the engine short-id alias', () => {
    expect(body.NetworkingConfig).toEqual({
      EndpointsConfig: { 'silo-front': { IPAMConfig: { IPv4Address: '10.213.30.10' }, Aliases: ['webalias'] } },
    });
  });

  it('connects the other network afterwards, with its alias and static address', () => {
    expect(connect).toEqual([
      { network: 'silo-back', body: { Container: 'web', EndpointConfig: { IPAMConfig: { IPv4Address: '10.213.31.20' }, Aliases: ['backalias'] } } },
    ]);
  });

  it('does not touch the inspect answer it reads', () => {
    expect(web).toEqual(loadInspect('web'));
  });
});

describe('worker: created, never started, with volumes nobody named', () => {
  const worker = loadInspect('worker');
  const { body, volumes, notes } = buildCreateOptions(worker, RUNSC);

  it('keeps an explicit hostname and domain name, tty and stdin', () => {
    expect(body).toMatchObject({ Hostname: 'worker-host', Domainname: 'example.internal', Tty: true, OpenStdin: true, User: '0:0' });
    expect(notes).not.toContain('hostname-generated');
  });

  it('names the volume of a sourceless --mount, and re-attaches the image VOLUME', () => {
    const cache = worker.Mounts?.find((m) => m.Destination === '/cache')?.Name;
    const state = worker.Mounts?.find((m) => m.Destination === '/state')?.Name;
    expect(body.HostConfig.Mounts).toEqual([
      { Type: 'volume', Target: '/cache', Source: cache, VolumeOptions: { NoCopy: true } },
      { Type: 'bind', Source: worker.HostConfig.Mounts?.[1]?.Source, Target: '/host', ReadOnly: true },
      { Type: 'volume', Source: state, Target: '/state', VolumeOptions: { NoCopy: true } },
    ]);
    expect(volumes.every((v) => v.anonymous && v.reattached)).toBe(true);
  });

  it('keeps network none, read-only root, devices, CPU quota and restart policy', () => {
    expect(body.NetworkingConfig).toBeUndefined();
    expect(body.HostConfig).toMatchObject({
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      Devices: [{ PathOnHost: '/dev/null', PathInContainer: '/dev/xnull', CgroupPermissions: 'rwm' }],
      CpuQuota: 50000,
      CpuPeriod: 100000,
      CpusetCpus: '0',
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      OomScoreAdj: 100,
      GroupAdd: ['10'],
      CapAdd: ['CAP_NET_RAW'],
    });
  });
});

describe('auto-remove', () => {
  it('keeps AutoRemove and says the original cannot wait aside', () => {
    const auto = loadInspect('auto-remove');
    const { body, notes } = buildCreateOptions(auto, RUNSC);
    expect(body.HostConfig.AutoRemove).toBe(true);
    expect(notes).toContain('auto-remove');
    expect(body.HostConfig.Mounts?.[0]).toMatchObject({ Type: 'volume', Target: '/scratch', Source: auto.Mounts?.[0]?.Name });
  });
});

describe('a Windows container (constructed)', () => {
  const site = loadInspect('windows-site');
  const { body, connect, volumes } = buildCreateOptions(site, { os: 'windows', isolation: 'hyperv' });

  it('sets the isolation mode and leaves the runtime alone', () => {
    expect(body.HostConfig.Isolation).toBe('hyperv');
    expect(body.HostConfig.Runtime).toBe(site.HostConfig.Runtime);
  });

  it('matches Windows destinations without regard to case: the named volume is not attached twice', () => {
    expect(body.HostConfig.Binds).toEqual(['C:\\site:C:\\inetpub\\wwwroot:ro', 'logs:C:\\logs']);
    expect(body.HostConfig.Mounts).toEqual([{ Type: 'volume', Source: site.Mounts?.[2]?.Name, Target: 'c:\\data', VolumeOptions: { NoCopy: true } }]);
    expect(volumes.map((v) => [v.name.length, v.reattached])).toEqual([
      [4, false],
      [64, true],
    ]);
  });

  it('creates on nat, and keeps the rest', () => {
    expect(body.NetworkingConfig).toEqual({ EndpointsConfig: { nat: {} } });
    expect(connect).toEqual([]);
    expect(body).toMatchObject({ Image: 'mcr.microsoft.com/windows/servercore:ltsc2022', ArgsEscaped: true, Env: ['SITE=demo'] });
    expect(body.HostConfig).toMatchObject({ Memory: 1073741824, CpuCount: 2, RestartPolicy: { Name: 'always' } });
    expect('Hostname' in body).toBe(false);
  });
});

describe('pieces', () => {
  it('a hostname is generated when it is the short id, under another container’s network, or the host’s own name', () => {
    const web = loadInspect('web');
    expect(hostnameGenerated(web)).toBe(true);
    const explicit = clone(web);
    explicit.Config.Hostname = 'myhost';
    expect(hostnameGenerated(explicit)).toBe(false);
    const host = clone(explicit);
    host.HostConfig.NetworkMode = 'host';
    host.Config.Hostname = 'vm';
    expect(hostnameGenerated(host, 'vm')).toBe(true);
    expect(hostnameGenerated(host, 'other')).toBe(false);
    const shared = clone(explicit);
    shared.HostConfig.NetworkMode = `container:${web.Id}`;
    expect(hostnameGenerated(shared)).toBe(true);
  });

  it('finds the first network by name, by id, or not at all', () => {
    const web = loadInspect('web');
    expect(primaryNetwork(web)).toBe('silo-front');
    const byId = clone(web);
    byId.HostConfig.NetworkMode = web.NetworkSettings?.Networks?.['silo-back']?.NetworkID?.slice(0, 12) ?? '';
    expect(primaryNetwork(byId)).toBe('silo-back');
    expect(primaryNetwork(loadInspect('worker'))).toBeNull();
  });

  it('rewrites legacy links into the form create takes', () => {
    expect(linkForCreate('/db:/web/database')).toBe('db:database');
    expect(linkForCreate('cache:cache')).toBe('cache:cache');
  });

  it('keeps link-local addresses, IPv6, links and driver options of an endpoint', () => {
    expect(
      endpointConfig(
        {
          IPAMConfig: { IPv6Address: 'fd00::5', LinkLocalIPs: ['169.254.1.1'] },
          Aliases: ['abcdef012345', 'x'],
          Links: ['/db:/web/db'],
          DriverOpts: { a: 'b' },
          IPAddress: '10.0.0.3',
        },
        'abcdef0123456789',
      ),
    ).toEqual({ IPAMConfig: { IPv6Address: 'fd00::5', LinkLocalIPs: ['169.254.1.1'] }, Aliases: ['x'], Links: ['db:db'], DriverOpts: { a: 'b' } });
  });

  it('uses another image when told (a commit of the writable layer)', () => {
    expect(buildCreateOptions(loadInspect('web'), RUNSC, { image: 'silo-keep/web:abc' }).body.Image).toBe('silo-keep/web:abc');
  });

  it('says when a published port has no fixed host port', () => {
    const web = clone(loadInspect('web'));
    expect(buildCreateOptions(web, RUNSC).notes).not.toContain('ports-assigned-by-engine');
    web.HostConfig.PortBindings = { '80/tcp': [{ HostIp: '', HostPort: '' }] };
    expect(buildCreateOptions(web, RUNSC).notes).toContain('ports-assigned-by-engine');
  });
});

describe('ulimits as create takes them', () => {
  it("writes Podman's RLIMIT_NOFILE as nofile, and leaves dockerd's own spelling alone", () => {
    const podman = clone(loadInspect('web'));
    podman.HostConfig['Ulimits'] = [
      { Name: 'RLIMIT_NOFILE', Hard: 1024, Soft: 1024 },
      { Name: 'RLIMIT_NPROC', Hard: 4096, Soft: 4096 },
    ];
    expect(buildCreateOptions(podman, RUNSC).body.HostConfig['Ulimits']).toEqual([
      { Name: 'nofile', Hard: 1024, Soft: 1024 },
      { Name: 'nproc', Hard: 4096, Soft: 4096 },
    ]);
    const docker = clone(loadInspect('web'));
    docker.HostConfig['Ulimits'] = [{ Name: 'nofile', Hard: 2048, Soft: 1024 }];
    expect(buildCreateOptions(docker, RUNSC).body.HostConfig['Ulimits']).toEqual([{ Name: 'nofile', Hard: 2048, Soft: 1024 }]);
    docker.HostConfig['Ulimits'] = null;
    expect(buildCreateOptions(docker, RUNSC).body.HostConfig['Ulimits']).toBeNull();
  });
});
