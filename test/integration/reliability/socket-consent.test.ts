// Silo never creates a container that mounts the engine's socket unless the person asks: through
// the real browser host's `containers.create`, a real engine behind a proxy that records every
// request. Without `acknowledged: ['engine-socket']` a bind of the socket (or of a folder holding it), however
// its path is spelled, is refused before anything reaches the engine; with it, the container is
// made and then marked in the list. A random property closes it: whatever Silo creates without
// consent, the engine's own inspect shows no socket in it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mountsEngineSocket } from '../../../src/shared/isolation/socket-mount';
import type { RawContainerInspect } from '../../../src/shared/engine-api';
import { startBrowserHost, type RunningHost } from '../../support/browser-host';
import { engineApi } from '../../support/scale';
import { TEST_IMAGE, TestEngine } from '../../support/test-engine';
import { HostSocket, RecordingProxy, type WireReply } from './support';

const engine = new TestEngine(inject('engineDir'));
const prefix = `consent${process.pid}-`;
let proxy: RecordingProxy;
let host: RunningHost;
let page: HostSocket;

beforeAll(async () => {
  proxy = new RecordingProxy(engine.socketPath);
  await proxy.up();
  host = await startBrowserHost(engine.env({ DOCKER_HOST: proxy.dockerHost }));
  page = await HostSocket.open(host);
  expect((await page.call('session.start', {})).ok).toBe(true);
});

afterAll(async () => {
  await page?.close();
  await host?.stop();
  await proxy?.destroy();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', '-v', ...ids.split('\n')]);
});

const creates = () => proxy.requests.filter((r) => /^POST \/v[\d.]+\/containers\/create/.test(r)).length;

/** Refused for the socket: by the contract's check (validation, the rule in detail) or by the handler. */
function refusedForSocket(reply: WireReply): boolean {
  return (
    !reply.ok &&
    ((reply.error?.code === 'validation' && reply.error.detail === 'engine-socket') || reply.error?.code === 'engine-socket-refused') &&
    /^volumes\.\d+$/.test(reply.error.field ?? '')
  );
}

async function inspect(id: string): Promise<RawContainerInspect> {
  return JSON.parse((await engineApi(engine, 'GET', `/v1.41/containers/${id}/json`)).body) as RawContainerInspect;
}

const dir = () => engine.socketPath.replace(/\/docker\.sock$/, '');
const SPELLINGS = () => [
  `${engine.socketPath}:/var/run/docker.sock`,
  `${engine.socketPath}/.:/s`,
  `${dir()}/./docker.sock:/s`,
  `${dir()}//docker.sock:/s:ro`,
  `${dir()}/x/../docker.sock:/s`,
  '/var/run/docker.sock:/var/run/docker.sock',
  '/var/./run:/host-run',
  '/run/:/host-run',
  '/:/host',
];

describe("the engine's socket in containers.create", () => {
  it('is refused without the person’s consent, however it is spelled, before anything reaches the engine', async () => {
    const before = creates();
    for (const [i, volume] of SPELLINGS().entries()) {
      const reply = await page.call('containers.create', {
        image: TEST_IMAGE,
        name: `${prefix}no-${i}`,
        command: ['true'],
        network: 'none',
        volumes: ['/tmp:/ok', volume],
      });
      expect(refusedForSocket(reply), `${volume} → ${JSON.stringify(reply)}`).toBe(true);
      expect(reply.error?.field).toBe('volumes.1');
    }
    expect(creates()).toBe(before);
    expect(await engine.docker(['ps', '-aq', '--filter', `name=${prefix}no-`])).toBe('');
  });

  it('is created when the person asks, and the container is then marked in the list', async () => {
    const before = creates();
    const reply = await page.call('containers.create', {
      image: TEST_IMAGE,
      name: `${prefix}asked`,
      command: ['true'],
      network: 'none',
      volumes: [`${engine.socketPath}:/var/run/docker.sock`],
      acknowledged: ['engine-socket'],
    });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    expect(creates()).toBe(before + 1);
    const id = (reply.result as { id: string }).id;
    expect(mountsEngineSocket(await inspect(id))).toBe(true);
    for (let i = 0; i < 200; i++) {
      const list = (await page.call('containers.list', {})).result as Array<{ id: string; mountsEngineSocket: boolean; isolation: unknown }>;
      const row = list.find((c) => c.id === id);
      if (row?.isolation) {
        expect(row.mountsEngineSocket).toBe(true);
        return;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the created container was never listed with its inspect');
  });

  it('whatever Silo creates without consent, the engine shows no socket in it', async () => {
    const volume = fc.oneof(
      fc.constantFrom(...SPELLINGS().map((v) => v.split(':').slice(0, 2).join(':'))),
      fc.constantFrom('/tmp:/data', '/tmp/silo-safe:/x:ro', 'named-vol:/v', '/srv', `${dir()}/data:/d`, '/run/user:/u'),
    );
    let n = 0;
    let made = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(volume, { minLength: 1, maxLength: 3, selector: (v) => v.split(':')[1] ?? v }), async (volumes) => {
        const reply = await page.call('containers.create', { image: TEST_IMAGE, name: `${prefix}r-${n++}`, command: ['true'], network: 'none', volumes });
        if (!reply.ok) {
          expect(reply.error?.code, JSON.stringify(reply)).toMatch(/^(validation|engine-socket-refused|consent-needed)$/);
          return;
        }
        made += 1;
        const id = (reply.result as { id: string }).id;
        const seen = await inspect(id);
        expect(mountsEngineSocket(seen), `${JSON.stringify(volumes)} made ${JSON.stringify(seen.Mounts)}`).toBe(false);
        expect((seen.Mounts ?? []).map((m) => m.Source)).not.toContain(engine.socketPath);
        await engineApi(engine, 'DELETE', `/v1.41/containers/${id}?force=1&v=1`);
      }),
      { numRuns: 40 },
    );
    expect(made).toBeGreaterThan(0);
  });
});
