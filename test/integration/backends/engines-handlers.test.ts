// Several engines through Silo's own calls: a second private engine on TCP with TLS (certificates
// made by the test) is added with engines.addRemote (PEM text, as the Engine settings form sends it),
// described, switched to and from with engines.select while containers.list follows, refused
// removal while in use, then removed into a backup.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEngine } from '../../support/test-engine';
import { makeCerts, type TestCerts } from './certs';
import { openSilo, type SiloPage } from './silo-hub';

let certs: TestCerts;
let port: number;
let local: TestEngine;
let remote: TestEngine;
let home: string;
let silo: SiloPage;
let tlsId: string;

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
  tlsId = `tcp://127.0.0.1:${port}`;
  local = new TestEngine(undefined, { importImage: false });
  remote = new TestEngine(undefined, {
    extraArgs: ['--tlsverify', '--tlscacert', certs.files.ca, '--tlscert', certs.files.serverCert, '--tlskey', certs.files.serverKey, '-H', tlsId],
  });
  await Promise.all([local.start(), remote.start()]);
  home = mkdtempSync(join(tmpdir(), 'silo-ctx-h-'));
  silo = await openSilo({ env: { DOCKER_HOST: local.dockerHost }, homeDir: home });
});

afterAll(async () => {
  await silo?.close();
  await Promise.all([local?.destroy(), remote?.destroy()]);
  certs?.cleanup();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('a remote engine on TCP with TLS, through the Engine settings calls', () => {
  it('refuses a TLS key that is not the client certificate’s, and plain TCP, writing nothing', async () => {
    const mismatched = await silo.call('engines.addRemote', {
      name: 'wrong-key',
      host: tlsId,
      tls: { ca: certs.ca, cert: certs.clientCert, key: certs.serverKey },
    });
    expect(mismatched).toMatchObject({ status: 'refused', error: { code: 'context-tls-invalid', params: { reason: 'key-does-not-match' } } });
    const plain = await silo.call('engines.addRemote', { name: 'plain', host: tlsId });
    expect(plain).toMatchObject({ status: 'refused', error: { code: 'context-tls-invalid', params: { reason: 'plain-tcp' } } });
    expect(await silo.call('engines.contexts', {})).toEqual([]);
  });

  it('adds it as a docker context; discovery lists it; its default isolation can be asked before connecting', async () => {
    const added = await silo.call('engines.addRemote', {
      name: 'tls-engine',
      description: 'second test engine',
      host: tlsId,
      tls: { ca: certs.ca, cert: certs.clientCert, key: certs.clientKey },
    });
    expect(added).toMatchObject({
      status: 'done',
      context: { name: 'tls-engine', host: tlsId, tls: true, createdBySilo: true, description: 'second test engine' },
    });
    expect(await silo.call('engines.contexts', {})).toEqual([expect.objectContaining({ name: 'tls-engine', createdBySilo: true, current: false })]);
    const endpoints = await silo.call('engines.list', {});
    expect(endpoints).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: tlsId, name: 'tls-engine', source: 'context', tls: true, active: false })]),
    );
    // The page was told too (engines.changed after the rediscovery).
    expect(
      silo
        .eventsOf('engines.changed')
        .at(-1)
        ?.some((e) => e.id === tlsId),
    ).toBe(true);
    expect(await silo.call('engines.describe', { id: tlsId })).toEqual({
      id: tlsId,
      osType: 'linux',
      defaultRuntime: 'runc',
      defaultIsolation: null,
      rung: 'shared-kernel',
      error: null,
    });
    expect(await silo.call('backends.daemon.read', { engine: tlsId })).toEqual({ editable: false, engine: tlsId, reason: 'remote' });
  });

  it('connects to it, lists its containers, and switches back and forth', async () => {
    const only = await remote.run(['--name', 'only-on-tls'], ['sleep', '3600']);
    const listsOnly = async () => (await silo.call('containers.list', {})).some((c) => c.id === only);
    const phase = () => silo.manager.snapshot().connection.phase;

    for (let round = 0; round < 2; round++) {
      await silo.call('engines.select', { id: tlsId });
      await expect.poll(phase).toBe('connected');
      await expect.poll(listsOnly).toBe(true);
      expect((await silo.call('engine.snapshot', {})).endpoint).toMatchObject({ id: tlsId, tls: true });

      await silo.call('engines.select', { id: local.dockerHost });
      await expect.poll(phase).toBe('connected');
      expect((await silo.call('engine.snapshot', {})).endpoint?.id).toBe(local.dockerHost);
      expect(await listsOnly()).toBe(false);
    }
  });

  it('is not removed while Silo uses it; once it is not, it is moved into a backup and no longer listed', async () => {
    await silo.call('engines.select', { id: tlsId });
    expect(await silo.call('engines.removeRemote', { name: 'tls-engine' })).toMatchObject({ status: 'refused', error: { code: 'context-in-use' } });
    await silo.call('engines.select', { id: local.dockerHost });
    const removed = await silo.call('engines.removeRemote', { name: 'tls-engine' });
    expect(removed).toMatchObject({ status: 'done', backupPath: expect.stringContaining('silo-context-backups') });
    expect((await silo.call('engines.list', {})).some((e) => e.id === tlsId)).toBe(false);
    expect(await silo.call('engines.contexts', {})).toEqual([]);
  });
});
