// Silo's config folder holds what only its person may read (settings, the move journal, window
// state): the folder is 0700 and its files 0600. A folder made by an older Silo (0755, files
// 0644) is tightened when Silo starts. Windows folders are private to the user by their ACLs.
import { chmodSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Create `dir` 0700 if missing; tighten it and the files directly in it (never what a symlink
 * points to, never a folder or file of another user). Problems are told to `warn`, not thrown.
 */
export function securePrivateFolder(dir: string, warn: (message: string) => void = () => undefined, platform: NodeJS.Platform = process.platform): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    warn(`cannot create the config folder ${dir}: ${(error as Error).message}`);
    return;
  }
  if (platform === 'win32') return;
  const own = lstatOwn(dir, warn);
  if (!own || !own.isDirectory()) return;
  tighten(dir, own, PRIVATE_DIR_MODE, warn);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    warn(`cannot list the config folder ${dir}: ${(error as Error).message}`);
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = lstatOwn(path, warn);
    if (stat?.isFile()) tighten(path, stat, PRIVATE_FILE_MODE, warn);
  }
}

/** Its lstat when it belongs to this user; null (with a warning for another owner) otherwise. */
function lstatOwn(path: string, warn: (message: string) => void): Stats | null {
  try {
    const stat = lstatSync(path);
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    if (uid !== null && stat.uid !== uid) {
      warn(`${path} belongs to another user (uid ${stat.uid}); Silo leaves its permissions alone`);
      return null;
    }
    return stat;
  } catch (error) {
    warn(`cannot read ${path}: ${(error as Error).message}`);
    return null;
  }
}

/** Remove every permission beyond `mode` (a file 0400 stays 0400). */
function tighten(path: string, stat: Stats, mode: number, warn: (message: string) => void): void {
  const current = stat.mode & 0o777;
  const next = current & mode;
  if (next === current) return;
  try {
    chmodSync(path, next);
  } catch (error) {
    warn(`cannot make ${path} private: ${(error as Error).message}`);
  }
}
