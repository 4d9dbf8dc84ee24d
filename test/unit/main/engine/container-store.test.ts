// The store's bookkeeping with a scripted engine: one inspect in flight per id, re-run when an
// event came meanwhile, destroy wins over a late answer, events during the first list wait for it.
import { describe, expect, it } from 'vitest';
import { ContainerStore, type FixedFacts } from '../../../../src/main/engine/container-store';
import type { EngineEvent } from '../../../../src/main/engine/events';
import type { RawContainerInspect, RawContainerListItem } from '../../../../src/shared/engine-api';
import type { ContainersPatch } from '../../../../src/shared/model/container';
import type { EngineInfo } from '../../../../src/shared/model/engine';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function item(id: string, name: string): RawContainerListItem {
  return {
    Id: id,
    Names: [`/${name}`],
    Image: 'busybox',
    Created: 1_700_000_000,
    State: 'running',
    Status: 'Up 2 minutes',
    Labels: { 'com.docker.compose.project': 'p' },
  };
}

function inspect(id: string, name: string, status = 'running'): RawContainerInspect {
  return {
    Id: id,
    Name: `/${name}`,
    Created: '2023-11-14T22:13:20Z',
    Image: 'sha256:1',
    State: { Status: status, StartedAt: '2023-11-14T22:13:21.5Z', FinishedAt: '0001-01-01T00:00:00Z', ExitCode: 0 },
    Config: { Image: 'busybox', Labels: {} },
    HostConfig: { Runtime: 'runsc' },
  };
}

const info = { osType: 'linux', defaultRuntime: 'runc', runtimes: [] } as unknown as EngineInfo;

function setup(list: RawContainerListItem[] = []) {
  const pending: Array<{ id: string; resolve: (v: RawContainerInspect | null) => void }> = [];
  let listResolve: ((v: RawContainerListItem[]) => void) | null = null;
  let inFlight = 0;
  let maxInFlightPerId = 0;
  const perId = new Map<string, number>();
  const patches: ContainersPatch[] = [];
  const fixed = new Map<string, FixedFacts>();
  const store = new ContainerStore({
    endpointHost: () => null,
    api: {
      list: () => new Promise((resolve) => (listResolve = resolve)),
      inspect: (id) =>
        new Promise((resolve) => {
          inFlight += 1;
          perId.set(id, (perId.get(id) ?? 0) + 1);
          maxInFlightPerId = Math.max(maxInFlightPerId, perId.get(id)!);
          pending.push({
            id,
            resolve: (v) => {
              inFlight -= 1;
              perId.set(id, perId.get(id)! - 1);
              resolve(v);
            },
          });
        }),
    },
    engineInfo: () => info,
    emit: (p) => patches.push(p),
    onConnectionError: () => undefined,
    log: () => undefined,
    fixed,
  });
  const loaded = store.load();
  const finishList = async () => {
    listResolve!(list);
    await loaded;
  };
  const answer = async (id: string, value: RawContainerInspect | null) => {
    const i = pending.findIndex((p) => p.id === id);
    if (i < 0) throw new Error(`no inspect of ${id} in flight`);
    pending.splice(i, 1)[0]!.resolve(value);
    await new Promise((r) => setImmediate(r));
  };
  const event = (id: string, action: string): EngineEvent => ({ type: 'container', action, rawAction: action, id, attributes: {}, time: null });
  return { store, patches, pending, fixed, finishList, answer, event, stats: () => ({ inFlight, maxInFlightPerId }) };
}

