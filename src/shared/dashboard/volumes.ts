// Volumes with their size (GET /system/df) and the containers that use them (Silo's container
// list), and what a prune would remove. Pure.
import type { VolumePruneEstimate, VolumeSummary, VolumeUser } from '../model/volume';
import type { RawVolume } from './raw';

/** Docker 23+ labels the volumes it makes for a container without a name. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

/** An anonymous volume: labelled so, or named as the engine names them (64 hex characters). */
export function isAnonymousVolume(volume: Pick<RawVolume, 'Name' | 'Labels'>): boolean {
  return (volume.Labels ?? {})[ANONYMOUS_LABEL] !== undefined || /^[0-9a-f]{64}$/.test(volume.Name);
}

export function toVolumeSummary(raw: RawVolume, size: number | null, usedBy: VolumeUser[]): VolumeSummary {
  const created = raw.CreatedAt ? Date.parse(raw.CreatedAt) : NaN;
  return {
    name: raw.Name,
    driver: raw.Driver,
    mountpoint: raw.Mountpoint,
    scope: raw.Scope ?? 'local',
    createdAt: Number.isNaN(created) ? null : created,
    labels: raw.Labels ?? {},
    size,
    usedBy,
    anonymous: isAnonymousVolume(raw),
  };
}

/** Volume sizes by name from GET /system/df; the engine says -1 where it could not measure. */
export function volumeSizes(dfVolumes: readonly RawVolume[] | null | undefined): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const v of dfVolumes ?? []) {
    const size = v.UsageData?.Size;
    if (typeof size === 'number' && size >= 0) sizes.set(v.Name, size);
  }
  return sizes;
}

export interface ContainerVolumes {
  id: string;
  name: string;
  state: string;
  volumes: readonly string[];
}

/** Volume name → the containers that mount it, by name. */
export function volumeUsers(containers: readonly ContainerVolumes[]): Map<string, VolumeUser[]> {
  const users = new Map<string, VolumeUser[]>();
  for (const c of containers) {
    for (const volume of new Set(c.volumes)) {
      const list = users.get(volume) ?? [];
      list.push({ id: c.id, name: c.name, state: c.state });
      users.set(volume, list);
    }
  }
  for (const list of users.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return users;
}

/**
 * What POST /volumes/prune removes: local volumes no container uses; from API 1.42 (Docker 23)
 * only those labelled anonymous (the label came with 23) unless `all` is asked for (Silo does not ask).
 */
export function volumePruneEstimate(volumes: readonly VolumeSummary[], apiVersion: string): VolumePruneEstimate {
  const anonymousOnly = compareApi(apiVersion, '1.42') >= 0;
  const chosen = volumes.filter((v) => v.driver === 'local' && v.usedBy.length === 0 && (!anonymousOnly || v.labels[ANONYMOUS_LABEL] !== undefined));
  return {
    volumes: chosen.map((v) => ({ name: v.name, size: v.size })),
    bytes: chosen.reduce((sum, v) => sum + (v.size ?? 0), 0),
    anonymousOnly,
  };
}

export function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The named volumes among a container's mounts (list item or inspect `Mounts`). */
export function volumeNamesOf(mounts: ReadonlyArray<{ Type?: string; Name?: string }> | null | undefined): string[] {
  return (mounts ?? []).filter((m) => m.Type === 'volume' && typeof m.Name === 'string' && m.Name !== '').map((m) => m.Name!);
}
