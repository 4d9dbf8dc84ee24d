// Mount parsing, duplicate destinations (portainer#8828), and which writable-layer changes are data.
import { describe, expect, it } from 'vitest';
import { bindParts, destinationKey, planMounts } from '../../../../src/shared/isolation/recreate-mounts';
import { engineMountPoints, personChanges, type RawChange } from '../../../../src/shared/isolation/writable-layer';
import { clone, loadInspect, loadJson } from './load';

describe('bind strings', () => {
  it('Linux: source, destination, options', () => {
    expect(bindParts('silo-data:/data')).toEqual({ source: 'silo-data', destination: '/data', options: '' });
    expect(bindParts('/srv/x:/x:ro,z')).toEqual({ source: '/srv/x', destination: '/x', options: 'ro,z' });
  });

  it('Windows: drive letters and pipes are not split at their colon', () => {
    expect(bindParts('C:\\site:C:\\inetpub\\wwwroot:ro')).toEqual({ source: 'C:\\site', destination: 'C:\\inetpub\\wwwroot', options: 'ro' });
    expect(bindParts('logs:C:\\logs')).toEqual({ source: 'logs', destination: 'C:\\logs', options: '' });
    expect(bindParts('\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine')).toEqual({
      source: '\\\\.\\pipe\\docker_engine',
      destination: '\\\\.\\pipe\\docker_engine',
      options: '',
    });
    expect(bindParts('c:/data:c:/data', true)).toEqual({ source: 'c:/data', destination: 'c:/data', options: '' });
  });

  it('a volume named like a drive letter stays a volume on Linux', () => {
    expect(bindParts('c:/data', false)).toEqual({ source: 'c', destination: '/data', options: '' });
  });

  it('destinations compare without trailing separators, and without case on Windows', () => {
    expect(destinationKey('/data/', false)).toBe('/data');
    expect(destinationKey('//data', false)).toBe('/data');
    expect(destinationKey('/', false)).toBe('/');
    expect(destinationKey('C:\\Logs\\', true)).toBe('c:\\logs');
    expect(destinationKey('c:/logs', true)).toBe('c:\\logs');
  });
});

describe('duplicate destinations', () => {
  it('none in the recorded containers', () => {
    for (const name of ['web', 'worker', 'auto-remove', 'notes', 'windows-site']) expect(planMounts(loadInspect(name)).duplicates, name).toEqual([]);
  });

  it('a destination in both Binds and Mounts is found before the engine refuses it', () => {
    const web = clone(loadInspect('web'));
    web.HostConfig.Mounts = [{ Type: 'bind', Source: '/srv/data', Target: '/data/' }];
    expect(planMounts(web).duplicates).toEqual(['/data']);
  });

  it('a tmpfs over a volume counts too', () => {
    const web = clone(loadInspect('web'));
    web.HostConfig.Tmpfs = { '/data': '' };
    expect(planMounts(web).duplicates).toEqual(['/data']);
  });

  it('a read-only anonymous volume stays read-only', () => {
    const web = clone(loadInspect('web'));
    web.Mounts = web.Mounts!.map((m) => (m.Destination === '/anon' ? { ...m, RW: false } : m));
    expect(planMounts(web).mounts?.[0]).toMatchObject({ Target: '/anon', ReadOnly: true });
  });
});

describe('writable-layer changes', () => {
  const changes = (label: string): RawChange[] => loadJson<RawChange[] | null>(`recreate/${label}-changes.json`) ?? [];

  it('web: only mount points the engine made (volumes, the tmpfs, docker-init): no data', () => {
    expect(changes('web-to-runsc').length).toBe(5);
    expect(personChanges(changes('web-to-runsc'), loadInspect('web'))).toEqual([]);
  });

  it('auto-remove: its anonymous volume’s mount point only', () => {
    expect(personChanges(changes('auto-to-runsc'), loadInspect('auto-remove'))).toEqual([]);
  });

  it('notes: a file the program wrote is data', () => {
    expect(personChanges(changes('notes-to-runsc'), loadInspect('notes'))).toEqual([
      { Kind: 1, Path: '/srv' },
      { Kind: 1, Path: '/srv/notes' },
    ]);
  });

  it('a file beside a mount point, or a deleted one, is data', () => {
    const web = loadInspect('web');
    const layer: RawChange[] = [
      { Kind: 0, Path: '/etc' },
      { Kind: 1, Path: '/etc/app.conf' },
      { Kind: 2, Path: '/data' },
      { Kind: 0, Path: '/sbin' },
    ];
    expect(personChanges(layer, web)).toEqual([
      { Kind: 1, Path: '/etc/app.conf' },
      { Kind: 2, Path: '/data' },
    ]);
  });

  it('lists where the engine puts things', () => {
    expect(engineMountPoints(loadInspect('web'))).toEqual(expect.arrayContaining(['/anon', '/data', '/run', '/sbin/docker-init', '/tmp', '/etc/hosts']));
    expect(engineMountPoints(loadInspect('worker'))).toEqual(expect.arrayContaining(['/cache', '/host', '/state', '/dev/xnull']));
  });
});
