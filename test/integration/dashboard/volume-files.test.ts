// Issue 17, volumes: browsing a volume's files through a helper container on the real engine: a
// folder's entries with size, mode, owner and time (nested folders, symlinks, a hard link, odd
// names, a folder of 10,000 files), a file's first MiB, a file or folder downloaded, the whole
// volume exported equal to what the CLI's `tar c -C /v .` gives. Paths that would leave the
// volume are refused; the helper containers are always removed, also on failure and on cancel.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StreamData } from '../../../src/shared/model/stream';
import { TestEngine } from '../../support/test-engine';
import { tarListing, treeOf } from '../../support/tree';
import { MANY, ODD_NAMES, fillVolume, helpersLeft, tarOf } from '../../support/volume-fixture';
import { FLOW_LIMITS } from '../../../src/main/dashboard/stream-flow';
import { streamDataSize } from '../../../src/shared/dashboard/stream-size';
import { Page, startHarness, type Harness } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `dvf-${process.pid}-`;
const volume = `${prefix}data`;
const dir = mkdtempSync(join(tmpdir(), 'silo-vf-'));
let silo: Harness;
let page: Page;

beforeAll(async () => {
  await fillVolume(engine, volume);
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
}, 180_000);

afterEach(async () => {
  // Every call's helper is gone once it has answered (or its stream has ended).
  expect(await eventually('no helper left', async () => ((await helpersLeft(engine)) === '' ? 'none' : null))).toBe('none');
});

