// Where a person is in Silo, as the URL's hash says it: the view, the open container and its tab,
// and the containers filters. Pure: parsed and formatted here, so the address bar, back and
// forward, a reload, a pasted link, the tray and a notification all name a place the same way.
//
//   #/containers?state=running&rung=user-space-kernel&project=shop&q=web
//   #/containers/<id>/logs
//   #/images  #/volumes  #/networks  #/engine  #/backends
//
// Anything unknown falls back to the containers list: a stale or hand-edited link never shows a
// blank screen.

export const VIEWS = ['containers', 'images', 'volumes', 'networks', 'engine', 'backends'] as const;
export type PlaceView = (typeof VIEWS)[number];

export const DETAILS_TABS = ['inspect', 'isolation', 'logs', 'stats', 'processes', 'changes', 'terminal'] as const;
export type PlaceTab = (typeof DETAILS_TABS)[number];

const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
const RUNGS = ['shared-kernel', 'user-namespaced', 'user-space-kernel', 'virtual-machine', 'unknown', 'pending'] as const;
/** The boundary filter (src/shared/model/boundary.ts): weakened, can reach the engine, privileged, strengthened. */
export const BOUNDARY_FILTERS = ['weakened', 'engine', 'privileged', 'strengthened'] as const;
export type BoundaryFilter = (typeof BOUNDARY_FILTERS)[number];

/** The containers filters a place may carry; absent means "any". */
export interface PlaceFilters {
  text?: string;
  state?: (typeof STATES)[number];
  rung?: (typeof RUNGS)[number];
  boundary?: BoundaryFilter;
  /** A compose project's name (the list's "no project" choice is not carried in the address). */
  project?: string;
}

export type Place =
  | { view: 'containers'; container?: undefined; tab?: undefined; filters?: PlaceFilters }
  | { view: 'containers'; container: string; tab: PlaceTab; filters?: PlaceFilters }
  | { view: Exclude<PlaceView, 'containers'> };

export const HOME: Place = { view: 'containers' };

/** A container id or name as the engine accepts it in a path (no slash, no space). */
const CONTAINER_REF = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const MAX_TEXT = 256;

const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value != null && (list as readonly string[]).includes(value);

function parseFilters(query: string): PlaceFilters | undefined {
  const params = new URLSearchParams(query);
  const filters: PlaceFilters = {};
  const text = params.get('q');
  if (text) filters.text = text.slice(0, MAX_TEXT);
  const state = params.get('state');
  if (isOneOf(STATES, state)) filters.state = state;
  const rung = params.get('rung');
  if (isOneOf(RUNGS, rung)) filters.rung = rung;
  const boundary = params.get('boundary');
  if (isOneOf(BOUNDARY_FILTERS, boundary)) filters.boundary = boundary;
  const project = params.get('project');
  if (project && project.length <= 255) filters.project = project;
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** `#/containers/abc/logs?q=x` (with or without the leading `#`) → a Place; unknown → HOME. */
export function parsePlace(hash: string): Place {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  let parts: string[];
  try {
    parts = path
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeURIComponent(p));
  } catch {
    return HOME;
  }
  const [view, container, tab] = parts;
  if (!isOneOf(VIEWS, view)) return HOME;
  if (view !== 'containers') return { view };
  const filters = parseFilters(query);
  if (container === undefined) return filters ? { view, filters } : { view };
  if (!CONTAINER_REF.test(container)) return filters ? { view, filters } : { view };
  const place: Place = { view, container, tab: isOneOf(DETAILS_TABS, tab) ? tab : 'inspect' };
  return filters ? { ...place, filters } : place;
}

function formatFilters(filters: PlaceFilters | undefined): string {
  if (!filters) return '';
  const params = new URLSearchParams();
  if (filters.text && filters.text.trim() !== '') params.set('q', filters.text.slice(0, MAX_TEXT));
  if (filters.state) params.set('state', filters.state);
  if (filters.rung) params.set('rung', filters.rung);
  if (filters.boundary) params.set('boundary', filters.boundary);
  if (filters.project) params.set('project', filters.project);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** A Place → `#/…`, the inverse of parsePlace for every place it returns. */
export function formatPlace(place: Place): string {
  if (place.view !== 'containers') return `#/${place.view}`;
  const head = place.container ? `#/containers/${encodeURIComponent(place.container)}/${place.tab}` : '#/containers';
  return head + formatFilters(place.filters);
}

/** True when two places name the same screen (same view, container, tab and filters). */
export function samePlace(a: Place, b: Place): boolean {
  return formatPlace(a) === formatPlace(b);
}

const FILTER_KEYS = new Set(['q', 'state', 'rung', 'boundary', 'project']);

/**
 * The place a hash names exactly, or null when any part of it is unknown or dropped by parsePlace
 * (a view Silo lacks, an odd container id, an unknown tab or filter): for input a person typed,
 * such as `--open`, where falling back to the list would hide their mistake.
 */
export function readPlace(hash: string): Place | null {
  if (!hash.startsWith('#/')) return null;
  const place = parsePlace(hash);
  const raw = hash.slice(1);
  const queryAt = raw.indexOf('?');
  const path = (queryAt === -1 ? raw : raw.slice(0, queryAt)).split('/').filter((p) => p !== '');
  const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  if (path[0] !== place.view) return null;
  if (path.length > (place.view === 'containers' ? 3 : 1)) return null;
  if (place.view === 'containers') {
    if (path.length >= 2 && place.container === undefined) return null;
    if (path.length === 3 && place.tab !== path[2]) return null;
    const filters = place.filters ?? {};
    for (const [key, value] of params) {
      if (!FILTER_KEYS.has(key)) return null;
      const kept = key === 'q' ? filters.text : filters[key as 'state' | 'rung' | 'boundary' | 'project'];
      if (value !== '' && kept !== (key === 'q' ? value.slice(0, MAX_TEXT) : value)) return null;
    }
  } else if (params.size > 0) return null;
  return place;
}
