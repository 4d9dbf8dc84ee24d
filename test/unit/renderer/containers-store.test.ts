import { describe, expect, it } from 'vitest';
import { applyContainersPatch, sameData } from '../../../src/renderer/stores/containers-patch';
import { createContainersStore } from '../../../src/renderer/stores/containers';
import type { CallPort } from '../../../src/renderer/stores/api-port';
import { SiloCallError } from '../../../src/renderer/api';
import type { ContainerSummary } from '../../../src/shared/model/container';
import { container, hexId } from './fixtures';

const empty: ReadonlyMap<string, ContainerSummary> = new Map();
const copy = (c: ContainerSummary): ContainerSummary => JSON.parse(JSON.stringify(c)) as ContainerSummary;

describe('applyContainersPatch', () => {
  it('a reset replaces the whole list', () => {
    const a = container();
    const b = container();
    const first = applyContainersPatch(empty, { reset: true, upsert: [a, b], remove: [] });
    expect([...first.keys()]).toEqual([a.id, b.id]);
    const c = container();
    const second = applyContainersPatch(first, { reset: true, upsert: [c], remove: [] });
    expect([...second.keys()]).toEqual([c.id]);
  });

  it('an empty reset empties the list', () => {
    const start = applyContainersPatch(empty, { reset: true, upsert: [container()], remove: [] });
    expect(applyContainersPatch(start, { reset: true, upsert: [], remove: [] }).size).toBe(0);
  });

  it('upserts by id: adds new rows, replaces changed ones', () => {
    const a = container({ state: 'running' });
    const start = applyContainersPatch(empty, { reset: true, upsert: [a], remove: [] });
    const stopped = { ...copy(a), state: 'exited' as const };
    const b = container();
    const next = applyContainersPatch(start, { reset: false, upsert: [stopped, b], remove: [] });
    expect(next.get(a.id)?.state).toBe('exited');
    expect(next.get(b.id)).toBe(b);
    expect(start.get(a.id)?.state).toBe('running'); // the old map is untouched
  });

  it('removes by id, ignoring ids it does not have', () => {
    const a = container();
    const b = container();
    const start = applyContainersPatch(empty, { reset: true, upsert: [a, b], remove: [] });
    const next = applyContainersPatch(start, { reset: false, upsert: [], remove: [a.id, hexId(999_999)] });
    expect([...next.keys()]).toEqual([b.id]);
  });

  it('applies reset, then upserts, then removals, in order', () => {
    const a = container();
    const b = container();
    const start = applyContainersPatch(empty, { reset: true, upsert: [a], remove: [] });
    // upsert then remove of the same id in one patch: it ends removed
    const next = applyContainersPatch(start, { reset: false, upsert: [b], remove: [b.id] });
    expect([...next.keys()]).toEqual([a.id]);
    // a later patch upserting it again brings it back
    const again = applyContainersPatch(next, { reset: false, upsert: [b], remove: [] });
    expect([...again.keys()].sort()).toEqual([a.id, b.id].sort());
    // several upserts of one id: the last wins
    const later = { ...copy(a), name: 'renamed' };
    const last = applyContainersPatch(again, { reset: false, upsert: [{ ...copy(a), name: 'first' }, later], remove: [] });
    expect(last.get(a.id)?.name).toBe('renamed');
  });

  it('keeps row objects when their content did not change, across deltas and resets', () => {
    const a = container();
    const b = container();
    const start = applyContainersPatch(empty, { reset: true, upsert: [a, b], remove: [] });
    const changedB = { ...copy(b), statusText: 'Exited (0) 1 second ago' };
    const next = applyContainersPatch(start, { reset: false, upsert: [copy(a), changedB], remove: [] });
    expect(next.get(a.id)).toBe(a);
    expect(next.get(b.id)).toBe(changedB);
    const afterReset = applyContainersPatch(next, { reset: true, upsert: [copy(a), copy(changedB)], remove: [] });
    expect(afterReset.get(a.id)).toBe(a);
    expect(afterReset.get(b.id)).toBe(changedB);
  });

  it('returns the same map when nothing changed', () => {
    const a = container();
    const start = applyContainersPatch(empty, { reset: true, upsert: [a], remove: [] });
    expect(applyContainersPatch(start, { reset: false, upsert: [copy(a)], remove: [] })).toBe(start);
    expect(applyContainersPatch(start, { reset: true, upsert: [copy(a)], remove: [] })).toBe(start);
    expect(applyContainersPatch(start, { reset: false, upsert: [], remove: ['ffffffffffff'] })).toBe(start);
  });

  it('is cheap for 1,000 containers', () => {
    const rows = Array.from({ length: 1000 }, () => container({ composeProject: 'p' }));
    let map = applyContainersPatch(empty, { reset: true, upsert: rows, remove: [] });
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) {
      const row = rows[i % rows.length] as ContainerSummary;
      map = applyContainersPatch(map, { reset: false, upsert: [{ ...row, statusText: `tick ${i}` }], remove: [] });
    }
    const perPatch = (performance.now() - started) / 200;
    expect(map.size).toBe(1000);
    expect(perPatch).toBeLessThan(5);
    // untouched rows are the very same objects
    expect(map.get((rows[999] as ContainerSummary).id)).toBe(rows[999]);
  });
});

