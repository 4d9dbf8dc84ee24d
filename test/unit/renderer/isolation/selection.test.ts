// What the "Change isolation" dialog offers, and when "Change isolation" may be pressed.
import { describe, expect, it } from 'vitest';
import type { MoveTarget } from '../../../../src/shared/isolation/gvisor-limits';
import type { MoveAdvice } from '../../../../src/shared/model/move';
import {
  alreadyThere,
  choicesToSend,
  reachableTargets,
  confirmBlock,
  inPool,
  ladderRows,
  needsLayerChoice,
  newOperationId,
  projectMembers,
} from '../../../../src/renderer/views/isolation/selection';
import { container } from '../fixtures';

const target = (name: string, rung: MoveTarget['rung'], isDefault = false): MoveTarget => ({
  name,
  rung,
  isDefault,
  path: name,
  runtimeType: null,
  args: [],
  sameRung: false,
});
const runc = target('runc', 'shared-kernel', true);
const runsc = target('runsc', 'user-space-kernel');
const kata = target('kata', 'virtual-machine');

function advice(over: Partial<MoveAdvice> & { changed?: boolean } = {}): MoveAdvice {
  const { changed = false, ...rest } = over;
  return {
    containerId: 'a'.repeat(64),
    name: 'web',
    before: { mode: 'runc', rung: 'shared-kernel' },
    after: { mode: 'runsc', rung: 'user-space-kernel' },
    targets: [runsc],
    alreadyThere: false,
    mustAcknowledge: [],
    graceSeconds: 10,
    blockers: [],
    warnings: [],
    gvisorLimits: [],
    writableLayer: { changed, count: changed ? 2 : 0, sample: [], mayBeIncomplete: false, choiceRequired: changed, choice: null },
    keeps: {
      image: 'busybox',
      imageReason: 'same-image',
      volumes: [],
      binds: [],
      networks: [],
      ports: [],
      restartPolicy: 'no',
      env: 0,
      labels: 0,
      running: true,
      notes: [],
    },
    steps: [],
    windows: null,
    composeProject: null,
    ...rest,
  };
}

describe('targets', () => {
  it('offers to a selection every target some member can reach, even when another member already runs there', () => {
    // One member on runc, one already on runsc: runsc stays on offer (the second stays as it is).
    expect(reachableTargets([{ targets: [runsc, kata] }, { targets: [runc, kata] }]).map((t) => t.name)).toEqual(['runsc', 'kata', 'runc']);
    expect(reachableTargets([{ targets: [runsc] }, { targets: [runc] }]).map((t) => t.name)).toEqual(['runsc', 'runc']);
    expect(reachableTargets([])).toEqual([]);
    const members = new Map([
      ['on-runc', { targets: [runsc, kata] }],
      ['on-runsc', { targets: [runc, kata] }],
    ]);
    expect([...alreadyThere(members, 'runsc')]).toEqual(['on-runsc']);
    expect([...alreadyThere(members, 'kata')]).toEqual([]);
    expect([...alreadyThere(members, null)]).toEqual([]);
  });

  it('waits for the person to acknowledge what will not work as before, per member', () => {
    const cut = advice({ mustAcknowledge: ['runtime-network-none'] });
    const map = new Map<string, MoveAdvice>([
      ['a', cut],
      ['b', advice()],
    ]);
    const base = { target: 'runsc', memberIds: ['a', 'b'], advice: map, choices: {}, phase: 'choose' as const };
    expect(confirmBlock(base)).toBe('acknowledge');
    expect(confirmBlock({ ...base, acknowledged: new Set(['b']) })).toBe('acknowledge');
    expect(confirmBlock({ ...base, acknowledged: new Set(['a']) })).toBeNull();
    // A changed layer is asked first.
    map.set('b', advice({ changed: true }));
    expect(confirmBlock({ ...base, acknowledged: new Set() })).toBe('choice');
  });

  it('lets a member already on the target through, whatever its own blockers and layer', () => {
    const ids = ['a', 'b'];
    const there = advice({ alreadyThere: true, changed: true, blockers: [{ code: 'same-isolation', params: {} }] });
    const map = new Map<string, MoveAdvice>([
      ['a', advice()],
      ['b', there],
    ]);
    expect(confirmBlock({ target: 'runsc', memberIds: ids, advice: map, choices: {}, phase: 'choose' })).toBeNull();
    expect(choicesToSend(ids, map, { b: 'keep' })).toBeUndefined();
  });

  it('puts each target and each current runtime on its rung, weakest first; unknown only when used', () => {
    const rows = ladderRows(
      [
        { mode: 'runc', rung: 'shared-kernel' },
        { mode: 'runc', rung: 'shared-kernel' },
      ],
      [runsc, kata],
    );
    expect(rows.map((r) => [r.rung, r.current, r.targets.map((t) => t.name)])).toEqual([
      ['shared-kernel', ['runc'], []],
      ['user-namespaced', [], []],
      ['user-space-kernel', [], ['runsc']],
      ['virtual-machine', [], ['kata']],
    ]);
    expect(ladderRows([{ mode: 'odd', rung: 'unknown' }], []).at(-1)).toEqual({ rung: 'unknown', current: ['odd'], targets: [] });
  });
});

