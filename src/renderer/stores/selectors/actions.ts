// Which actions make sense for a container in a given state (the others are not offered).
import type { ContainerAction, ContainerState, ContainerSummary } from '../../../shared/model/container';

/** In the order the buttons appear. */
export const ACTION_ORDER: readonly ContainerAction[] = ['start', 'stop', 'restart', 'pause', 'unpause', 'kill', 'remove'];

const BY_STATE: Record<ContainerState, readonly ContainerAction[]> = {
  created: ['start', 'remove'],
  running: ['stop', 'restart', 'pause', 'kill', 'remove'],
  paused: ['unpause', 'kill', 'remove'],
  restarting: ['stop', 'kill', 'remove'],
  exited: ['start', 'restart', 'remove'],
  dead: ['remove'],
  removing: [],
};

export function actionsFor(state: ContainerState): readonly ContainerAction[] {
  return BY_STATE[state] ?? [];
}

export function canAct(state: ContainerState, action: ContainerAction): boolean {
  return actionsFor(state).includes(action);
}

/** A container that is up in some way: removing it needs force. */
export function isActive(state: ContainerState): boolean {
  return state === 'running' || state === 'paused' || state === 'restarting';
}

/** For a selection: each action offered by at least one container, with the ids it applies to. */
export function actionsForSelection(containers: readonly ContainerSummary[]): Map<ContainerAction, string[]> {
  const result = new Map<ContainerAction, string[]>();
  for (const action of ACTION_ORDER) {
    const ids = containers.filter((c) => canAct(c.state, action)).map((c) => c.id);
    if (ids.length > 0) result.set(action, ids);
  }
  return result;
}
