// What the image, volume and network slices share: a list fed by one `*.list` call and then only
// by the engine's patches (`images.changed`…), and whether this page's link still gets them.
import type { SiloError } from '../../shared/errors';
import type { ResourcePatch } from '../../shared/model/resource-patch';
import { errorOf } from '../api';
import { sameData } from './containers-patch';

export interface ResourceList<T> {
  items: ReadonlyMap<string, T>;
  /** True once a list arrived (the items may be stale while `following` is false). */
  loaded: boolean;
  /** True while this page's link gets the patches: set by a list, cleared when the link drops. */
  following: boolean;
  loading: boolean;
  /** Why the last list failed; cleared by the next. */
  listError: SiloError | null;
}

export const initialResourceList = <T>(): ResourceList<T> => ({ items: new Map(), loaded: false, following: false, loading: false, listError: null });

/**
 * The items after a patch: reset, upserts, removals, in that order. An item whose content did not
 * change keeps its object (memoized rows stay quiet); nothing changed, the same map.
 */
export function applyResourcePatch<T>(current: ReadonlyMap<string, T>, patch: ResourcePatch<T>, key: (item: T) => string): ReadonlyMap<string, T> {
  const next = new Map(patch.reset ? [] : current);
  for (const incoming of patch.upsert) {
    const k = key(incoming);
    const old = next.get(k) ?? (patch.reset ? current.get(k) : undefined);
    next.set(k, old !== undefined && sameData(old, incoming) ? old : incoming);
  }
  for (const k of patch.remove) next.delete(k);
  if (next.size === current.size && [...next].every(([k, v]) => current.get(k) === v)) return current;
  return next;
}

type Set<S> = (partial: Partial<S>) => void;
type Get<S> = () => S;

/** The list as the engine has it now; from then on this page gets its patches. */
export async function loadList<T, S extends ResourceList<T>>(get: Get<S>, set: Set<S>, list: () => Promise<T[]>, key: (item: T) => string): Promise<void> {
  if (get().loading) return;
  set({ loading: true } as Partial<S>);
  try {
    const items = await list();
    const current = get().items;
    set({
      items: applyResourcePatch(current, { reset: true, upsert: items, remove: [] }, key),
      loaded: true,
      following: true,
      loading: false,
      listError: null,
    } as Partial<S>);
  } catch (reason) {
    set({ loading: false, listError: errorOf(reason) } as Partial<S>);
  }
}

/** A patch is applied only while following: before its list arrives, the list is the truth. */
export function patchList<T, S extends ResourceList<T>>(get: Get<S>, set: Set<S>, patch: ResourcePatch<T>, key: (item: T) => string): void {
  const { items, following } = get();
  if (!following) return;
  const next = applyResourcePatch(items, patch, key);
  if (next !== items) set({ items: next } as Partial<S>);
}

/** The list's part of a slice: its state, `load`, `applyPatch` and `unfollow`, from one list call. */
export function listSlice<T, S extends ResourceList<T>>(get: Get<S>, set: Set<S>, list: () => Promise<T[]>, key: (item: T) => string) {
  return {
    ...initialResourceList<T>(),
    load: () => loadList(get, set, list, key),
    applyPatch: (patch: ResourcePatch<T>) => patchList(get, set, patch, key),
    unfollow: () => set({ following: false } as Partial<S>),
  };
}