type AdviceState = MoveAdvice | 'loading' | 'failed';
const states = (entries: Array<[string, AdviceState]>): Map<string, AdviceState> => new Map(entries);

describe('when the move may start', () => {
  const ids = ['a', 'b'];
  const base = { target: 'runsc' as string | null, memberIds: ids, choices: {}, phase: 'choose' as const };

  it('waits for a target, then for every member’s advice on that target', () => {
    expect(confirmBlock({ ...base, target: null, advice: states([]) })).toBe('no-target');
    expect(confirmBlock({ ...base, advice: states([['a', advice()]]) })).toBe('loading');
    expect(
      confirmBlock({
        ...base,
        advice: states([
          ['a', advice()],
          ['b', 'loading'],
        ]),
      }),
    ).toBe('loading');
    // An answer about another target does not count.
    expect(
      confirmBlock({
        ...base,
        advice: states([
          ['a', advice()],
          ['b', advice({ after: { mode: 'kata', rung: 'virtual-machine' } })],
        ]),
      }),
    ).toBe('loading');
    expect(
      confirmBlock({
        ...base,
        advice: states([
          ['a', advice()],
          ['b', 'failed'],
        ]),
      }),
    ).toBe('failed');
    expect(
      confirmBlock({
        ...base,
        advice: states([
          ['a', advice()],
          ['b', advice()],
        ]),
      }),
    ).toBeNull();
  });

  it('is refused while anything blocks', () => {
    const blocked = advice({ blockers: [{ code: 'container-paused', params: {} }] });
    expect(
      confirmBlock({
        ...base,
        advice: states([
          ['a', advice()],
          ['b', blocked],
        ]),
      }),
    ).toBe('blocked');
  });

  it('has no default for a changed writable layer: the person must choose', () => {
    const map = states([
      ['a', advice({ changed: true })],
      ['b', advice()],
    ]);
    expect(needsLayerChoice(advice({ changed: true }))).toBe(true);
    expect(confirmBlock({ ...base, advice: map })).toBe('choice');
    expect(confirmBlock({ ...base, advice: map, choices: { a: 'discard' } })).toBeNull();
    expect(choicesToSend(ids, map, { a: 'keep', b: 'discard' })).toEqual({ a: 'keep' });
    expect(choicesToSend(ids, states([['a', advice()]]), { a: 'keep' })).toBeUndefined();
  });

  it('cannot be pressed again while running or once done', () => {
    const ready = states([
      ['a', advice()],
      ['b', advice()],
    ]);
    expect(confirmBlock({ ...base, advice: ready, phase: 'running' })).toBe('running');
    expect(confirmBlock({ ...base, advice: ready, phase: 'done' })).toBe('done');
  });
});

describe('helpers', () => {
  it('lists a compose project’s containers by name', () => {
    const list = [
      container({ name: 'shop-web-1', composeProject: 'shop' }),
      container({ name: 'other', composeProject: null }),
      container({ name: 'shop-db-1', composeProject: 'shop' }),
    ];
    expect(projectMembers(list, 'shop').map((c) => c.name)).toEqual(['shop-db-1', 'shop-web-1']);
  });

  it('makes operation ids the host accepts', () => {
    const id = newOperationId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newOperationId()).not.toBe(id);
    expect(newOperationId((b) => b.fill(0))).toBe('ui-aaaaaaaaaaaaaaaaaaaa');
  });

  it('runs at most `limit` tasks at a time, every item once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await inPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      seen.push(n);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
