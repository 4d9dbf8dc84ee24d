// A one-folder tar: the header of the volume's root as an archive gave it (mode, owner, time), to
// put onto the mount point after the content. The engine's untar skips an archive's own root
// (`./`), so without this a copy's root would keep the time of the copy.
import { HELPER_MOUNT } from '../../shared/dashboard/volume-path';
import type { TarHeader } from './tar-entries';

function octal(value: number, width: number): string {
  return `${Math.max(0, Math.floor(value))
    .toString(8)
    .padStart(width - 1, '0')}\0`;
}

export function rootFolderTar(root: Pick<TarHeader, 'mode' | 'uid' | 'gid' | 'mtime'>): Buffer {
  const h = Buffer.alloc(512);
  h.write(`${HELPER_MOUNT.slice(1)}/`, 0, 'utf8');
  h.write(octal(root.mode, 8), 100, 'latin1');
  h.write(octal(root.uid, 8), 108, 'latin1');
  h.write(octal(root.gid, 8), 116, 'latin1');
  h.write(octal(0, 12), 124, 'latin1');
  h.write(octal(root.mtime / 1000, 12), 136, 'latin1');
  h.write('5', 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return Buffer.concat([h, Buffer.alloc(1024)]);
}

/** Whether an entry is an archive's own root (`./`, `.`). */
export function isRoot(name: string): boolean {
  return name.replace(/^(\.\/)+/, '').replace(/\/+$/, '') === '.' || name === './' || name === '.';
}
