// Every spelling of a root-equivalent choice is found, from the create form's fields and from an
// inspect, against the engine's own paths (GET /info DockerRootDir, the address Silo is connected to).
import { describe, expect, it } from 'vitest';
import type { RawContainerInspect } from '../../../../src/shared/engine-api';
import { normalizeHostPath } from '../../../../src/shared/isolation/host-path';
import {
  choicesFromInspect,
  choicesFromSpec,
  hostPathsOf,
  rootFindings,
  volumeBindSource,
  withoutConsent,
  type ContainerChoices,
} from '../../../../src/shared/isolation/root-access';
import { isEngineSocketSource } from '../../../../src/shared/isolation/socket-mount';

const host = hostPathsOf({ dataRoot: '/var/lib/docker', containerdAddress: null }, 'unix:///var/run/docker.sock');
const privateEngine = hostPathsOf({ dataRoot: '/tmp/silo-e-1/data', containerdAddress: null }, 'unix:///tmp/silo-e-1/docker.sock');
const codes = (choices: ContainerChoices, paths = host) => rootFindings(choices, paths).map((f) => f.code);
const bind = (source: string, readOnly = false, resolved?: string | null) => ({
  binds: [{ source, readOnly, setting: `${source}:/x`, ...(resolved !== undefined ? { resolved } : {}) }],
});

describe('host paths in one spelling', () => {
  it.each([
    ['//var/run/./docker.sock', '/run/docker.sock'],
    ['/var/run/docker.sock/', '/run/docker.sock'],
    ['/var/lib/../run/docker.sock', '/run/docker.sock'],
    ['/proc/self/root/var/run/docker.sock', '/run/docker.sock'],
    ['/proc/1/root/proc/self/root/etc', '/etc'],
    ['/proc/thread-self/root', '/'],
    ['/proc/42/task/43/root/run', '/run'],
    ['/var/run', '/run'],
    ['/var/running', '/var/running'],
    ['/proc/self/rootx', '/proc/self/rootx'],
  ])('%s is %s', (raw, clean) => expect(normalizeHostPath(raw)).toBe(clean));

  it('the old engine-socket rule sees through /proc/self/root too', () => {
    expect(isEngineSocketSource('/proc/self/root/var/run')).toBe(true);
    expect(isEngineSocketSource('/proc/self/root/')).toBe(true);
    expect(isEngineSocketSource('/proc/1/root/run/docker.sock')).toBe(true);
  });
});

describe('binds that give root on the host', () => {
  it.each([
    ['/var/run/docker.sock', 'engine-socket'],
    ['//var/run/./docker.sock', 'engine-socket'],
    ['/proc/self/root/var/run/docker.sock', 'engine-socket'],
    ['/run', 'engine-socket'],
    ['/var/run', 'engine-socket'],
    ['/run/containerd/containerd.sock', 'containerd-socket'],
    ['/var/run/docker/containerd/containerd.sock', 'containerd-socket'],
    ['/var/run/docker', 'containerd-socket'],
    ['/run/containerd', 'containerd-socket'],
    ['/etc', 'host-etc'],
    ['/etc/', 'host-etc'],
    ['/etc/sudoers.d', 'host-etc'],
    ['/proc', 'host-proc'],
    ['/proc/sys/kernel/core_pattern', 'host-proc'],
    ['/sys', 'host-sys'],
    ['/dev', 'host-dev'],
    ['/dev/sda', 'host-dev'],
    ['/root', 'host-root-home'],
    ['/root/.ssh', 'host-root-home'],
    ['/boot', 'host-boot'],
    ['/var/lib/docker', 'data-root'],
    ['/var/lib/docker/containers', 'data-root'],
    ['/var/lib', 'data-root'],
  ])('%s: %s', (source, code) => expect(codes(bind(source))).toContain(code));

  it('/ is the whole host: its socket, its configuration, its data root', () => {
    expect(codes(bind('/'))).toEqual(expect.arrayContaining(['engine-socket', 'containerd-socket', 'host-root', 'data-root']));
    expect(codes(bind('/proc/self/root/'))).toContain('host-root');
  });

  it('read-only files of /etc, a named volume’s data and harmless devices are not findings', () => {
    expect(codes(bind('/etc/localtime', true))).toEqual([]);
    expect(codes(bind('/etc/localtime', false))).toEqual(['host-etc']);
    expect(codes(bind('/var/lib/docker/volumes/data/_data'))).toEqual([]);
    expect(codes(bind('/dev/null'))).toEqual([]);
    expect(codes(bind('/home/me/project'))).toEqual([]);
    expect(codes(bind('/srv/run'))).toEqual([]);
  });

  it('a private engine: its own socket, the folder holding it, its data root', () => {
    expect(codes(bind('/tmp/silo-e-1/docker.sock'), privateEngine)).toEqual(['engine-socket']);
    expect(codes(bind('/tmp/silo-e-1'), privateEngine)).toEqual(expect.arrayContaining(['engine-socket', 'data-root']));
    expect(codes(bind('/tmp'), privateEngine)).toContain('engine-socket');
    expect(codes(bind('/tmp/silo-e-1/data/vfs'), privateEngine)).toEqual(['data-root']);
    expect(codes(bind('/tmp/other'), privateEngine)).toEqual([]);
  });

  it('a symlink is judged by where it leads, and a source Silo could not see is unknown', () => {
    expect(codes(bind('/tmp/innocent', false, '/tmp/silo-e-1/docker.sock'), privateEngine)).toEqual(['engine-socket']);
    const [found] = rootFindings(bind('/tmp/innocent', false, '/tmp/silo-e-1/docker.sock'), privateEngine);
    expect(found).toEqual({ code: 'engine-socket', setting: '/tmp/innocent:/x', path: '/tmp/silo-e-1/docker.sock' });
    expect(codes(bind('/tmp/innocent', false, '/tmp/innocent'), privateEngine)).toEqual([]);
    expect(codes(bind('/srv/unreadable', false, null))).toEqual(['unknown-source']);
    expect(codes(bind('/var/run/docker.sock', false, null))).toEqual(['engine-socket', 'unknown-source']);
  });

  it('containerd’s own address when the engine gives it', () => {
    const own = hostPathsOf({ dataRoot: null, containerdAddress: '/opt/ctr/c.sock' }, null);
    expect(codes(bind('/opt/ctr'), own)).toEqual(['containerd-socket']);
  });

  it('Windows: the engine’s pipe and a drive’s root', () => {
    expect(codes(bind('\\\\.\\pipe\\docker_engine'))).toEqual(['engine-socket']);
    expect(codes(bind('//./pipe/docker_engine'))).toEqual(['engine-socket']);
    expect(codes(bind('C:\\'))).toEqual(['host-root']);
    expect(codes(bind('C:\\Users\\me'))).toEqual([]);
  });
});

