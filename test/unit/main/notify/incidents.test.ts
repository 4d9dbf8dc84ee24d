import { describe, expect, it } from 'vitest';
import { exitCodeOf, incidentsFromPatch } from '../../../../src/main/notify/incidents';
import { RequestedStops, REQUESTED_STOP_MS } from '../../../../src/main/notify/requested';
import type { ContainerStateDetail, ContainerSummary } from '../../../../src/shared/model/container';
import { container } from '../tray/fixtures';

const detail = (extra: Partial<ContainerStateDetail>): ContainerStateDetail => ({
  startedAt: 0,
  finishedAt: null,
  exitCode: 0,
  oomKilled: false,
  health: null,
  restartCount: 0,
  ...extra,
});
const running = container(1, 'running', { name: 'web', detail: detail({}) });
const exited = (extra: Partial<ContainerStateDetail>, state: ContainerSummary['state'] = 'exited'): ContainerSummary => ({
  ...running,
  state,
  detail: detail(extra),
});
const before = new Map([[running.id, running]]);
const kinds = (next: ContainerSummary, requested = () => false) =>
  incidentsFromPatch(before, { reset: false, upsert: [next], remove: [] }, 5, requested).map((i) => [i.kind, i.exitCode]);

describe('incidents from container changes', () => {
  it('sees a container that dies with a non-zero exit', () => {
    expect(kinds(exited({ exitCode: 1 }))).toEqual([['died', 1]]);
    expect(kinds(exited({ exitCode: 2 }, 'restarting'))).toEqual([['died', 2]]);
    expect(kinds(exited({ exitCode: 139 }, 'dead'))).toEqual([['died', 139]]);
  });

  it('does not report clean exits, stops by signal, or stops the person asked for', () => {
    expect(kinds(exited({ exitCode: 0 }))).toEqual([]);
    for (const code of [130, 137, 143]) expect(kinds(exited({ exitCode: code }))).toEqual([]);
    expect(kinds(exited({ exitCode: 1 }), () => true)).toEqual([]);
  });

  it('sees a kill for memory, once, not as a death as well', () => {
    expect(kinds(exited({ exitCode: 137, oomKilled: true }))).toEqual([['oom', null]]);
  });

  it('sees a container turning unhealthy, not one that stays so', () => {
    expect(kinds({ ...running, detail: detail({ health: 'unhealthy' }) })).toEqual([['unhealthy', null]]);
    const sick = { ...running, detail: detail({ health: 'unhealthy' as const }) };
    expect(incidentsFromPatch(new Map([[sick.id, sick]]), { reset: false, upsert: [sick], remove: [] }, 5)).toEqual([]);
  });

  it('raises nothing for a container seen for the first time (a resync, the first list)', () => {
    expect(incidentsFromPatch(new Map(), { reset: true, upsert: [exited({ exitCode: 1 })], remove: [] }, 5)).toEqual([]);
  });

  it("reads the exit code from the engine's status text while the detail is missing", () => {
    expect(exitCodeOf({ ...running, detail: null, statusText: 'Exited (3) 2 seconds ago' })).toBe(3);
    expect(exitCodeOf({ ...running, detail: null, statusText: 'Up 2 minutes' })).toBeNull();
    expect(kinds({ ...running, state: 'exited', detail: null, statusText: 'Exited (3) 2 seconds ago' })).toEqual([['died', 3]]);
  });
});

describe('stops the person asked for', () => {
  it('are remembered for a minute, by full or short id, for stopping actions only', () => {
    const stops = new RequestedStops();
    const id = running.id;
    stops.record([id.slice(0, 12)], 'stop', 1000);
    expect(stops.has(id, 1000 + REQUESTED_STOP_MS - 1)).toBe(true);
    expect(stops.has(id, 1000 + REQUESTED_STOP_MS)).toBe(false);
    stops.record([id], 'start', 0);
    stops.record([id], 'unpause', 0);
    expect(stops.has(id, 1)).toBe(false);
    for (const action of ['restart', 'kill', 'remove'] as const) {
      const s = new RequestedStops();
      s.record([id], action, 0);
      expect(s.has(id, 1)).toBe(true);
    }
  });
});
