// Issue 17, volumes: a volume exported, then imported into a new volume through the page's
// chunked upload, is the same volume (the CLI's tar of both lists the same modes, owners, times,
// sizes and links, and their files hash the same); a clone too. An import into a volume that
// holds files is refused until the person chooses replace or merge, and then a backup clone of
// what was there is made first. Hostile tars are refused with nothing written. No helper
// container is left behind, whatever happened.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StreamData } from '../../../src/shared/model/stream';
import { TestEngine } from '../../support/test-engine';
import { tarListing, treeOf } from '../../support/tree';
import { fillVolume, helpersLeft, tarOf } from '../../support/volume-fixture';
import { startHarness, type Harness, type Page } from './harness';

const engine = new TestEngine(inject('engineDir'));
const prefix = `dvi-${process.pid}-`;
const source = `${prefix}src`;
const dir = mkdtempSync(join(tmpdir(), 'silo-vi-'));
let silo: Harness;
let page: Page;
let n = 0;

beforeAll(async () => {
  await fillVolume(engine, source);
  silo = await startHarness(engine.dockerHost);
  page = silo.page();
}, 180_000);

afterEach(async () => {
  for (let i = 0; i < 100 && (await helpersLeft(engine)) !== ''; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await helpersLeft(engine)).toBe('');
  // No staging volume is left either.
  expect(await engine.docker(['volume', 'ls', '-q', '--filter', 'name=silo-import-'])).toBe('');
});

