// runc's reserved other names fold under runc, and a move between two names of one runtime is none.
import { describe, expect, it } from 'vitest';
import { toEngineInfo } from '../../../../src/shared/isolation';
import { canonicalRuntime, sameRuntime, shownRuntimes } from '../../../../src/shared/isolation/runtime-aliases';
import { planRecreate } from '../../../../src/shared/isolation/recreate-plan';
import { loadInspect } from '../recreate/load';
import type { RuntimeInfo } from '../../../../src/shared/model/engine';

const runtime = (name: string, over: Partial<RuntimeInfo> = {}): RuntimeInfo => ({
  name,
  path: 'runc',
  runtimeType: null,
  args: [],
  rung: 'shared-kernel',
  isDefault: false,
  ...over,
});

// Engine 20.10 lists runc three times (GET /info of the test engine).
const info = toEngineInfo({
  OSType: 'linux',
  DefaultRuntime: 'runc',
  Runtimes: {
    'io.containerd.runc.v2': { path: 'runc' },
    'io.containerd.runtime.v1.linux': { path: 'runc' },
    runc: { path: 'runc' },
    runsc: { path: '/usr/bin/runsc' },
  },
});

describe('runtime aliases', () => {
  it('names io.containerd.runc.v2 and io.containerd.runtime.v1.linux as runc when the engine lists runc', () => {
    expect(canonicalRuntime('io.containerd.runc.v2', info.runtimes)).toBe('runc');
    expect(canonicalRuntime('io.containerd.runtime.v1.linux', info.runtimes)).toBe('runc');
    expect(canonicalRuntime('runsc', info.runtimes)).toBe('runsc');
    // Without runc listed, an alias is itself.
    expect(canonicalRuntime('io.containerd.runc.v2', [runtime('io.containerd.runc.v2')])).toBe('io.containerd.runc.v2');
    expect(sameRuntime('runc', 'io.containerd.runc.v2', info.runtimes)).toBe(true);
    expect(sameRuntime('runc', 'runsc', info.runtimes)).toBe(false);
  });

  it('shows one entry per runtime, its other names folded in, in the same order whatever order the engine used', () => {
    const shown = shownRuntimes(info.runtimes);
    expect(shown.map((r) => [r.name, r.aliases, r.isDefault])).toEqual([
      ['runc', ['io.containerd.runc.v2', 'io.containerd.runtime.v1.linux'], true],
      ['runsc', [], false],
    ]);
    expect(shownRuntimes([...info.runtimes].reverse()).map((r) => r.name)).toEqual(['runc', 'runsc']);
    // The default named by an alias marks runc as the default.
    const viaAlias = shownRuntimes(markDefault(info.runtimes, 'io.containerd.runc.v2'));
    expect(viaAlias.find((r) => r.name === 'runc')?.isDefault).toBe(true);
  });

  it('a plan from runc to io.containerd.runc.v2 is refused as the same isolation', () => {
    const inspect = loadInspect('web');
    inspect.HostConfig.Runtime = 'runc';
    const plan = planRecreate(inspect, { os: 'linux', runtime: 'io.containerd.runc.v2' }, { engine: info, writableLayer: 'empty' });
    expect(plan.blockers.map((b) => b.code)).toContain('same-isolation');
  });
});

function markDefault(runtimes: readonly RuntimeInfo[], name: string): RuntimeInfo[] {
  return runtimes.map((r) => ({ ...r, isDefault: r.name === name }));
}
