// Images as the Images view shows them, from GET /images/json (+ inspect for OS and OsVersion),
// GET /images/{id}/history and GET /system/df. Pure.
import type { ImageLayer, ImageListItem, ImagePruneEstimate } from '../model/image-list';
import type { RawHistoryItem, RawImageInspect, RawImageListItem } from './raw';

const NONE_TAG = '<none>:<none>';
const NONE_DIGEST = '<none>@<none>';

export function toImageListItem(raw: RawImageListItem, inspect: RawImageInspect | null): ImageListItem {
  const tags = (raw.RepoTags ?? []).filter((t) => t !== NONE_TAG);
  const os = inspect?.Os ?? null;
  return {
    id: raw.Id,
    tags,
    digests: (raw.RepoDigests ?? []).filter((d) => d !== NONE_DIGEST),
    size: raw.Size,
    createdAt: raw.Created * 1000,
    os,
    architecture: inspect ? [inspect.Architecture, inspect.Variant].filter(Boolean).join('/') || null : null,
    osVersion: os === 'windows' && inspect?.OsVersion ? inspect.OsVersion : null,
    containers: typeof raw.Containers === 'number' ? raw.Containers : -1,
    dangling: tags.length === 0,
    labels: raw.Labels ?? {},
  };
}

/** The Windows build an image needs (third part of OsVersion: 10.0.20348.2762 → 20348), or null. */
export function imageBuild(osVersion: string | null): number | null {
  const part = osVersion?.split('.')[2];
  const build = part ? Number(part) : NaN;
  return Number.isInteger(build) && build > 0 ? build : null;
}

/** Layers newest first, as `docker history` prints them. */
export function toImageLayers(raw: readonly RawHistoryItem[]): ImageLayer[] {
  return raw.map((item) => ({
    id: item.Id && item.Id !== '<missing>' ? item.Id : null,
    createdBy: item.CreatedBy ?? '',
    size: item.Size ?? 0,
    createdAt: (item.Created ?? 0) * 1000,
    comment: item.Comment ?? '',
    tags: (item.Tags ?? []).filter((t) => t !== NONE_TAG),
    empty:
      (item.Size ?? 0) === 0 &&
      /#\(nop\)|^(ENV|CMD|LABEL|EXPOSE|ENTRYPOINT|WORKDIR|USER|ARG|STOPSIGNAL|HEALTHCHECK|SHELL|ONBUILD|MAINTAINER|VOLUME) /.test(item.CreatedBy ?? ''),
  }));
}

/**
 * What `POST /images/prune` (without `dangling=false`) removes: dangling images no container
 * uses. `dfImages` is GET /system/df's Images, whose Containers and SharedSize are filled.
 */
export function imagePruneEstimate(dfImages: readonly RawImageListItem[]): ImagePruneEstimate {
  const images = dfImages
    .filter((i) => (i.RepoTags ?? []).filter((t) => t !== NONE_TAG).length === 0)
    .filter((i) => (i.Containers ?? 0) <= 0)
    .map((i) => ({ id: i.Id, size: Math.max(0, i.Size - Math.max(0, i.SharedSize ?? 0)), createdAt: i.Created * 1000 }));
  return { images, bytes: images.reduce((sum, i) => sum + i.size, 0) };
}