describe('ContainerStore', () => {
  it('sends the list as a reset, then fills isolation and detail from one inspect each', async () => {
    const t = setup([item(A, 'web')]);
    await t.finishList();
    expect(t.patches[0]).toMatchObject({
      reset: true,
      upsert: [{ id: A, name: 'web', isolation: null, detail: null, statusText: 'Up 2 minutes', composeProject: 'p' }],
    });
    expect(t.pending.map((p) => p.id)).toEqual([A]);
    await t.answer(A, inspect(A, 'web'));
    await t.store.idle();
    const last = t.patches.at(-1)!;
    expect(last.reset).toBe(false);
    expect(last.upsert[0]).toMatchObject({
      id: A,
      statusText: 'Up 2 minutes',
      detail: { startedAt: Date.parse('2023-11-14T22:13:21.5Z'), finishedAt: null, exitCode: null },
    });
    expect(last.upsert[0]?.isolation?.mode).toBe('runsc');
  });

  it('keeps at most one inspect in flight per id and re-runs once for events that came meanwhile', async () => {
    const t = setup([]);
    await t.finishList();
    t.store.handleEvent(t.event(A, 'create'));
    t.store.handleEvent(t.event(A, 'start'));
    t.store.handleEvent(t.event(A, 'health_status'));
    expect(t.pending.map((p) => p.id)).toEqual([A]);
    t.store.handleEvent(t.event(A, 'pause'));
    await t.answer(A, inspect(A, 'web', 'running'));
    expect(t.pending.map((p) => p.id)).toEqual([A]); // exactly one re-run
    await t.answer(A, inspect(A, 'web', 'paused'));
    expect(t.pending).toEqual([]);
    expect(t.stats().maxInFlightPerId).toBe(1);
    await t.store.idle();
    expect(t.store.get(A)?.state).toBe('paused');
  });

  it('ignores events that change nothing shown, and exec_* never reaches it', async () => {
    const t = setup([]);
    await t.finishList();
    t.store.handleEvent(t.event(A, 'attach'));
    t.store.handleEvent(t.event(A, 'resize'));
    expect(t.pending).toEqual([]);
  });

  it('finds a container an event names instead of giving its id (Podman may send no Actor.ID)', async () => {
    const t = setup([item(A, 'web')]);
    await t.finishList();
    await t.answer(A, inspect(A, 'web'));
    await t.store.idle();
    t.store.handleEvent(t.event('web', 'stop'));
    expect(t.pending.map((p) => p.id)).toEqual([A]);
    await t.answer(A, inspect(A, 'web', 'exited'));
    await t.store.idle();
    expect(t.store.get(A)?.state).toBe('exited');
    t.store.handleEvent(t.event('web', 'destroy'));
    await t.store.idle();
    expect(t.store.containers()).toEqual([]);
    expect(t.patches.at(-1)).toEqual({ reset: false, upsert: [], remove: [A] });
  });

  it('lets destroy win over an inspect answer that arrives later', async () => {
    const t = setup([item(A, 'web')]);
    await t.finishList();
    t.store.handleEvent(t.event(A, 'destroy'));
    await t.answer(A, inspect(A, 'web'));
    await t.store.idle();
    expect(t.store.containers()).toEqual([]);
    expect(t.patches.at(-1)).toEqual({ reset: false, upsert: [], remove: [A] });
    expect(t.patches.flatMap((p) => (p.reset ? [] : p.upsert))).toEqual([]);
  });

  it('holds events that arrive during the first list until the reset is out', async () => {
    const t = setup([item(A, 'web')]);
    t.store.handleEvent(t.event(B, 'create'));
    t.store.handleEvent(t.event(A, 'destroy'));
    expect(t.pending).toEqual([]);
    await t.finishList();
    // A was destroyed after the list was taken: the reset leaves it out.
    expect(t.patches[0]).toEqual({ reset: true, upsert: [], remove: [] });
    expect(t.pending.map((p) => p.id)).toEqual([B]);
    await t.answer(B, inspect(B, 'newer'));
    await t.store.idle();
    expect(t.store.containers().map((c) => c.name)).toEqual(['newer']);
  });

  it('removes a container whose inspect says it is gone', async () => {
    const t = setup([item(A, 'web')]);
    await t.finishList();
    await t.answer(A, null);
    await t.store.idle();
    expect(t.store.containers()).toEqual([]);
    expect(t.patches.at(-1)?.remove).toEqual([A]);
  });

  it('keeps a container’s isolation for its life: later inspects do not recompute it', async () => {
    const t = setup([item(A, 'web')]);
    await t.finishList();
    await t.answer(A, inspect(A, 'web'));
    const first = t.store.get(A)?.isolation;
    expect(t.fixed.get(A)?.isolation).toEqual(first);
    t.store.handleEvent(t.event(A, 'update'));
    await t.answer(A, { ...inspect(A, 'web'), HostConfig: { Runtime: 'something-else' } });
    expect(t.store.get(A)?.isolation).toEqual(first);
  });
});
