// The dashboard's lists on a real Podman 4.3 service stay true without a reload: Podman's volume
// events carry no Actor.ID (only the name), and it sends no network events at all.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NetworkSummary } from '../../../src/shared/model/network';
import type { ResourcePatch } from '../../../src/shared/model/resource-patch';
import type { VolumeSummary } from '../../../src/shared/model/volume';
import { PodmanService, PODMAN_IMAGE } from '../../support/podman';
import { startHarness, type Harness, type Page } from '../dashboard/harness';

const podman = new PodmanService(inject('podmanDir'));
const prefix = `pmlist-${process.pid}-`;
let silo: Harness;
let page: Page;

function folded<T>(initial: T[], key: (t: T) => string, patches: Array<ResourcePatch<T>>): Map<string, T> {
  const map = new Map(initial.map((i) => [key(i), i]));
  for (const patch of patches) {
    if (patch.reset) map.clear();
    for (const i of patch.upsert) map.set(key(i), i);
    for (const k of patch.remove) map.delete(k);
  }
  return map;
}

beforeAll(async () => {
  silo = await startHarness(podman.dockerHost);
  page = silo.page();
});

afterAll(async () => {
  await silo?.close();
  const ids = await podman.podman(['ps', '-aq', '--filter', `name=${prefix}`]).catch(() => '');
  if (ids) await podman.podman(['rm', '-f', '-t', '0', ...ids.split('\n')]).catch(() => undefined);
  await podman.podman(['volume', 'rm', '-f', `${prefix}outside`]).catch(() => undefined);
  await podman.podman(['network', 'rm', '-f', `${prefix}net`]).catch(() => undefined);
});

describe('lists on Podman', () => {
  it('a volume created and removed outside Silo appears and goes without a reload', async () => {
    const initial = await page.call('volumes.list', {});
    const volume = `${prefix}outside`;
    const names = () => [...folded<VolumeSummary>(initial, (v) => v.name, page.of('volumes.changed')).keys()];
    await podman.podman(['volume', 'create', volume]);
    await page.until('the new volume in the patches', () => names().includes(volume));
    await podman.podman(['volume', 'rm', volume]);
    await page.until('the volume gone from the patches', () => !names().includes(volume));
  });

  it('an image tagged outside Silo appears without a reload', async () => {
    const initial = await page.call('images.list', {});
    await podman.podman(['tag', PODMAN_IMAGE, `localhost/${prefix}tagged:1`]);
    await page.until('the new tag in the patches', () =>
      [...folded(initial, (i) => i.id, page.of('images.changed')).values()].some((i) => i.tags.includes(`localhost/${prefix}tagged:1`)),
    );
    await podman.podman(['rmi', `localhost/${prefix}tagged:1`]);
  });

  it('a network made in Silo, and a container joining it outside Silo, show without a reload', async () => {
    const initial = await page.call('networks.list', {});
    const byName = () => [...folded<NetworkSummary>(initial, (n) => n.id, page.of('networks.changed')).values()].find((n) => n.name === `${prefix}net`);
    const created = await page.call('networks.create', { name: `${prefix}net`, internal: true });
    await page.until('the new network in the patches', () => byName()?.id === created.id);
    const id = await podman.podman(['create', '--network', `${prefix}net`, '--name', `${prefix}member`, PODMAN_IMAGE, 'true']);
    const member = await page.until('its new member', () => byName()?.containers.find((c) => c.containerId === id));
    expect(member.name).toBe(`${prefix}member`);
    await podman.podman(['rm', id]);
    await page.until('the member gone', () => byName()?.containers.length === 0);
    await page.call('networks.remove', { id: created.id });
    await page.until('the network gone from the patches', () => byName() === undefined);
  });

  it("recognises Podman's refusal to remove its own network", async () => {
    const own = (await page.call('networks.list', {})).find((n) => n.name === 'bridge' || n.name === 'podman');
    expect(own).toBeDefined();
    expect(await page.failure('networks.remove', { id: own!.id })).toMatchObject({ code: 'network-predefined' });
  });
});
