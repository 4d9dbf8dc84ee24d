// The helper container through which Silo reads or writes a volume's files: the engine has no
// volume-file API, but its archive endpoints (GET/PUT /containers/{id}/archive, docker cp's)
// work on a container that was only created. The helper is made from an image already on the
// engine (the smallest; nothing is pulled), mounts the volume read-only unless writing, has no
// network, is labelled as Silo's, is never started, and is removed when the work is done: always,
// also when the work fails.
import type { RawImageListItem } from '../../shared/dashboard/raw';
import { HELPER_MOUNT } from '../../shared/dashboard/volume-path';
import { SiloFailure, siloError } from '../../shared/errors';
import { CALL_DEADLINE_MS, SLOW_DEADLINE_MS, engineCall } from './engine-calls';
import type { LiveEngine } from '../engine/live';

/** Every helper carries this label (leftovers can be found and removed). */
export const HELPER_LABEL = 'org.silo.helper';

export interface Helper {
  id: string;
  image: string;
}

/** The images on the engine, smallest first, each by a tag where it has one. */
export async function helperImages(live: LiveEngine): Promise<string[]> {
  const images = await engineCall(live, () => live.client.get<RawImageListItem[]>('/images/json', { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }));
  const usable = images.filter((i) => typeof i.Size === 'number').sort((a, b) => a.Size - b.Size || a.Id.localeCompare(b.Id));
  if (usable.length === 0) throw new SiloFailure(siloError('no-helper-image'));
  return usable.map((image) => (image.RepoTags ?? []).find((t) => t !== '<none>:<none>') ?? image.Id);
}

/** The smallest image on the engine. */
export async function helperImage(live: LiveEngine): Promise<string> {
  return (await helperImages(live))[0]!;
}

/** `command`: only for the one helper that is started (emptying a volume before a replace). */
export async function createHelper(live: LiveEngine, volume: string, writable: boolean, command?: string[], chosen?: string): Promise<Helper> {
  if (live.info?.osType === 'windows') throw new SiloFailure(siloError('volume-files-windows'));
  // The volume must exist: the engine would otherwise make an empty one of that name.
  await engineCall(live, () => live.client.get(`/volumes/${encodeURIComponent(volume)}`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }), { name: volume });
  const image = chosen ?? (await helperImage(live));
  const body = {
    Image: image,
    // Never started; a command is only there because the engine wants one for an image without.
    Cmd: command ?? ['/silo-helper-never-started'],
    Entrypoint: [],
    Labels: { [HELPER_LABEL]: 'volume-files' },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'volume', Source: volume, Target: HELPER_MOUNT, ReadOnly: !writable }],
    },
  };
  const created = await engineCall(
    live,
    () => live.client.post<{ Id: string }>('/containers/create', { body, signal: AbortSignal.timeout(CALL_DEADLINE_MS) }),
    { name: volume },
  );
  return { id: created.Id, image };
}

export async function removeHelper(live: LiveEngine, id: string): Promise<void> {
  await live.client
    .delete(`/containers/${encodeURIComponent(id)}`, { query: { force: true, v: false }, signal: AbortSignal.timeout(SLOW_DEADLINE_MS) })
    .catch(() => undefined);
}

/** Run `work` with a helper over the volume; the helper is removed afterwards, whatever happened. */
export async function withHelper<T>(
  live: LiveEngine,
  volume: string,
  writable: boolean,
  work: (helper: Helper) => Promise<T>,
  command?: string[],
  image?: string,
): Promise<T> {
  const helper = await createHelper(live, volume, writable, command, image);
  try {
    return await work(helper);
  } finally {
    await removeHelper(live, helper.id);
  }
}

/** Helpers a previous run left behind (Silo was killed mid-work): removed on connect. */
export async function removeLeftoverHelpers(live: LiveEngine): Promise<number> {
  const list = await live.client.get<Array<{ Id: string }>>('/containers/json', {
    query: { all: true, filters: JSON.stringify({ label: [`${HELPER_LABEL}=volume-files`] }) },
    signal: AbortSignal.timeout(CALL_DEADLINE_MS),
  });
  for (const c of list) await removeHelper(live, c.Id);
  return list.length;
}
