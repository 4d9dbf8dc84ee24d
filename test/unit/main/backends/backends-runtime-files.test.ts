// Issue 12 item 5, the part only the disk can tell: a runtime binary that anyone may write, or
// that another user owns, is run by dockerd as root. Real files in a temporary folder (the tests
// run as root, so they can give a file to another user).
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runtimeFileWeakenings } from '../../../../src/main/backends/backends-runtime-files';
import { acknowledgedExactly } from '../../../../src/main/backends/backends-weakenings';
import { nodeFileOps } from '../../../../src/main/backends/file-ops';

const dir = mkdtempSync(join(tmpdir(), 'silo-runtime-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function binary(name: string, mode: number, uid = 0): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  chownSync(path, uid, 0);
  return path;
}

const check = (path: string, old: object | null = null, env: NodeJS.ProcessEnv = {}) =>
  runtimeFileWeakenings({ runtimes: { mine: { path } } }, old as never, { fs: nodeFileOps, env, ownUids: [0] });

describe.runIf(process.getuid?.() === 0)('runtimeFileWeakenings', () => {
  it('finds a world-writable binary, and one owned by another user', async () => {
    const writable = binary('writable', 0o777);
    expect(await check(writable)).toEqual([
      expect.objectContaining({
        id: `runtime-world-writable:mine:${writable}`,
        code: 'runtime-world-writable',
        params: { runtime: 'mine', path: writable, at: writable },
      }),
    ]);
    const foreign = binary('foreign', 0o755, 4321);
    expect(await check(foreign)).toEqual([
      expect.objectContaining({ code: 'runtime-foreign-owner', params: { runtime: 'mine', path: foreign, at: foreign, uid: '4321' } }),
    ]);
    expect(await check(binary('fine', 0o755))).toEqual([]);
  });

  it('finds a folder above the binary that anyone may write (without the sticky bit), and follows symbolic links', async () => {
    const open = join(dir, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    const inside = join(open, 'runtime');
    writeFileSync(inside, '#!/bin/sh\n', { mode: 0o755 });
    expect(await check(inside)).toEqual([expect.objectContaining({ code: 'runtime-world-writable', params: expect.objectContaining({ at: open }) })]);
    chmodSync(open, 0o1777);
    expect(await check(inside)).toEqual([]);
    const link = join(dir, 'link-to-writable');
    symlinkSync(binary('target-writable', 0o757), link);
    expect(await check(link)).toEqual([
      expect.objectContaining({ code: 'runtime-world-writable', params: expect.objectContaining({ at: join(dir, 'target-writable') }) }),
    ]);
  });

  it('looks a bare name up in PATH, and leaves alone a runtime the file on disk already had at the same path', async () => {
    binary('bare-runtime', 0o777);
    expect(await check('bare-runtime', null, { PATH: `/nonexistent:${dir}` })).toEqual([expect.objectContaining({ code: 'runtime-world-writable' })]);
    const writable = binary('known', 0o777);
    expect(await check(writable, { runtimes: { mine: { path: writable } } })).toEqual([]);
    expect(await check(join(dir, 'missing'))).toEqual([]);
  });
});

describe('acknowledgedExactly', () => {
  const w = (id: string) => ({ id, code: 'cors-any' as const, key: 'api-cors-header', params: {}, message: '' });
  it('wants every id, and no other', () => {
    expect(acknowledgedExactly([], [])).toBe(true);
    expect(acknowledgedExactly([w('a'), w('b')], ['b', 'a', 'a'])).toBe(true);
    expect(acknowledgedExactly([w('a'), w('b')], ['a'])).toBe(false);
    expect(acknowledgedExactly([w('a')], ['a', 'c'])).toBe(false);
    expect(acknowledgedExactly([], ['a'])).toBe(false);
  });
});
