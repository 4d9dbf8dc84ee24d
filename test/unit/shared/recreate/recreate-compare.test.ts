// The field-by-field comparison: the recorded moves differ only where expected, and a field changed
// on purpose is found, alone.
import { describe, expect, it } from 'vitest';
import { compareInspect } from '../../../../src/shared/isolation/recreate-compare';
import type { RawContainerInspect } from '../../../../src/shared/engine-api';
import { clone, loadInspect } from './load';

const pairs: Array<[string, string, { imageChanged?: boolean }]> = [
  ['web', 'web-runsc', {}],
  ['web-runsc', 'web-runc-again', {}],
  ['web', 'web-runc-again', {}],
  ['worker', 'worker-runsc', {}],
  ['auto-remove', 'auto-remove-runsc', {}],
  ['notes', 'notes-runsc', { imageChanged: true }],
];

describe('the recorded moves', () => {
  it.each(pairs)('%s → %s differs only where expected', (before, after, options) => {
    expect(compareInspect(loadInspect(before), loadInspect(after), options)).toEqual([]);
  });

  it('the runtime did change, and so did the id, the hostname and the short-id alias', () => {
    const web = loadInspect('web');
    const moved = loadInspect('web-runsc');
    expect([web.HostConfig.Runtime, moved.HostConfig.Runtime]).toEqual(['runc', 'runsc']);
    expect(moved.Id).not.toBe(web.Id);
    expect(moved.Config.Hostname).toBe(moved.Id.slice(0, 12));
    expect(moved.NetworkSettings?.Networks?.['silo-front']?.Aliases).toEqual(['webalias', moved.Id.slice(0, 12)]);
  });

  it('the committed container differs in its image only, and the comparison says so when not told', () => {
    const diffs = compareInspect(loadInspect('notes'), loadInspect('notes-runsc'));
    expect(diffs.map((d) => d.path)).toEqual(['Config.Image', 'Image']);
    expect(diffs[0]?.new).toMatch(/^silo-keep\/notes:[0-9a-f]{12}$/);
  });
});

/** Change one thing in the new answer; the comparison must report that path and nothing else. */
const changes: Array<[string, (c: RawContainerInspect) => void, string]> = [
  ['memory', (c) => (c.HostConfig['Memory'] = 128 * 1024 * 1024), 'HostConfig.Memory'],
  ['an environment variable', (c) => (c.Config.Env = ['FOO=baz', 'EMPTY=']), 'Config.Env'],
  ['a dotted label', (c) => (c.Config.Labels = { ...c.Config.Labels, 'com.example.tier': 'db' }), 'Config.Labels["com.example.tier"]'],
  ['the restart policy', (c) => (c.HostConfig.RestartPolicy = { Name: 'always', MaximumRetryCount: 0 }), 'HostConfig.RestartPolicy.Name'],
  [
    'a published port',
    (c) => (c.HostConfig.PortBindings = { ...c.HostConfig.PortBindings, '80/tcp': [{ HostIp: '', HostPort: '18081' }] }),
    'HostConfig.PortBindings["80/tcp"]',
  ],
  ['an alias', (c) => (c.NetworkSettings!.Networks!['silo-front']!.Aliases = ['other', c.Id.slice(0, 12)]), 'NetworkSettings.Networks["silo-front"].Aliases'],
  [
    'a static address',
    (c) => (c.NetworkSettings!.Networks!['silo-back']!.IPAMConfig = { IPv4Address: '10.213.31.21' }),
    'NetworkSettings.Networks["silo-back"].IPAMConfig.IPv4Address',
  ],
  ['a lost network', (c) => delete c.NetworkSettings!.Networks!['silo-back'], 'NetworkSettings.Networks["silo-back"]'],
  ['the anonymous volume replaced by a new one', (c) => (c.Mounts!.find((m) => m.Destination === '/anon')!.Name = 'f'.repeat(64)), 'Mounts["/anon"].Name'],
  ['a hostname set where none was', (c) => (c.Config.Hostname = 'chosen'), 'Config.Hostname'],
  ['the healthcheck', (c) => (c.Config.Healthcheck = { ...c.Config.Healthcheck, Test: ['NONE'] }), 'Config.Healthcheck.Test'],
  ['the log options', (c) => (c.HostConfig['LogConfig'] = { Type: 'json-file', Config: {} }), 'HostConfig.LogConfig.Config["max-size"]'],
  ['a capability', (c) => (c.HostConfig.CapAdd = []), 'HostConfig.CapAdd'],
  ['privileged', (c) => (c.HostConfig.Privileged = true), 'HostConfig.Privileged'],
  ['the name', (c) => (c.Name = '/web-2'), 'Name'],
];

describe('a field changed on purpose', () => {
  it.each(changes)('finds %s, and nothing else', (_what, change, path) => {
    const after = clone(loadInspect('web-runsc'));
    change(after);
    const diffs = compareInspect(loadInspect('web'), after);
    expect(diffs.map((d) => d.path)).toEqual([path]);
  });

  it('ignores the name only when the old container was renamed', () => {
    const after = clone(loadInspect('web-runsc'));
    after.Name = '/web-silo-old-0123456789ab';
    expect(compareInspect(loadInspect('web'), after, { renamed: true })).toEqual([]);
  });

  it('reports the values on both sides', () => {
    const after = clone(loadInspect('web-runsc'));
    after.HostConfig['PidsLimit'] = 50;
    expect(compareInspect(loadInspect('web'), after)).toEqual([{ path: 'HostConfig.PidsLimit', old: 100, new: 50 }]);
  });

  it('notices a named volume turned into a new anonymous one (what Portainer did)', () => {
    const after = clone(loadInspect('web-runsc'));
    after.HostConfig.Mounts = [];
    after.Mounts = after.Mounts!.map((m) => (m.Destination === '/anon' ? { ...m, Name: 'e'.repeat(64), Mode: '' } : m));
    expect(compareInspect(loadInspect('web'), after).map((d) => d.path)).toEqual(['HostConfig.Mounts', 'Mounts["/anon"].Name']);
  });

  it('counts absent, null, false, "", [] and {} as the same, but not 0', () => {
    const before = clone(loadInspect('worker'));
    const after = clone(loadInspect('worker-runsc'));
    after.HostConfig['DeviceCgroupRules'] = [];
    after.HostConfig['OomKillDisable'] = undefined;
    after.Config['OnBuild'] = {};
    expect(compareInspect(before, after)).toEqual([]);
    after.HostConfig['CpuQuota'] = 0;
    expect(compareInspect(before, after).map((d) => d.path)).toEqual(['HostConfig.CpuQuota']);
  });

  it('the Windows isolation mode is expected to differ, like a runtime', () => {
    const site = loadInspect('windows-site');
    const moved = clone(site);
    moved.HostConfig.Isolation = 'hyperv';
    // As the engine would answer after the re-create: the anonymous volume attached by name.
    moved.HostConfig.Mounts = [{ Type: 'volume', Source: site.Mounts?.[2]?.Name, Target: 'c:\\data', VolumeOptions: { NoCopy: true } }];
    expect(compareInspect(site, moved)).toEqual([]);
    moved.HostConfig.Mounts = null;
    expect(compareInspect(site, moved).map((d) => d.path)).toEqual(['HostConfig.Mounts']);
  });
});
