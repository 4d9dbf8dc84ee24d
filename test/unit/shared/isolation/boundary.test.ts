// The effective boundary: every setting of issue 14's list found on an inspect, judged on each rung,
// and the recorded engines' own containers (Windows Server, Docker Desktop).
import { describe, expect, it } from 'vitest';
import type { RawContainerInspect, RawHostConfig } from '../../../../src/shared/engine-api';
import { toEngineInfo } from '../../../../src/shared/isolation/engine-info';
import { computeBoundary } from '../../../../src/shared/isolation/boundary';
import type { EngineInfo } from '../../../../src/shared/model/engine';
import type { Rung } from '../../../../src/shared/model/isolation';
import { loadInfo, loadJson } from './load';

const linux = toEngineInfo(loadInfo('linux-gvisor-centos7'));
const windowsInfo = toEngineInfo(loadInfo('windows-server-2022'));
const desktop = toEngineInfo(loadInfo('docker-desktop-wsl2'));

/** A default `docker run` container's inspect, with these HostConfig and Config fields changed. */
function inspect(hc: Partial<RawHostConfig> = {}, user: string | null = ''): RawContainerInspect {
  return {
    Id: 'c'.repeat(64),
    Name: '/c',
    Image: 'sha256:1',
    Config: user === null ? {} : { User: user },
    HostConfig: { NetworkMode: 'bridge', Memory: 0, PidsLimit: null, CapAdd: null, CapDrop: null, ...hc },
    Mounts: [],
  } as unknown as RawContainerInspect;
}

const on = (rung: Rung): EngineInfo => ({
  ...linux,
  defaultRuntime: 'x',
  runtimes: [{ name: 'x', path: null, runtimeType: null, args: [], rung, isDefault: true }],
});
const of = (i: RawContainerInspect, info: EngineInfo = linux) => computeBoundary({ inspect: i, info, endpointHost: 'unix:///var/run/docker.sock' });
const codes = (i: RawContainerInspect, info?: EngineInfo) => of(i, info).findings.map((f) => f.code);
const find = (i: RawContainerInspect, code: string, info?: EngineInfo) => of(i, info).findings.find((f) => f.code === code);

describe('a default container', () => {
  it('runs as root with no limits: low findings, not called weakened', () => {
    const b = of(inspect());
    expect(b.rung).toBe('shared-kernel');
    expect(b.findings.map((f) => [f.code, f.severity, f.reach])).toEqual([
      ['root-user', 'low', 'host'],
      ['no-memory-limit', 'low', 'host'],
      ['no-pids-limit', 'low', 'host'],
    ]);
    expect(b.verdict).toBe('default');
    expect(b.reachesEngine).toBe(false);
  });
});

