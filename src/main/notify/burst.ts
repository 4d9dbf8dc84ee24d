// Which notices to show, decided from time-stamped incidents: a pure state machine, so tests drive
// the clock. Each kind can be turned off; a container repeating the same incident is told once;
// more than BURST.count incidents within BURST.windowMs become one summary, shown once the burst
// has been quiet for BURST.quietMs (or has lasted BURST.maxHoldMs), standing for the notices of
// that burst already shown.
import type { ContainerIncident, Notice, NotifyPreferences } from './types';

export const BURST = { count: 3, windowMs: 2_000, quietMs: 2_000, maxHoldMs: 10_000 } as const;
/** The same incident on the same container within this time is told once (a flapping health check). */
export const REPEAT_MS = 60_000;
/** An exit right after a kill for memory is the same story, already told. */
const OOM_EXIT_MS = 5_000;

interface Shown {
  id: number;
  at: number;
  incidents: ContainerIncident[];
}

export interface NotifierState {
  nextId: number;
  /** Individual notices shown within the last window. */
  shown: Shown[];
  burst: { incidents: ContainerIncident[]; replaces: number[]; startedAt: number; lastAt: number } | null;
  /** After a summary, incidents until this time go straight into the next one. */
  burstyUntil: number;
  /** `kind:id` → when it was last told. */
  told: Record<string, number>;
}

export const initialNotifierState = (): NotifierState => ({ nextId: 1, shown: [], burst: null, burstyUntil: 0, told: {} });

export interface Step {
  state: NotifierState;
  notices: Notice[];
}

function isRepeat(state: NotifierState, incident: ContainerIncident): boolean {
  const last = state.told[`${incident.kind}:${incident.id}`];
  if (last !== undefined && incident.at - last < REPEAT_MS) return true;
  const oom = state.told[`oom:${incident.id}`];
  return incident.kind === 'died' && oom !== undefined && incident.at - oom < OOM_EXIT_MS;
}

function forget(told: Record<string, number>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(told).filter(([, at]) => now - at < REPEAT_MS));
}

export function receive(previous: NotifierState, incident: ContainerIncident, preferences: NotifyPreferences): Step {
  if (!preferences[incident.kind] || isRepeat(previous, incident)) return { state: previous, notices: [] };
  const told = { ...forget(previous.told, incident.at), [`${incident.kind}:${incident.id}`]: incident.at };
  const state: NotifierState = { ...previous, told, shown: previous.shown.filter((s) => incident.at - s.at < BURST.windowMs) };

  if (state.burst) {
    return { state: { ...state, burst: { ...state.burst, incidents: [...state.burst.incidents, incident], lastAt: incident.at } }, notices: [] };
  }
  if (state.shown.length < BURST.count && incident.at >= state.burstyUntil) {
    const notice: Notice = { id: state.nextId, kind: incident.kind, summary: false, incidents: [incident], replaces: [] };
    return {
      state: { ...state, nextId: state.nextId + 1, shown: [...state.shown, { id: notice.id, at: incident.at, incidents: [incident] }] },
      notices: [notice],
    };
  }
  // The burst takes in the notices of its window already shown, and stands for them.
  const burst = {
    incidents: [...state.shown.flatMap((s) => s.incidents), incident],
    replaces: state.shown.map((s) => s.id),
    startedAt: state.shown[0]?.at ?? incident.at,
    lastAt: incident.at,
  };
  return { state: { ...state, shown: [], burst }, notices: [] };
}

/** When `tick` has something to do next, or null. */
export function nextWake(state: NotifierState): number | null {
  if (!state.burst) return null;
  return Math.min(state.burst.lastAt + BURST.quietMs, state.burst.startedAt + BURST.maxHoldMs);
}

export function tick(state: NotifierState, now: number): Step {
  const due = nextWake(state);
  if (!state.burst || due === null || now < due) return { state, notices: [] };
  const { incidents, replaces } = state.burst;
  const kinds = new Set(incidents.map((i) => i.kind));
  const kind = kinds.size === 1 ? incidents[0]!.kind : 'mixed';
  const notice: Notice = { id: state.nextId, kind, summary: true, incidents, replaces };
  return { state: { ...state, nextId: state.nextId + 1, burst: null, burstyUntil: now + BURST.windowMs }, notices: [notice] };
}
