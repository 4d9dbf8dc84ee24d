// Discovery against home directories laid out as the docker CLI lays them out.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverEngines } from '../../../../src/main/engine/connection/discover';
import type { HostFs } from '../../../../src/main/engine/connection/host-fs';
import { nodeHostFs } from '../../../../src/main/engine/connection/host-fs';

let home: string;
let runtimeDir: string;
const servers: Server[] = [];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'silo-home-'));
  runtimeDir = mkdtempSync(join(tmpdir(), 'silo-run-'));
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  rmSync(home, { recursive: true, force: true });
  rmSync(runtimeDir, { recursive: true, force: true });
});

const sha = (name: string): string => createHash('sha256').update(name).digest('hex');

function writeContext(configDir: string, name: string, host: string, options: { skipTls?: boolean; tlsFiles?: boolean } = {}): void {
  const meta = join(configDir, 'contexts', 'meta', sha(name));
  mkdirSync(meta, { recursive: true });
  const docker: Record<string, unknown> = { Host: host, SkipTLSVerify: options.skipTls ?? false };
  writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: { Description: `the ${name} engine` }, Endpoints: { docker } }));
  if (options.tlsFiles) {
    const tls = join(configDir, 'contexts', 'tls', sha(name), 'docker');
    mkdirSync(tls, { recursive: true });
    for (const leaf of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(tls, leaf), `-- ${leaf} --`);
  }
}

function writeConfig(configDir: string, config: unknown): void {
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
}

/** A real unix socket file, as an engine leaves it. */
async function listenOn(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
}

/** The real file system, except that the system's /var/run/docker.sock is as the test says. */
function fsWith(systemSocket: boolean): HostFs {
  return { ...nodeHostFs, exists: (p) => (p === '/var/run/docker.sock' ? systemSocket : nodeHostFs.exists(p)) };
}

const linux = (env: NodeJS.ProcessEnv, systemSocket = true) => discoverEngines({ env, homeDir: home, platform: 'linux', fs: fsWith(systemSocket) });
const active = (result: ReturnType<typeof linux>) => result.endpoints.filter((e) => e.endpoint.active).map((e) => e.endpoint);

