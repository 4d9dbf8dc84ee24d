// A Windows Server 2022 engine (recorded `GET /info`, constructed containers) over a real socket,
// read by the real docker CLI, then through Silo's isolation rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawContainerInspect, RawInfo } from '../../../src/shared/engine-api';
import { mountsEngineSocket, resolveIsolation, toEngineInfo } from '../../../src/shared/isolation';
import { startFixtureEngine, type FixtureEngine } from '../../support/fixture-engine';
import { DockerCli, dockerClis, tempSocketDir } from './cli';

// The docker CLI comes with docker.io (scripts/setup.sh): a missing CLI fails here, never skips.
const [firstCli] = dockerClis();
if (!firstCli) throw new Error('no docker CLI found: run scripts/setup.sh');

describe('fixture engine: windows-server-2022 through the docker CLI', () => {
  const tmp = tempSocketDir();
  let engine: FixtureEngine;
  let cli: DockerCli;

  beforeAll(async () => {
    engine = await startFixtureEngine('windows-server-2022', tmp.socket('windows-server-2022'));
    cli = new DockerCli(firstCli!, engine.host);
  });
  afterAll(async () => {
    await engine?.close();
    cli?.dispose();
    tmp.dispose();
  });

  it('docker info shows a Windows Server engine whose default is process isolation', async () => {
    const info = await cli.json<RawInfo & Record<string, unknown>>('info', '--format', '{{json .}}');
    expect(info.OSType).toBe('windows');
    expect(info.Isolation).toBe('process');
    expect(info.KernelVersion).toBe('10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)');
    expect(info.Containers).toBe(4);
    const model = toEngineInfo(info);
    expect(model.kind).toBe('windows-server');
    expect(model.hostBuild).toBe(20348);
    expect(model.defaultIsolation).toBe('process');
  });

  it('docker version speaks the API 23.0 implies, as a windows/amd64 engine', async () => {
    const v = await cli.json<{ Server: { ApiVersion: string; Os: string; Arch: string; Version: string } }>('version', '--format', '{{json .}}');
    expect(v.Server).toMatchObject({ ApiVersion: '1.42', Os: 'windows', Arch: 'amd64', Version: '23.0.3' });
    // The CLI negotiated down to the engine's version.
    expect(engine.requests.some((r) => r.path.startsWith('/v1.42/'))).toBe(true);
  });

  it('docker ps lists running containers, and every container with -a', async () => {
    type Row = { ID: string; Names: string; Image: string; State: string; Ports: string; Command: string };
    const running = await cli.jsonLines<Row>('ps', '--format', '{{json .}}');
    expect(running.map((r) => r.Names).sort()).toEqual(['ci-runner', 'web']);
    const all = await cli.jsonLines<Row>('ps', '-a', '--format', '{{json .}}');
    expect(all.map((r) => [r.Names, r.State])).toEqual([
      ['legacy-app', 'created'],
      ['ci-runner', 'running'],
      ['web', 'running'],
      ['build-agent', 'exited'],
    ]);
    expect(all.find((r) => r.Names === 'web')).toMatchObject({
      Image: 'mcr.microsoft.com/windows/servercore:ltsc2022',
      Ports: '0.0.0.0:8080->80/tcp',
    });
  });

  it('docker inspect gives Windows containers; the rules find each isolation and the pipe mount', async () => {
    const info = toEngineInfo(await cli.json<RawInfo>('info', '--format', '{{json .}}'));
    const names = ['web', 'build-agent', 'ci-runner', 'legacy-app'];
    const inspected = await cli.json<RawContainerInspect[]>('inspect', ...names);
    expect(inspected.map((c) => c.Name)).toEqual(names.map((n) => `/${n}`));
    for (const c of inspected) {
      expect(c).toMatchObject({ Platform: 'windows', Driver: 'windowsfilter' });
      expect(Object.keys((c as unknown as { NetworkSettings: { Networks: object } }).NetworkSettings.Networks)).toEqual(['nat']);
      expect(c.HostConfig.Runtime).toBeUndefined();
    }
    const byName = Object.fromEntries(inspected.map((c) => [c.Name.slice(1), c]));
    expect(byName.web!.HostConfig.Isolation).toBe('process');
    expect(byName['build-agent']!.HostConfig.Isolation).toBe('hyperv');
    expect(byName['ci-runner']!.HostConfig.Isolation).toBe('');

    expect(resolveIsolation(byName.web!.HostConfig, info)).toEqual({ mode: 'process', rung: 'shared-kernel', source: 'container' });
    expect(resolveIsolation(byName['build-agent']!.HostConfig, info)).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'container' });
    expect(resolveIsolation(byName['ci-runner']!.HostConfig, info)).toEqual({ mode: 'process', rung: 'shared-kernel', source: 'daemon-default' });
    expect(resolveIsolation(byName['legacy-app']!.HostConfig, info)).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'container' });

    expect(inspected.filter((c) => mountsEngineSocket(c)).map((c) => c.Name)).toEqual(['/ci-runner']);
  });

  it('docker inspect finds a container by id prefix, and says so when there is none', async () => {
    const [web] = await cli.json<RawContainerInspect[]>('inspect', 'web');
    const [again] = await cli.json<RawContainerInspect[]>('inspect', web!.Id.slice(0, 12));
    expect(again!.Id).toBe(web!.Id);
    expect(await cli.fail('inspect', 'no-such-thing')).toMatch(/No such object: no-such-thing/i);
  });

  it('docker image inspect shows the image builds the version rules need', async () => {
    const [sc] = await cli.json<Array<{ Os: string; OsVersion: string }>>('image', 'inspect', 'mcr.microsoft.com/windows/servercore:ltsc2022');
    expect(sc).toMatchObject({ Os: 'windows', OsVersion: '10.0.20348.2762' });
    const [nano] = await cli.json<Array<{ OsVersion: string }>>('image', 'inspect', 'mcr.microsoft.com/windows/nanoserver:1809');
    expect(nano!.OsVersion).toBe('10.0.17763.6414');
  });

  it('a Windows client made from the same answers defaults to hyperv', async () => {
    const tmp2 = tempSocketDir();
    const client = await startFixtureEngine('windows-server-2022', tmp2.socket('client'), {
      info: {
        OperatingSystem: 'Microsoft Windows 11 Pro Version 23H2 (OS Build 22631.3296)',
        Isolation: 'hyperv',
        KernelVersion: '10.0 22631 (22631.1.amd64fre.ni_release.220506-1250)',
      },
    });
    const c = new DockerCli(firstCli!, client.host);
    try {
      const info = toEngineInfo(await c.json<RawInfo>('info', '--format', '{{json .}}'));
      expect(info).toMatchObject({ kind: 'windows-client', defaultIsolation: 'hyperv', hostBuild: 22631 });
      const [ci] = await c.json<RawContainerInspect[]>('inspect', 'ci-runner');
      expect(resolveIsolation(ci!.HostConfig, info)).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'daemon-default' });
    } finally {
      await client.close();
      c.dispose();
      tmp2.dispose();
    }
  });
});
