// The archive endpoints of a helper container (docker cp's API): a path's stat (HEAD, the
// `X-Docker-Container-Path-Stat` header) and a path read as a tar (GET). A path whose folders
// pass through a symlink is refused: the engine would follow it inside the helper's own root,
// which is not the volume.
import type { IncomingMessage } from 'node:http';
import { helperPath } from '../../shared/dashboard/volume-path';
import { SiloFailure, siloError } from '../../shared/errors';
import { CALL_DEADLINE_MS, engineCall } from './engine-calls';
import type { LiveEngine } from '../engine/live';

/** Go's os.FileMode type bits, as the stat header carries them. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

export interface PathStat {
  name: string;
  size: number;
  isFolder: boolean;
  isSymlink: boolean;
  linkTarget: string;
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

function notFound(path: string): SiloFailure {
  return new SiloFailure(siloError('volume-path-not-found', { params: { path } }));
}

export async function statPath(live: LiveEngine, helper: string, parts: readonly string[]): Promise<PathStat> {
  const shown = parts.join('/');
  const response = await engineCall(live, async () => {
    try {
      return (await live.client.open(`/containers/${encodeURIComponent(helper)}/archive`, {
        method: 'HEAD',
        query: { path: helperPath(parts) },
        signal: AbortSignal.timeout(CALL_DEADLINE_MS),
      })) as IncomingMessage;
    } catch (error) {
      if (statusOf(error) === 404) throw notFound(shown);
      throw error;
    }
  });
  response.resume();
  const header = response.headers['x-docker-container-path-stat'];
  if (typeof header !== 'string') throw new SiloFailure(siloError('engine-error', { detail: 'the engine sent no path stat' }));
  const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { name: string; size: number; mode: number; linkTarget?: string };
  const mode = Number(stat.mode);
  // The mode is a uint32 in JSON: the type bits are its high bits.
  const high = Math.floor(mode / MODE_SYMLINK);
  return {
    name: stat.name,
    size: stat.size,
    isFolder: mode >= MODE_DIR,
    isSymlink: high % 2 === 1,
    linkTarget: stat.linkTarget ?? '',
  };
}

/**
 * Stat a path and every folder above it; refused where one of them is a symlink (`folderOnly`:
 * the path itself must be a folder; `fileOnly`: a regular file).
 */
export async function confinedStat(live: LiveEngine, helper: string, parts: readonly string[], want: 'folder' | 'file' | 'any'): Promise<PathStat> {
  let stat: PathStat | null = null;
  for (let depth = parts.length === 0 ? 0 : 1; depth <= parts.length; depth++) {
    stat = await statPath(live, helper, parts.slice(0, depth));
    if (stat.isSymlink) throw new SiloFailure(siloError('volume-path-symlink', { params: { path: parts.slice(0, depth).join('/') } }));
    if (depth < parts.length && !stat.isFolder) throw notFound(parts.join('/'));
  }
  const shown = parts.join('/');
  if (want === 'folder' && !stat!.isFolder) throw new SiloFailure(siloError('volume-path-not-folder', { params: { path: shown } }));
  if (want === 'file' && stat!.isFolder) throw new SiloFailure(siloError('volume-path-not-file', { params: { path: shown } }));
  return stat!;
}

/**
 * The path as a tar, streamed (the caller reads or destroys it). `contents`: a folder's content
 * named `./…`, as `tar c -C <folder> .` names it, rather than under the folder's own name.
 */
export function readArchive(live: LiveEngine, helper: string, parts: readonly string[], contents = false): Promise<IncomingMessage> {
  return engineCall(live, async () => {
    try {
      return (await live.client.open(`/containers/${encodeURIComponent(helper)}/archive`, {
        method: 'GET',
        query: { path: contents ? `${helperPath(parts)}/.` : helperPath(parts) },
      })) as IncomingMessage;
    } catch (error) {
      if (statusOf(error) === 404) throw notFound(parts.join('/'));
      throw error;
    }
  });
}