describe('discoverEngines on Linux', () => {
  it('uses the default socket when nothing is configured', () => {
    const result = linux({});
    expect(active(result)).toEqual([
      { id: 'unix:///var/run/docker.sock', name: 'default', host: 'unix:///var/run/docker.sock', source: 'default', flavor: 'linux', tls: false, active: true },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('follows config.json currentContext to its meta.json under the sha256 of the name', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'remote', 'tcp://10.0.0.5:2376', { tlsFiles: true });
    writeContext(configDir, 'other', 'ssh://me@build.example');
    writeConfig(configDir, { auths: {}, currentContext: 'remote' });
    const result = linux({});
    const [winner] = active(result);
    expect(winner).toMatchObject({ id: 'tcp://10.0.0.5:2376', name: 'remote', source: 'current-context', tls: true });
    const remote = result.endpoints.find((e) => e.endpoint.name === 'remote');
    expect(remote?.tls).toEqual({
      caPath: join(configDir, 'contexts', 'tls', sha('remote'), 'docker', 'ca.pem'),
      certPath: join(configDir, 'contexts', 'tls', sha('remote'), 'docker', 'cert.pem'),
      keyPath: join(configDir, 'contexts', 'tls', sha('remote'), 'docker', 'key.pem'),
      verify: true,
    });
    // Every other context is listed too, and the default.
    expect(result.endpoints.map((e) => [e.endpoint.name, e.endpoint.source])).toEqual([
      ['remote', 'current-context'],
      ['default', 'default'],
      ['other', 'context'],
    ]);
  });

  it('reads contexts from $DOCKER_CONFIG instead of ~/.docker', () => {
    const configDir = join(home, 'elsewhere');
    writeContext(configDir, 'colima', `unix://${home}/.colima/docker.sock`);
    writeConfig(configDir, { currentContext: 'colima' });
    writeConfig(join(home, '.docker'), { currentContext: 'ignored' });
    const result = linux({ DOCKER_CONFIG: configDir });
    expect(active(result)[0]).toMatchObject({ name: 'colima', host: `unix://${home}/.colima/docker.sock`, source: 'current-context' });
    expect(result.problems).toEqual([]);
  });

  it('lets DOCKER_CONTEXT win over currentContext', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'a', 'tcp://a.example:2375');
    writeContext(configDir, 'b', 'tcp://b.example:2375');
    writeConfig(configDir, { currentContext: 'a' });
    const result = linux({ DOCKER_CONTEXT: 'b' });
    expect(active(result)[0]).toMatchObject({ name: 'b', source: 'docker-context' });
    expect(result.endpoints.find((e) => e.endpoint.name === 'a')?.endpoint.source).toBe('context');
  });

  it('lets DOCKER_HOST win over DOCKER_CONTEXT and currentContext, with TLS from DOCKER_CERT_PATH', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'b', 'tcp://b.example:2375');
    writeConfig(configDir, { currentContext: 'b' });
    const certs = join(home, 'certs');
    mkdirSync(certs);
    for (const leaf of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, leaf), leaf);
    const result = linux({ DOCKER_HOST: 'tcp://192.168.1.9:2376', DOCKER_CONTEXT: 'b', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs });
    const winner = result.endpoints.find((e) => e.endpoint.active);
    expect(winner?.endpoint).toMatchObject({ id: 'tcp://192.168.1.9:2376', name: '192.168.1.9:2376 (DOCKER_HOST)', source: 'docker-host', tls: true });
    expect(winner?.tls).toEqual({ caPath: join(certs, 'ca.pem'), certPath: join(certs, 'cert.pem'), keyPath: join(certs, 'key.pem'), verify: true });
    // DOCKER_HOST replaces the default context's endpoint; the chosen-but-overridden context is still listed.
    expect(result.endpoints.map((e) => e.endpoint.source)).toEqual(['docker-host', 'context', 'probe']);
  });

  it('names the DOCKER_HOST engine from its address, never as the bare variable', () => {
    expect(active(linux({ DOCKER_HOST: `unix://${home}/elsewhere.sock` }))[0]?.name).toBe('Local engine (DOCKER_HOST)');
    expect(active(linux({ DOCKER_HOST: 'unix:///var/run/docker.sock' }))[0]?.name).toBe('Docker (DOCKER_HOST)');
    expect(active(linux({ DOCKER_HOST: 'ssh://me@build.example' }))[0]?.name).toBe('me@build.example (DOCKER_HOST)');
  });

  it('treats a DOCKER_HOST without a scheme as TCP, as the CLI does', () => {
    expect(active(linux({ DOCKER_HOST: 'localhost:2375' }))[0]?.id).toBe('tcp://localhost:2375');
  });

  it('probes the well-known sockets and lists those that exist', async () => {
    await listenOn(join(runtimeDir, 'docker.sock'));
    mkdirSync(join(runtimeDir, 'podman'));
    await listenOn(join(runtimeDir, 'podman', 'podman.sock'));
    mkdirSync(join(home, '.docker', 'desktop'), { recursive: true });
    await listenOn(join(home, '.docker', 'desktop', 'docker.sock'));
    const result = linux({ XDG_RUNTIME_DIR: runtimeDir });
    expect(result.endpoints.map((e) => [e.endpoint.host, e.endpoint.source, e.endpoint.flavor])).toEqual([
      ['unix:///var/run/docker.sock', 'default', 'linux'],
      [`unix://${runtimeDir}/docker.sock`, 'probe', 'rootless'],
      [`unix://${home}/.docker/desktop/docker.sock`, 'probe', 'docker-desktop'],
      [`unix://${runtimeDir}/podman/podman.sock`, 'probe', 'podman-rootless'],
    ]);
    expect(active(result)[0]?.source).toBe('default');
  });

  it('gives the implicit default way to the first probe that exists when its socket is missing', async () => {
    await listenOn(join(runtimeDir, 'docker.sock'));
    const result = linux({ XDG_RUNTIME_DIR: runtimeDir }, false);
    expect(active(result)).toEqual([
      expect.objectContaining({ host: `unix://${runtimeDir}/docker.sock`, source: 'probe', flavor: 'rootless', name: 'Docker (rootless)' }),
    ]);
    expect(result.endpoints.find((e) => e.endpoint.source === 'default')?.endpoint.active).toBe(false);
  });

  it('keeps an explicit choice even when its socket is missing', async () => {
    await listenOn(join(runtimeDir, 'docker.sock'));
    const result = linux({ XDG_RUNTIME_DIR: runtimeDir, DOCKER_HOST: `unix://${home}/missing.sock` }, false);
    expect(active(result)[0]).toMatchObject({ host: `unix://${home}/missing.sock`, source: 'docker-host' });
  });

  it('keeps the missing default active when no probe exists either', () => {
    expect(active(linux({}, false))[0]).toMatchObject({ source: 'default', host: 'unix:///var/run/docker.sock' });
  });

  it('deduplicates by host, keeping the earliest source', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'same', 'unix:///var/run/docker.sock');
    writeConfig(configDir, { currentContext: 'same' });
    const result = linux({});
    expect(result.endpoints).toHaveLength(1);
    expect(result.endpoints[0]?.endpoint).toMatchObject({ name: 'same', source: 'current-context', flavor: 'linux', active: true });
  });

  it('says what is wrong with bad files and goes on', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'good', 'tcp://good.example:2375');
    const broken = join(configDir, 'contexts', 'meta', sha('broken'));
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'meta.json'), '{"Name": "broken", "Endpoints": ');
    writeConfig(configDir, '{ this is not json');
    const result = linux({});
    expect(active(result)[0]?.source).toBe('default');
    expect(result.endpoints.map((e) => e.endpoint.name)).toEqual(['default', 'good']);
    expect(result.problems).toHaveLength(2);
    expect(result.problems.join('\n')).toMatch(/config\.json is not valid JSON/);
    expect(result.problems.join('\n')).toMatch(/meta\.json is not valid JSON/);
  });

  it('falls through a context that does not exist, saying so', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'real', 'tcp://real.example:2375');
    writeConfig(configDir, { currentContext: 'real' });
    const result = linux({ DOCKER_CONTEXT: 'ghost' });
    expect(active(result)[0]).toMatchObject({ name: 'real', source: 'current-context' });
    expect(result.problems).toEqual([expect.stringContaining('"ghost"')]);
  });

  it('falls back to the default when DOCKER_HOST cannot be used', () => {
    const result = linux({ DOCKER_HOST: 'fd://' });
    expect(active(result)[0]).toMatchObject({ source: 'default' });
    expect(result.problems).toEqual([expect.stringContaining('DOCKER_HOST')]);
  });

  it('uses the default host for a context that names none', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'bare', '');
    writeConfig(configDir, { currentContext: 'bare' });
    expect(active(linux({}))[0]).toMatchObject({ name: 'bare', host: 'unix:///var/run/docker.sock' });
  });

  it('marks a context with SkipTLSVerify as TLS without verification', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'lab', 'tcp://lab.example:2376', { skipTls: true });
    writeConfig(configDir, { currentContext: 'lab' });
    const winner = linux({}).endpoints.find((e) => e.endpoint.active);
    expect(winner?.endpoint.tls).toBe(true);
    expect(winner?.tls).toEqual({ caPath: null, certPath: null, keyPath: null, verify: false });
  });
});

