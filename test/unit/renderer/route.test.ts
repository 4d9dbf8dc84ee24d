// The stores and the address in step: moves are history entries, filter typing rewrites the
// current one, Back and Forward and a pasted link come back to the stores, junk becomes the list.
import { describe, expect, it } from 'vitest';
import type { CallPort } from '../../../src/renderer/stores/api-port';
import { createDetailsStore } from '../../../src/renderer/stores/details';
import { bindRoute, followPlaceOpen, historyStep, placeOf, toPlaceFilters, fromPlaceFilters, type AddressPort } from '../../../src/renderer/stores/route';
import { EMPTY_FILTERS, NO_PROJECT } from '../../../src/renderer/stores/selectors/containers';
import { findContainer } from '../../../src/renderer/stores/selectors/find-container';
import { createStreamHub } from '../../../src/renderer/stores/streams';
import { createUiStore } from '../../../src/renderer/stores/ui';
import type { EventPayloads } from '../../../src/shared/contract';
import { container } from './fixtures';

/** A browser's history for one page: entries, a cursor, and the events a person's moves fire. */
function fakeHistory(start = '') {
  const entries = [start];
  let at = 0;
  const listeners = new Set<() => void>();
  const fire = () => listeners.forEach((l) => l());
  const address: AddressPort = {
    hash: () => entries[at]!,
    push(hash) {
      entries.splice(at + 1, entries.length, hash);
      at += 1;
    },
    replace(hash) {
      entries[at] = hash;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    address,
    entries,
    at: () => at,
    back() {
      at -= 1;
      fire();
    },
    forward() {
      at += 1;
      fire();
    },
    /** A person types or pastes an address: a new entry, then hashchange. */
    type(hash: string) {
      entries.splice(at + 1, entries.length, hash);
      at += 1;
      fire();
    },
  };
}

const noApi: CallPort = { call: () => Promise.reject(new Error('no engine in this test')) };

function setup(start = '') {
  const ui = createUiStore();
  const details = createDetailsStore(noApi, createStreamHub(noApi));
  const history = fakeHistory(start);
  const route = bindRoute({ ui, details }, history.address);
  return { ui, details, history, route };
}

describe('route: the stores and the address', () => {
  it('maps filters both ways, leaving out any and "no project"', () => {
    expect(toPlaceFilters(EMPTY_FILTERS)).toBeUndefined();
    expect(toPlaceFilters({ text: '  ', state: 'any', rung: 'any', boundary: 'any', project: NO_PROJECT })).toBeUndefined();
    expect(toPlaceFilters({ text: 'web', state: 'running', rung: 'pending', boundary: 'engine', project: 'shop' })).toEqual({
      text: 'web',
      state: 'running',
      rung: 'pending',
      boundary: 'engine',
      project: 'shop',
    });
    expect(fromPlaceFilters({ state: 'exited' })).toEqual({ ...EMPTY_FILTERS, state: 'exited' });
    expect(fromPlaceFilters(undefined)).toEqual(EMPTY_FILTERS);
  });

  it('derives the place from the stores', () => {
    expect(placeOf({ view: 'backends', details: 'abc', filters: { ...EMPTY_FILTERS, text: 'x' } }, 'logs')).toEqual({ view: 'backends' });
    expect(placeOf({ view: 'containers', details: 'abc', filters: EMPTY_FILTERS }, 'stats')).toEqual({ view: 'containers', container: 'abc', tab: 'stats' });
    expect(placeOf({ view: 'containers', details: null, filters: { ...EMPTY_FILTERS, text: 'x' } }, 'stats')).toEqual({
      view: 'containers',
      filters: { text: 'x' },
    });
  });

  it('a new screen is a new entry; the same screen with other filters rewrites it', () => {
    expect(historyStep({ view: 'images' }, { view: 'images' })).toBeNull();
    expect(historyStep({ view: 'images' }, { view: 'volumes' })).toBe('push');
    expect(historyStep({ view: 'containers', container: 'a', tab: 'logs' }, { view: 'containers', container: 'a', tab: 'stats' })).toBe('push');
    expect(historyStep({ view: 'containers' }, { view: 'containers', filters: { text: 'w' } })).toBe('replace');
    expect(historyStep({ view: 'containers', filters: { text: 'w' } }, { view: 'containers', filters: { text: 'we' } })).toBe('replace');
  });

  it('an empty or junk address becomes the list, without a new entry', () => {
    const { history, ui } = setup('');
    expect(history.entries).toEqual(['#/containers']);
    history.type('#/nowhere');
    expect(history.entries).toEqual(['#/containers', '#/containers']);
    expect(ui.getState().view).toBe('containers');
  });

  it('starts where the address says (a reload, a pasted link)', () => {
    const { ui, details, history } = setup('#/containers/abc123/logs?state=running');
    expect(ui.getState()).toMatchObject({ view: 'containers', details: 'abc123', filters: { ...EMPTY_FILTERS, state: 'running' } });
    expect(details.getState().tab).toBe('logs');
    expect(history.entries).toEqual(['#/containers/abc123/logs?state=running']);

    const other = setup('#/backends');
    expect(other.ui.getState().view).toBe('backends');
  });

  it('writes the short form of an address it was given in full form', () => {
    const { details, history } = setup('#/containers/abc123');
    expect(details.getState().tab).toBe('inspect');
    expect(history.entries).toEqual(['#/containers/abc123/inspect']);
  });

  it('views, containers and tabs push; Back and Forward walk them', () => {
    const { ui, details, history } = setup('#/containers');
    ui.getState().setView('images');
    ui.getState().setView('containers');
    ui.getState().openDetails('abc123');
    details.getState().setTab('logs');
    details.getState().setTab('stats');
    expect(history.entries).toEqual(['#/containers', '#/images', '#/containers', '#/containers/abc123/logs', '#/containers/abc123/stats']);
    // setTab('logs') was already the tab (the default): opening the container was the only entry for it.

    history.back();
    expect(details.getState().tab).toBe('logs');
    expect(ui.getState().details).toBe('abc123');
    history.back();
    expect(ui.getState()).toMatchObject({ view: 'containers', details: null });
    history.back();
    expect(ui.getState().view).toBe('images');
    history.forward();
    history.forward();
    history.forward();
    expect(ui.getState()).toMatchObject({ view: 'containers', details: 'abc123' });
    expect(details.getState().tab).toBe('stats');
    // Following history never wrote history.
    expect(history.entries).toHaveLength(5);
    expect(history.at()).toBe(4);
  });

  it('typing in a filter rewrites the entry instead of adding one per key', () => {
    const { ui, history } = setup('#/containers');
    for (const text of ['w', 'we', 'web']) ui.getState().setFilter('text', text);
    ui.getState().setFilter('state', 'exited');
    expect(history.entries).toEqual(['#/containers?q=web&state=exited']);
    ui.getState().setView('volumes');
    history.back();
    expect(ui.getState().filters).toEqual({ ...EMPTY_FILTERS, text: 'web', state: 'exited' });
  });

  it('keeps a "no project" filter the address cannot carry while the address stays the same', () => {
    const { ui, history } = setup('#/containers');
    ui.getState().setFilter('project', NO_PROJECT);
    ui.getState().setView('images');
    history.back();
    expect(ui.getState().filters.project).toBe(NO_PROJECT);
  });

  it('other store changes leave the address alone', () => {
    const { ui, history } = setup('#/containers');
    ui.getState().toggleSelected('abc');
    ui.getState().setGroupByProject(false);
    expect(history.entries).toEqual(['#/containers']);
  });

  it('place.open goes to the place as a new entry, read as an address is', () => {
    const { ui, details, history, route } = setup('#/images');
    let listener: ((p: EventPayloads['place.open']) => void) | null = null;
    const off = followPlaceOpen({ on: (_e, l) => ((listener = l), () => (listener = null)) }, route);
    listener!({ place: { view: 'containers', container: 'abc123', tab: 'logs' } });
    expect(ui.getState()).toMatchObject({ view: 'containers', details: 'abc123' });
    expect(details.getState().tab).toBe('logs');
    expect(history.entries).toEqual(['#/images', '#/containers/abc123/logs']);
    // The same place again adds nothing.
    listener!({ place: { view: 'containers', container: 'abc123', tab: 'logs' } });
    expect(history.entries).toHaveLength(2);
    // A place no address could name falls back as an address would.
    listener!({ place: { view: 'containers', container: '../etc', tab: 'logs' } });
    expect(ui.getState()).toMatchObject({ view: 'containers', details: null });
    off();
    expect(listener).toBeNull();
  });

  it('stop lets go of the address and the stores', () => {
    const { ui, history, route } = setup('#/containers');
    route.stop();
    ui.getState().setView('images');
    expect(history.entries).toEqual(['#/containers']);
    history.type('#/volumes');
    expect(ui.getState().view).toBe('images');
  });
});

describe('finding the container an address names', () => {
  const a = container({ id: 'aaaa1111'.padEnd(64, '0'), name: 'web' });
  const b = container({ id: 'aaaa2222'.padEnd(64, '0'), name: 'db' });
  const byId = new Map([a, b].map((c) => [c.id, c]));

  it('by full id, name, or an id prefix only one container has', () => {
    expect(findContainer(byId, a.id)).toBe(a);
    expect(findContainer(byId, 'db')).toBe(b);
    expect(findContainer(byId, 'aaaa1')).toBe(a);
    expect(findContainer(byId, 'aaaa')).toBeUndefined();
    expect(findContainer(byId, 'gone')).toBeUndefined();
  });
});