describe('each weakening', () => {
  it.each<[string, Partial<RawHostConfig>, string, string]>([
    ['--privileged', { Privileged: true }, 'privileged', 'critical'],
    ['--pid host', { PidMode: 'host' }, 'root:pid-host', 'high'],
    ['--ipc host', { IpcMode: 'host' }, 'root:ipc-host', 'medium'],
    ['--network host', { NetworkMode: 'host' }, 'root:network-host', 'high'],
    ['--uts host', { UTSMode: 'host' }, 'uts-host', 'medium'],
    ['--security-opt seccomp=unconfined', { SecurityOpt: ['seccomp=unconfined'] }, 'seccomp-unconfined', 'high'],
    ['--security-opt seccomp:unconfined', { SecurityOpt: ['seccomp:unconfined'] }, 'seccomp-unconfined', 'high'],
    ['--security-opt apparmor=unconfined', { SecurityOpt: ['apparmor=unconfined'] }, 'apparmor-unconfined', 'medium'],
    ['--security-opt label=disable', { SecurityOpt: ['label=disable'] }, 'label-disable', 'medium'],
    ['--device /dev/sda', { Devices: [{ PathOnHost: '/dev/sda', PathInContainer: '/dev/sda' }] }, 'device', 'critical'],
    ['--device /dev/snd', { Devices: [{ PathOnHost: '/dev/snd', PathInContainer: '/dev/snd' }] }, 'device', 'medium'],
    ['-v /:/host', { Binds: ['/:/host'] }, 'root:host-root', 'critical'],
    ['-v /:/host:ro', { Binds: ['/:/host:ro'] }, 'root:host-root', 'high'],
    ['-v /home:/h', { Binds: ['/home:/h'] }, 'host-home', 'high'],
    ['-v /home/ana:/h:ro', { Binds: ['/home/ana:/h:ro'] }, 'host-home', 'medium'],
    ['-v /boot:/b', { Binds: ['/boot:/b'] }, 'root:host-boot', 'critical'],
    ['-v /var/run/docker.sock', { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] }, 'root:engine-socket', 'critical'],
    ['--mount the socket', { Mounts: [{ Type: 'bind', Source: '/run/docker.sock', Target: '/s' }] }, 'root:engine-socket', 'critical'],
  ])('%s', (_, hc, code, severity) => {
    const f = find(inspect(hc), code);
    expect(f?.effect).toBe('weakens');
    expect(f?.severity).toBe(severity);
    expect(f?.source.doc).toBe('cis');
    expect(of(inspect(hc)).verdict).toBe('weakened');
  });

  it.each([
    ['ALL', 'critical'],
    ['SYS_ADMIN', 'critical'],
    ['CAP_SYS_MODULE', 'critical'],
    ['sys_rawio', 'critical'],
    ['SYS_PTRACE', 'high'],
    ['DAC_READ_SEARCH', 'high'],
    ['NET_ADMIN', 'medium'],
    ['WAKE_ALARM', 'medium'],
  ])('--cap-add %s is %s', (cap, severity) => {
    const f = find(inspect({ CapAdd: [cap] }), 'cap-add');
    expect(f?.severity).toBe(severity);
    expect(f?.detail).toBe(cap.toUpperCase().replace(/^CAP_/, ''));
    expect(f?.source).toEqual({ doc: 'cis', item: '5.3' });
  });

  it("adding one of Docker's default capabilities changes nothing", () => {
    expect(codes(inspect({ CapAdd: ['NET_RAW', 'CHOWN'] }))).not.toContain('cap-add');
    expect(codes(inspect({ CapAdd: ['CHOWN'], CapDrop: ['ALL'] }))).toEqual(expect.arrayContaining(['cap-drop-all']));
  });

  it('privileged is one finding, not also each capability and filter it implies', () => {
    const c = codes(inspect({ Privileged: true, CapAdd: ['SYS_ADMIN'], SecurityOpt: ['seccomp=unconfined'] }));
    expect(c.filter((x) => x === 'privileged')).toHaveLength(1);
    expect(c).not.toContain('cap-add');
    expect(c).not.toContain('seccomp-unconfined');
    expect(c).not.toContain('root:privileged');
  });

  it('an engine whose own seccomp default is unconfined weakens each container that sets no profile', () => {
    const open = { ...linux, hardening: { ...linux.hardening, seccompProfile: 'unconfined' } };
    expect(find(inspect(), 'seccomp-unconfined', open)).toMatchObject({ setting: 'daemon: seccomp-profile unconfined', severity: 'high' });
    expect(find(inspect({ SecurityOpt: ['seccomp=/etc/profile.json'] }), 'seccomp-unconfined', open)).toBeUndefined();
    expect(find(inspect(), 'seccomp-unconfined')).toBeUndefined();
  });

  it('userns host weakens only on a userns engine; root with no user namespace is a finding', () => {
    const userns = { ...linux, hardening: { ...linux.hardening, userns: true } };
    expect(codes(inspect({ UsernsMode: 'host' }))).not.toContain('userns-host');
    expect(codes(inspect({ UsernsMode: 'host' }), userns)).toEqual(expect.arrayContaining(['userns-host', 'root-user']));
    expect(codes(inspect(), userns)).toContain('userns-engine');
    expect(codes(inspect(), userns)).not.toContain('root-user');
  });

  it("the engine's own socket at a private path, through Binds and through Mounts", () => {
    const host = 'unix:///tmp/silo-e-9/docker.sock';
    for (const hc of [
      { Binds: ['/tmp/silo-e-9/docker.sock:/d.sock'] },
      { Mounts: [{ Type: 'bind', Source: '/tmp/silo-e-9/docker.sock', Target: '/d.sock' }] },
    ]) {
      const b = computeBoundary({ inspect: inspect(hc), info: linux, endpointHost: host });
      expect(b.reachesEngine).toBe(true);
      expect(b.findings[0]?.code).toBe('root:engine-socket');
    }
    // Named otherwise, a socket is known by the address Silo is connected to.
    const other = inspect({ Binds: ['/tmp/silo-e-9/engine.sock:/d.sock'] });
    expect(computeBoundary({ inspect: other, info: linux, endpointHost: 'unix:///tmp/silo-e-9/engine.sock' }).reachesEngine).toBe(true);
    expect(computeBoundary({ inspect: other, info: linux, endpointHost: null }).reachesEngine).toBe(false);
  });
});

