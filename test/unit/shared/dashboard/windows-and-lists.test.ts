// The pure rules behind terminals, processes, images, volumes and networks, with the Windows
// answers of test/fixtures/windows-server-2022 where they differ.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffList } from '../../../../src/shared/dashboard/diff';
import { imageBuild, imagePruneEstimate, toImageLayers, toImageListItem } from '../../../../src/shared/dashboard/images';
import { isBuiltInNetwork, toNetworkSummary } from '../../../../src/shared/dashboard/networks';
import { toFilesystemChanges, toProcessTable, topArguments } from '../../../../src/shared/dashboard/processes';
import type { RawImageInspect, RawImageListItem, RawNetwork } from '../../../../src/shared/dashboard/raw';
import { isMissingShell, shellCandidates } from '../../../../src/shared/dashboard/shell';
import { isAnonymousVolume, toVolumeSummary, volumeNamesOf, volumePruneEstimate, volumeSizes, volumeUsers } from '../../../../src/shared/dashboard/volumes';

const win = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../fixtures/windows-server-2022/${path}`, import.meta.url), 'utf8')) as T;

describe('the shell of a terminal', () => {
  it('is /bin/sh in a Linux container, PowerShell then cmd.exe in Windows ones, cmd.exe on Nano Server', () => {
    expect(shellCandidates({ engineOsType: 'linux', containerPlatform: 'linux', image: 'alpine' })).toEqual([
      { cmd: ['/bin/sh'], env: ['TERM=xterm-256color'] },
    ]);
    expect(
      shellCandidates({ engineOsType: 'windows', containerPlatform: 'windows', image: 'mcr.microsoft.com/windows/servercore:ltsc2022' }).map((s) => s.cmd[0]),
    ).toEqual(['powershell.exe', 'cmd.exe']);
    expect(shellCandidates({ engineOsType: 'windows', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' }).map((s) => s.cmd[0])).toEqual(['cmd.exe']);
    expect(shellCandidates({ engineOsType: 'windows', image: 'mcr.microsoft.com/powershell:lts-nanoserver-ltsc2022' }).map((s) => s.cmd[0])).toEqual([
      'pwsh.exe',
      'cmd.exe',
    ]);
    // The container's platform wins over the engine's (Linux containers on a Windows daemon, LCOW).
    expect(shellCandidates({ engineOsType: 'windows', containerPlatform: 'linux', image: 'busybox' })[0]!.cmd).toEqual(['/bin/sh']);
  });

  it('knows the engine could not start it, by its words or its exit code', () => {
    expect(
      isMissingShell(
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown\r\n',
        126,
      ),
    ).toBe(true);
    expect(isMissingShell('', 127)).toBe(true);
    expect(isMissingShell('/ # ', null)).toBe(false);
  });
});

describe('processes and changes', () => {
  it('reads the Windows columns (moby daemon/top_windows.go) and sends no ps arguments there', () => {
    const table = toProcessTable({ Titles: ['Name', 'PID', 'CPU', 'Private Working Set'], Processes: [['CExecSvc.exe', '1234', '00:00:00.437', '1.2MB']] });
    expect(table.pidColumn).toBe(1);
    expect(topArguments('windows')).toBeNull();
    expect(topArguments('linux')).toBe('-ef');
    expect(toProcessTable({ Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], Processes: [] }).pidColumn).toBe(1);
    expect(toProcessTable(null)).toEqual({ titles: [], processes: [], pidColumn: null });
  });

  it('words docker diff kinds, and an unchanged container (null) as none', () => {
    expect(
      toFilesystemChanges([
        { Path: '/tmp/x', Kind: 1 },
        { Path: '/etc', Kind: 0 },
        { Path: '/bin/ls', Kind: 2 },
      ]),
    ).toEqual([
      { path: '/bin/ls', kind: 'deleted' },
      { path: '/etc', kind: 'modified' },
      { path: '/tmp/x', kind: 'added' },
    ]);
    expect(toFilesystemChanges(null)).toEqual([]);
  });
});

describe('images', () => {
  it('gives Windows images their OsVersion and build (recorded fixture answers)', () => {
    const list = win<RawImageListItem[]>('images.json');
    const inspects = [win<RawImageInspect>('images/servercore_ltsc2022.json'), win<RawImageInspect>('images/nanoserver_1809.json')];
    const items = list.map((raw) => toImageListItem(raw, inspects.find((i) => i.Id === raw.Id) ?? null));
    expect(items.map((i) => [i.tags[0], i.os, i.osVersion, imageBuild(i.osVersion)])).toEqual([
      ['mcr.microsoft.com/windows/servercore:ltsc2022', 'windows', '10.0.20348.2762', 20348],
      ['mcr.microsoft.com/windows/nanoserver:1809', 'windows', '10.0.17763.6414', 17763],
    ]);
    expect(
      toImageListItem(
        { Id: 'sha256:1', Created: 1, Size: 5, RepoTags: ['<none>:<none>'] },
        { Id: 'sha256:1', Os: 'linux', OsVersion: '', Architecture: 'arm64', Variant: 'v8' },
      ),
    ).toMatchObject({
      tags: [],
      dangling: true,
      osVersion: null,
      architecture: 'arm64/v8',
      createdAt: 1000,
    });
    expect(imageBuild(null)).toBeNull();
  });

  it('reads layers, with <missing> and metadata-only steps', () => {
    expect(
      toImageLayers([
        { Id: 'sha256:top', Created: 2, CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', Size: 0, Tags: ['a:1'], Comment: '' },
        { Id: '<missing>', Created: 1, CreatedBy: '/bin/sh -c #(nop) ADD file:abc in / ', Size: 7_000_000, Tags: null },
      ]),
    ).toEqual([
      { id: 'sha256:top', createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', size: 0, createdAt: 2000, comment: '', tags: ['a:1'], empty: true },
      { id: null, createdBy: '/bin/sh -c #(nop) ADD file:abc in / ', size: 7_000_000, createdAt: 1000, comment: '', tags: [], empty: false },
    ]);
  });

  it('estimates a prune: dangling images no container uses, their own bytes only', () => {
    const estimate = imagePruneEstimate([
      { Id: 'sha256:used', Created: 1, Size: 100, SharedSize: 0, RepoTags: [], Containers: 1 },
      { Id: 'sha256:free', Created: 1, Size: 100, SharedSize: 60, RepoTags: ['<none>:<none>'], Containers: 0 },
      { Id: 'sha256:tagged', Created: 1, Size: 100, SharedSize: 0, RepoTags: ['x:1'], Containers: 0 },
    ]);
    expect(estimate).toEqual({ images: [{ id: 'sha256:free', size: 40, createdAt: 1000 }], bytes: 40 });
  });
});

describe('volumes', () => {
  it('joins sizes and users, and knows anonymous volumes', () => {
    const users = volumeUsers([
      { id: 'b', name: 'web', state: 'running', volumes: ['data', 'data'] },
      { id: 'a', name: 'api', state: 'exited', volumes: ['data'] },
    ]);
    expect(users.get('data')).toEqual([
      { id: 'a', name: 'api', state: 'exited' },
      { id: 'b', name: 'web', state: 'running' },
    ]);
    const sizes = volumeSizes([
      { Name: 'data', Driver: 'local', Mountpoint: '/m', UsageData: { Size: 42, RefCount: 2 } },
      { Name: 'remote', Driver: 'nfs', Mountpoint: '', UsageData: { Size: -1, RefCount: 0 } },
    ]);
    expect([...sizes]).toEqual([['data', 42]]);
    expect(toVolumeSummary({ Name: 'data', Driver: 'local', Mountpoint: '/m', CreatedAt: '2024-10-16T10:00:00Z' }, 42, users.get('data')!)).toMatchObject({
      size: 42,
      createdAt: Date.parse('2024-10-16T10:00:00Z'),
      anonymous: false,
    });
    expect(isAnonymousVolume({ Name: 'f'.repeat(64) })).toBe(true);
    expect(isAnonymousVolume({ Name: 'named', Labels: { 'com.docker.volume.anonymous': '' } })).toBe(true);
    expect(volumeNamesOf([{ Type: 'volume', Name: 'data' }, { Type: 'bind' }, { Type: 'npipe', Name: '' }])).toEqual(['data']);
  });

  it('estimates a prune as the engine prunes: every unused local volume before API 1.42, anonymous ones after', () => {
    const v = (name: string, usedBy: number, labels: Record<string, string> = {}, driver = 'local') =>
      toVolumeSummary(
        { Name: name, Driver: driver, Mountpoint: '', Labels: labels },
        10,
        Array.from({ length: usedBy }, (_, i) => ({ id: `${i}`, name: `c${i}`, state: 'running' })),
      );
    const volumes = [v('named', 0), v('anon', 0, { 'com.docker.volume.anonymous': '' }), v('busy', 1), v('nfs', 0, {}, 'nfs')];
    expect(volumePruneEstimate(volumes, '1.41')).toEqual({
      volumes: [
        { name: 'named', size: 10 },
        { name: 'anon', size: 10 },
      ],
      bytes: 20,
      anonymousOnly: false,
    });
    expect(volumePruneEstimate(volumes, '1.43')).toEqual({ volumes: [{ name: 'anon', size: 10 }], bytes: 10, anonymousOnly: true });
  });
});

describe('networks (Windows Server 2022 fixture)', () => {
  it('shows Windows drivers as such, and only the engine’s own networks as built in', () => {
    const names = ['nat', 'none', 'external', 'cluster'];
    const summaries = names.map((n) => toNetworkSummary(win<RawNetwork>(`networks/${n}.json`)));
    expect(summaries.map((n) => [n.name, n.driver, n.builtIn])).toEqual([
      ['nat', 'nat', true],
      ['none', 'null', true],
      ['external', 'transparent', false],
      ['cluster', 'l2bridge', false],
    ]);
    expect(summaries[0]!.containers.map((c) => c.ipv4)).toEqual(['172.22.170.51', '172.22.170.34']);
    expect(isBuiltInNetwork({ Name: 'nat', Driver: 'bridge' })).toBe(false);
    expect(isBuiltInNetwork({ Name: 'ingress', Driver: 'overlay', Ingress: true })).toBe(true);
  });
});

describe('list patches', () => {
  it('sends what changed, and everything the first time', () => {
    const key = (x: { id: string }) => x.id;
    const first = diffList(null, [{ id: 'a', v: 1 }], key);
    expect(first.patch).toEqual({ reset: true, upsert: [{ id: 'a', v: 1 }], remove: [] });
    const next = diffList(
      first.map,
      [
        { id: 'a', v: 2 },
        { id: 'b', v: 1 },
      ],
      key,
    );
    expect(next.patch).toEqual({
      reset: false,
      upsert: [
        { id: 'a', v: 2 },
        { id: 'b', v: 1 },
      ],
      remove: [],
    });
    expect(diffList(next.map, [{ id: 'b', v: 1 }], key).patch).toEqual({ reset: false, upsert: [], remove: ['a'] });
  });
});
