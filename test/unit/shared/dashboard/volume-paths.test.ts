// Paths inside a volume and entries of a tar to import: what is refused, and why.
import { describe, expect, it } from 'vitest';
import { downloadName, helperPath, volumePathParts } from '../../../../src/shared/dashboard/volume-path';
import { TarRules, climbsOut, entryPath } from '../../../../src/shared/dashboard/volume-tar-rules';

describe('a path inside a volume', () => {
  it('is split into parts, with empty parts and . dropped', () => {
    expect(volumePathParts('')).toEqual([]);
    expect(volumePathParts('/')).toEqual([]);
    expect(volumePathParts('/a//b/./c/')).toEqual(['a', 'b', 'c']);
    expect(volumePathParts('odd name ü')).toEqual(['odd name ü']);
    expect(helperPath(['a', 'b'])).toBe('/silo-volume/a/b');
    expect(helperPath([])).toBe('/silo-volume');
  });

  it('refuses .. anywhere, NUL and control characters, and absurd lengths', () => {
    expect(volumePathParts('..')).toBe('dot-dot');
    expect(volumePathParts('a/../../etc')).toBe('dot-dot');
    expect(volumePathParts('a\u0000b')).toBe('control');
    expect(volumePathParts('a\nb')).toBe('control');
    expect(volumePathParts('x'.repeat(5000))).toBe('too-long');
    // A name that merely contains dots is a name.
    expect(volumePathParts('a..b/...')).toEqual(['a..b', '...']);
  });

  it('names downloads after the file, or the folder as a tar', () => {
    expect(downloadName('vol', ['a', 'f.txt'], 'file')).toBe('f.txt');
    expect(downloadName('vol', ['a'], 'tar')).toBe('a.tar');
    expect(downloadName('vol', [], 'tar')).toBe('vol.tar');
  });
});

describe('the entries of a tar to import', () => {
  it('keeps names under the root', () => {
    expect(entryPath('./a/b/')).toBe('a/b');
    expect(entryPath('./')).toBe('');
    expect(entryPath('/etc/passwd')).toBeNull();
    expect(entryPath('a/../../x')).toBeNull();
  });

  it('refuses escapes, writes through a symlink the tar made, hard links out and devices', () => {
    const rules = new TarRules();
    expect(rules.check('./', '5', '')).toBeNull();
    expect(rules.check('./abs', '2', '/etc')).toBeNull();
    expect(rules.check('./abs/passwd', '0', '')).toBe('through-symlink');
    expect(rules.check('./h', '1', 'abs/passwd')).toBe('through-symlink');
    expect(rules.check('./h', '1', './a/file')).toBeNull();
    expect(rules.check('./h2', '1', '../x')).toBe('escape');
    expect(rules.check('../x', '0', '')).toBe('escape');
    expect(rules.check('./sda', '4', '')).toBe('device');
    expect(rules.check('./tty', '3', '')).toBe('device');
    expect(rules.check('./fifo', '6', '')).toBeNull();
    expect(rules.check('./a/b/up', '2', '../..')).toBeNull();
    expect(rules.check('./a/b/out', '2', '../../..')).toBe('escape');
    expect(rules.check('./a/odd', '2', 'x/../../..')).toBe('escape');
    expect(climbsOut('a/b', 'c/../..')).toBe(false);
    expect(climbsOut('a/b', 'c/../../..')).toBe(true);
    // A symlink replaced by a folder of the same name is a folder again.
    expect(rules.check('./abs', '5', '')).toBeNull();
    expect(rules.check('./abs/file', '0', '')).toBeNull();
  });
});
