// Copying into a volume: a tar put into a helper that mounts it read-write (`PUT
// /containers/{id}/archive`, docker cp's), a volume cloned into a new one (the source's tar, read
// through a read-only helper, streamed straight into the target's), and a volume emptied before a
// replace (the one helper that is started: `rm` in the helper image, no network).
import type { IncomingMessage } from 'node:http';
import { HELPER_MOUNT } from '../../shared/dashboard/volume-path';
import { SiloFailure, siloError } from '../../shared/errors';
import { CALL_DEADLINE_MS, SLOW_DEADLINE_MS, engineCall } from './engine-calls';
import { readArchive } from './volume-archive';
import { Readable } from 'node:stream';
import { TarEntries, type TarHeader } from './tar-entries';
import { isRoot, rootFolderTar } from './tar-write';
import { helperImages, withHelper } from './volume-helper';
import type { LiveEngine } from '../engine/live';

/** Labels of the volumes Silo makes (a clone, an import's staging volume, a backup). */
export const MADE_LABEL = 'org.silo.volume';

/** The volume root's mode, owner and time, as an archive's `./` entry gave them: put onto the mount point. */
export async function restoreRoot(live: LiveEngine, helper: string, root: TarHeader): Promise<void> {
  await putArchive(live, helper, Readable.from([rootFolderTar(root)]), undefined, '/');
}

export async function putArchive(live: LiveEngine, helper: string, body: NodeJS.ReadableStream, signal?: AbortSignal, path = HELPER_MOUNT): Promise<void> {
  await engineCall(live, async () => {
    try {
      const response = (await live.client.open(`/containers/${encodeURIComponent(helper)}/archive`, {
        method: 'PUT',
        query: { path },
        file: body,
        ...(signal ? { signal } : {}),
      })) as IncomingMessage;
      response.resume();
    } catch (error) {
      // Stopped on purpose (the guard refused, the page cancelled): not a lost engine.
      if (signal?.aborted) throw signal.reason instanceof SiloFailure ? signal.reason : new SiloFailure(siloError('invalid-archive', { detail: 'stopped' }));
      throw error;
    }
  });
}

export async function volumeExists(live: LiveEngine, name: string): Promise<boolean> {
  try {
    await live.client.get(`/volumes/${encodeURIComponent(name)}`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) });
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

/** A new volume (refused when the name is taken: nothing of another volume is touched). */
export async function newVolume(live: LiveEngine, name: string, made: string): Promise<void> {
  if (await volumeExists(live, name)) throw new SiloFailure(siloError('volume-exists', { params: { name } }));
  await engineCall(
    live,
    () =>
      live.client.post('/volumes/create', {
        body: { Name: name, Driver: 'local', Labels: { [MADE_LABEL]: made } },
        signal: AbortSignal.timeout(CALL_DEADLINE_MS),
      }),
    { name },
  );
}

export async function dropVolume(live: LiveEngine, name: string): Promise<void> {
  await live.client.delete(`/volumes/${encodeURIComponent(name)}`, { signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }).catch(() => undefined);
}

/** Whether a volume holds anything: its tar is read only up to the entry after the root's. */
export async function volumeIsEmpty(live: LiveEngine, name: string): Promise<boolean> {
  return withHelper(live, name, false, async (helper) => {
    const tar = await readArchive(live, helper.id, [], true);
    let entries = 0;
    await new Promise<void>((resolve, reject) => {
      const walk = new TarEntries({
        entry: () => {
          entries += 1;
          if (entries > 1) tar.destroy();
        },
      });
      tar.on('data', (chunk: Buffer) => {
        try {
          walk.push(chunk);
        } catch (error) {
          tar.destroy();
          reject(error as Error);
        }
      });
      tar.on('close', resolve);
      tar.on('error', reject);
    });
    return entries <= 1;
  });
}

/** Everything of `source` into `target` (both exist), owners, modes, times and links as they are. */
export async function copyVolume(live: LiveEngine, source: string, target: string): Promise<void> {
  await withHelper(live, source, false, (from) =>
    withHelper(live, target, true, async (to) => {
      const tar = await readArchive(live, from.id, [], true);
      let root: TarHeader | null = null;
      const walk = new TarEntries({
        entry: (h) => {
          if (root === null && isRoot(h.name)) root = h;
        },
      });
      tar.on('data', (chunk: Buffer) => {
        try {
          if (root === null) walk.push(chunk);
        } catch {
          // Only the root's header is looked for; the engine judges the rest of its own tar.
        }
      });
      try {
        await putArchive(live, to.id, tar);
      } finally {
        tar.destroy();
      }
      if (root) await restoreRoot(live, to.id, root);
    }),
  );
}

/** Clone a volume into a new one; a clone that fails leaves no new volume. */
export async function cloneVolume(live: LiveEngine, source: string, target: string): Promise<void> {
  if (!(await volumeExists(live, source))) throw new SiloFailure(siloError('volume-not-found', { params: { name: source } }));
  await newVolume(live, target, `clone-of:${source}`);
  try {
    await copyVolume(live, source, target);
  } catch (error) {
    await dropVolume(live, target);
    throw error;
  }
}

/** Remove everything in a volume (after its backup): a started helper runs `rm`. */
export async function emptyVolume(live: LiveEngine, name: string): Promise<void> {
  // The smallest image may have no shell: the next ones are tried, smallest first.
  const images = await helperImages(live);
  for (const [index, image] of images.entries()) {
    try {
      return await emptyWith(live, name, image);
    } catch (error) {
      const noShell = /executable file not found|no such file or directory/i.test((error as SiloFailure).error?.detail ?? '');
      if (!noShell || index === images.length - 1) throw error;
    }
  }
}

async function emptyWith(live: LiveEngine, name: string, image: string): Promise<void> {
  const command = ['sh', '-c', `cd ${HELPER_MOUNT} && rm -rf -- ..?* .[!.]* *`];
  await withHelper(
    live,
    name,
    true,
    async (helper) => {
      const path = `/containers/${encodeURIComponent(helper.id)}`;
      try {
        await engineCall(live, () => live.client.post(`${path}/start`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }));
      } catch (error) {
        throw new SiloFailure(siloError('volume-empty-failed', { params: { name, image: helper.image }, detail: (error as Error).message }));
      }
      const waited = await engineCall(live, () => live.client.post<{ StatusCode: number }>(`${path}/wait`, { signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }));
      if (waited.StatusCode !== 0)
        throw new SiloFailure(siloError('volume-empty-failed', { params: { name, image: helper.image }, detail: `exit ${waited.StatusCode}` }));
    },
    command,
    image,
  );
}