describe('discoverEngines on Windows', () => {
  const pipes = (present: string[]): HostFs => ({ ...nodeHostFs, exists: (p) => present.includes(p) || nodeHostFs.exists(p) });
  const windows = (env: NodeJS.ProcessEnv, present: string[]) => discoverEngines({ env, homeDir: home, platform: 'win32', fs: pipes(present) });

  it('uses the docker_engine pipe as the default and probes Docker Desktop’s pipes', () => {
    const result = windows({}, ['\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\dockerDesktopLinuxEngine']);
    expect(result.endpoints.map((e) => [e.endpoint.host, e.endpoint.source, e.endpoint.flavor, e.endpoint.active])).toEqual([
      ['npipe:////./pipe/docker_engine', 'default', 'docker-engine', true],
      ['npipe:////./pipe/dockerDesktopLinuxEngine', 'probe', 'desktop-linux', false],
    ]);
  });

  it('picks the first existing pipe when docker_engine is absent', () => {
    const result = windows({}, ['\\\\.\\pipe\\dockerDesktopWindowsEngine']);
    expect(active(result)[0]).toMatchObject({ host: 'npipe:////./pipe/dockerDesktopWindowsEngine', flavor: 'desktop-windows' });
  });

  it('reads Docker Desktop’s contexts from the user profile', () => {
    const configDir = join(home, '.docker');
    writeContext(configDir, 'desktop-linux', 'npipe:////./pipe/dockerDesktopLinuxEngine');
    writeConfig(configDir, { currentContext: 'desktop-linux' });
    // The win32 path API joins with backslashes; the real temp folder is read through a translating fs.
    const translating: HostFs = {
      readText: (p) => nodeHostFs.readText(p.replace(/\\/g, '/')),
      list: (p) => nodeHostFs.list(p.replace(/\\/g, '/')),
      exists: (p) => p === '\\\\.\\pipe\\dockerDesktopLinuxEngine' || nodeHostFs.exists(p.replace(/\\/g, '/')),
    };
    const result = discoverEngines({ env: {}, homeDir: home, platform: 'win32', fs: translating });
    expect(active(result)[0]).toMatchObject({ name: 'desktop-linux', source: 'current-context', flavor: 'desktop-linux' });
  });
});
