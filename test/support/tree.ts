// A folder's tree as plain records (type, mode, owner, time in seconds, size, link target, a
// hash of each file's bytes, link count), to compare two copies of the same content.
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
