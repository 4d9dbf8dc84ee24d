// Several engines: a second private engine on TCP with TLS (certificates made by the test),
// added through Silo as a docker context. The docker CLI sees it and reaches it; Silo connects
// to it, lists its containers, and switches back and forth between the two engines.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRemoteEngine, removeSiloContext } from '../../../src/main/backends/contexts-store';
import { EngineManager } from '../../../src/main/engine/manager';
import { TestEngine } from '../../support/test-engine';
import { makeCerts, type TestCerts } from './certs';

const exec = promisify(execFile);
let certs: TestCerts;
let port: number;
let local: TestEngine;
let remote: TestEngine;
let home: string;
let manager: EngineManager | null = null;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return free;
}

beforeAll(async () => {
  certs = makeCerts();
  port = await freePort();
  local = new TestEngine(undefined, { importImage: false });
  remote = new TestEngine(undefined, {
    extraArgs: [
      '-H',
      `tcp://127.0.0.1:${port}`,
      '--tlsverify',
      '--tlscacert',
      certs.files.ca,
      '--tlscert',
      certs.files.serverCert,
      '--tlskey',
      certs.files.serverKey,
    ],
  });
  await Promise.all([local.start(), remote.start()]);
  home = mkdtempSync(join(tmpdir(), 'silo-ctx-h-'));
});

afterAll(async () => {
  await manager?.stop();
  await Promise.all([local?.destroy(), remote?.destroy()]);
  certs?.cleanup();
  if (home) rmSync(home, { recursive: true, force: true });
});

const configDir = () => join(home, '.docker');
const cli = async (...args: string[]) => (await exec('docker', ['--config', configDir(), ...args], { env: { PATH: process.env.PATH ?? '' } })).stdout.trim();

describe('a remote engine on TCP with TLS, stored as a docker context', () => {
  it('is listed by `docker context ls` and reached by the docker CLI through it', async () => {
    const result = await addRemoteEngine(
      {
        name: 'tls-engine',
        description: 'second test engine',
        host: `tcp://127.0.0.1:${port}`,
        tls: { ca: certs.ca, cert: certs.clientCert, key: certs.clientKey },
      },
      { configDir: configDir() },
    );
    expect(result).toMatchObject({ status: 'done', context: { name: 'tls-engine', tls: true, createdBySilo: true } });
    const listed = await cli('context', 'ls', '--format', '{{.Name}} {{.DockerEndpoint}} {{.Description}}');
    expect(listed.split('\n')).toContain(`tls-engine tcp://127.0.0.1:${port} second test engine`);
    expect(await cli('--context', 'tls-engine', 'version', '--format', '{{.Server.Version}}')).toMatch(/^\d+\.\d+/);
  });

  it('Silo connects to it, lists its containers, and switches back and forth', async () => {
    const only = await remote.run(['--name', 'only-on-tls'], ['sleep', '3600']);
    manager = new EngineManager({ env: { DOCKER_HOST: local.dockerHost }, homeDir: home, platform: 'linux', log: () => undefined });
    await manager.start();
    const tlsId = `tcp://127.0.0.1:${port}`;
    expect(manager.endpoints().map((e) => [e.id, e.source, e.tls])).toEqual(
      expect.arrayContaining([
        [local.dockerHost, 'docker-host', false],
        [tlsId, 'context', true],
      ]),
    );

    const onTls = async () => {
      await manager!.select(tlsId);
      await expect.poll(() => manager!.snapshot().connection.phase).toBe('connected');
      await expect.poll(() => manager!.containers().some((c) => c.id === only)).toBe(true);
    };
    await onTls();
    await manager.select(local.dockerHost);
    await expect.poll(() => manager!.snapshot().connection.phase).toBe('connected');
    await expect.poll(() => manager!.snapshot().endpoint?.id).toBe(local.dockerHost);
    expect(manager.containers().some((c) => c.id === only)).toBe(false);
    await onTls();
  });

  it('is removed into a backup, after which the CLI no longer lists it', async () => {
    await manager?.stop();
    manager = null;
    const result = await removeSiloContext('tls-engine', { configDir: configDir() });
    expect(result).toMatchObject({ status: 'done', backupPath: expect.stringContaining('silo-context-backups') });
    expect((await cli('context', 'ls', '--format', '{{.Name}}')).split('\n')).not.toContain('tls-engine');
  });
});
