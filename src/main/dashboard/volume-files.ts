// A volume's files, read through a helper container (volume-helper.ts) and the archive endpoint:
// one folder's entries from the tar headers of `GET /containers/{id}/archive`, a file's first MiB
// as text. The volume is read as it is: a running container may be writing to it.
import type { IncomingMessage } from 'node:http';
import { volumePathParts, type VolumePathProblem } from '../../shared/dashboard/volume-path';
import { SiloFailure, siloError } from '../../shared/errors';
import type { VolumeEntry, VolumeEntryType, VolumeFileText, VolumeListing } from '../../shared/model/volume-files';
import { confinedStat, readArchive } from './volume-archive';
import { withHelper } from './volume-helper';
import { usersByVolume } from './volumes';
import { MalformedTar, TarEntries, type TarHeader } from './tar-entries';
import type { LiveEngine } from '../engine/live';

/** The most of a file `volumes.read` answers. */
export const READ_LIMIT = 1024 * 1024;
/** Bytes looked at to tell text from binary. */
const SNIFF = 8192;

export function pathParts(path: string): string[] {
  const parts = volumePathParts(path);
  if (typeof parts === 'string')
    throw new SiloFailure(siloError('volume-path-invalid', { field: 'path', params: { reason: parts satisfies VolumePathProblem } }));
  return parts;
}

/** Names of running containers that use the volume. */
export function liveUsers(live: LiveEngine, volume: string): string[] {
  return (usersByVolume(live).get(volume) ?? []).filter((u) => u.state === 'running' || u.state === 'paused').map((u) => u.name);
}

function entryType(type: string): VolumeEntryType {
  if (type === '0' || type === '7') return 'file';
  if (type === '5') return 'folder';
  if (type === '2') return 'symlink';
  if (type === '1') return 'hardlink';
  return 'other';
}

/** Read a whole tar response's headers; `listener` gets data too, and may stop early by destroying. */
export function walkResponse(response: IncomingMessage, listener: { entry(h: TarHeader): void; data?(chunk: Buffer): void }): Promise<void> {
  return new Promise((resolve, reject) => {
    const walk = new TarEntries(listener);
    response.on('data', (chunk: Buffer) => {
      try {
        walk.push(chunk);
      } catch (error) {
        response.destroy();
        reject(error instanceof MalformedTar ? new SiloFailure(siloError('engine-error', { detail: error.message })) : error);
      }
    });
    response.on('end', () => resolve());
    response.on('close', () => resolve());
    response.on('error', reject);
  });
}

/** A folder's own entries (not deeper ones), folders first, then by name. */
export async function browseVolume(live: LiveEngine, volume: string, path: string): Promise<VolumeListing> {
  const parts = pathParts(path);
  return withHelper(live, volume, false, async (helper) => {
    await confinedStat(live, helper.id, parts, 'folder');
    const response = await readArchive(live, helper.id, parts);
    const entries: VolumeEntry[] = [];
    await walkResponse(response, {
      entry(h) {
        // The tar names the folder itself first (`<base>/`), then what is in it.
        const name = h.name.replace(/\/+$/, '');
        const slash = name.indexOf('/');
        if (slash === -1) return;
        const rest = name.slice(slash + 1);
        if (rest === '' || rest.includes('/')) return;
        entries.push({
          name: rest,
          type: entryType(h.type),
          size: h.size,
          mode: h.mode,
          uid: h.uid,
          gid: h.gid,
          user: h.uname,
          group: h.gname,
          mtime: h.mtime,
          // A hard link names its target by its path in the tar: shown relative to the folder.
          linkTarget: h.type === '2' ? h.linkname : h.type === '1' ? h.linkname.replace(/^[^/]*\//, '') : null,
        });
      },
    });
    // A hard link's header carries no size: it is its target's, where the target is in this folder.
    const sizes = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.name, e.size]));
    for (const e of entries) if (e.type === 'hardlink' && e.linkTarget !== null) e.size = sizes.get(e.linkTarget) ?? 0;
    entries.sort((a, b) => Number(b.type === 'folder') - Number(a.type === 'folder') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { volume, path: parts.join('/'), entries, helperImage: helper.image, liveUsers: liveUsers(live, volume) };
  });
}

/** A file's first MiB, as text (nothing when its first bytes say it is binary). */
export async function readVolumeFile(live: LiveEngine, volume: string, path: string): Promise<VolumeFileText> {
  const parts = pathParts(path);
  if (parts.length === 0) throw new SiloFailure(siloError('volume-path-not-file', { params: { path: '' } }));
  return withHelper(live, volume, false, async (helper) => {
    const stat = await confinedStat(live, helper.id, parts, 'file');
    const response = await readArchive(live, helper.id, parts);
    const pieces: Buffer[] = [];
    let kept = 0;
    let size = stat.size;
    await walkResponse(response, {
      entry(h) {
        size = h.size;
      },
      data(chunk) {
        if (kept >= READ_LIMIT) return;
        const piece = chunk.subarray(0, READ_LIMIT - kept);
        pieces.push(piece);
        kept += piece.length;
        // Enough read: the rest is not fetched.
        if (kept >= READ_LIMIT) response.destroy();
      },
    });
    const bytes = Buffer.concat(pieces);
    const binary = bytes.subarray(0, SNIFF).includes(0);
    return { path: parts.join('/'), size, text: binary ? '' : new TextDecoder('utf-8').decode(bytes), truncated: size > kept, binary };
  });
}
