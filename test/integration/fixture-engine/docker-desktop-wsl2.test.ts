// Docker Desktop's Linux engine in WSL 2 (recorded `GET /info`, constructed containers) over a
// real socket, read by the real docker CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawContainerInspect, RawInfo } from '../../../src/shared/engine-api';
import { mountsEngineSocket, resolveIsolation, toEngineInfo } from '../../../src/shared/isolation';
import { startFixtureEngine, type FixtureEngine } from '../../support/fixture-engine';
import { DockerCli, dockerClis, tempSocketDir } from './cli';

// The docker CLI comes with docker.io (scripts/setup.sh): a missing CLI fails here, never skips.
const [firstCli] = dockerClis();
if (!firstCli) throw new Error('no docker CLI found: run scripts/setup.sh');

describe('fixture engine: docker-desktop-wsl2 through the docker CLI', () => {
  const tmp = tempSocketDir();
  let engine: FixtureEngine;
  let cli: DockerCli;

  beforeAll(async () => {
    engine = await startFixtureEngine('docker-desktop-wsl2', tmp.socket('desktop'));
    cli = new DockerCli(firstCli!, engine.host);
  });
  afterAll(async () => {
    await engine?.close();
    cli?.dispose();
    tmp.dispose();
  });

  it('docker info shows Docker Desktop on WSL 2', async () => {
    const info = toEngineInfo(await cli.json<RawInfo>('info', '--format', '{{json .}}'));
    expect(info).toMatchObject({ kind: 'docker-desktop-wsl2', osType: 'linux', defaultRuntime: 'runc', hostBuild: null });
    expect(info.hardening.seccompProfile).toBe('unconfined');
  });

  it('docker ps -a lists the three containers', async () => {
    const rows = await cli.jsonLines<{ Names: string; State: string }>('ps', '-a', '--format', '{{json .}}');
    expect(rows.map((r) => [r.Names, r.State])).toEqual([
      ['portainer', 'running'],
      ['db', 'running'],
      ['old-job', 'exited'],
    ]);
  });

  it('sees the socket portainer mounts through HostConfig.Mounts only', async () => {
    const info = toEngineInfo(await cli.json<RawInfo>('info', '--format', '{{json .}}'));
    const inspected = await cli.json<RawContainerInspect[]>('inspect', 'portainer', 'db', 'old-job');
    const [portainer, db, oldJob] = inspected;
    expect(portainer!.HostConfig.Binds).toBeNull();
    expect(portainer!.HostConfig.Mounts).toContainEqual({ Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' });
    // Found from HostConfig alone, as a check of Binds only would not.
    expect(mountsEngineSocket({ HostConfig: portainer!.HostConfig })).toBe(true);
    expect(mountsEngineSocket(portainer!)).toBe(true);
    expect(mountsEngineSocket(db!)).toBe(false);
    expect(mountsEngineSocket(oldJob!)).toBe(false);
    for (const c of inspected) {
      expect(c.HostConfig.Runtime).toBe('runc');
      expect(resolveIsolation(c.HostConfig, info)).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'container' });
    }
  });

  it('speaks the API 24.0 implies', async () => {
    expect(engine.apiVersion).toBe('1.43');
    const v = await cli.json<{ Server: { ApiVersion: string; Os: string } }>('version', '--format', '{{json .}}');
    expect(v.Server).toMatchObject({ ApiVersion: '1.43', Os: 'linux' });
  });
});
