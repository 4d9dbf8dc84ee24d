// How a volume's entries read in the files table: ls -l's mode string, owners, the breadcrumb.
import { describe, expect, it } from 'vitest';
import { breadcrumb, childPath, modeString, ownerOf, shownName } from '../../../../src/renderer/views/volumes/files-model';

describe('the files table', () => {
  it('writes modes as ls -l does, setuid, setgid and sticky included', () => {
    expect(modeString({ type: 'folder', mode: 0o755 })).toBe('drwxr-xr-x');
    expect(modeString({ type: 'file', mode: 0o4750 })).toBe('-rwsr-x---');
    expect(modeString({ type: 'file', mode: 0o4640 })).toBe('-rwSr-----');
    expect(modeString({ type: 'folder', mode: 0o1777 })).toBe('drwxrwxrwt');
    expect(modeString({ type: 'folder', mode: 0o1776 })).toBe('drwxrwxrwT');
    expect(modeString({ type: 'file', mode: 0o2755 })).toBe('-rwxr-sr-x');
    expect(modeString({ type: 'symlink', mode: 0o777 })).toBe('lrwxrwxrwx');
  });

  it('names owners where the tar does, with their ids', () => {
    expect(ownerOf({ uid: 1234, gid: 5678, user: '', group: '' })).toBe('1234:5678');
    expect(ownerOf({ uid: 33, gid: 33, user: 'www-data', group: 'www-data' })).toBe('www-data (33):www-data (33)');
  });

  it('leads through folders and back', () => {
    expect(childPath('', 'a')).toBe('a');
    expect(childPath('a/b', 'c')).toBe('a/b/c');
    expect(breadcrumb('vol', 'a/b')).toEqual([
      { name: 'vol', path: '' },
      { name: 'a', path: 'a' },
      { name: 'b', path: 'a/b' },
    ]);
    expect(shownName('tab\tname')).toBe('tab\\x09name');
  });
});
