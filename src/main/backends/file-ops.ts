// The file operations the backends need, behind one interface so that tests can inject a fault
// at any of them (a write that stops half-way, a rename that fails, a full disk).
import { constants } from 'node:fs';
import { access, chmod, chown, mkdir, open, readFile, readdir, readlink, rename, rm, stat } from 'node:fs/promises';

export interface FileInfo {
  /** Permission bits (mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  isDirectory: boolean;
}

export interface FileOps {
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Buffer | null>;
  stat(path: string): Promise<FileInfo | null>;
  /** Create a new file (never an existing one), write all of `data`, fsync it, close it. */
  writeNew(path: string, data: Buffer, mode: number): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  chown(path: string, uid: number, gid: number): Promise<void>;
  /** Atomic within one file system: the target is the old file or the new one, never a mix. */
  rename(from: string, to: string): Promise<void>;
  /** Remove a file or a folder tree; nothing happens when it is not there. */
  remove(path: string): Promise<void>;
  /** fsync a folder so that a rename in it survives a power cut (best effort). */
  syncDir(dir: string): Promise<void>;
  mkdir(path: string, mode: number): Promise<void>;
  list(dir: string): Promise<string[]>;
  isExecutable(path: string): Promise<boolean>;
  /** A symbolic link's target, or null when it cannot be read. */
  readLink(path: string): Promise<string | null>;
}

const missing = (error: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

export const nodeFileOps: FileOps = {
  async read(path) {
    try {
      return await readFile(path);
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  },
  async stat(path) {
    try {
      const s = await stat(path);
      return { mode: s.mode & 0o7777, uid: s.uid, gid: s.gid, isDirectory: s.isDirectory() };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  },
  async writeNew(path, data, mode) {
    const handle = await open(path, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask may have narrowed the mode; the file must have the one asked for.
    await chmod(path, mode);
  },
  chmod: (path, mode) => chmod(path, mode),
  chown: (path, uid, gid) => chown(path, uid, gid),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { recursive: true, force: true }),
  async syncDir(dir) {
    if (process.platform === 'win32') return;
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async mkdir(path, mode) {
    await mkdir(path, { recursive: true, mode });
  },
  async list(dir) {
    try {
      return await readdir(dir);
    } catch (error) {
      if (missing(error)) return [];
      throw error;
    }
  },
  async isExecutable(path) {
    try {
      const s = await stat(path);
      if (!s.isFile()) return false;
      await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  async readLink(path) {
    try {
      return await readlink(path);
    } catch {
      return null;
    }
  },
};

/** An error that means "you may not write here": the cue to ask for elevation. */
export function isPermissionError(error: unknown): boolean {
  return ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException | null)?.code ?? '');
}
