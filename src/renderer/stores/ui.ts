// What the person is looking at: the view, the filters, grouping, and the selection.
import { createStore } from 'zustand/vanilla';
import type { ContainerFilters } from './selectors/containers';
import { EMPTY_FILTERS } from './selectors/containers';
import type { PlaceView } from '../../shared/place';

/** The views, as the address names them (`#/images`, `#/backends`…). */
export type View = PlaceView;

export interface UiState {
  view: View;
  filters: ContainerFilters;
  groupByProject: boolean;
  /** Project keys (see projectKey) whose groups are collapsed. */
  collapsed: ReadonlySet<string>;
  selection: ReadonlySet<string>;
  /** The container whose details are shown in place of the list, if any. */
  details: string | null;
  /** The container whose details were just left: the list focuses its row again. */
  returnFocus: string | null;

  setView(view: View): void;
  setFilter<K extends keyof ContainerFilters>(key: K, value: ContainerFilters[K]): void;
  clearFilters(): void;
  setGroupByProject(on: boolean): void;
  toggleGroup(key: string): void;
  toggleSelected(id: string, on?: boolean): void;
  /** Adds (on) or removes (off) all these ids, e.g. the filtered rows. */
  selectMany(ids: readonly string[], on: boolean): void;
  clearSelection(): void;
  openDetails(id: string): void;
  closeDetails(): void;
  setReturnFocus(id: string | null): void;
}

export const initialUiState = (): Pick<UiState, 'view' | 'filters' | 'groupByProject' | 'collapsed' | 'selection' | 'details' | 'returnFocus'> => ({
  view: 'containers',
  filters: EMPTY_FILTERS,
  groupByProject: true,
  collapsed: new Set(),
  selection: new Set(),
  details: null,
  returnFocus: null,
});

export function createUiStore() {
  return createStore<UiState>()((set) => ({
    ...initialUiState(),

    setView: (view) => set({ view, details: null }),
    setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
    clearFilters: () => set({ filters: EMPTY_FILTERS }),
    setGroupByProject: (on) => set({ groupByProject: on }),
    toggleGroup: (key) =>
      set((s) => {
        const collapsed = new Set(s.collapsed);
        if (!collapsed.delete(key)) collapsed.add(key);
        return { collapsed };
      }),
    toggleSelected: (id, on) =>
      set((s) => {
        const selection = new Set(s.selection);
        const want = on ?? !selection.has(id);
        if (want) selection.add(id);
        else selection.delete(id);
        return { selection };
      }),
    selectMany: (ids, on) =>
      set((s) => {
        const selection = new Set(s.selection);
        for (const id of ids) {
          if (on) selection.add(id);
          else selection.delete(id);
        }
        return { selection };
      }),
    clearSelection: () => set({ selection: new Set() }),
    openDetails: (id) => set({ view: 'containers', details: id }),
    closeDetails: () => set({ details: null }),
    setReturnFocus: (id) => set({ returnFocus: id }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