describe('each strengthening', () => {
  it('a locked-down container is strengthened, with each setting named', () => {
    const b = of(inspect({ ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], Memory: 1 << 28, PidsLimit: 100 }, '1000'));
    expect(b.findings.map((f) => f.code)).toEqual(['non-root-user', 'read-only-rootfs', 'cap-drop-all', 'no-new-privileges']);
    expect(b.findings.every((f) => f.effect === 'strengthens' && f.severity === null)).toBe(true);
    expect(b.verdict).toBe('strengthened');
    expect(b.worst).toBeNull();
  });

  it.each(['no-new-privileges', 'no-new-privileges=true', 'no-new-privileges:true'])('%s strengthens; =false does not', (opt) => {
    expect(codes(inspect({ SecurityOpt: [opt] }))).toContain('no-new-privileges');
    expect(codes(inspect({ SecurityOpt: ['no-new-privileges=false'] }))).not.toContain('no-new-privileges');
  });

  it('a rootless engine strengthens, and root in its container is no finding', () => {
    const rootless = { ...linux, hardening: { ...linux.hardening, rootless: true } };
    expect(codes(inspect(), rootless)).toEqual(['no-memory-limit', 'no-pids-limit', 'rootless-engine']);
  });

  it.each(['0', 'root', '0:0', 'root:wheel'])('--user %s is root', (user) => expect(codes(inspect({}, user))).toContain('root-user'));
});

describe('judged by rung', () => {
  const privileged = inspect({ Privileged: true });
  it.each<[Rung, string, string]>([
    ['shared-kernel', 'host', 'critical'],
    ['user-namespaced', 'host', 'medium'],
    ['user-space-kernel', 'sandbox', 'low'],
    ['virtual-machine', 'vm', 'low'],
    ['unknown', 'unknown', 'critical'],
  ])('--privileged on %s reaches %s (%s)', (rung, reach, severity) => {
    const f = find(privileged, 'privileged', on(rung));
    expect([f?.reach, f?.severity]).toEqual([reach, severity]);
  });

  it.each<Rung>(['shared-kernel', 'user-namespaced', 'user-space-kernel', 'virtual-machine', 'unknown'])('a socket mount reaches the engine on %s', (rung) => {
    const f = find(inspect({ Binds: ['/var/run/docker.sock:/s'] }), 'root:engine-socket', on(rung));
    expect([f?.reach, f?.severity]).toEqual(['engine', 'critical']);
    expect(of(inspect({ Binds: ['/var/run/docker.sock:/s'] }), on(rung)).verdict).toBe('weakened');
  });

  it.each<Rung>(['user-space-kernel', 'virtual-machine'])('a bind of / gives the host files on %s too', (rung) => {
    expect(find(inspect({ Binds: ['/:/host'] }), 'root:host-root', on(rung))?.reach).toBe('host');
  });

  it('host network under gVisor is the host network; under a VM it is the VM', () => {
    expect(find(inspect({ NetworkMode: 'host' }), 'root:network-host', on('user-space-kernel'))?.reach).toBe('host');
    expect(find(inspect({ NetworkMode: 'host' }), 'root:network-host', on('virtual-machine'))?.reach).toBe('vm');
  });

  it('a privileged runsc container on the recorded gVisor engine is judged as under gVisor', () => {
    const b = of(inspect({ Privileged: true, Runtime: 'runsc' }));
    expect(b.rung).toBe('user-space-kernel');
    expect(b.findings.find((f) => f.code === 'privileged')?.reach).toBe('sandbox');
    expect(b.verdict).toBe('default');
  });

  it('an unknown runtime is said, and nothing on it is counted as safe', () => {
    const b = of(inspect({ Runtime: 'mystery' }));
    expect(b.rung).toBe('unknown');
    expect(b.findings.map((f) => f.code)).toContain('rung-unknown');
    expect(b.findings.find((f) => f.code === 'no-memory-limit')?.reach).toBe('unknown');
  });
});

