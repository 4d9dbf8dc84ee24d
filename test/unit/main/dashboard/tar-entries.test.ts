// The tar header reader, on archives GNU tar writes in each format: long names (GNU `L`, PAX
// `path`, USTAR's prefix), link targets, owners, modes, times, sizes; data handed on in order,
// whatever the chunking; a broken header refused.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MalformedTar, TarEntries, type TarHeader } from '../../../../src/main/dashboard/tar-entries';

const dir = mkdtempSync(join(tmpdir(), 'silo-tar-'));
const root = join(dir, 'root');
const long = `${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(90)}.txt`;
mkdirSync(join(root, 'd'.repeat(60), 'e'.repeat(60)), { recursive: true });
writeFileSync(join(root, long), 'long\n');
writeFileSync(join(root, 'small.txt'), 'x'.repeat(1500));
symlinkSync('small.txt', join(root, 'link'));
utimesSync(join(root, 'small.txt'), 981173106, 981173106);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(tar: Buffer, chunk: number): { headers: TarHeader[]; data: Map<string, string> } {
  const headers: TarHeader[] = [];
  const data = new Map<string, string>();
  let current = '';
  const walk = new TarEntries({
    entry: (h) => {
      headers.push(h);
      current = h.name;
      data.set(current, '');
    },
    data: (piece) => data.set(current, data.get(current)! + piece.toString()),
  });
  for (let at = 0; at < tar.length; at += chunk) walk.push(tar.subarray(at, at + chunk));
  expect(walk.ended).toBe(true);
  return { headers, data };
}

describe('tar entries', () => {
  for (const format of ['gnu', 'pax', 'ustar']) {
    it(`reads GNU tar's ${format} format, in pieces of any size`, () => {
      const file = join(dir, `${format}.tar`);
      execFileSync('tar', ['-cf', file, `--format=${format}`, '--owner=1234', '--group=5678', '--sort=name', '-C', root, '.']);
      const tar = readFileSync(file);
      for (const chunk of [7, 512, 100_000]) {
        const { headers, data } = read(tar, chunk);
        const byName = new Map(headers.map((h) => [h.name.replace(/^\.\//, ''), h]));
        expect(byName.get(long)).toMatchObject({ type: '0', size: 5, uid: 1234, gid: 5678 });
        expect(data.get(`./${long}`)).toBe('long\n');
        expect(byName.get('small.txt')).toMatchObject({ size: 1500, mtime: 981173106000 });
        expect(data.get('./small.txt')).toBe('x'.repeat(1500));
        expect(byName.get('link')).toMatchObject({ type: '2', linkname: 'small.txt', size: 0 });
        expect(byName.get(`${'d'.repeat(60)}/`)).toMatchObject({ type: '5' });
      }
    });
  }

  it('refuses a header with a wrong checksum', () => {
    const block = Buffer.alloc(512, 0x41);
    expect(() => new TarEntries({ entry: () => undefined }).push(block)).toThrow(MalformedTar);
  });
});
