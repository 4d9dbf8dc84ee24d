// One re-list per burst of events, patches against what the pages have, nothing while nobody follows.
import { describe, expect, it } from 'vitest';
import type { ResourcePatch } from '../../../../src/shared/model/resource-patch';
import { ResourceWatch } from '../../../../src/main/dashboard/resource-watch';

interface Item {
  id: string;
  v: number;
}

function setup(initial: Item[]) {
  let items = initial;
  let calls = 0;
  let gate: Promise<void> | null = null;
  const patches: Array<ResourcePatch<Item>> = [];
  const watch = new ResourceWatch<Item>({
    list: async () => {
      calls += 1;
      if (gate) await gate;
      return items;
    },
    key: (i) => i.id,
    emit: (p) => patches.push(p),
    log: () => undefined,
    settleMs: 10,
  });
  return {
    watch,
    patches,
    set: (next: Item[]) => (items = next),
    calls: () => calls,
    hold: () => {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

describe('ResourceWatch', () => {
  it('does nothing for events while nobody follows', async () => {
    const t = setup([{ id: 'a', v: 1 }]);
    t.watch.changed();
    await t.watch.idle();
    expect(t.calls()).toBe(0);
  });

  it('turns a burst of events into one list and one patch', async () => {
    const t = setup([{ id: 'a', v: 1 }]);
    const stop = t.watch.watch();
    await t.watch.listNow();
    t.set([
      { id: 'a', v: 2 },
      { id: 'b', v: 1 },
    ]);
    for (let i = 0; i < 50; i++) t.watch.changed();
    await new Promise((r) => setTimeout(r, 30));
    await t.watch.idle();
    expect(t.calls()).toBe(2);
    expect(t.patches).toEqual([
      {
        reset: false,
        upsert: [
          { id: 'a', v: 2 },
          { id: 'b', v: 1 },
        ],
        remove: [],
      },
    ]);
    stop();
  });

  it('lists once more when events come during a list', async () => {
    const t = setup([{ id: 'a', v: 1 }]);
    t.watch.watch();
    await t.watch.listNow();
    const open = t.hold();
    t.watch.changed();
    await new Promise((r) => setTimeout(r, 30));
    t.set([]);
    t.watch.changed();
    t.watch.changed();
    open();
    await new Promise((r) => setTimeout(r, 30));
    await t.watch.idle();
    expect(t.calls()).toBe(3);
    expect(t.patches.at(-1)).toEqual({ reset: false, upsert: [], remove: ['a'] });
  });

  it('sends another page’s fresh list as a patch to the pages already following', async () => {
    const t = setup([{ id: 'a', v: 1 }]);
    t.watch.watch();
    await t.watch.listNow();
    t.set([
      { id: 'a', v: 1 },
      { id: 'c', v: 1 },
    ]);
    await t.watch.listNow();
    expect(t.patches).toEqual([{ reset: false, upsert: [{ id: 'c', v: 1 }], remove: [] }]);
  });

  it('updates known items without the engine, resyncs whole after a reconnect, clears for another engine', async () => {
    const t = setup([{ id: 'a', v: 1 }]);
    t.watch.watch();
    await t.watch.listNow();
    t.watch.update((i) => ({ ...i, v: 9 }));
    expect(t.patches.at(-1)).toEqual({ reset: false, upsert: [{ id: 'a', v: 9 }], remove: [] });
    t.watch.resync();
    await t.watch.idle();
    expect(t.patches.at(-1)).toEqual({ reset: true, upsert: [{ id: 'a', v: 1 }], remove: [] });
    t.watch.clear();
    expect(t.patches.at(-1)).toEqual({ reset: true, upsert: [], remove: [] });
  });
});
