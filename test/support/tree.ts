// A folder's tree as plain records (type, mode, owner, time in seconds, size, link target, a
// hash of each file's bytes, link count), to compare two copies of the same content.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface TreeRecord {
  path: string;
  type: 'file' | 'folder' | 'symlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
  link: string | null;
  sha256: string | null;
  nlink: number;
}

export function treeOf(root: string): TreeRecord[] {
  const records: TreeRecord[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const full = join(root, path);
      const st = lstatSync(full);
      const type = st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
      records.push({
        path,
        type,
        mode: st.mode & 0o7777,
        uid: st.uid,
        gid: st.gid,
        mtime: Math.floor(st.mtimeMs / 1000),
        size: type === 'file' ? st.size : 0,
        link: type === 'symlink' ? readlinkSync(full) : null,
        sha256: type === 'file' ? createHash('sha256').update(readFileSync(full)).digest('hex') : null,
        nlink: type === 'folder' ? 0 : st.nlink,
      });
      if (type === 'folder') walk(path);
    }
  };
  walk('');
  return records;
}

/**
 * GNU tar's own listing of an archive (modes, owners, sizes, times, names, link targets), sorted.
 * Which name of a hard-linked pair is stored as the file depends on the order a writer walked the
 * folder; both names of a pair are shown as the pair, so two writers' listings compare equal.
 */
export function tarListing(file: string): string[] {
  const lines = execFileSync('tar', ['-tvf', file, '--numeric-owner', '--full-time'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/\s+/g, ' '));
  const pairs = new Map<string, string>();
  for (const line of lines) {
    const match = /^h\S* \S+ \S+ \S+ \S+ (.+) link to (.+)$/.exec(line);
    if (!match) continue;
    const key = `{${[match[1], match[2]].sort().join(',')}}`;
    pairs.set(match[1]!, key);
    pairs.set(match[2]!, key);
  }
  return lines
    .map((line) => {
      const match = /^(\S+ \S+ \S+ \S+ \S+) (.+?)(?: link to .+)?$/.exec(line);
      if (!match || !pairs.has(match[2]!)) return line;
      return `${match[1]} ${pairs.get(match[2]!)}`;
    })
    .sort();
}
