// Volumes: the list with sizes (GET /system/df, where the engine measures them) and the
// containers that use each one (Silo's container list), create, remove (never silently while in
// use), prune.
import { toVolumeSummary, volumePruneEstimate, volumeSizes, volumeUsers } from '../../shared/dashboard/volumes';
import type { RawVolume } from '../../shared/dashboard/raw';
import { SiloFailure, siloError } from '../../shared/errors';
import type { PruneResult } from '../../shared/model/image-list';
import type { VolumePruneEstimate, VolumeSummary, VolumeUser } from '../../shared/model/volume';
import { CALL_DEADLINE_MS, SLOW_DEADLINE_MS, engineCall } from './engine-calls';
import { systemDf } from './images';
import type { LiveEngine } from '../engine/live';

/** Who uses which volume, from the container store. */
export function usersByVolume(live: LiveEngine): Map<string, VolumeUser[]> {
  return volumeUsers(live.containers().map((c) => ({ id: c.id, name: c.name, state: c.state, volumes: live.volumeNames(c.id) })));
}

export async function listVolumes(live: LiveEngine, withSizes = true): Promise<VolumeSummary[]> {
  const [list, df] = await Promise.all([
    engineCall(live, () => live.client.get<{ Volumes?: RawVolume[] | null }>('/volumes', { signal: AbortSignal.timeout(30_000) })),
    // Sizes are a nicety: a df that fails leaves them unknown.
    withSizes ? systemDf(live, 'volume').catch(() => null) : Promise.resolve(null),
  ]);
  const sizes = volumeSizes(df?.Volumes);
  const users = usersByVolume(live);
  return (list.Volumes ?? []).map((v) => toVolumeSummary(v, sizes.get(v.Name) ?? null, users.get(v.Name) ?? [])).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createVolume(live: LiveEngine, spec: { name?: string; driver?: string; labels?: Record<string, string> }): Promise<VolumeSummary> {
  const body = { Name: spec.name ?? '', Driver: spec.driver ?? 'local', Labels: spec.labels ?? {} };
  const raw = await engineCall(live, () => live.client.post<RawVolume>('/volumes/create', { body, signal: AbortSignal.timeout(CALL_DEADLINE_MS) }), {
    name: spec.name ?? '',
  });
  return toVolumeSummary(raw, null, usersByVolume(live).get(raw.Name) ?? []);
}

/**
 * Remove a volume. While containers use it the answer is `volume-in-use`, naming them; with
 * `force` (the person confirmed) those containers are removed first, then the volume.
 */
export async function removeVolume(live: LiveEngine, name: string, force: boolean): Promise<void> {
  const users = usersByVolume(live).get(name) ?? [];
  if (users.length > 0 && !force) {
    throw new SiloFailure(siloError('volume-in-use', { params: { name, containers: users.map((u) => u.name).join(', '), count: users.length } }));
  }
  for (const user of users) {
    await engineCall(
      live,
      () =>
        live.client.delete(`/containers/${encodeURIComponent(user.id)}`, { query: { force: true, v: false }, signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }),
      { name: user.name },
    );
  }
  await engineCall(live, () => live.client.delete(`/volumes/${encodeURIComponent(name)}`, { signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }), { name });
}

export async function estimateVolumePrune(live: LiveEngine): Promise<VolumePruneEstimate> {
  return volumePruneEstimate(await listVolumes(live), live.apiVersion);
}

export async function pruneVolumes(live: LiveEngine): Promise<PruneResult> {
  const raw = await engineCall(live, () =>
    live.client.post<{ VolumesDeleted?: string[] | null; SpaceReclaimed?: number }>('/volumes/prune', { signal: AbortSignal.timeout(SLOW_DEADLINE_MS) }),
  );
  return { deleted: raw.VolumesDeleted ?? [], spaceReclaimed: raw.SpaceReclaimed ?? 0 };
}
