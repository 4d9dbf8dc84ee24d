// The local images for the create form: ids, tags, OS and (Windows) OS version, size.
import type { ImageSummary } from '../../shared/model/image';
import type { EngineOps } from '../engine/recreate-ops';

/** GET /images/json, then each image's inspect (8 at a time) for its OS and version. */
export async function listImages(ops: EngineOps, concurrency = 8): Promise<ImageSummary[]> {
  const items = await ops.listImages();
  const out: ImageSummary[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      const inspect = await ops.inspectImage(item.Id).catch(() => null);
      out[i] = {
        id: item.Id,
        tags: (item.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
        os: inspect?.Os ?? 'linux',
        osVersion: inspect?.OsVersion ? inspect.OsVersion : null,
        size: item.Size ?? inspect?.Size ?? 0,
        createdAt: (item.Created ?? 0) * 1000,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
