// How the Images view words an image, its layers and a pull, and what a prune would free. Pure.
import type { ImageLayer, ImageListItem, ImagePruneEstimate, LayerProgress, PullProgress } from '../../../shared/model/image-list';
import type { Language } from '../../../shared/model/preferences';
import type { Translate } from '../../i18n';
import { formatBytes, fraction } from '../../format/bytes';

/** `sha256:0123…` → `0123456789ab`. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** What a person calls the image: its first tag, or its short id when it has none. */
export function imageName(image: Pick<ImageListItem, 'id' | 'tags'>): string {
  return image.tags[0] ?? shortId(image.id);
}

/** One row of the table: a tag of an image (as `docker images` lists them), or an untagged image. */
export interface ImageRowItem {
  key: string;
  image: ImageListItem;
  /** The tag this row stands for; null for an untagged image. */
  tag: string | null;
}

/** What the row is called: its tag, or the image's short id. */
export const rowName = (row: Pick<ImageRowItem, 'image' | 'tag'>): string => row.tag ?? shortId(row.image.id);

/** What Run and Remove name: the row's tag, else the image id. */
export const rowReference = (row: Pick<ImageRowItem, 'image' | 'tag'>): string => row.tag ?? row.image.id;

/** The image's other tags, besides the row's. */
export const otherTags = (row: Pick<ImageRowItem, 'image' | 'tag'>): string[] => row.image.tags.filter((t) => t !== row.tag);

/** A row per tag (an untagged image: one row), newest image first, then by name; filtered by tag or id prefix. */
export function imageRows(images: Iterable<ImageListItem>, text = ''): ImageRowItem[] {
  const needle = text.trim().toLowerCase();
  const idMatch = (image: ImageListItem): boolean => needle !== '' && image.id.replace(/^sha256:/, '').startsWith(needle);
  const rows: ImageRowItem[] = [];
  for (const image of images) {
    const tags = image.tags.length > 0 ? [...image.tags].sort() : [null];
    for (const tag of tags) {
      if (needle && !idMatch(image) && !(tag ?? '').toLowerCase().includes(needle)) continue;
      rows.push({ key: `${image.id} ${tag ?? ''}`, image, tag });
    }
  }
  return rows.sort((a, b) => b.image.createdAt - a.image.createdAt || rowName(a).localeCompare(rowName(b)));
}

/** `linux/amd64`, `windows/amd64 · 10.0.20348.2762`; empty until the engine has said. */
export function platformOf(image: Pick<ImageListItem, 'os' | 'architecture' | 'osVersion'>): string {
  const platform = [image.os, image.architecture].filter(Boolean).join('/');
  return image.osVersion ? `${platform} · ${image.osVersion}` : platform;
}

export interface ReadableCommand {
  /** `RUN`, `CMD`, `COPY`… when the step is a Dockerfile instruction; null for a commit or an import. */
  instruction: string | null;
  /** The rest of the step, as the person wrote it. */
  text: string;
}

const SHELL_PREFIX = /^(?:\/bin\/sh -c|\/bin\/bash -c|cmd \/S \/C|powershell(?:\.exe)? -Command)\s+/i;
const INSTRUCTION = /^(ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\b\s*/;

/**
 * The command of a layer made readable: the classic builder's `/bin/sh -c #(nop) CMD ["sh"]`
 * becomes CMD ["sh"], `/bin/sh -c apk add x` becomes RUN apk add x, BuildKit's
 * `RUN /bin/sh -c make # buildkit` becomes RUN make; a `docker commit` keeps its command as it is.
 */
export function readableCommand(createdBy: string): ReadableCommand {
  let text = createdBy.trim();
  // The classic builder puts the build arguments of a RUN first: `|2 A=1 B=2 /bin/sh -c …`.
  text = text.replace(/^\|\d+\s+(?:\S+=\S*\s+)*/, '');
  text = text.replace(/\s*# buildkit$/, '');
  const buildkit = INSTRUCTION.exec(text);
  if (buildkit) {
    const rest = text.slice(buildkit[0].length).replace(SHELL_PREFIX, '');
    return { instruction: buildkit[1]!, text: rest.trim() };
  }
  const shell = SHELL_PREFIX.exec(text);
  if (shell) {
    const rest = text.slice(shell[0].length);
    const nop = /^#\(nop\)\s*/.exec(rest);
    if (nop) {
      const inner = rest.slice(nop[0].length);
      const instruction = INSTRUCTION.exec(inner);
      if (instruction) return { instruction: instruction[1]!, text: inner.slice(instruction[0].length).trim() };
      return { instruction: null, text: inner.trim() };
    }
    return { instruction: 'RUN', text: rest.trim() };
  }
  return { instruction: null, text };
}

/** A long shell line broken before each `&&`, `||` and `;`-joined step, so it reads as a list. */
export function wrapCommand(text: string): string[] {
  if (text.length <= 80) return [text];
  return text
    .split(/\s+(?=&&\s|\|\|\s)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export interface LayersSummary {
  /** Steps of the history (metadata steps included). */
  steps: number;
  /** Steps that added files. */
  fileLayers: number;
  /** Bytes over every layer. */
  size: number;
}

export function summarizeLayers(layers: readonly ImageLayer[]): LayersSummary {
  return {
    steps: layers.length,
    fileLayers: layers.filter((l) => !l.empty && l.size > 0).length,
    size: layers.reduce((sum, l) => sum + Math.max(0, l.size), 0),
  };
}

/** A pull's layers: how far along each bar is (null: the engine gives no measure yet). */
export function layerFraction(layer: LayerProgress): number | null {
  switch (layer.phase) {
    case 'waiting':
      return 0;
    case 'downloading':
    case 'extracting':
      return fraction(layer.current ?? 0, layer.total);
    case 'verifying':
    case 'downloaded':
    case 'complete':
    case 'exists':
      return 1;
    default:
      return null;
  }
}

/** The whole pull: bytes downloaded over the known sizes; 1 once done; null before any size is known. */
export function pullFraction(progress: PullProgress): number | null {
  if (progress.done) return 1;
  return fraction(progress.downloaded, progress.total);
}

/** `Downloading · 1.2 MB of 3.4 MB`, `Already exists`. */
export function describeLayer(layer: LayerProgress, t: Translate, language: Language): string {
  const phase = t(`pull.phase.${layer.phase}`);
  if ((layer.phase === 'downloading' || layer.phase === 'extracting') && layer.current !== null && layer.total !== null) {
    return t('pull.layerBytes', { phase, done: formatBytes(layer.current, language), total: formatBytes(layer.total, language) });
  }
  return layer.phase === 'other' || layer.phase === 'retrying' ? layer.status : phase;
}

/** `3 of 5 layers · 12 MB of 40 MB`. */
export function describePull(progress: PullProgress, t: Translate, language: Language): string {
  const layers = t('pull.layersDone', { count: progress.layers.length, done: progress.layersDone });
  if (progress.total <= 0) return layers;
  return t('pull.total', { layers, done: formatBytes(progress.downloaded, language), total: formatBytes(progress.total, language) });
}

/** What a prune of images would do, in one sentence. */
export function describeImagePrune(estimate: ImagePruneEstimate, t: Translate, language: Language): string {
  if (estimate.images.length === 0) return t('images.prune.nothing');
  return t('images.prune.summary', { count: estimate.images.length, size: formatBytes(estimate.bytes, language) });
}
