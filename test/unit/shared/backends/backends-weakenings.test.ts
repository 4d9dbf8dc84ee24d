// Issue 12 item 5: weakenings of a daemon.json passed silently. The pure rules: what a new file
// opens (tcp without TLS, TLS without client checks, CORS, seccomp off, insecure registries) and
// what it takes away compared with the file on disk (userns-remap, no-new-privileges, SELinux,
// authorization plugins, a weaker default runtime or Windows isolation). Only what is new counts.
import { describe, expect, it } from 'vitest';
import { findWeakenings } from '../../../../src/shared/backends/weakenings';

const linux = { platform: 'linux' as const };
const codes = (next: object, old: object | null = null, options: Parameters<typeof findWeakenings>[2] = linux) =>
  findWeakenings(next as never, old as never, options).map((w) => w.code);

describe('findWeakenings', () => {
  it('finds the attack of the issue: tcp on every address without TLS, and CORS for any page', () => {
    const found = findWeakenings({ hosts: ['unix:///var/run/docker.sock', 'tcp://0.0.0.0:2375'], 'api-cors-header': '*' }, null, linux);
    expect(found).toEqual([
      {
        id: 'tcp-plain:tcp://0.0.0.0:2375',
        code: 'tcp-plain',
        key: 'hosts',
        params: { address: 'tcp://0.0.0.0:2375' },
        message: expect.stringMatching(/root for anyone who reaches the port/),
      },
      { id: 'cors-any:*', code: 'cors-any', key: 'api-cors-header', params: {}, message: expect.any(String) },
    ]);
  });

  it('tells plain tcp on loopback, on every address and without a scheme apart; TLS with tlsverify is fine', () => {
    expect(codes({ hosts: ['tcp://127.0.0.1:2375', 'tcp://[::1]:2375', 'tcp://localhost:2375'] })).toEqual([
      'tcp-plain-local',
      'tcp-plain-local',
      'tcp-plain-local',
    ]);
    expect(codes({ hosts: ['tcp://:2375', '0.0.0.0:2375', 'tcp://192.168.1.5:2375', 'tcp://[::]:2375'] })).toEqual([
      'tcp-plain',
      'tcp-plain',
      'tcp-plain',
      'tcp-plain',
    ]);
    expect(codes({ hosts: ['tcp://0.0.0.0:2376'], tls: true })).toEqual(['tls-no-verify']);
    expect(codes({ hosts: ['tcp://0.0.0.0:2376'], tls: true, tlsverify: false })).toEqual(['tls-no-verify']);
    expect(codes({ hosts: ['tcp://0.0.0.0:2376'], tlsverify: true })).toEqual([]);
    expect(codes({ hosts: ['tcp://0.0.0.0:2376'] }, null, { platform: 'linux', commandLineFlags: ['tlsverify'] })).toEqual([]);
    expect(codes({ hosts: ['unix:///run/docker.sock', 'fd://', 'npipe:////./pipe/docker_engine'] })).toEqual([]);
  });

  it('finds a CORS origin, seccomp unconfined, and insecure registries (everything, or one), not loopback ones', () => {
    expect(findWeakenings({ 'api-cors-header': 'https://example.com' }, null, linux)[0]).toMatchObject({
      code: 'cors-origin',
      params: { origin: 'https://example.com' },
    });
    expect(codes({ 'api-cors-header': '' })).toEqual([]);
    expect(codes({ 'seccomp-profile': 'unconfined' })).toEqual(['seccomp-unconfined']);
    expect(codes({ 'seccomp-profile': '/etc/docker/seccomp.json' })).toEqual([]);
    expect(codes({ 'insecure-registries': ['0.0.0.0/0', '::/0', '10.0.0.0/8', 'registry.lan:5000', 'localhost:5000', '127.0.0.0/8'] })).toEqual([
      'insecure-registries-all',
      'insecure-registries-all',
      'insecure-registries-all',
      'insecure-registry',
    ]);
  });

  it('counts only what the file on disk did not already have', () => {
    const old = { hosts: ['tcp://0.0.0.0:2375'], 'insecure-registries': ['registry.lan:5000'] };
    expect(codes({ ...old, 'log-level': 'debug' }, old)).toEqual([]);
    expect(codes({ ...old, hosts: ['tcp://0.0.0.0:2375', 'tcp://10.0.0.2:2375'] }, old)).toEqual(['tcp-plain']);
    // Turning TLS off over an address that had it is new.
    expect(codes({ hosts: ['tcp://0.0.0.0:2376'] }, { hosts: ['tcp://0.0.0.0:2376'], tlsverify: true })).toEqual(['tcp-plain']);
  });

  it('finds protections taken away: userns-remap, no-new-privileges, SELinux, an authorization plugin', () => {
    const old = { 'userns-remap': 'default', 'no-new-privileges': true, 'selinux-enabled': true, 'authorization-plugins': ['opa', 'audit'] };
    expect(codes({ 'authorization-plugins': ['audit'] }, old)).toEqual([
      'userns-remap-removed',
      'no-new-privileges-removed',
      'selinux-disabled',
      'authorization-plugin-removed',
    ]);
    expect(codes({ ...old, 'no-new-privileges': false }, old)).toEqual(['no-new-privileges-removed']);
    expect(codes(old, old)).toEqual([]);
    // Never set before: nothing was taken away (icc, live-restore are not protections of this kind).
    expect(codes({ icc: true, 'live-restore': false, 'no-new-privileges': false }, {})).toEqual([]);
  });

  it('finds a weaker default runtime (gVisor → runc, a runsc name that now runs runc), not a stronger one', () => {
    const runtimes = { runsc: { path: '/usr/bin/runsc' } };
    const found = findWeakenings({ runtimes, 'default-runtime': 'runc' }, { runtimes, 'default-runtime': 'runsc' }, linux);
    expect(found).toEqual([expect.objectContaining({ id: 'default-runtime-weaker:runsc>runc', params: { before: 'runsc', after: 'runc' } })]);
    // Removing default-runtime is runc again.
    expect(codes({ runtimes }, { runtimes, 'default-runtime': 'runsc' })).toEqual(['default-runtime-weaker']);
    expect(codes({ runtimes: { runsc: { path: '/usr/bin/runc' } }, 'default-runtime': 'runsc' }, { runtimes, 'default-runtime': 'runsc' })).toEqual([
      'default-runtime-weaker',
    ]);
    expect(codes({ runtimes, 'default-runtime': 'runsc' }, {})).toEqual([]);
    expect(codes({ runtimes: { kata: { path: '/opt/kata/bin/kata-runtime' } }, 'default-runtime': 'kata' }, { runtimes, 'default-runtime': 'runsc' })).toEqual(
      [],
    );
    // A runtime Silo cannot place on the ladder is not called weaker.
    expect(codes({ runtimes: { mine: { path: '/opt/mine' } }, 'default-runtime': 'mine' }, { runtimes, 'default-runtime': 'runsc' })).toEqual([]);
  });

  it('finds a weaker Windows isolation (hyperv → process)', () => {
    const windows = { platform: 'windows' as const };
    expect(codes({ 'exec-opts': ['isolation=process'] }, { 'exec-opts': ['isolation=hyperv'] }, windows)).toEqual(['windows-isolation-weaker']);
    expect(codes({ 'exec-opts': ['isolation=hyperv'] }, { 'exec-opts': ['isolation=process'] }, windows)).toEqual([]);
  });
});
