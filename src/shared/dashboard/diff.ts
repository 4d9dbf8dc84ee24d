// A fresh list against the one a page already has: the patch that turns one into the other.
import type { ResourcePatch } from '../model/resource-patch';

export function diffList<T>(
  previous: ReadonlyMap<string, T> | null,
  next: readonly T[],
  key: (item: T) => string,
): { patch: ResourcePatch<T>; map: Map<string, T> } {
  const map = new Map(next.map((item) => [key(item), item]));
  if (previous === null) return { patch: { reset: true, upsert: [...next], remove: [] }, map };
  const upsert: T[] = [];
  for (const [k, item] of map) {
    const old = previous.get(k);
    if (old === undefined || JSON.stringify(old) !== JSON.stringify(item)) upsert.push(item);
  }
  const remove = [...previous.keys()].filter((k) => !map.has(k));
  return { patch: { reset: false, upsert, remove }, map };
}

export function isEmptyPatch<T>(patch: ResourcePatch<T>): boolean {
  return !patch.reset && patch.upsert.length === 0 && patch.remove.length === 0;
}