afterAll(async () => {
  await silo?.close();
  const ids = await engine.docker(['ps', '-aq', '--filter', `name=${prefix}`]);
  if (ids) await engine.docker(['rm', '-f', ...ids.split('\n')]);
  const names = await engine.docker(['volume', 'ls', '-q', '--filter', `name=${prefix}`]);
  if (names) await engine.docker(['volume', 'rm', ...names.split('\n')]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** Wait until an engine-side probe holds (asked every 100 ms). */
async function eventually<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A download's bytes once its stream has ended. */
async function downloaded(streamId: string): Promise<{ bytes: Buffer; last: Extract<StreamData, { kind: 'archive' }> | undefined }> {
  const end = await page.until(`the end of ${streamId}`, () => page.end(streamId), 60_000);
  expect(end.error).toBeNull();
  const pieces = page.data(streamId).filter((d): d is Extract<StreamData, { kind: 'archive' }> => d.kind === 'archive');
  return { bytes: Buffer.concat(pieces.map((p) => Buffer.from(p.data, 'base64'))), last: pieces.at(-1) };
}

/** GNU tar's own listing of an archive: modes, owners, sizes, times, names, link targets. */
function listing(tar: Buffer, name: string): string[] {
  const file = join(dir, name);
  writeFileSync(file, tar);
  return tarListing(file);
}

function extracted(tar: Buffer, name: string): string {
  const file = join(dir, `${name}.tar`);
  const into = join(dir, name);
  writeFileSync(file, tar);
  mkdirSync(into);
  execFileSync('tar', ['-xf', file, '-C', into, '--numeric-owner', '--same-owner', '-p']);
  return into;
}

describe('browsing a volume', () => {
  it('lists a folder with each entry’s type, size, mode, owner, time and link target, folders first', async () => {
    const root = await page.call('volumes.browse', { name: volume, path: '' });
    expect(root.path).toBe('');
    expect(root.helperImage).not.toBe('');
    expect(root.liveUsers).toEqual([]);
    const byName = new Map(root.entries.map((e) => [e.name, e]));
    for (const name of ['a', 'many', 'empty', 'hello.txt', 'big.txt', 'binary.bin', 'owned.txt', 'link', 'abs', 'hard.txt', ...ODD_NAMES]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(root.entries.length).toBe(byName.size);
    const firstFile = root.entries.findIndex((e) => e.type !== 'folder');
    expect(root.entries.slice(0, firstFile).map((e) => e.name)).toEqual(['a', 'empty', 'many']);
    expect(byName.get('owned.txt')).toMatchObject({ type: 'file', size: 6, mode: 0o4750, uid: 1234, gid: 5678, mtime: Date.UTC(2001, 1, 3, 4, 5, 6) });
    expect(byName.get('empty')).toMatchObject({ type: 'folder', mode: 0o1777 });
    expect(byName.get('big.txt')).toMatchObject({ type: 'file', size: 2 * 1024 * 1024 });
    expect(byName.get('link')).toMatchObject({ type: 'symlink', linkTarget: 'a/b' });
    expect(byName.get('abs')).toMatchObject({ type: 'symlink', linkTarget: '/etc' });
    const hard = [byName.get('hard.txt')!, byName.get('hello.txt')!];
    expect(hard.map((e) => e.type).sort()).toEqual(['file', 'hardlink']);
    expect(hard.find((e) => e.type === 'hardlink')!.linkTarget).toBe(hard.find((e) => e.type === 'file')!.name);
    // A hard link is its target's second name: the same size, and readable as a file.
    expect(hard.map((e) => e.size)).toEqual([6, 6]);
    for (const e of hard) expect(await page.call('volumes.read', { name: volume, path: e.name })).toMatchObject({ text: 'hello\n' });

    const nested = await page.call('volumes.browse', { name: volume, path: 'a/b' });
    expect(nested.entries.map((e) => [e.name, e.type, e.linkTarget])).toEqual([
      ['c', 'folder', null],
      ['up', 'symlink', '../..'],
    ]);
    const deepest = await page.call('volumes.browse', { name: volume, path: '/a/b/c/' });
    expect(deepest).toMatchObject({ path: 'a/b/c', entries: [{ name: 'deep.txt', type: 'file', size: 5 }] });
  });

  it('lists a folder of 10,000 files', async () => {
    const many = await page.call('volumes.browse', { name: volume, path: 'many' });
    expect(many.entries).toHaveLength(MANY);
    expect(new Set(many.entries.map((e) => e.name)).size).toBe(MANY);
    expect(many.entries.every((e) => e.type === 'file' && e.size === 0)).toBe(true);
  });

  it('refuses paths that leave the volume or pass through a symlink, in plain words', async () => {
    expect(await page.failure('volumes.browse', { name: volume, path: '../etc' })).toMatchObject({
      code: 'volume-path-invalid',
      params: { reason: 'dot-dot' },
    });
    expect(await page.failure('volumes.browse', { name: volume, path: 'a/\u0000' })).toMatchObject({
      code: 'volume-path-invalid',
      params: { reason: 'control' },
    });
    expect(await page.failure('volumes.browse', { name: volume, path: 'abs' })).toMatchObject({ code: 'volume-path-symlink', params: { path: 'abs' } });
    expect(await page.failure('volumes.browse', { name: volume, path: 'link/c' })).toMatchObject({ code: 'volume-path-symlink', params: { path: 'link' } });
    expect(await page.failure('volumes.read', { name: volume, path: 'abs/hostname' })).toMatchObject({ code: 'volume-path-symlink' });
    expect(await page.failure('volumes.browse', { name: volume, path: 'hello.txt' })).toMatchObject({ code: 'volume-path-not-folder' });
    expect(await page.failure('volumes.browse', { name: volume, path: 'nothing-here' })).toMatchObject({ code: 'volume-path-not-found' });
    expect(await page.failure('volumes.browse', { name: `${prefix}missing`, path: '' })).toMatchObject({ code: 'volume-not-found' });
    // The engine did not make a volume of that name on the way.
    expect(await engine.docker(['volume', 'ls', '-q', '--filter', `name=${prefix}missing`])).toBe('');
  });

  it('says which running containers use the volume (its files are read as they are)', async () => {
    await engine.run(['--name', `${prefix}db`, '-v', `${volume}:/data`]);
    const listing = await eventually('the user in the container list', async () => {
      const l = await page.call('volumes.browse', { name: volume, path: '' });
      return l.liveUsers.length > 0 ? l : null;
    });
    expect(listing.liveUsers).toEqual([`${prefix}db`]);
    await engine.docker(['rm', '-f', `${prefix}db`]);
  });
});

describe('reading a file', () => {
  it('answers a text file, the first MiB of a big one, and nothing of a binary one', async () => {
    expect(await page.call('volumes.read', { name: volume, path: 'hello.txt' })).toEqual({
      path: 'hello.txt',
      size: 6,
      text: 'hello\n',
      truncated: false,
      binary: false,
    });
    expect(await page.call('volumes.read', { name: volume, path: 'odd name ü.txt' })).toMatchObject({ text: 'odd\n' });
    const big = await page.call('volumes.read', { name: volume, path: 'big.txt' });
    expect(big).toMatchObject({ size: 2 * 1024 * 1024, truncated: true, binary: false });
    expect(big.text).toBe('a'.repeat(1024 * 1024));
    expect(await page.call('volumes.read', { name: volume, path: 'binary.bin' })).toMatchObject({ binary: true, text: '' });
    expect(await page.failure('volumes.read', { name: volume, path: 'a' })).toMatchObject({ code: 'volume-path-not-file' });
  });
});

describe('downloading', () => {
  it('sends a file as its own bytes', async () => {
    const opened = await page.call('volumes.download', { name: volume, path: 'a/b/c/deep.txt' });
    expect(opened).toMatchObject({ fileName: 'deep.txt', kind: 'file', size: 5 });
    const { bytes, last } = await downloaded(opened.streamId);
    expect(bytes.toString()).toBe('deep\n');
    expect(last).toMatchObject({ bytes: 5, files: 1 });
  });

  it('sends a folder as a tar', async () => {
    const opened = await page.call('volumes.download', { name: volume, path: 'a' });
    expect(opened).toMatchObject({ fileName: 'a.tar', kind: 'tar', size: null });
    const { bytes } = await downloaded(opened.streamId);
    const tree = treeOf(extracted(bytes, 'folder-a'));
    expect(tree.map((r) => [r.path, r.type])).toEqual([
      ['a', 'folder'],
      ['a/b', 'folder'],
      ['a/b/c', 'folder'],
      ['a/b/c/deep.txt', 'file'],
      ['a/b/up', 'symlink'],
    ]);
  });

  it('exports the whole volume as .tar.gz equal to the CLI’s tar: owners, modes, times, symlinks and content', async () => {
    const opened = await page.call('volumes.download', { name: volume, path: '', gzip: true });
    expect(opened).toMatchObject({ fileName: `${volume}.tar.gz`, kind: 'tar' });
    const { bytes, last } = await downloaded(opened.streamId);
    const tar = gunzipSync(bytes);
    expect(last!.bytes).toBe(bytes.length);
    expect(last!.files).toBeGreaterThan(MANY);
    const cli = await tarOf(engine, volume);
    expect(listing(tar, 'silo.tar')).toEqual(listing(cli, 'cli.tar'));
    const ours = treeOf(extracted(tar, 'silo'));
    expect(ours).toEqual(treeOf(extracted(cli, 'cli')));
    expect(ours.find((r) => r.path === 'owned.txt')).toMatchObject({ mode: 0o4750, uid: 1234, gid: 5678 });
  });

  it('waits for a page that has not taken what it was sent (the stream registry’s flow control)', async () => {
    const slow = new Page(silo.dashboard, false);
    try {
      const { streamId } = await slow.call('volumes.download', { name: volume, path: '' });
      await slow.until('the page behind', () => slow.streams.flow.behind);
      const sentWhenPaused = slow.data(streamId).length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Paused: the engine's answer is read no further, nothing more is sent, nothing ended.
      expect(slow.data(streamId).length).toBe(sentWhenPaused);
      expect(slow.end(streamId)).toBeUndefined();
      const sent = slow.data(streamId).reduce((sum, d) => sum + streamDataSize(d), 0);
      expect(sent).toBeLessThan(FLOW_LIMITS.high + 512 * 1024);
      // The page catches up, piece by piece: the export runs to its end.
      let acked = 0;
      const ackAll = (): void => {
        for (const d of slow.data(streamId).slice(acked)) slow.streams.ack(streamId, streamDataSize(d));
        acked = slow.data(streamId).length;
      };
      const end = await slow.until(
        'the end once acknowledged',
        () => {
          ackAll();
          return slow.end(streamId);
        },
        60_000,
      );
      expect(end.error).toBeNull();
      const pieces = slow.data(streamId).filter((d): d is Extract<StreamData, { kind: 'archive' }> => d.kind === 'archive');
      expect(pieces.at(-1)!.files).toBeGreaterThan(MANY);
    } finally {
      slow.close();
    }
  });

  it('removes the helper when the page cancels an export', async () => {
    const opened = await page.call('volumes.download', { name: volume, path: '' });
    await page.until('the first piece', () => page.data(opened.streamId).length > 0);
    await page.call('stream.close', { streamId: opened.streamId });
    expect(await eventually('the helper gone', async () => ((await helpersLeft(engine)) === '' ? 'gone' : null))).toBe('gone');
    expect(page.end(opened.streamId)).toBeUndefined();
  });
});
