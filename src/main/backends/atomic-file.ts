// Writing a settings file so that it is never seen half-written: a temporary file in the same
// folder, written and fsynced, given the old file's mode and owner, then renamed over the old
// one. And a timestamped backup copy beside the file, kept after the change.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileOps } from './file-ops';

export interface AtomicWriteOptions {
  /** Mode for a file that does not exist yet (an existing file keeps its own). */
  mode?: number;
}

export async function writeFileAtomic(fs: FileOps, path: string, data: Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  const existing = await fs.stat(path);
  const mode = existing?.mode ?? options.mode ?? 0o644;
  const temp = join(dir, `.${basename(path)}.silo-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeNew(temp, data, mode);
    if (existing && typeof process.getuid === 'function' && process.getuid() === 0) await fs.chown(temp, existing.uid, existing.gid);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
  await fs.syncDir(dir).catch(() => undefined);
}

/** `2026-05-01T10-20-30-123Z`: sortable, and legal in a Windows file name. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Where the backup of `path` taken at `now` goes (beside it), free of any existing file. */
export async function backupPathFor(fs: FileOps, path: string, now: Date): Promise<string> {
  const base = `${path}.silo-backup-${backupStamp(now)}`;
  let candidate = base;
  for (let n = 2; (await fs.stat(candidate)) !== null; n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * Copy the file to a timestamped backup beside it, with the same mode. Returns the backup's
 * path and the bytes it holds, or null when there is no file to back up.
 */
export async function backupFile(fs: FileOps, path: string, now: Date): Promise<{ path: string; data: Buffer } | null> {
  const data = await fs.read(path);
  if (data === null) return null;
  const target = await backupPathFor(fs, path, now);
  const info = await fs.stat(path);
  await writeFileAtomic(fs, target, data, { mode: info?.mode ?? 0o600 });
  return { path: target, data };
}

/** Put the old bytes back (or remove the file when there was none), atomically. */
export async function restoreFile(fs: FileOps, path: string, old: Buffer | null): Promise<void> {
  if (old === null) await fs.remove(path);
  else await writeFileAtomic(fs, path, old);
}
