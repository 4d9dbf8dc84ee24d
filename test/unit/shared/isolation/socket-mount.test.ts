import { describe, expect, it } from 'vitest';
import type { RawContainerInspect } from '../../../../src/shared/engine-api';
import { isEngineSocketSource, mountsEngineSocket } from '../../../../src/shared/isolation';

type Probe = Pick<RawContainerInspect, 'HostConfig' | 'Mounts'>;

const binds = (...b: string[]): Probe => ({ HostConfig: { Binds: b } });
const hcMounts = (...m: Array<{ Type?: string; Source?: string; Target?: string }>): Probe => ({ HostConfig: { Mounts: m } });
const points = (...m: Array<{ Type?: string; Source?: string; Destination?: string }>): Probe => ({ HostConfig: {}, Mounts: m });

describe('mountsEngineSocket', () => {
  it.each([
    '/var/run/docker.sock:/var/run/docker.sock',
    '/var/run/docker.sock:/var/run/docker.sock:ro',
    '/run/docker.sock:/docker.sock',
    '/run/user/1000/docker.sock:/var/run/docker.sock',
    '/home/me/.docker/desktop/docker.sock:/var/run/docker.sock',
    '/run/podman/podman.sock:/var/run/docker.sock',
    '/run/user/1000/podman/podman.sock:/sock',
    '//var/run/docker.sock:/var/run/docker.sock',
    '/var/run:/host/var/run',
    '/:/host:ro',
    '\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine',
    '//./pipe/docker_engine://./pipe/docker_engine',
    '\\\\.\\pipe\\dockerDesktopLinuxEngine:\\\\.\\pipe\\docker_engine',
    '\\\\.\\pipe\\dockerDesktopWindowsEngine:\\\\.\\pipe\\docker_engine',
  ])('sees the Bind %s', (b) => {
    expect(mountsEngineSocket(binds(b))).toBe(true);
  });

  it.each([
    '/srv/data:/data',
    'C:\\Users\\me\\app:C:\\app',
    'c:/data:/data',
    'myvolume:/var/lib/data',
    '/var/run/docker:/x',
    '/home/me/docker.socket.txt:/x',
    '\\\\.\\pipe\\my_app:\\\\.\\pipe\\my_app',
  ])('leaves the Bind %s alone', (b) => {
    expect(mountsEngineSocket(binds(b))).toBe(false);
  });

  it('sees a socket hidden in HostConfig.Mounts only (CVE-2026-6406 checked Binds only)', () => {
    expect(
      mountsEngineSocket({ HostConfig: { Binds: ['/srv:/srv'], Mounts: [{ Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' }] } }),
    ).toBe(true);
    expect(mountsEngineSocket(hcMounts({ Type: 'npipe', Source: '\\\\.\\pipe\\docker_engine', Target: '\\\\.\\pipe\\docker_engine' }))).toBe(true);
  });

  it('sees a socket in the inspect Mounts list', () => {
    expect(mountsEngineSocket(points({ Type: 'bind', Source: '/run/docker.sock', Destination: '/var/run/docker.sock' }))).toBe(true);
    expect(mountsEngineSocket(points({ Type: 'npipe', Source: '\\\\.\\pipe\\docker_engine', Destination: '\\\\.\\pipe\\docker_engine' }))).toBe(true);
  });

  it('ignores named volumes, whatever their name', () => {
    expect(mountsEngineSocket(hcMounts({ Type: 'volume', Source: 'docker.sock', Target: '/data' }))).toBe(false);
    expect(mountsEngineSocket(points({ Type: 'volume', Source: '/var/lib/docker/volumes/x/_data', Destination: '/data' }))).toBe(false);
  });

  it('survives nothing, nulls and odd values', () => {
    expect(mountsEngineSocket({ HostConfig: {} })).toBe(false);
    expect(mountsEngineSocket({ HostConfig: { Binds: null, Mounts: null }, Mounts: [] })).toBe(false);
    expect(mountsEngineSocket({} as Probe)).toBe(false);
    expect(mountsEngineSocket(hcMounts({ Type: 'bind' }))).toBe(false);
  });
});

describe('isEngineSocketSource', () => {
  it('recognises sockets and pipes, not their neighbours', () => {
    expect(isEngineSocketSource('/var/run/docker.sock')).toBe(true);
    expect(isEngineSocketSource('/Users/me/Library/Containers/com.docker.docker/Data/docker.raw.sock')).toBe(true);
    expect(isEngineSocketSource('/var/run/docker.sock/')).toBe(true);
    expect(isEngineSocketSource('//./pipe/podman-machine-default')).toBe(true);
    expect(isEngineSocketSource('/var/run/containerd/containerd.sock')).toBe(false);
    expect(isEngineSocketSource('/var/lib/docker')).toBe(false);
    expect(isEngineSocketSource('')).toBe(false);
    expect(isEngineSocketSource(undefined)).toBe(false);
  });
});
