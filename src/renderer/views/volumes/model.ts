// Volumes as the Volumes view words them: who uses each (joined with the live container list),
// what a prune would remove, and the create form's checks. Pure.
import type { ContainerState, ContainerSummary } from '../../../shared/model/container';
import type { Language } from '../../../shared/model/preferences';
import type { VolumePruneEstimate, VolumeSummary } from '../../../shared/model/volume';
import type { Translate } from '../../i18n';
import { isVolumeName, labelsToRecord, validateLabels } from '../../../shared/validate';
import { formatBytes } from '../../format/bytes';

export interface VolumeUserRow {
  id: string;
  name: string;
  state: ContainerState | string;
  /** False when the container is not in Silo's list (gone since the volume list was made). */
  listed: boolean;
}

/**
 * The containers that use a volume, with the names and states the container list has now (a
 * rename or a stop shows at once), sorted by name.
 */
export function volumeUsersNow(volume: Pick<VolumeSummary, 'usedBy'>, containers: ReadonlyMap<string, ContainerSummary>): VolumeUserRow[] {
  return volume.usedBy
    .map((user) => {
      const live = containers.get(user.id);
      return live ? { id: user.id, name: live.name, state: live.state, listed: true } : { id: user.id, name: user.name, state: user.state, listed: false };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const CONTAINER_STATES: ReadonlySet<string> = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
export const isContainerState = (state: string): state is ContainerState => CONTAINER_STATES.has(state);

/** `web, db and 3 more`: names joined for a sentence, the first few only. */
export function joinNames(names: readonly string[], t: Translate, shown = 3): string {
  if (names.length <= shown) return names.join(t('list.separator'));
  return t('resources.namesAndMore', { names: names.slice(0, shown).join(t('list.separator')), count: names.length - shown });
}

export function sortVolumes(volumes: Iterable<VolumeSummary>): VolumeSummary[] {
  return [...volumes].sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.name.localeCompare(b.name));
}

export function matchesVolume(volume: VolumeSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return (
    volume.name.toLowerCase().includes(needle) ||
    volume.driver.toLowerCase().includes(needle) ||
    volume.usedBy.some((u) => u.name.toLowerCase().includes(needle))
  );
}

/** What a prune of volumes would do, in one sentence (sizes the engine did not measure said so). */
export function describeVolumePrune(estimate: VolumePruneEstimate, t: Translate, language: Language): string {
  const count = estimate.volumes.length;
  if (count === 0) return t(estimate.anonymousOnly ? 'volumes.prune.nothingAnonymous' : 'volumes.prune.nothing');
  const unknown = estimate.volumes.filter((v) => v.size === null).length;
  const size = formatBytes(estimate.bytes, language);
  if (unknown === count) return t('volumes.prune.summaryNoSize', { count });
  if (unknown > 0) return t('volumes.prune.summarySomeSizes', { count, size, unknown });
  return t('volumes.prune.summary', { count, size });
}

/** The engine's rule for a volume name (empty: the engine makes one up). */
export function volumeNameProblem(name: string): 'volume-name' | null {
  if (name === '') return null;
  return isVolumeName(name) && name.length <= 255 ? null : 'volume-name';
}

export interface ParsedLabels {
  labels: Record<string, string>;
  /** 1-based lines the engine would refuse (no key before `=`, a NUL character). */
  badLines: number[];
}

/** `key=value` lines as `docker volume create --label` reads them (a bare `key` has an empty value). */
export function parseLabels(text: string): ParsedLabels {
  const lines: string[] = [];
  const lineOf: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    lines.push(line.trim());
    lineOf.push(i + 1);
  });
  const problems = validateLabels(lines);
  const bad = new Set(problems.map((p) => Number(p.field.split('.')[1])));
  return { labels: labelsToRecord(lines.filter((_, i) => !bad.has(i))), badLines: [...bad].map((i) => lineOf[i]!).sort((a, b) => a - b) };
}
