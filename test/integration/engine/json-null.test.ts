// Engine 20.10 answers `null` for a list it has nothing in (GET /containers/{id}/changes of an
// unchanged container): the client hands back `null`, not the raw bytes `null\n`.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EngineClient } from '../../../src/main/engine/connection/client';
import { TestEngine } from '../../support/test-engine';

const engine = new TestEngine(inject('engineDir'));
const client = new EngineClient({ host: engine.dockerHost, tls: null }, '1.41', {});
const ids: string[] = [];

afterAll(async () => {
  client.close();
  if (ids.length > 0) await engine.docker(['rm', '-f', ...ids]);
});

describe('a JSON null answer', () => {
  it('reaches the caller as null, and a list as a list', async () => {
    const still = await engine.run(['--name', `json-null-${process.pid}`]);
    ids.push(still);
    const unchanged = await client.get<unknown>(`/containers/${still}/changes`);
    expect(Buffer.isBuffer(unchanged)).toBe(false);
    expect(unchanged).toBeNull();

    const wrote = await engine.run(['--name', `json-list-${process.pid}`], ['sh', '-c', 'echo hi > /note; sleep 3600']);
    ids.push(wrote);
    await expect.poll(() => engine.docker(['diff', wrote]), { timeout: 15_000 }).toMatch(/note/);
    const changed = await client.get<unknown>(`/containers/${wrote}/changes`);
    expect(changed).toEqual(expect.arrayContaining([{ Path: '/note', Kind: 1 }]));
  });
});
