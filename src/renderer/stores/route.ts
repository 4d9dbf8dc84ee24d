// Where the person is, kept in the address: the ui store (view, open container, filters) and the
// details store (its tab) ↔ the URL's hash. A new view, container or tab is a new history entry
// (Back goes back to it); typing in a filter only rewrites the current entry. Moving through
// history, a reload, a pasted link and main's `place.open` all come back through one door: the
// place is applied to the stores. The address itself is a port, so this is tested without a page.
import type { EventPayloads } from '../../shared/contract';
import { formatPlace, parsePlace, samePlace, type Place, type PlaceFilters, type PlaceTab } from '../../shared/place';
import { ANY, EMPTY_FILTERS, NO_PROJECT, type ContainerFilters } from './selectors/containers';
import type { DetailsStore } from './details';
import type { UiState, UiStore } from './ui';

/** The list's filters as an address carries them (`any` and "no project" are not carried). */
export function toPlaceFilters(filters: ContainerFilters): PlaceFilters | undefined {
  const out: PlaceFilters = {};
  if (filters.text.trim() !== '') out.text = filters.text;
  if (filters.state !== ANY) out.state = filters.state;
  if (filters.rung !== ANY) out.rung = filters.rung;
  if (filters.boundary !== ANY) out.boundary = filters.boundary;
  if (filters.project !== ANY && filters.project !== NO_PROJECT) out.project = filters.project;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function fromPlaceFilters(filters: PlaceFilters | undefined): ContainerFilters {
  return {
    text: filters?.text ?? EMPTY_FILTERS.text,
    state: filters?.state ?? ANY,
    rung: filters?.rung ?? ANY,
    boundary: filters?.boundary ?? ANY,
    project: filters?.project ?? ANY,
  };
}

/** The place the stores show. */
export function placeOf(ui: Pick<UiState, 'view' | 'details' | 'filters'>, tab: PlaceTab): Place {
  if (ui.view !== 'containers') return { view: ui.view };
  const filters = toPlaceFilters(ui.filters);
  const place: Place = ui.details ? { view: 'containers', container: ui.details, tab } : { view: 'containers' };
  return filters ? { ...place, filters } : place;
}

/** How the address follows a move from one place to another: nothing, rewrite the entry, or a new one. */
export function historyStep(from: Place, to: Place): 'push' | 'replace' | null {
  if (samePlace(from, to)) return null;
  const screen = (p: Place): string => formatPlace(p.view === 'containers' ? { ...p, filters: undefined } : p);
  return screen(from) === screen(to) ? 'replace' : 'push';
}

/** Shows `place`: one ui update and, for a container, its tab. */
export function applyPlace(place: Place, ui: UiStore, details: DetailsStore): void {
  const state = ui.getState();
  if (place.view !== 'containers') {
    if (state.view !== place.view || state.details !== null) ui.setState({ view: place.view, details: null });
    return;
  }
  const patch: Partial<UiState> = {};
  if (state.view !== 'containers') patch.view = 'containers';
  const container = place.container ?? null;
  if (state.details !== container) patch.details = container;
  // The same filters as the address says are kept as they are ("no project" is not in an address).
  if (!samePlace({ view: 'containers', filters: toPlaceFilters(state.filters) }, { view: 'containers', filters: place.filters }))
    patch.filters = fromPlaceFilters(place.filters);
  if (Object.keys(patch).length > 0) ui.setState(patch);
  if (place.container && details.getState().tab !== place.tab) details.getState().setTab(place.tab);
}

/** The page's address bar and its history, as the route needs them. */
export interface AddressPort {
  /** The current hash, `#…` or ''. */
  hash(): string;
  /** A new history entry with this hash. */
  push(hash: string): void;
  /** The current entry's hash, rewritten. */
  replace(hash: string): void;
  /** Someone else changed the hash (Back, Forward, a typed or pasted address); answers the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface Route {
  /** Go to a place as a new history entry (main's `place.open`). */
  go(place: Place): void;
  stop(): void;
}

interface RouteStores {
  ui: UiStore;
  details: DetailsStore;
}

/** Keeps the stores and the address in step, starting from the address (a reload, a pasted link). */
export function bindRoute(stores: RouteStores, address: AddressPort): Route {
  const { ui, details } = stores;
  let applying = false;
  const current = (): Place => placeOf(ui.getState(), details.getState().tab);

  const show = (place: Place): void => {
    applying = true;
    try {
      applyPlace(place, ui, details);
    } finally {
      applying = false;
    }
  };

  /** The address changed under us: show it, then write it the way Silo would (a junk hash becomes the list). */
  const follow = (): void => {
    const raw = address.hash();
    show(parsePlace(raw));
    const normal = formatPlace(current());
    if (raw !== normal) address.replace(normal);
  };

  /** The stores changed: the address follows. */
  const write = (): void => {
    if (applying) return;
    const next = current();
    const step = historyStep(parsePlace(address.hash()), next);
    if (step === 'push') address.push(formatPlace(next));
    else if (step === 'replace') address.replace(formatPlace(next));
  };

  follow();
  const offs = [address.onChange(follow), ui.subscribe(write), details.subscribe(write)];

  return {
    go(place) {
      // What main sends is read as an address would be: the same checks, the same fallbacks.
      const safe = parsePlace(formatPlace(place));
      const raw = address.hash();
      show(safe);
      const normal = formatPlace(current());
      if (historyStep(parsePlace(raw), current()) === 'push') address.push(normal);
      else if (raw !== normal) address.replace(normal);
    },
    stop: () => offs.forEach((off) => off()),
  };
}

/** Follows main's `place.open` (the tray's "Open logs", a notification's click). */
export function followPlaceOpen(
  client: { on(event: 'place.open', listener: (payload: EventPayloads['place.open']) => void): () => void },
  route: Route,
): () => void {
  return client.on('place.open', ({ place }) => route.go(place));
}

/** The real address bar: `history` entries for moves, `hashchange`/`popstate` for the rest. */
export function windowAddress(win: Window): AddressPort {
  return {
    hash: () => win.location.hash,
    push: (hash) => win.history.pushState(null, '', hash),
    replace: (hash) => win.history.replaceState(win.history.state, '', hash),
    onChange(listener) {
      win.addEventListener('hashchange', listener);
      win.addEventListener('popstate', listener);
      return () => {
        win.removeEventListener('hashchange', listener);
        win.removeEventListener('popstate', listener);
      };
    },
  };
}
