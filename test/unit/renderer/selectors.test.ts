import { describe, expect, it } from 'vitest';
import {
  ANY,
  EMPTY_FILTERS,
  NO_PROJECT,
  countByRung,
  countByState,
  filterContainers,
  groupByProject,
  hasFilters,
  projectNames,
  selectAllState,
  selectedVisible,
  tableRows,
  type ContainerFilters,
} from '../../../src/renderer/stores/selectors/containers';
import { actionsFor, actionsForSelection, canAct, isActive } from '../../../src/renderer/stores/selectors/actions';
import { container } from './fixtures';

const web = container({ name: 'shop-web-1', image: 'nginx:1.27', composeProject: 'shop', state: 'running' });
const db = container({ name: 'shop-db-1', image: 'postgres:16', composeProject: 'shop', state: 'exited', rung: 'user-space-kernel', mode: 'runsc' });
const cache = container({ name: 'cache', image: 'redis:7', composeProject: 'infra', state: 'paused', rung: 'virtual-machine', mode: 'kata' });
const lone = container({ name: 'Scratch', image: 'busybox:latest', state: 'created', rung: null });
const weird = container({ name: 'odd', image: 'x/odd', state: 'dead', rung: 'unknown', mode: 'mystery' });
const all = [web, db, cache, lone, weird];

const f = (patch: Partial<ContainerFilters>): ContainerFilters => ({ ...EMPTY_FILTERS, ...patch });
const names = (list: { name: string }[]) => list.map((c) => c.name);

describe('filterContainers', () => {
  it('keeps everything with empty filters, sorted by name (case-insensitive, numeric)', () => {
    expect(names(filterContainers(all, EMPTY_FILTERS))).toEqual(['cache', 'odd', 'Scratch', 'shop-db-1', 'shop-web-1']);
  });

  it('matches text on the name or the image, case-insensitively, trimmed', () => {
    expect(names(filterContainers(all, f({ text: 'SHOP' })))).toEqual(['shop-db-1', 'shop-web-1']);
    expect(names(filterContainers(all, f({ text: ' postgres ' })))).toEqual(['shop-db-1']);
    expect(names(filterContainers(all, f({ text: 'busybox' })))).toEqual(['Scratch']);
    expect(filterContainers(all, f({ text: 'nothing-like-this' }))).toEqual([]);
  });

  it('filters by state', () => {
    expect(names(filterContainers(all, f({ state: 'paused' })))).toEqual(['cache']);
    expect(names(filterContainers(all, f({ state: 'exited' })))).toEqual(['shop-db-1']);
  });

  it('filters by rung, with pending for containers not inspected yet', () => {
    expect(names(filterContainers(all, f({ rung: 'user-space-kernel' })))).toEqual(['shop-db-1']);
    expect(names(filterContainers(all, f({ rung: 'unknown' })))).toEqual(['odd']);
    expect(names(filterContainers(all, f({ rung: 'pending' })))).toEqual(['Scratch']);
    expect(names(filterContainers(all, f({ rung: 'shared-kernel' })))).toEqual(['shop-web-1']);
  });

  it('filters by compose project, and by "no project"', () => {
    expect(names(filterContainers(all, f({ project: 'shop' })))).toEqual(['shop-db-1', 'shop-web-1']);
    expect(names(filterContainers(all, f({ project: NO_PROJECT })))).toEqual(['odd', 'Scratch']);
  });

  it('combines filters', () => {
    expect(names(filterContainers(all, f({ text: 'shop', state: 'running', project: 'shop', rung: 'shared-kernel' })))).toEqual(['shop-web-1']);
    expect(filterContainers(all, f({ text: 'shop', project: 'infra' }))).toEqual([]);
  });

  it('sorts numerically (web-2 before web-10)', () => {
    const list = [container({ name: 'web-10' }), container({ name: 'web-2' }), container({ name: 'web-1' })];
    expect(names(filterContainers(list, EMPTY_FILTERS))).toEqual(['web-1', 'web-2', 'web-10']);
  });
});

