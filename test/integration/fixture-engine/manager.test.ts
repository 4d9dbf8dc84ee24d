// Silo's engine core against recorded Windows Server and Docker Desktop answers, served over a
// real socket: the engine kind, the default isolation, and each container's effective isolation.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineManager } from '../../../src/main/engine/manager';
import { startFixtureEngine, type FixtureEngine } from '../../support/fixture-engine';

let fixture: FixtureEngine | null = null;
let manager: EngineManager | null = null;

afterEach(async () => {
  await manager?.stop();
  await fixture?.close();
  manager = null;
  fixture = null;
});

async function connect(name: Parameters<typeof startFixtureEngine>[0], info?: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'silo-fx-'));
  fixture = await startFixtureEngine(name, join(dir, 'e.sock'), info ? { info } : {});
  manager = new EngineManager({ env: { DOCKER_HOST: fixture.host }, homeDir: dir, platform: 'linux', log: () => undefined });
  await manager.start();
  await manager.settled();
  const byName = new Map(manager.containers().map((c) => [c.name, c]));
  return { snapshot: manager.snapshot(), byName };
}

describe('recorded engines over a real socket', () => {
  it('Windows Server 2022: process by default, each container’s own isolation, the engine pipe flagged', async () => {
    const { snapshot, byName } = await connect('windows-server-2022');
    expect(snapshot.connection.phase).toBe('connected');
    expect(snapshot.info).toMatchObject({ osType: 'windows', kind: 'windows-server', defaultIsolation: 'process', hostBuild: 20348 });
    expect(snapshot.info?.runtimes.map((r) => [r.name, r.rung, r.isDefault])).toEqual(
      expect.arrayContaining([
        ['process', 'shared-kernel', true],
        ['hyperv', 'virtual-machine', false],
      ]),
    );
    expect(byName.get('web')?.isolation).toEqual({ mode: 'process', rung: 'shared-kernel', source: 'container' });
    expect(byName.get('build-agent')?.isolation).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'container' });
    expect(byName.get('legacy-app')?.isolation).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'container' });
    expect(byName.get('ci-runner')?.isolation).toEqual({ mode: 'process', rung: 'shared-kernel', source: 'daemon-default' });
    expect(byName.get('ci-runner')?.mountsEngineSocket).toBe(true);
    expect(byName.get('web')?.mountsEngineSocket).toBe(false);
  });

  it('a Windows client engine defaults to Hyper-V, and an unset isolation follows it', async () => {
    const { snapshot, byName } = await connect('windows-server-2022', {
      OperatingSystem: 'Microsoft Windows 11 Pro Version 23H2 (OS Build 22631.2861)',
      Isolation: 'hyperv',
    });
    expect(snapshot.info).toMatchObject({ kind: 'windows-client', defaultIsolation: 'hyperv' });
    expect(byName.get('ci-runner')?.isolation).toEqual({ mode: 'hyperv', rung: 'virtual-machine', source: 'daemon-default' });
  });

  it('Docker Desktop on WSL 2: its kind, runc on the shared kernel, a socket mount hidden in Mounts', async () => {
    const { snapshot, byName } = await connect('docker-desktop-wsl2');
    expect(snapshot.info).toMatchObject({ osType: 'linux', kind: 'docker-desktop-wsl2', defaultRuntime: 'runc' });
    expect(snapshot.info?.hardening.seccompProfile).toBe('unconfined');
    expect(byName.get('db')?.isolation).toEqual({ mode: 'runc', rung: 'shared-kernel', source: 'container' });
    expect(byName.get('portainer')?.mountsEngineSocket).toBe(true);
    expect(byName.get('db')?.mountsEngineSocket).toBe(false);
  });

  it('follows the recorded engine’s events without listing again', async () => {
    await connect('windows-server-2022');
    await fixture!.waitForEventStreams(1);
    const lists = () => fixture!.requests.filter((r) => r.path.endsWith('/containers/json')).length;
    const before = lists();
    const web = fixture!.containers().find((c) => c.inspect.Name === '/web')!;
    fixture!.upsertContainer(
      { ...web.summary, State: 'exited', Status: 'Exited (0) 1 second ago' },
      { ...web.inspect, State: { ...web.inspect.State, Status: 'exited', Running: false, ExitCode: 0 } },
    );
    fixture!.pushEvent({ Type: 'container', Action: 'die', Actor: { ID: web.inspect.Id, Attributes: { name: 'web' } } });
    await expect.poll(() => manager!.containers().find((c) => c.name === 'web')?.state, { timeout: 5000 }).toBe('exited');
    expect(lists()).toBe(before);
  });
});
