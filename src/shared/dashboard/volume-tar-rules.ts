// What a tar imported into a volume may hold, entry by entry, before the engine writes it: names
// and hard-link targets inside the volume's root (no absolute name, no `..`), nothing written
// through a symlink the same tar made, no device files, no relative symlink that climbs above the
// root (the engine refuses those half-way through). An absolute symlink is kept as it is (volumes
// hold them, and an export keeps them); it is never followed on the way in.
// Pure.

export type TarEntryProblem = 'escape' | 'through-symlink' | 'device';

/** An entry's name as a path under the root ('./a/b/' → 'a/b'); null when it leaves the root. */
export function entryPath(name: string): string | null {
  if (name.startsWith('/')) return null;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return parts.join('/');
}

/** Whether `target`, read from the folder of `path`, leads above the root. */
export function climbsOut(path: string, target: string): boolean {
  let depth = path.split('/').length - 1;
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    depth += part === '..' ? -1 : 1;
    if (depth < 0) return true;
  }
  return false;
}

export class TarRules {
  private readonly symlinks = new Set<string>();

  /** Why this entry is refused, or null. `type` is the tar type flag. */
  check(name: string, type: string, linkname: string): TarEntryProblem | null {
    const path = entryPath(name);
    if (path === null) return 'escape';
    if (type === '3' || type === '4') return 'device';
    if (type === '1' && entryPath(linkname) === null) return 'escape';
    // A relative symlink that climbs above the root: the engine refuses it half-way through
    // ("invalid symlink"), so it is refused here, before anything is written.
    if (type === '2' && !linkname.startsWith('/') && climbsOut(path, linkname)) return 'escape';
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) if (this.symlinks.has(parts.slice(0, i).join('/'))) return 'through-symlink';
    if (type === '1' && this.passesSymlink(entryPath(linkname)!)) return 'through-symlink';
    if (type === '2') this.symlinks.add(path);
    else this.symlinks.delete(path);
    return null;
  }

  private passesSymlink(path: string): boolean {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) if (this.symlinks.has(parts.slice(0, i).join('/'))) return true;
    return false;
  }
}
