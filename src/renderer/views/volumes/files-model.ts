// A volume's files, as the browser shows them: `ls -l`'s mode string, the owner, where a click
// leads (a folder's path), and the breadcrumb of the folder shown. Pure.
import type { VolumeEntry } from '../../../shared/model/volume-files';

const TYPE_CHAR: Record<VolumeEntry['type'], string> = { file: '-', folder: 'd', symlink: 'l', hardlink: 'h', other: '?' };

/** `drwxr-xr-x`, `-rwsr-x---`, `drwxrwxrwt`. */
export function modeString(entry: Pick<VolumeEntry, 'type' | 'mode'>): string {
  const m = entry.mode;
  const bit = (mask: number, c: string): string => (m & mask ? c : '-');
  const special = (exec: number, flag: number, on: string): string => {
    const x = (m & exec) !== 0;
    if (m & flag) return x ? on : on.toUpperCase();
    return x ? 'x' : '-';
  };
  return (
    TYPE_CHAR[entry.type] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's') +
    bit(0o40, 'r') +
    bit(0o20, 'w') +
    special(0o10, 0o2000, 's') +
    bit(0o4, 'r') +
    bit(0o2, 'w') +
    special(0o1, 0o1000, 't')
  );
}

/** `www-data (33)` where the tar names the user, else the id. */
export function ownerOf(entry: Pick<VolumeEntry, 'uid' | 'gid' | 'user' | 'group'>): string {
  const user = entry.user ? `${entry.user} (${entry.uid})` : String(entry.uid);
  const group = entry.group ? `${entry.group} (${entry.gid})` : String(entry.gid);
  return `${user}:${group}`;
}

export function childPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/** The folders above and including `path`: [{ name: volume, path: '' }, { name: 'a', path: 'a' }, …]. */
export function breadcrumb(volume: string, path: string): Array<{ name: string; path: string }> {
  const crumbs = [{ name: volume, path: '' }];
  const parts = path.split('/').filter(Boolean);
  parts.forEach((name, i) => crumbs.push({ name, path: parts.slice(0, i + 1).join('/') }));
  return crumbs;
}

/** A name as shown: control characters (a tab, a newline) made visible. */
export function shownName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
