import { describe, expect, it } from 'vitest';
import { BURST, initialNotifierState, nextWake, receive, REPEAT_MS, tick, type NotifierState } from '../../../../src/main/notify/burst';
import { DEFAULT_NOTIFY_PREFERENCES, type ContainerIncident, type IncidentKind, type Notice, type NotifyPreferences } from '../../../../src/main/notify/types';
import { wordNotice } from '../../../../src/main/notify/words';
import { hexId } from '../tray/fixtures';

const incident = (n: number, at: number, kind: IncidentKind = 'died'): ContainerIncident => ({
  kind,
  at,
  id: hexId(n),
  name: `c${n}`,
  exitCode: kind === 'died' ? 1 : null,
});

/** Feeds incidents and clock ticks in order, collecting every notice. */
function run(inputs: Array<ContainerIncident | { tick: number }>, preferences: NotifyPreferences = DEFAULT_NOTIFY_PREFERENCES) {
  let state: NotifierState = initialNotifierState();
  const notices: Notice[] = [];
  for (const input of inputs) {
    const step = 'tick' in input ? tick(state, input.tick) : receive(state, input, preferences);
    state = step.state;
    notices.push(...step.notices);
  }
  return { state, notices };
}

describe('notifications', () => {
  it('tells each incident at once while they are few', () => {
    const { notices, state } = run([incident(1, 0), incident(2, 100, 'oom'), incident(3, 200, 'unhealthy')]);
    expect(notices.map((n) => [n.kind, n.summary, n.incidents[0]?.name])).toEqual([
      ['died', false, 'c1'],
      ['oom', false, 'c2'],
      ['unhealthy', false, 'c3'],
    ]);
    expect(nextWake(state)).toBeNull();
  });

  it('summarises a burst into one notice, once it is quiet, standing for those already shown', () => {
    const inputs = Array.from({ length: 12 }, (_, i) => incident(i, 1000 + i * 10));
    const during = run(inputs);
    expect(during.notices).toHaveLength(3);
    const wake = nextWake(during.state);
    expect(wake).toBe(1000 + 11 * 10 + BURST.quietMs);

    const early = tick(during.state, wake! - 1);
    expect(early.notices).toEqual([]);
    const { notices } = tick(during.state, wake!);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'died', summary: true, replaces: during.notices.map((n) => n.id) });
    expect(notices[0]!.incidents).toHaveLength(12);
    expect(wordNotice(notices[0]!, 'en')).toEqual({ title: '12 containers stopped unexpectedly', body: 'c0, c1, c2 and 9 more' });
    expect(wordNotice(notices[0]!, 'es').title).toBe('12 contenedores se detuvieron inesperadamente');
  });

  it('counts "more than 3 within 2 s" exactly', () => {
    expect(run([incident(1, 0), incident(2, 1), incident(3, 2)]).notices).toHaveLength(3);
    expect(run([incident(1, 0), incident(2, 1), incident(3, 2), incident(4, 3)]).notices).toHaveLength(3);
    // Spread over more than the window: all told one by one.
    const spread = Array.from({ length: 8 }, (_, i) => incident(i, i * 700));
    expect(run(spread).notices.filter((n) => !n.summary)).toHaveLength(8);
  });

  it('summarises a burst of several kinds as needing attention', () => {
    const inputs: Array<ContainerIncident | { tick: number }> = [
      incident(1, 0),
      incident(2, 0, 'oom'),
      incident(3, 0, 'unhealthy'),
      incident(4, 0),
      { tick: 5000 },
    ];
    const summary = run(inputs).notices.at(-1)!;
    expect(summary).toMatchObject({ kind: 'mixed', summary: true });
    expect(wordNotice(summary, 'en')).toEqual({ title: '4 containers need attention', body: 'c1, c2, c3 and 1 more' });
  });

  it('does not hold a burst that never pauses for more than the longest hold', () => {
    const steady = Array.from({ length: 200 }, (_, i) => incident(i, i * 100));
    let state = run(steady.slice(0, 4)).state;
    const notices: Notice[] = [];
    for (const input of steady.slice(4)) {
      const woke = tick(state, input.at);
      notices.push(...woke.notices);
      const step = receive(woke.state, input, DEFAULT_NOTIFY_PREFERENCES);
      notices.push(...step.notices);
      state = step.state;
    }
    // One summary every maxHoldMs, no single notices in between.
    expect(notices.every((n) => n.summary)).toBe(true);
    expect(notices.length).toBe(Math.floor((199 * 100) / BURST.maxHoldMs));
  });

  it('goes back to single notices after a summary and a quiet window', () => {
    const burst = Array.from({ length: 5 }, (_, i) => incident(i, i));
    const { notices } = run([...burst, { tick: 10_000 }, incident(50, 10_000 + BURST.windowMs + 1)]);
    expect(notices.map((n) => n.summary)).toEqual([false, false, false, true, false]);
  });

  it('can turn each kind off', () => {
    const all: ContainerIncident[] = [incident(1, 0), incident(2, 0, 'oom'), incident(3, 0, 'unhealthy')];
    expect(run(all, { died: false, oom: true, unhealthy: true }).notices.map((n) => n.kind)).toEqual(['oom', 'unhealthy']);
    expect(run(all, { died: true, oom: false, unhealthy: true }).notices.map((n) => n.kind)).toEqual(['died', 'unhealthy']);
    expect(run(all, { died: true, oom: true, unhealthy: false }).notices.map((n) => n.kind)).toEqual(['died', 'oom']);
    expect(run(all, { died: false, oom: false, unhealthy: false }).notices).toEqual([]);
    // Turned-off kinds do not count toward a burst either.
    const many = Array.from({ length: 10 }, (_, i) => incident(i, i, 'unhealthy'));
    expect(run([...many, { tick: 10_000 }], { died: true, oom: true, unhealthy: false }).notices).toEqual([]);
  });

  it('tells a flapping container once, and an exit after a kill for memory not again', () => {
    const flapping = [incident(1, 0, 'unhealthy'), incident(1, 30_000, 'unhealthy'), incident(1, REPEAT_MS + 1, 'unhealthy')];
    expect(run(flapping).notices).toHaveLength(2);
    expect(run([incident(1, 0, 'oom'), incident(1, 100, 'died')]).notices.map((n) => n.kind)).toEqual(['oom']);
  });

  it('words single notices in English and Spanish', () => {
    const [died, oom, unhealthy] = run([incident(1, 0), incident(2, 0, 'oom'), incident(3, 0, 'unhealthy')]).notices;
    expect(wordNotice(died!, 'en')).toEqual({ title: 'c1 stopped unexpectedly', body: 'It exited with code 1.' });
    expect(wordNotice(oom!, 'en').title).toBe('c2 was killed for lack of memory');
    expect(wordNotice(unhealthy!, 'es').title).toBe('c3 no está sano');
  });
});
