import { describe, expect, it } from 'vitest';
import type { RawRuntime } from '../../../../src/shared/engine-api';
import type { Rung } from '../../../../src/shared/model/isolation';
import { classifyRuntime, classifyWindowsIsolation, parseWindowsIsolation } from '../../../../src/shared/isolation';

describe('classifyRuntime: the ladder of isolation.md', () => {
  it.each<[string, RawRuntime | undefined, Rung]>([
    ['runc', undefined, 'shared-kernel'],
    ['crun', undefined, 'shared-kernel'],
    ['io.containerd.runc.v2', undefined, 'shared-kernel'],
    ['io.containerd.runc.v1', undefined, 'shared-kernel'],
    ['RUNC', undefined, 'shared-kernel'],
    ['runc', { path: 'docker-runc' }, 'shared-kernel'],
    ['default', { path: '/usr/bin/runc' }, 'shared-kernel'],
    ['io.containerd.runc.v2', { path: 'runc' }, 'shared-kernel'],
    ['crun', { path: '/usr/bin/crun', runtimeArgs: ['--systemd-cgroup'] }, 'shared-kernel'],
    ['crun', { runtimeType: 'io.containerd.runc.v2', options: { BinaryName: '/usr/local/bin/crun' } }, 'shared-kernel'],
    ['runsc', undefined, 'user-space-kernel'],
    ['gvisor', { path: '/usr/local/bin/runsc' }, 'user-space-kernel'],
    ['runsc', { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] }, 'user-space-kernel'],
    ['sandboxed', { runtimeType: 'io.containerd.runsc.v1' }, 'user-space-kernel'],
    ['runsc-kvm', { path: '/usr/bin/runsc', runtimeArgs: ['--platform=kvm'] }, 'user-space-kernel'],
    ['io.containerd.kata.v2', undefined, 'virtual-machine'],
    ['kata-runtime', undefined, 'virtual-machine'],
    ['kata-qemu', undefined, 'virtual-machine'],
    ['kata', { runtimeType: 'io.containerd.kata.v2' }, 'virtual-machine'],
    ['vm', { runtimeType: 'io.containerd.kata-fc.v2' }, 'virtual-machine'],
    ['vm', { runtimeType: '/opt/kata/bin/containerd-shim-kata-v2' }, 'virtual-machine'],
    ['vm', { path: '/opt/kata/bin/kata-runtime' }, 'virtual-machine'],
    ['sysbox-runc', undefined, 'user-namespaced'],
    ['sysbox-runc', { path: '/usr/bin/sysbox-runc' }, 'user-namespaced'],
  ])('%s %j → %s', (name, raw, rung) => {
    expect(classifyRuntime(name, raw)).toBe(rung);
  });

  it.each<[string, RawRuntime | undefined]>([
    ['nvidia', { path: 'nvidia-container-runtime' }],
    ['youki', undefined],
    ['my-runtime', { path: '/opt/bin/wrapper.sh' }],
    ['', undefined],
    ['io.containerd.wasmedge.v1', undefined],
    ['runhcs', { runtimeType: 'io.containerd.runhcs.v1' }],
  ])('never guesses: %s %j is unknown', (name, raw) => {
    expect(classifyRuntime(name, raw)).toBe('unknown');
  });

  it('lets the binary that runs decide over the name a person gave it', () => {
    expect(classifyRuntime('runc', { path: '/usr/local/bin/runsc' })).toBe('user-space-kernel');
    expect(classifyRuntime('runsc', { runtimeType: 'io.containerd.kata.v2' })).toBe('virtual-machine');
  });

  it('falls back to the name when the path says nothing (a wrapper script)', () => {
    expect(classifyRuntime('runsc', { path: '/opt/wrappers/sandbox.sh' })).toBe('user-space-kernel');
  });

  it('reads Windows-style paths too', () => {
    expect(classifyRuntime('x', { path: 'C:\\bin\\runc.exe' })).toBe('shared-kernel');
  });
});

describe('Windows isolation modes', () => {
  it('puts process on the shared kernel and hyperv in a VM, in any case', () => {
    expect(classifyWindowsIsolation('process')).toBe('shared-kernel');
    expect(classifyWindowsIsolation('Process')).toBe('shared-kernel');
    expect(classifyWindowsIsolation('hyperv')).toBe('virtual-machine');
    expect(classifyWindowsIsolation('HyperV')).toBe('virtual-machine');
    expect(classifyWindowsIsolation('HYPERV')).toBe('virtual-machine');
    expect(classifyWindowsIsolation('default')).toBe('unknown');
    expect(classifyWindowsIsolation('')).toBe('unknown');
    expect(classifyWindowsIsolation('hyper-v')).toBe('unknown');
  });

  it('parses only the two modes', () => {
    expect(parseWindowsIsolation(' HyperV ')).toBe('hyperv');
    expect(parseWindowsIsolation('PROCESS')).toBe('process');
    expect(parseWindowsIsolation('default')).toBeNull();
    expect(parseWindowsIsolation(undefined)).toBeNull();
    expect(parseWindowsIsolation(null)).toBeNull();
  });
});
