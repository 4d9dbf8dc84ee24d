// The part of the weakenings only the disk can tell: dockerd runs a runtime's binary as root, so
// a binary (or a folder above it) that anyone may write, or that another user owns, makes that
// person root. Checked for each runtime the new file registers or points elsewhere; a runtime the
// file on disk already had, with the same path, was accepted then.
import { realpath } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import type { JsonValue } from '../../shared/backends/json-source';
import type { DaemonWeakening } from '../../shared/backends/weakenings';
import type { FileOps } from './file-ops';

const WORLD_WRITABLE = 0o002;
const STICKY = 0o1000;

export interface RuntimeFileDeps {
  fs: FileOps;
  env?: NodeJS.ProcessEnv;
  /** The users whose files are not someone else's: root, and Silo's own. */
  ownUids?: readonly number[];
}

/** Weakenings of the runtime binaries `next` points at and `old` did not. */
export async function runtimeFileWeakenings(
  next: Record<string, JsonValue>,
  old: Record<string, JsonValue> | null,
  deps: RuntimeFileDeps,
): Promise<DaemonWeakening[]> {
  const before = runtimePaths(old);
  const out: DaemonWeakening[] = [];
  for (const [runtime, path] of runtimePaths(next)) {
    if (before.get(runtime) === path) continue;
    const file = await locate(path, deps);
    if (file === null) continue; // a missing binary is a validation error of its own
    const finding = await firstWeakness(file, deps);
    if (!finding) continue;
    const params = { runtime, path, at: finding.at, ...(finding.uid === undefined ? {} : { uid: String(finding.uid) }) };
    out.push(
      finding.kind === 'world-writable'
        ? {
            id: `runtime-world-writable:${runtime}:${path}`,
            code: 'runtime-world-writable',
            key: `runtimes.${runtime}.path`,
            params,
            message: `Anyone on this computer may change ${finding.at}, and the engine runs the runtime "${runtime}" from it as root`,
          }
        : {
            id: `runtime-foreign-owner:${runtime}:${path}`,
            code: 'runtime-foreign-owner',
            key: `runtimes.${runtime}.path`,
            params,
            message: `${finding.at} belongs to user ${finding.uid}, who may change it, and the engine runs the runtime "${runtime}" from it as root`,
          },
    );
  }
  return out;
}

function runtimePaths(config: Record<string, JsonValue> | null): Map<string, string> {
  const out = new Map<string, string>();
  const runtimes = config?.runtimes;
  if (!runtimes || typeof runtimes !== 'object' || Array.isArray(runtimes)) return out;
  for (const [name, entry] of Object.entries(runtimes)) {
    const path = entry && typeof entry === 'object' && !Array.isArray(entry) ? entry.path : undefined;
    if (typeof path === 'string' && path !== '') out.set(name, path);
  }
  return out;
}

/** The binary as dockerd finds it (an absolute path, or a name looked up in PATH), symbolic links followed. */
async function locate(path: string, deps: RuntimeFileDeps): Promise<string | null> {
  const candidates = isAbsolute(path)
    ? [path]
    : path.includes('/')
      ? []
      : (deps.env?.PATH ?? process.env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, path));
  for (const candidate of candidates) {
    const info = await deps.fs.stat(candidate).catch(() => null);
    if (info && !info.isDirectory) return realpath(candidate).catch(() => candidate);
  }
  return null;
}

/** The file itself, then each folder above it up to the root: the first one someone else may change. */
async function firstWeakness(file: string, deps: RuntimeFileDeps): Promise<{ kind: 'world-writable' | 'foreign-owner'; at: string; uid?: number } | null> {
  const own = deps.ownUids ?? [0, ...(typeof process.getuid === 'function' ? [process.getuid()] : [])];
  for (let at = file; ; at = dirname(at)) {
    const info = await deps.fs.stat(at).catch(() => null);
    if (info) {
      // A sticky folder (/tmp) lets nobody replace another user's file in it.
      const writable = (info.mode & WORLD_WRITABLE) !== 0 && !(info.isDirectory && (info.mode & STICKY) !== 0);
      if (writable) return { kind: 'world-writable', at };
      if (!own.includes(info.uid)) return { kind: 'foreign-owner', at, uid: info.uid };
    }
    if (dirname(at) === at) return null;
  }
}
