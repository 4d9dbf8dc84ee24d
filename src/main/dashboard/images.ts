// Images: the list (each image inspected once per id for OS, architecture and Windows OsVersion:
// an id names its content, so the answer never changes), the layers, removal and prune.
import { imagePruneEstimate, toImageLayers, toImageListItem } from '../../shared/dashboard/images';
import type { RawHistoryItem, RawImageInspect, RawImageListItem, RawSystemDf } from '../../shared/dashboard/raw';
import { compareApi } from '../../shared/dashboard/volumes';
import type { ImageLayer, ImageListItem, ImagePruneEstimate, PruneResult } from '../../shared/model/image-list';
import type { ItemOutcome } from '../../shared/model/stream';
import { mapDashboardError } from './errors';
import { CALL_DEADLINE_MS, SLOW_DEADLINE_MS, engineCall } from './engine-calls';
import { mapBounded } from '../util/limiter';
import type { LiveEngine } from '../engine/live';

export type ImageFacts = Pick<RawImageInspect, 'Id' | 'Os' | 'OsVersion' | 'Architecture' | 'Variant'>;

const INSPECT_CONCURRENCY = 8;

export async function listImages(live: LiveEngine, facts: Map<string, ImageFacts>): Promise<ImageListItem[]> {
  const raw = await engineCall(live, () => live.client.get<RawImageListItem[]>('/images/json', { signal: AbortSignal.timeout(30_000) }));
  const missing = raw.filter((i) => !facts.has(i.Id));
  await mapBounded(missing, INSPECT_CONCURRENCY, async (image) => {
    try {
      const inspect = await live.client.get<RawImageInspect>(`/images/${encodeURIComponent(image.Id)}/json`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) });
      facts.set(image.Id, { Id: inspect.Id, Os: inspect.Os, OsVersion: inspect.OsVersion, Architecture: inspect.Architecture, Variant: inspect.Variant });
    } catch {
      // Removed meanwhile, or the engine would not say: listed without OS until next time.
    }
  });
  const listed = new Set(raw.map((i) => i.Id));
  for (const id of facts.keys()) if (!listed.has(id)) facts.delete(id);
  return raw.map((i) => toImageListItem(i, (facts.get(i.Id) as RawImageInspect | undefined) ?? null)).sort((a, b) => b.createdAt - a.createdAt);
}

export async function imageHistory(live: LiveEngine, id: string): Promise<ImageLayer[]> {
  const raw = await engineCall(
    live,
    () => live.client.get<RawHistoryItem[]>(`/images/${encodeURIComponent(id)}/history`, { signal: AbortSignal.timeout(CALL_DEADLINE_MS) }),
    { image: id },
  );
  return toImageLayers(raw);
}

export function removeImages(live: LiveEngine, ids: readonly string[], force: boolean): Promise<ItemOutcome[]> {
  return mapBounded(ids, 4, async (id): Promise<ItemOutcome> => {
    try {
      await engineCall(
        live,
        () => live.client.delete(`/images/${encodeURIComponent(id)}`, { query: { force, noprune: false }, signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }),
        { image: id },
      );
      return { id, ok: true, error: null };
    } catch (error) {
      return { id, ok: false, error: mapDashboardError(error, { image: id }) };
    }
  });
}

/** GET /system/df for one kind where the engine can (API 1.42 and later), else whole. */
export function systemDf(live: LiveEngine, kind: 'image' | 'volume'): Promise<RawSystemDf> {
  const query: Record<string, string> = compareApi(live.apiVersion, '1.42') >= 0 ? { type: kind } : {};
  return engineCall(live, () => live.client.get<RawSystemDf>('/system/df', { query, signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }));
}

export async function estimateImagePrune(live: LiveEngine): Promise<ImagePruneEstimate> {
  const df = await systemDf(live, 'image');
  return imagePruneEstimate(df.Images ?? []);
}

interface RawImagePrune {
  ImagesDeleted?: Array<{ Untagged?: string; Deleted?: string }> | null;
  SpaceReclaimed?: number;
}

/** Dangling images no container uses (the engine's default prune). */
export async function pruneImages(live: LiveEngine): Promise<PruneResult> {
  const raw = await engineCall(live, () => live.client.post<RawImagePrune>('/images/prune', { signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }));
  const deleted = (raw.ImagesDeleted ?? []).map((d) => d.Deleted).filter((d): d is string => Boolean(d));
  return { deleted, spaceReclaimed: raw.SpaceReclaimed ?? 0 };
}
