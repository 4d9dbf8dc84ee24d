// A running container with a named volume, an anonymous volume, published ports, env, labels and
// a user-defined network moves from runc to gVisor and back: the kernel inside changes, the data
// in both volumes stays, and every other field of its inspect answer is equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { compareInspect } from '../../../src/shared/isolation/recreate-compare';
import type { RawContainerInspect } from '../../../src/shared/engine-api';
import { TestEngine, TEST_IMAGE } from '../../support/test-engine';
import { holders, inspect, removeByPrefix, startSilo, type Silo } from './helpers';

const engine = new TestEngine(inject('engineDir'));
const prefix = `isomove-${process.pid}-`;
const name = `${prefix}web`;
const network = `${prefix}front`;
const volume = `${prefix}data`;
const port = 20_000 + (process.pid % 10_000);
let silo: Silo;
let hostKernel: string;

beforeAll(async () => {
  silo = await startSilo(engine);
  hostKernel = (await engine.docker(['run', '--rm', '--network', 'none', TEST_IMAGE, 'uname', '-r'])).trim();
  await engine.docker(['network', 'create', network]);
  await engine.docker(['volume', 'create', volume]);
  await engine.docker([
    'run',
    '-d',
    '--name',
    name,
    '--network',
    network,
    '--network-alias',
    'webalias',
    '-v',
    `${volume}:/data`,
    '-v',
    '/anon',
    '-p',
    `127.0.0.1:${port}:80`,
    '-e',
    'FOO=bar',
    '-e',
    'EMPTY=',
    '-l',
    'app=silo',
    '-l',
    'com.example.tier=web',
    '--restart',
    'unless-stopped',
    '--memory',
    '64m',
    TEST_IMAGE,
    'sleep',
    '3600',
  ]);
  await engine.docker(['exec', name, 'sh', '-c', 'echo named > /data/proof; echo anonymous > /anon/proof']);
});

afterAll(async () => {
  await silo?.close();
  await removeByPrefix(engine, prefix);
  await engine.docker(['network', 'rm', network]).catch(() => undefined);
  await engine.docker(['volume', 'prune', '-f']).catch(() => undefined);
  await engine.docker(['volume', 'rm', volume]).catch(() => undefined);
});

const exec = (command: string): Promise<string> => engine.docker(['exec', name, 'sh', '-c', command]);
const anonymousVolume = (c: RawContainerInspect): string | undefined => c.Mounts?.find((m) => m.Destination === '/anon')?.Name;

async function moveTo(runtime: string): Promise<{ before: RawContainerInspect; after: RawContainerInspect }> {
  const before = await inspect(engine, name);
  const advice = await silo.service.advise(before.Id, runtime);
  expect(advice.blockers).toEqual([]);
  expect(advice.writableLayer).toMatchObject({ changed: false, choiceRequired: false });
  expect(advice.keeps.volumes.map((v) => v.destination).sort()).toEqual(['/anon', '/data']);
  // Under runsc --network=none its network goes: the person acknowledges what the advice says.
  const acknowledged = advice.mustAcknowledge.length > 0 ? [before.Id] : [];
  expect(advice.mustAcknowledge).toEqual(runtime === 'runsc' ? expect.arrayContaining(['runtime-network-none']) : []);
  const report = await silo.service.move({ ids: [before.Id], target: runtime, operationId: `move-to-${runtime}`, acknowledged });
  expect(report.ok).toBe(true);
  expect(report.groups[0]?.containers[0]).toMatchObject({ outcome: 'moved', leftover: null, error: null });
  const after = await inspect(engine, name);
  expect(after.Id).toBe(report.groups[0]?.containers[0]?.newId);
  return { before, after };
}

describe('runc → runsc → runc', () => {
  it('moves to gVisor: the kernel inside is gVisor’s, the data of both volumes is there, all else equal', async () => {
    expect(await exec('uname -r')).toBe(hostKernel);
    const { before, after } = await moveTo('runsc');
    expect(after.HostConfig.Runtime).toBe('runsc');
    expect(after.State.Running).toBe(true);
    expect(await exec('uname -r')).toBe('4.4.0');
    expect(await exec('cat /data/proof /anon/proof')).toBe('named\nanonymous');
    expect(anonymousVolume(after)).toBe(anonymousVolume(before));
    expect(compareInspect(before, after)).toEqual([]);
    expect(await holders(engine, name)).toEqual([name]);
    // Progress came step by step for this operation.
    const mine = silo.progress.filter((p) => p.operationId === 'move-to-runsc');
    expect(mine.filter((p) => p.status === 'done').map((p) => p.step)).toEqual([
      'stop',
      'disable-restart',
      'rename',
      'create',
      'start',
      'verify-up',
      'remove',
      'moved',
    ]);
  });

  it('and back to runc: the host’s kernel again, the same data, all else equal', async () => {
    const { before, after } = await moveTo('runc');
    expect(after.HostConfig.Runtime).toBe('runc');
    expect(await exec('uname -r')).toBe(hostKernel);
    expect(await exec('cat /data/proof /anon/proof')).toBe('named\nanonymous');
    expect(compareInspect(before, after)).toEqual([]);
    expect(after.Config.Env).toEqual(expect.arrayContaining(['FOO=bar', 'EMPTY=']));
    expect(after.Config.Labels).toMatchObject({ app: 'silo', 'com.example.tier': 'web' });
    expect(after.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] });
    expect(after.NetworkSettings?.Networks?.[network]?.Aliases).toContain('webalias');
    expect(await holders(engine, name)).toEqual([name]);
  });
});
