// Volumes, networks, container details and compose projects against the real engine: which
// containers use a volume (and removal refused naming them), connect and disconnect with the
// lists kept true by the engine's events, top/changes/inspect, a project started and stopped.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NetworkSummary } from '../../../src/shared/model/network';
import type { VolumeSummary } from '../../../src/shared/model/volume';
import { TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `dres-${process.pid}-`;
let silo: Harness;
let page: Page;

function folded<T>(initial: T[], key: (t: T) => string, patches: Array<{ reset: boolean; upsert: T[]; remove: string[] }>): Map<string, T> {
  const map = new Map(initial.map((i) => [key(i), i]));
  for (const patch of patches) {
    if (patch.reset) map.clear();
    for (const i of patch.upsert) map.set(key(i), i);
    for (const k of patch.remove) map.delete(k);
  }
  return map;
}

beforeAll(async () => {
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
  for (const kind of ['volume', 'network']) {
    const names = await engine.docker([kind, 'ls', '-q', '--filter', `name=${prefix}`]);
    if (names) await engine.docker([kind, 'rm', ...names.split('\n')]).catch(() => undefined);
  }
});

describe('volumes', () => {
  it('says which containers use a volume, and refuses to remove it without naming them', async () => {
    const initial = await page.call('volumes.list', {});
    const volume = `${prefix}data`;
    const created = await page.call('volumes.create', { name: volume, labels: { purpose: 'test' } });
    expect(created).toMatchObject({ name: volume, driver: 'local', usedBy: [], labels: { purpose: 'test' } });
    const a = await engine.run(['--name', `${prefix}a`, '-v', `${volume}:/data`], ['sh', '-c', 'echo stored > /data/f; sleep 3600']);
    const b = await engine.docker(['create', '--network', 'none', '--name', `${prefix}b`, '-v', `${volume}:/data`, 'silo-test/busybox:latest', 'true']);
    const byName = () => folded<VolumeSummary>(initial, (v) => v.name, page.of('volumes.changed')).get(volume);
    const users = await page.until('both users in the patches', () => (byName()?.usedBy.length === 2 ? byName()!.usedBy : null));
    expect(users.map((u) => [u.id, u.name])).toEqual([
      [a, `${prefix}a`],
      [b, `${prefix}b`],
    ]);

    const listed = (await page.call('volumes.list', {})).find((v) => v.name === volume)!;
    expect(listed.usedBy.map((u) => u.name)).toEqual([`${prefix}a`, `${prefix}b`]);
    expect(listed.size).toBeGreaterThan(0);
    expect(listed.mountpoint).toContain(volume);

    const refused = await page.failure('volumes.remove', { name: volume });
    expect(refused).toMatchObject({ code: 'volume-in-use', params: { name: volume, containers: `${prefix}a, ${prefix}b`, count: 2 } });
    expect(await engine.docker(['volume', 'ls', '-q', '--filter', `name=${volume}`])).toBe(volume);

    await page.call('volumes.remove', { name: volume, force: true });
    expect(await engine.docker(['volume', 'ls', '-q', '--filter', `name=${volume}`])).toBe('');
    expect(await engine.docker(['ps', '-aq', '--filter', `id=${a}`])).toBe('');
    await page.until('the volume gone from the patches', () => !byName());
  });

  it('shows what prune will remove first, then prunes', async () => {
    const unused = `${prefix}unused`;
    await page.call('volumes.create', { name: unused });
    const estimate = await page.call('volumes.pruneEstimate', {});
    // Engine API 1.41 (Docker 20.10) prunes every unused local volume, named ones included.
    expect(estimate.anonymousOnly).toBe(false);
    expect(estimate.volumes.map((v) => v.name)).toContain(unused);
    const pruned = await page.call('volumes.prune', {});
    expect(pruned.deleted.sort()).toEqual(estimate.volumes.map((v) => v.name).sort());
  });
});

describe('networks', () => {
  it('connects and disconnects a container, the list following through the events', async () => {
    const initial = await page.call('networks.list', {});
    expect(initial.find((n) => n.name === 'none')).toMatchObject({ driver: 'null', builtIn: true, scope: 'local' });
    const first = await page.call('networks.create', { name: `${prefix}front`, subnet: '10.231.0.0/24', labels: { purpose: 'test' } });
    expect(first).toMatchObject({ name: `${prefix}front`, driver: 'bridge', builtIn: false, subnets: ['10.231.0.0/24'], containers: [] });
    const second = await page.call('networks.create', { name: `${prefix}back`, internal: true });
    const id = await engine.docker(['run', '-d', '--network', `${prefix}front`, '--name', `${prefix}web`, 'silo-test/busybox:latest', 'sleep', '3600']);
    const net = () => folded<NetworkSummary>(initial, (n) => n.id, page.of('networks.changed')).get(second.id);

    await page.call('networks.connect', { network: second.id, container: id });
    const joined = await page.until('the container on the second network', () => net()?.containers.find((c) => c.containerId === id));
    expect(joined).toMatchObject({ name: `${prefix}web` });
    expect(joined.ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(JSON.parse(await engine.docker(['inspect', '-f', '{{json .NetworkSettings.Networks}}', id]))).toHaveProperty(`${prefix}back`);
    expect((await page.failure('networks.connect', { network: second.id, container: id })).code).toBe('already-connected');

    await page.call('networks.disconnect', { network: second.id, container: id });
    await page.until('the container off the second network', () => net()?.containers.length === 0);
    expect((await page.failure('networks.disconnect', { network: second.id, container: id })).code).toBe('not-connected');

    expect((await page.failure('networks.remove', { id: first.id })).code).toBe('network-in-use');
    expect((await page.failure('networks.remove', { id: 'none' })).code).toBe('network-predefined');
    expect((await page.failure('networks.create', { name: `${prefix}front` })).code).toBe('network-name-conflict');
    const none = await engine.run(['--name', `${prefix}isolated`]);
    expect((await page.failure('networks.connect', { network: second.id, container: none })).code).toBe('network-not-allowed');
    await page.call('networks.remove', { id: second.id });
    await page.until('the network gone', () => !net());
  });
});

describe('container details', () => {
  it('gives the processes, the changed paths and the full inspect answer', async () => {
    const id = await engine.run(['--name', `${prefix}details`], ['sh', '-c', 'mkdir -p /tmp/work && touch /tmp/work/new && rm /bin/ls && sleep 3600']);
    const top = await page.call('containers.top', { id });
    expect(top.titles).toContain('PID');
    expect(top.pidColumn).toBe(top.titles.indexOf('PID'));
    expect(top.processes.some((p) => p.join(' ').includes('sleep 3600'))).toBe(true);
    const diff = await waitForChanges(id);
    expect(diff).toEqual(
      expect.arrayContaining([
        { path: '/tmp/work/new', kind: 'added' },
        { path: '/bin/ls', kind: 'deleted' },
      ]),
    );
    const inspect = await page.call('containers.inspect', { id });
    expect(inspect).toMatchObject({ Id: id, Name: `/${prefix}details`, Config: { Image: 'silo-test/busybox:latest' } });
  });
});

async function waitForChanges(id: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const diff = await page.call('containers.changes', { id });
    if (diff.some((c) => c.path === '/bin/ls') || Date.now() > deadline) return diff;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('compose projects', () => {
  it('stops and starts every container of a project, one progress event each', async () => {
    const project = `${prefix}proj`;
    const ids: string[] = [];
    for (const service of ['api', 'db', 'web']) {
      ids.push(
        await engine.run([
          '--name',
          `${prefix}svc-${service}`,
          '--stop-timeout',
          '1',
          '--label',
          `com.docker.compose.project=${project}`,
          '--label',
          `com.docker.compose.service=${service}`,
        ]),
      );
    }
    await silo.manager.settled();
    await page.until('the project in the store', () => silo.manager.containers().filter((c) => c.composeProject === project).length === 3);
    const stop = await page.call('compose.act', { project, action: 'stop' });
    expect(stop.total).toBe(3);
    await page.until('the end of the stop', () => page.end(stop.streamId));
    const progress = page.data(stop.streamId).flatMap((d) => (d.kind === 'progress' ? [d] : []));
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(progress.every((p) => p.outcome.ok && p.total === 3)).toBe(true);
    expect(progress.map((p) => p.outcome.id).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await engine.docker(['inspect', '-f', '{{.State.Status}}', id])).toBe('exited');

    const start = await page.call('compose.act', { project, action: 'start' });
    await page.until('the end of the start', () => page.end(start.streamId));
    for (const id of ids) expect(await engine.docker(['inspect', '-f', '{{.State.Status}}', id])).toBe('running');
    expect((await page.failure('compose.act', { project: `${prefix}nothing`, action: 'stop' })).code).toBe('compose-project-not-found');
  });
});
