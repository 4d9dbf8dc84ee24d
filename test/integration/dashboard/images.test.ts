// Images against the real engine: the list, the layers of the local image and of one built in
// two steps, load (docker save → tar → load, from a path and uploaded in pieces), import,
// remove, prune with its estimate first, and pulls: no registry is reachable here, so a pull is
// tried against a loopback port nobody listens on (the code) and against a loopback listener that
// never answers (cancelled with stream.close; the engine drops its registry connection).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImageListItem } from '../../../src/shared/model/image-list';
import { TEST_IMAGE, TestEngine } from '../../support/test-engine';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const tag = `${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'silo-img-'));
let silo: Harness;
let page: Page;

const apply = (list: ImageListItem[], p: Page): Map<string, ImageListItem> => {
  const map = new Map(list.map((i) => [i.id, i]));
  for (const patch of p.of('images.changed')) {
    if (patch.reset) map.clear();
    for (const i of patch.upsert) map.set(i.id, i);
    for (const id of patch.remove) map.delete(id);
  }
  return map;
};

beforeAll(async () => {
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
  mkdirSync(join(dir, 'ctx'));
  writeFileSync(join(dir, 'ctx', 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo hello-layer > /hello.txt\nCMD ["cat", "/hello.txt"]\n`);
});

afterAll(async () => {
  await silo?.close();
  const images = await engine.docker(['images', '-q', '--filter', `reference=silo-test/*:${tag}*`]);
  if (images) await engine.docker(['rmi', '-f', ...new Set(images.split('\n'))]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('images', () => {
  it('lists the local image with size, date, OS and architecture (no OsVersion on Linux)', async () => {
    const list = await page.call('images.list', {});
    const busybox = list.find((i) => i.tags.includes(TEST_IMAGE));
    expect(busybox).toMatchObject({ os: 'linux', architecture: 'amd64', osVersion: null, dangling: false });
    expect(busybox!.size).toBeGreaterThan(1_000_000);
    expect(busybox!.createdAt).toBeGreaterThan(Date.parse('2020-01-01'));
  });

  it('shows the layers of the imported image, and of an image built in two steps', async () => {
    const local = await page.call('images.history', { id: TEST_IMAGE });
    expect(local).toHaveLength(1);
    expect(local[0]).toMatchObject({ comment: 'Imported from -', tags: [TEST_IMAGE] });
    expect(local[0]!.size).toBeGreaterThan(1_000_000);

    await engine.docker(['build', '-q', '-t', `silo-test/built:${tag}`, join(dir, 'ctx')]);
    const built = await page.call('images.history', { id: `silo-test/built:${tag}` });
    expect(built.map((l) => [l.createdBy.replace(/\s+/g, ' '), l.size > 0, l.empty])).toEqual([
      ['/bin/sh -c #(nop) CMD ["cat" "/hello.txt"]', false, true],
      ['/bin/sh -c echo hello-layer > /hello.txt', true, false],
      ['', true, false],
    ]);
    expect(built[0]!.tags).toEqual([`silo-test/built:${tag}`]);
    expect(built[2]!.id).toBe(local[0]!.id);
  });

  it('loads a docker save archive from a path and uploaded in pieces, and follows the list', async () => {
    const list = await page.call('images.list', {});
    const ref = `silo-test/saved:${tag}`;
    await engine.docker(['tag', `silo-test/built:${tag}`, ref]);
    const archive = join(dir, 'saved.tar');
    await engine.docker(['save', '-o', archive, ref]);
    await engine.docker(['rmi', ref]);

    const fromPath = await page.call('images.loadFile', { path: archive, mode: 'load' });
    expect(fromPath.images).toEqual([ref]);
    await page.until('the loaded image in the patches', () => [...apply(list, page).values()].some((i) => i.tags.includes(ref)));

    await engine.docker(['rmi', ref]);
    const bytes = readFileSync(archive);
    const { streamId } = await page.call('images.upload.open', { mode: 'load', size: bytes.length });
    const piece = 256 * 1024;
    for (let at = 0; at < bytes.length; at += piece) {
      const { received } = await page.call('images.upload.chunk', { streamId, data: bytes.subarray(at, at + piece).toString('base64') });
      expect(received).toBe(Math.min(bytes.length, at + piece));
    }
    const uploaded = await page.call('images.upload.finish', { streamId });
    expect(uploaded.images).toEqual([ref]);
    expect(page.streams.size).toBe(0);

    // A piece missing: refused at finish, nothing loaded.
    await engine.docker(['rmi', ref]);
    const short = await page.call('images.upload.open', { mode: 'load', size: bytes.length });
    await page.call('images.upload.chunk', { streamId: short.streamId, data: bytes.subarray(0, piece).toString('base64') });
    expect(await page.failure('images.upload.finish', { streamId: short.streamId })).toMatchObject({ code: 'validation', field: 'size' });
    expect(page.streams.size).toBe(0);
    await expect(engine.docker(['image', 'inspect', ref])).rejects.toThrow(/No such/i);
  });

  it('imports a filesystem tar as an image', async () => {
    const id = await engine.docker(['create', '--network', 'none', TEST_IMAGE, 'true']);
    const rootfs = join(dir, 'rootfs.tar');
    await engine.docker(['export', '-o', rootfs, id]);
    await engine.docker(['rm', id]);
    const ref = `silo-test/imported:${tag}`;
    const result = await page.call('images.loadFile', { path: rootfs, mode: 'import', reference: ref });
    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await engine.docker(['image', 'inspect', '-f', '{{.Id}}', ref])).toBe(result.images[0]);
  });

  it('refuses what is not an archive, and a path it cannot read', async () => {
    const junk = join(dir, 'junk.tar');
    writeFileSync(junk, 'this is not a tar archive at all, only words\n'.repeat(100));
    expect((await page.failure('images.loadFile', { path: junk, mode: 'load' })).code).toBe('invalid-archive');
    expect((await page.failure('images.loadFile', { path: join(dir, 'missing.tar'), mode: 'load' })).code).toBe('file-not-readable');
  });

  it('removes images, refusing one a container uses', async () => {
    const ref = `silo-test/used:${tag}`;
    await engine.docker(['tag', `silo-test/built:${tag}`, ref]);
    const imageId = await engine.docker(['image', 'inspect', '-f', '{{.Id}}', ref]);
    const extra = `silo-test/extra:${tag}`;
    await engine.docker(['tag', `silo-test/built:${tag}`, extra]);
    const [untag] = await page.call('images.remove', { ids: [extra] });
    expect(untag).toEqual({ id: extra, ok: true, error: null });
    const container = await engine.docker(['create', '--network', 'none', imageId, 'true']);
    const [refused] = await page.call('images.remove', { ids: [imageId] });
    expect(refused?.ok).toBe(false);
    expect(['image-in-use', 'image-multiple-tags']).toContain(refused?.error?.code);
    await engine.docker(['rm', container]);
  });

  it('shows what prune will free, then prunes it', async () => {
    const ref = `silo-test/dangling:${tag}`;
    // Building twice under one tag leaves the first image without a tag: dangling, with a layer of its own.
    const build = async (words: string): Promise<string> => {
      writeFileSync(join(dir, 'ctx', 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${words} > /unique.txt\n`);
      await engine.docker(['build', '-q', '-t', ref, join(dir, 'ctx')]);
      return engine.docker(['image', 'inspect', '-f', '{{.Id}}', ref]);
    };
    const first = await build(`first-${Date.now()}`);
    await build(`second-${Date.now()}`);
    const estimate = await page.call('images.pruneEstimate', {});
    const mine = estimate.images.find((i) => i.id === first);
    // Its own layer only: the busybox layer below it stays with the other images.
    expect(mine?.size).toBeGreaterThan(0);
    expect(mine!.size).toBeLessThan(1000);
    const pruned = await page.call('images.prune', {});
    for (const image of estimate.images) expect(pruned.deleted).toContain(image.id);
    expect(pruned.spaceReclaimed).toBe(estimate.bytes);
    await expect(engine.docker(['image', 'inspect', first])).rejects.toThrow(/No such/i);
  });

  it('says a registry that cannot be reached is unreachable (a loopback port nobody listens on)', async () => {
    const { streamId } = await page.call('images.pull', { reference: '127.0.0.1:1/silo/none:latest' });
    const end = await page.until('the end of the pull', () => page.end(streamId));
    expect(end.error?.code).toBe('registry-unreachable');
    expect(end.error?.detail).toMatch(/connection refused/);
  });

  it('cancels a pull whose registry never answers: the engine gives up instead of retrying', async () => {
    // A loopback listener that accepts and never answers. Measured on Docker 20.10: a pull left
    // alone gives up TLS after 10 s and retries over plain HTTP (a second connection); a pull
    // whose client went away closes the first connection at the same 10 s (the engine's registry
    // ping does not follow cancellation sooner) and opens no second one.
    const sockets = new Set<Socket>();
    let accepted = 0;
    const silent: Server = createServer((socket) => {
      accepted += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      // Read (and drop) what the engine sends, or its close would go unnoticed.
      socket.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const { streamId } = await page.call('images.pull', { reference: `127.0.0.1:${port}/silo/never:latest` });
      await page.until('the engine at the registry', () => accepted > 0);
      await page.call('stream.close', { streamId });
      expect(page.streams.size).toBe(0);
      await page.until('the engine closing its registry connection', () => sockets.size === 0, 25_000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(accepted).toBe(1);
      expect(page.end(streamId)).toBeUndefined();
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('validates references before the engine sees them', async () => {
    expect((await page.failure('images.pull', { reference: 'UPPER CASE' })).code).toBe('validation');
  });
});
