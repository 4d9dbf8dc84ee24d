// Issue 12 item 5 through Silo's own calls (the contract's dispatch, the safe apply, a private
// engine of this file's own reloaded with SIGHUP): a daemon.json that weakens the engine's
// protection is refused with nothing written until the person acknowledges exactly its
// weakenings, then applied; the check answers what must be acknowledged, the disk's part included.
import { chmodSync, chownSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/main/backends/daemon-apply-parts';
import type { DaemonRead } from '../../../src/shared/model/backends';
import { TestEngine } from '../../support/test-engine';
import { getInfo } from './helpers';
import { openSilo, type SiloPage } from './silo-hub';

const engine = new TestEngine();
let silo: SiloPage;
let original: Buffer;

beforeAll(async () => {
  await engine.start();
  original = readFileSync(engine.configFile);
  silo = await openSilo({ env: { DOCKER_HOST: engine.dockerHost }, homeDir: engine.dir });
});
afterAll(async () => {
  await silo?.close();
  await engine.destroy();
});

const read = async () => (await silo.call('backends.daemon.read', { engine: engine.dockerHost })) as Extract<DaemonRead, { editable: true }>;
const withKeys = (keys: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(original.toString('utf8')), ...keys }, null, 2) + '\n';
type InfoWithRegistries = Awaited<ReturnType<typeof getInfo>> & { RegistryConfig?: { InsecureRegistryCIDRs?: string[] } };
const insecureCidrs = async () => ((await getInfo(engine.socketPath)) as InfoWithRegistries).RegistryConfig?.InsecureRegistryCIDRs ?? [];

describe('weakenings of a daemon.json through the calls', () => {
  it('the check names each weakening of the attack: tcp on every address without TLS, CORS for any page', async () => {
    const text = withKeys({ hosts: ['tcp://0.0.0.0:2375'], 'api-cors-header': '*', 'seccomp-profile': 'unconfined' });
    const checked = await silo.call('backends.daemon.validate', { engine: engine.dockerHost, text });
    expect(checked.weakenings.map((w) => w.id)).toEqual(['tcp-plain:tcp://0.0.0.0:2375', 'cors-any:*', 'seccomp-unconfined:unconfined']);
  });

  it('refuses an apply without the acknowledgement, or with part of it, and writes nothing; with it, applies', async () => {
    const { sha256: base } = await read();
    expect(base).toBe(sha256(original));
    const text = withKeys({ 'insecure-registries': ['0.0.0.0/0'], 'api-cors-header': '*' });
    const ids = ['cors-any:*', 'insecure-registries-all:0.0.0.0/0'];
    const progressBefore = silo.eventsOf('backends.daemon.progress').length;

    for (const acknowledged of [undefined, [], ['cors-any:*'], [...ids, 'tcp-plain:tcp://0.0.0.0:2375']]) {
      const refused = await silo.call('backends.daemon.apply', {
        engine: engine.dockerHost,
        text,
        baseSha256: base,
        ...(acknowledged ? { acknowledged } : {}),
      });
      expect(refused).toMatchObject({ status: 'refused', error: { code: 'weakening-not-acknowledged', step: 'validate' } });
      expect(refused.status === 'refused' && refused.weakenings?.map((w) => w.id).sort()).toEqual(ids);
    }
    expect(readFileSync(engine.configFile).equals(original)).toBe(true);
    // No step past validation ran: nothing backed up, written or reloaded.
    expect(
      new Set(
        silo
          .eventsOf('backends.daemon.progress')
          .slice(progressBefore)
          .map((p) => p.step),
      ),
    ).toEqual(new Set(['validate']));
    expect(await insecureCidrs()).not.toContain('0.0.0.0/0');

    const applied = await silo.call('backends.daemon.apply', { engine: engine.dockerHost, text, baseSha256: base, acknowledged: [...ids].reverse() });
    expect(applied).toMatchObject({ status: 'applied' });
    expect(readFileSync(engine.configFile, 'utf8')).toBe(text);
    // The engine took insecure-registries on SIGHUP.
    await expect.poll(insecureCidrs, { timeout: 10_000 }).toContain('0.0.0.0/0');

    // Taking the weakenings away again needs no acknowledgement (an empty list: dockerd keeps a
    // removed insecure-registries until it restarts).
    const now = await read();
    const back = await silo.call('backends.daemon.apply', { engine: engine.dockerHost, text: withKeys({ 'insecure-registries': [] }), baseSha256: now.sha256 });
    expect(back).toMatchObject({ status: 'applied' });
    await expect.poll(insecureCidrs, { timeout: 10_000 }).not.toContain('0.0.0.0/0');
  });

  it('finds a runtime binary anyone may write, owned by another user, and refuses it until acknowledged', async () => {
    const binary = join(engine.dir, 'shared-runtime');
    writeFileSync(binary, '#!/bin/sh\nexec /usr/bin/runc "$@"\n');
    chmodSync(binary, 0o777);
    chownSync(binary, 4321, 4321);
    const original = (await read()).text;
    const text = withKeys({ runtimes: { ...JSON.parse(original).runtimes, shared: { path: binary } } });
    const checked = await silo.call('backends.daemon.validate', { engine: engine.dockerHost, text });
    const id = `runtime-world-writable:shared:${binary}`;
    expect(checked.weakenings).toEqual([
      expect.objectContaining({ id, code: 'runtime-world-writable', params: expect.objectContaining({ runtime: 'shared', at: binary }) }),
    ]);

    const { sha256: base } = await read();
    const refused = await silo.call('backends.daemon.apply', { engine: engine.dockerHost, text, baseSha256: base });
    expect(refused).toMatchObject({ status: 'refused', error: { code: 'weakening-not-acknowledged' }, weakenings: [{ id }] });
    expect(readFileSync(engine.configFile, 'utf8')).toBe(original);

    // Only the owner changed: now another user's file, no longer anyone's.
    chmodSync(binary, 0o755);
    const stale = await silo.call('backends.daemon.apply', { engine: engine.dockerHost, text, baseSha256: base, acknowledged: [id] });
    expect(stale).toMatchObject({ status: 'refused', weakenings: [{ id: `runtime-foreign-owner:shared:${binary}` }] });

    const applied = await silo.call('backends.daemon.apply', {
      engine: engine.dockerHost,
      text,
      baseSha256: base,
      acknowledged: [`runtime-foreign-owner:shared:${binary}`],
    });
    expect(applied).toMatchObject({ status: 'applied' });
    await expect.poll(async () => Object.keys((await getInfo(engine.socketPath)).Runtimes ?? {}), { timeout: 10_000 }).toContain('shared');
  });
});