describe('grouping', () => {
  it('groups by project, named projects A→Z and the ungrouped last', () => {
    const groups = groupByProject(filterContainers(all, EMPTY_FILTERS));
    expect([...groups.keys()]).toEqual(['infra', 'shop', NO_PROJECT]);
    expect(names(groups.get('shop') ?? [])).toEqual(['shop-db-1', 'shop-web-1']);
  });

  it('builds table rows: a header per group with counts, members after it', () => {
    const rows = tableRows(filterContainers(all, EMPTY_FILTERS), true, new Set());
    expect(rows.map((r) => (r.kind === 'group' ? `#${r.project ?? '-'}:${r.count}/${r.running}` : r.container.name))).toEqual([
      '#infra:1/0',
      'cache',
      '#shop:2/1',
      'shop-db-1',
      'shop-web-1',
      '#-:2/0',
      'odd',
      'Scratch',
    ]);
  });

  it('hides the members of a collapsed group but keeps its header', () => {
    const rows = tableRows(filterContainers(all, EMPTY_FILTERS), true, new Set(['shop', NO_PROJECT]));
    expect(rows.map((r) => (r.kind === 'group' ? `#${r.projectKey}${r.collapsed ? '+' : '-'}` : r.container.name))).toEqual([
      '#infra-',
      'cache',
      '#shop+',
      `#${NO_PROJECT}+`,
    ]);
  });

  it('gives one row per container when not grouped, keyed by id', () => {
    const rows = tableRows([web, db], false, new Set(['shop']));
    expect(rows).toEqual([
      { kind: 'container', key: web.id, container: web },
      { kind: 'container', key: db.id, container: db },
    ]);
  });

  it('lists the projects present', () => {
    expect(projectNames(all)).toEqual({ names: ['infra', 'shop'], hasUngrouped: true });
    expect(projectNames([web])).toEqual({ names: ['shop'], hasUngrouped: false });
  });
});

describe('counts', () => {
  it('counts containers per rung, pending apart', () => {
    expect(countByRung(all)).toEqual({
      'shared-kernel': 1,
      'user-namespaced': 0,
      'user-space-kernel': 1,
      'virtual-machine': 1,
      unknown: 1,
      pending: 1,
    });
  });

  it('counts containers per state', () => {
    expect(countByState(all)).toMatchObject({ running: 1, exited: 1, paused: 1, created: 1, dead: 1, restarting: 0 });
  });
});

describe('selection', () => {
  it('keeps only selected containers that are shown', () => {
    const shown = filterContainers(all, f({ project: 'shop' }));
    expect(names(selectedVisible(shown, new Set([web.id, cache.id, 'gone'])))).toEqual(['shop-web-1']);
  });

  it('says whether all, some or none of the shown rows are selected', () => {
    const shown = [web, db];
    expect(selectAllState(shown, new Set())).toBe('none');
    expect(selectAllState(shown, new Set([cache.id]))).toBe('none');
    expect(selectAllState(shown, new Set([web.id]))).toBe('some');
    expect(selectAllState(shown, new Set([web.id, db.id, cache.id]))).toBe('all');
    expect(selectAllState([], new Set([web.id]))).toBe('none');
  });
});

describe('actions', () => {
  it('offers only the actions that make sense for the state', () => {
    expect(actionsFor('running')).toEqual(['stop', 'restart', 'pause', 'kill', 'remove']);
    expect(actionsFor('paused')).toEqual(['unpause', 'kill', 'remove']);
    expect(actionsFor('exited')).toEqual(['start', 'restart', 'remove']);
    expect(actionsFor('created')).toEqual(['start', 'remove']);
    expect(actionsFor('dead')).toEqual(['remove']);
    expect(actionsFor('removing')).toEqual([]);
    expect(canAct('running', 'start')).toBe(false);
    expect(canAct('paused', 'pause')).toBe(false);
  });

  it('knows which states need force to remove', () => {
    expect(['running', 'paused', 'restarting'].every((s) => isActive(s as 'running'))).toBe(true);
    expect(['exited', 'created', 'dead'].some((s) => isActive(s as 'exited'))).toBe(false);
  });

  it('maps each action of a selection to the containers it applies to', () => {
    const map = actionsForSelection([web, db, cache]);
    expect([...map.keys()]).toEqual(['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove']);
    expect(map.get('start')).toEqual([db.id]);
    expect(map.get('unpause')).toEqual([cache.id]);
    expect(map.get('kill')).toEqual([web.id, cache.id]);
    expect(map.get('remove')).toEqual([web.id, db.id, cache.id]);
    expect(actionsForSelection([]).size).toBe(0);
  });

  it('uses ANY as the filter wildcard', () => {
    expect(EMPTY_FILTERS).toEqual({ text: '', state: ANY, rung: ANY, boundary: ANY, project: ANY });
    expect(hasFilters(f({ boundary: 'weakened' }))).toBe(true);
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters(f({ text: '  ' }))).toBe(false);
    expect(hasFilters(f({ rung: 'pending' }))).toBe(true);
  });
});
