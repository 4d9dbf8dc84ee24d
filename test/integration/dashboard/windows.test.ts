// The dashboard's Windows paths against the recorded Windows Server 2022 engine served over a real
// socket (test/fixtures/README.md): Windows network drivers, image OsVersion, the shell a
// terminal would run in each recorded container, and which Windows images this host runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageBuild } from '../../../src/shared/dashboard/images';
import { shellCandidates } from '../../../src/shared/dashboard/shell';
import type { RawContainerInspect } from '../../../src/shared/engine-api';
import { FIXTURES_DIR, startFixtureEngine, type FixtureEngine } from '../../support/fixture-engine';
import { startHarness, type Harness, type Page } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'silo-fxd-'));
let fixture: FixtureEngine;
let silo: Harness;
let page: Page;

beforeAll(async () => {
  fixture = await startFixtureEngine('windows-server-2022', join(dir, 'e.sock'));
  silo = await startHarness(fixture.host);
  page = silo.page();
});

afterAll(async () => {
  await silo?.close();
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a Windows Server 2022 engine', () => {
  it('lists its networks with the Windows drivers, and who is on nat', async () => {
    const networks = await page.call('networks.list', {});
    expect(networks.map((n) => [n.name, n.driver, n.scope, n.builtIn])).toEqual([
      ['cluster', 'l2bridge', 'local', false],
      ['external', 'transparent', 'local', false],
      ['nat', 'nat', 'local', true],
      ['none', 'null', 'local', true],
    ]);
    const nat = networks.find((n) => n.name === 'nat')!;
    expect(nat.subnets).toEqual(['172.22.160.0/20']);
    expect(nat.containers.map((c) => [c.name, c.ipv4, c.mac])).toEqual([
      ['ci-runner', '172.22.170.51', '00:15:5d:6f:2a:2c'],
      ['web', '172.22.170.34', '00:15:5d:6f:2a:11'],
    ]);
    // Silo asked the list, then each network by id (the list leaves Containers empty).
    expect(fixture.requests.filter((r) => /\/networks\/[0-9a-f]{64}$/.test(r.path))).toHaveLength(4);
  });

  it('lists images with their OsVersion, whose build says what this host runs', async () => {
    const images = await page.call('images.list', {});
    const byTag = new Map(images.map((i) => [i.tags[0], i]));
    expect(byTag.get('mcr.microsoft.com/windows/servercore:ltsc2022')).toMatchObject({ os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.2762' });
    expect(byTag.get('mcr.microsoft.com/windows/nanoserver:1809')).toMatchObject({ os: 'windows', osVersion: '10.0.17763.6414' });
    expect(images.map((i) => imageBuild(i.osVersion)).sort()).toEqual([17763, 20348]);
    // A second list inspects nothing again: an id names its content.
    const inspects = fixture.requests.filter((r) => /\/images\/.+\/json$/.test(r.path)).length;
    await page.call('images.list', {});
    expect(fixture.requests.filter((r) => /\/images\/.+\/json$/.test(r.path)).length).toBe(inspects);
  });

  it('chooses the shell of each recorded container: PowerShell on Server Core, cmd.exe on Nano Server', () => {
    const containers = readdirSync(join(FIXTURES_DIR, 'windows-server-2022', 'containers')).map(
      (f) => JSON.parse(readFileSync(join(FIXTURES_DIR, 'windows-server-2022', 'containers', f), 'utf8')) as RawContainerInspect,
    );
    const chosen = Object.fromEntries(
      containers.map((c) => [
        c.Name.replace(/^\//, ''),
        shellCandidates({ engineOsType: String(fixture.info.OSType), containerPlatform: c.Platform ?? null, image: c.Config.Image ?? null }).map(
          (s) => s.cmd[0],
        ),
      ]),
    );
    expect(chosen).toEqual({
      web: ['powershell.exe', 'cmd.exe'],
      'build-agent': ['powershell.exe', 'cmd.exe'],
      'ci-runner': ['powershell.exe', 'cmd.exe'],
      'legacy-app': ['cmd.exe'],
    });
  });
});