describe('namespaces and privileges', () => {
  it('host and container:<id> modes, privileged', () => {
    expect(codes({ binds: [], networkMode: 'host' })).toEqual(['network-host']);
    expect(codes({ binds: [], networkMode: 'container:abc123' })).toEqual(['network-container']);
    expect(codes({ binds: [], networkMode: 'bridge', pidMode: 'host', ipcMode: 'container:db' })).toEqual(['pid-host', 'ipc-container']);
    expect(codes({ binds: [], pidMode: 'container:x', ipcMode: 'host', privileged: true })).toEqual(['pid-container', 'ipc-host', 'privileged']);
    expect(codes({ binds: [], networkMode: 'none', ipcMode: 'private', pidMode: '' })).toEqual([]);
  });
});

describe('from the form and from an inspect', () => {
  it('the form’s binds and network', () => {
    const choices = choicesFromSpec({ volumes: ['data:/data', '/etc:/e:ro', '/srv:/srv', '/x'], network: 'host' }, 'linux');
    expect(choices.binds.map((b) => [b.source, b.readOnly])).toEqual([
      ['/etc', true],
      ['/srv', false],
    ]);
    expect(rootFindings(choices, host).map((f) => f.setting)).toEqual(['/etc:/e:ro', 'network: host']);
  });

  it('an inspect: Binds, HostConfig.Mounts and Mounts, namespaces, privileged', () => {
    const inspect = {
      HostConfig: {
        Binds: ['named:/n', '/proc/self/root/run:/r:ro'],
        Mounts: [
          { Type: 'bind', Source: '/etc', Target: '/e', ReadOnly: true },
          { Type: 'volume', Source: 'v', Target: '/v' },
        ],
        NetworkMode: 'container:0123',
        PidMode: 'host',
        Privileged: true,
      },
      Mounts: [{ Type: 'bind', Source: '/var/lib/docker', Destination: '/d', RW: true }],
    } as unknown as RawContainerInspect;
    expect(codes(choicesFromInspect(inspect))).toEqual([
      'engine-socket',
      'containerd-socket',
      'host-etc',
      'data-root',
      'network-container',
      'pid-host',
      'privileged',
    ]);
  });

  it('a local volume with o=bind is the host path it binds; other volumes are not host paths', () => {
    expect(volumeBindSource({ Driver: 'local', Options: { type: 'none', o: 'bind', device: '/etc' } })).toBe('/etc');
    expect(volumeBindSource({ Driver: 'local', Options: { type: 'none', o: 'ro,rbind', device: '/root' } })).toBe('/root');
    expect(volumeBindSource({ Driver: 'local', Options: { type: 'nfs', o: 'addr=10.0.0.1', device: ':/export' } })).toBeNull();
    expect(volumeBindSource({ Driver: 'local', Options: null })).toBeNull();
    expect(volumeBindSource({ Driver: 'rexray', Options: { o: 'bind', device: '/etc' } })).toBeNull();
    expect(volumeBindSource(null)).toBeNull();
  });

  it('consent is per code: what is not acknowledged is what is missing', () => {
    const found = rootFindings({ binds: [], networkMode: 'host', privileged: true }, host);
    expect(withoutConsent(found, ['network-host']).map((f) => f.code)).toEqual(['privileged']);
    expect(withoutConsent(found, ['network-host', 'privileged'])).toEqual([]);
    expect(withoutConsent(found, undefined)).toHaveLength(2);
  });
});