afterAll(async () => {
  await silo?.close();
  const names = await engine.docker(['volume', 'ls', '-q', '--filter', `name=${prefix}`]);
  if (names) await engine.docker(['volume', 'rm', ...names.split('\n')]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function exported(name: string, gzip = false): Promise<Buffer> {
  const { streamId } = await page.call('volumes.download', { name, path: '', gzip });
  const end = await page.until('the export', () => page.end(streamId), 60_000);
  expect(end.error).toBeNull();
  const pieces = page.data(streamId).filter((d): d is Extract<StreamData, { kind: 'archive' }> => d.kind === 'archive');
  return Buffer.concat(pieces.map((p) => Buffer.from(p.data, 'base64')));
}

async function imported(tar: Buffer, spec: { name: string; into: 'new' | 'existing'; mode?: 'replace' | 'merge' }) {
  const { streamId } = await page.call('volumes.import.open', { ...spec, size: tar.length });
  for (let at = 0; at < tar.length; at += 512 * 1024) {
    await page.call('volumes.import.chunk', { streamId, data: tar.subarray(at, at + 512 * 1024).toString('base64') });
  }
  return page.call('volumes.import.finish', { streamId });
}

/** Whether a volume exists. */
async function exists(name: string): Promise<boolean> {
  return (await engine.docker(['volume', 'ls', '-q', '--filter', `name=^${name}$`])) === name;
}

function listing(tar: Buffer): string[] {
  const file = join(dir, `l${n++}.tar`);
  writeFileSync(file, tar);
  return tarListing(file);
}

function tree(tar: Buffer) {
  const into = join(dir, `t${n++}`);
  const file = `${into}.tar`;
  writeFileSync(file, tar);
  mkdirSync(into);
  execFileSync('tar', ['-xf', file, '-C', into, '--numeric-owner', '--same-owner', '-p']);
  return treeOf(into);
}

async function sameVolumes(a: string, b: string): Promise<void> {
  const [ta, tb] = await Promise.all([tarOf(engine, a), tarOf(engine, b)]);
  expect(listing(tb)).toEqual(listing(ta));
  expect(tree(tb)).toEqual(tree(ta));
}

/** A one-entry USTAR header. */
function header(name: string, type: string, size = 0, link = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0);
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(size.toString(8).padStart(11, '0') + '\0', 124);
  h.write('00000000000\0', 136);
  h.write(type, 156);
  h.write(link, 157);
  h.write('ustar\u000000', 257);
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return h;
}

function tarOfEntries(...entries: Array<{ name: string; type?: string; data?: string; link?: string }>): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    parts.push(header(e.name, e.type ?? '0', data.length, e.link ?? ''));
    if (data.length) parts.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

describe('export, then import into a new volume', () => {
  it('gives the same volume: modes, owners, times, symlinks, hard links and content', async () => {
    const target = `${prefix}copy`;
    const result = await imported(await exported(source), { name: target, into: 'new' });
    expect(result).toMatchObject({ volume: target, backup: null });
    expect(result.files).toBeGreaterThan(10_000);
    await sameVolumes(source, target);
  });

  it('takes a .tar.gz too', async () => {
    const target = `${prefix}copygz`;
    await imported(await exported(source, true), { name: target, into: 'new' });
    await sameVolumes(source, target);
  });

  it('refuses a name another volume has, touching nothing', async () => {
    const error = await page.failure('volumes.import.open', { name: source, into: 'new' });
    expect(error).toMatchObject({ code: 'volume-exists', params: { name: source } });
  });
});

describe('import into an existing volume', () => {
  it('fills an empty one', async () => {
    const target = `${prefix}empty`;
    await engine.docker(['volume', 'create', target]);
    const result = await imported(tarOfEntries({ name: 'hello.txt', data: 'hi\n' }), { name: target, into: 'existing' });
    expect(result.backup).toBeNull();
    const listed = await page.call('volumes.browse', { name: target, path: '' });
    expect(listed.entries.map((e) => e.name)).toEqual(['hello.txt']);
  });

  it('refuses a volume that holds files until the person chooses, then backs it up first', async () => {
    const target = `${prefix}full`;
    await engine.docker(['volume', 'create', target]);
    await imported(tarOfEntries({ name: 'old.txt', data: 'old\n' }), { name: target, into: 'existing' });
    const tar = tarOfEntries({ name: 'new.txt', data: 'new\n' });

    const refused = await page.failure('volumes.import.open', { name: target, into: 'existing', size: tar.length });
    expect(refused).toMatchObject({ code: 'volume-not-empty', params: { name: target } });
    const names = async (v: string) => (await page.call('volumes.browse', { name: v, path: '' })).entries.map((e) => e.name);
    expect(await names(target)).toEqual(['old.txt']);

    const merged = await imported(tar, { name: target, into: 'existing', mode: 'merge' });
    expect(merged.backup).toMatch(new RegExp(`^${target}-backup-\\d{8}T\\d{6}Z$`));
    expect(await names(target)).toEqual(['new.txt', 'old.txt']);
    expect(await names(merged.backup!)).toEqual(['old.txt']);

    await new Promise((r) => setTimeout(r, 1100)); // the next backup's name has another second
    const replaced = await imported(tarOfEntries({ name: 'only.txt', data: 'only\n' }), { name: target, into: 'existing', mode: 'replace' });
    expect(await names(target)).toEqual(['only.txt']);
    expect(await names(replaced.backup!)).toEqual(['new.txt', 'old.txt']);
  });
});

describe('hostile tars', () => {
  const cases: Array<[string, Buffer, string]> = [
    ['an entry that climbs out', tarOfEntries({ name: 'ok.txt', data: 'ok' }, { name: '../evil.txt', data: 'evil' }), 'escape'],
    ['an absolute entry', tarOfEntries({ name: '/etc/evil', data: 'evil' }), 'escape'],
    [
      'a write through a symlink it made',
      tarOfEntries({ name: 'l', type: '2', link: '/etc' }, { name: 'l/passwd', data: 'root::0:0::/:/bin/sh' }),
      'through-symlink',
    ],
    ['a relative symlink that climbs above the root', tarOfEntries({ name: 'a/', type: '5' }, { name: 'a/up', type: '2', link: '../../etc' }), 'escape'],
    ['a hard link out', tarOfEntries({ name: 'h', type: '1', link: '../../etc/passwd' }), 'escape'],
    ['a device', tarOfEntries({ name: 'sda', type: '4' }), 'device'],
  ];
  for (const [what, tar, reason] of cases) {
    it(`refuses ${what}, and leaves no volume`, async () => {
      const target = `${prefix}hostile${n++}`;
      const error = await imported(tar, { name: target, into: 'new' }).then(
        () => null,
        (e: { error?: unknown }) => e.error,
      );
      expect(error).toMatchObject({ code: 'archive-entry-refused', params: { reason } });
      expect(await exists(target)).toBe(false);
    });
  }

  it('refuses something that is not a tar, and leaves an existing volume as it was', async () => {
    const target = `${prefix}kept`;
    await engine.docker(['volume', 'create', target]);
    const error = await imported(Buffer.alloc(4096, 7), { name: target, into: 'existing' }).then(
      () => null,
      (e: { error?: unknown }) => e.error,
    );
    expect(error).toMatchObject({ code: 'invalid-archive' });
    expect((await page.call('volumes.browse', { name: target, path: '' })).entries).toEqual([]);
  });
});

describe('clone', () => {
  it('makes a new volume with the same content', async () => {
    const target = `${prefix}clone`;
    expect(await page.call('volumes.clone', { name: source, target })).toBeNull();
    await sameVolumes(source, target);
    expect(await page.failure('volumes.clone', { name: source, target })).toMatchObject({ code: 'volume-exists' });
    expect(await page.failure('volumes.clone', { name: `${prefix}nope`, target: `${prefix}nope2` })).toMatchObject({ code: 'volume-not-found' });
    expect(await exists(`${prefix}nope2`)).toBe(false);
  });
});