describe('sameData', () => {
  it('compares plain JSON data structurally', () => {
    expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});

describe('containers store', () => {
  function fakeApi(answer: (args: unknown) => unknown): CallPort & { calls: unknown[] } {
    const calls: unknown[] = [];
    return {
      calls,
      call: (async (name: string, args: unknown) => {
        calls.push({ name, args });
        return answer(args);
      }) as CallPort['call'],
    };
  }

  it('applies patches, and is loaded after the first reset', () => {
    const store = createContainersStore(fakeApi(() => []));
    expect(store.getState().loaded).toBe(false);
    const a = container();
    store.getState().applyPatch({ reset: true, upsert: [], remove: [] });
    expect(store.getState().loaded).toBe(true);
    store.getState().applyPatch({ reset: false, upsert: [a], remove: [] });
    expect(store.getState().byId.get(a.id)).toBe(a);
  });

  it('does not notify subscribers for a patch that changes nothing', () => {
    const store = createContainersStore(fakeApi(() => []));
    const a = container();
    store.getState().applyPatch({ reset: true, upsert: [a], remove: [] });
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.getState().applyPatch({ reset: false, upsert: [copy(a)], remove: [] });
    expect(notified).toBe(0);
  });

  it('acts, passes the removal choices, and reports only failures with the names it had', async () => {
    const a = container({ name: 'alpha' });
    const b = container({ name: 'beta' });
    const api = fakeApi(() => [
      { id: a.id, ok: true, error: null },
      { id: b.id, ok: false, error: { code: 'must-stop-container' } },
    ]);
    const store = createContainersStore(api);
    store.getState().applyPatch({ reset: true, upsert: [a, b], remove: [] });
    const pending = store.getState().act([a.id, b.id], 'remove', { removeVolumes: true });
    expect(store.getState().busy.has(a.id)).toBe(true);
    const report = await pending;
    expect(api.calls).toEqual([{ name: 'containers.act', args: { ids: [a.id, b.id], action: 'remove', removeVolumes: true, force: false } }]);
    expect(report.failures).toEqual([{ id: b.id, name: 'beta', error: { code: 'must-stop-container' } }]);
    expect(store.getState().report).toEqual(report);
    expect(store.getState().busy.size).toBe(0);
  });

  it('names a container a remove found already gone, as done rather than failed', async () => {
    const a = container({ name: 'alpha' });
    const api = fakeApi(() => [{ id: a.id, ok: true, error: null, gone: true }]);
    const store = createContainersStore(api);
    store.getState().applyPatch({ reset: true, upsert: [a], remove: [] });
    const report = await store.getState().act([a.id], 'remove');
    expect(report.failures).toEqual([]);
    expect(report.gone).toEqual([{ id: a.id, name: 'alpha' }]);
    expect(store.getState().report).toEqual(report);
    // Gone from the list before the answer came: still named, from what the dialog knew.
    store.getState().applyPatch({ reset: false, upsert: [], remove: [a.id] });
    const later = await store.getState().act([a.id], 'remove', { names: { [a.id]: 'alpha' } });
    expect(later.gone).toEqual([{ id: a.id, name: 'alpha' }]);
  });

  it('sends no removal options for other actions and clears the report on success', async () => {
    const a = container();
    const api = fakeApi(() => [{ id: a.id, ok: true, error: null }]);
    const store = createContainersStore(api);
    await store.getState().act([a.id], 'stop');
    expect(api.calls).toEqual([{ name: 'containers.act', args: { ids: [a.id], action: 'stop' } }]);
    expect(store.getState().report).toBeNull();
  });

  it('turns a rejected call into a failure per container', async () => {
    const a = container({ name: 'alpha' });
    const api: CallPort = {
      call: (async () => {
        throw new SiloCallError({ code: 'engine-unreachable' });
      }) as CallPort['call'],
    };
    const store = createContainersStore(api);
    store.getState().applyPatch({ reset: true, upsert: [a], remove: [] });
    const report = await store.getState().act([a.id], 'start');
    expect(report.failures).toEqual([{ id: a.id, name: 'alpha', error: { code: 'engine-unreachable' } }]);
  });
});