describe('unknown is never safe', () => {
  it('no HostConfig, no user', () => {
    const none = { Id: 'x', Name: '/x', Image: 'i', Config: {} } as unknown as RawContainerInspect;
    const b = of(none);
    expect(b.findings.map((f) => [f.code, f.effect])).toEqual([['settings-unknown', 'unknown']]);
    expect(b.verdict).toBe('unknown');
    expect(codes(inspect({}, null))).toContain('user-unknown');
  });
});

describe('the recorded engines', () => {
  const windows = (name: string) => loadJson<RawContainerInspect>(`windows-server-2022/containers/${name}.json`);
  it('Windows, process isolation, ContainerAdministrator, an engine pipe mounted', () => {
    const b = of(windows('ci-runner'), windowsInfo);
    expect(b.rung).toBe('shared-kernel');
    expect(b.reachesEngine).toBe(true);
    expect(b.findings.map((f) => [f.code, f.reach])).toEqual([
      ['root:engine-socket', 'engine'],
      ['windows-administrator', 'host'],
      ['no-memory-limit', 'host'],
    ]);
  });

  it('Windows, Hyper-V: the administrator reaches the VM only', () => {
    const b = of(windows('build-agent'), windowsInfo);
    expect(b.rung).toBe('virtual-machine');
    expect(b.findings.find((f) => f.code === 'windows-administrator')).toMatchObject({ reach: 'vm', severity: 'low' });
    expect(b.verdict).toBe('default');
  });

  it('Windows, process isolation with a folder bound: administrator on the shared kernel', () => {
    const b = of(windows('web'), windowsInfo);
    expect(b.findings.find((f) => f.code === 'windows-administrator')).toMatchObject({ reach: 'host', severity: 'medium' });
    expect(b.verdict).toBe('weakened');
    expect(b.reachesEngine).toBe(false);
  });

  it('ContainerUser strengthens', () => {
    const i = windows('web');
    const b = of({ ...i, Config: { ...i.Config, User: 'ContainerUser' } }, windowsInfo);
    expect(b.findings.map((f) => f.code)).toContain('windows-user');
    expect(b.findings.map((f) => f.code)).not.toContain('windows-administrator');
  });

  it("Docker Desktop's portainer mounts the socket through Mounts; its database does not", () => {
    const portainer = loadJson<RawContainerInspect>('docker-desktop-wsl2/containers/portainer.json');
    const db = loadJson<RawContainerInspect>('docker-desktop-wsl2/containers/db.json');
    expect(of(portainer, desktop).reachesEngine).toBe(true);
    expect(of(portainer, desktop).worst).toBe('critical');
    expect(of(db, desktop).reachesEngine).toBe(false);
    // This recorded engine reports `name=seccomp,profile=unconfined`: no container of it has the filter.
    expect(of(db, desktop).findings.find((f) => f.code === 'seccomp-unconfined')).toMatchObject({
      setting: 'daemon: seccomp-profile unconfined',
      reach: 'host',
    });
    expect(of(db, { ...desktop, hardening: { ...desktop.hardening, seccompProfile: 'default' } }).verdict).toBe('default');
  });
});
